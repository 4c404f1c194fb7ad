package dev.ecsdashboard.demo;

import dev.ecsdashboard.ecs.EcsProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Demo mode ({@code dashboard.ecs.mode=demo}): the simulated ECS, its HTTP layer, and the real SDK
 * client over it, which the shared {@code EcsOperations} then uses as in aws mode. The simulation's
 * time is the application's {@link Clock} bean if there is one; its data and faults are {@link
 * DemoProperties}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dashboard.ecs.mode", havingValue = "demo")
@EnableConfigurationProperties(DemoProperties.class)
class DemoEcsConfiguration {

  @Bean
  DemoEcs demoEcs(EcsProperties properties, DemoProperties demo, ObjectProvider<Clock> clock) {
    return DemoEcs.create(properties, demo, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  DemoEcsHttpClient demoEcsHttpClient(DemoEcs ecs, DemoProperties demo) {
    return new DemoEcsHttpClient(ecs, DemoFaults.from(demo), demo.seed());
  }

  @Bean(destroyMethod = "close")
  EcsClient demoEcsClient(
      EcsProperties properties,
      DemoEcsHttpClient http,
      ObjectProvider<ExecutionInterceptor> interceptors) {
    return DemoEcsClients.create(properties, http, interceptors.orderedStream().toList());
  }
}
