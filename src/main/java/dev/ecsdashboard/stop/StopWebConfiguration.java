package dev.ecsdashboard.stop;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the live progress of stopping tasks on every page. */
@Configuration(proxyBeanMethods = false)
class StopWebConfiguration implements WebMvcConfigurer {

  private final Duration refresh;

  // A plain property rather than StopProperties, so that every MVC slice test can build it.
  StopWebConfiguration(@Value("${dashboard.stop.progress-refresh:2s}") Duration refresh) {
    this.refresh = refresh;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new StopProgressInterceptor(refresh));
  }
}
