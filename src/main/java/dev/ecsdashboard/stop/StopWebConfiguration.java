package dev.ecsdashboard.stop;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the live progress of stopping tasks on every page. */
@Configuration(proxyBeanMethods = false)
class StopWebConfiguration implements WebMvcConfigurer {

  private final StopProperties properties;

  StopWebConfiguration(StopProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new StopProgressInterceptor(properties));
  }
}
