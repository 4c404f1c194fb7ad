package dev.ecsdashboard.ecs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The dashboard's ECS wiring in aws mode, exactly as in production, for the moto_server integration
 * tests; plus an interceptor that records what goes over the wire.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EcsProperties.class, EcsCacheProperties.class})
@Import(EcsClientConfiguration.class)
class MotoAwsModeConfiguration {

  @Bean
  EcsCallRecorder ecsCallRecorder() {
    return new EcsCallRecorder();
  }

  /** Every request the dashboard's client made, and every HTTP attempt, by operation. */
  static final class EcsCallRecorder implements ExecutionInterceptor {

    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      requests.add(context.request());
    }

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attempts.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    <T extends SdkRequest> List<T> requests(Class<T> type) {
      return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    long attempts(String operation) {
      return attempts.stream().filter(operation::equals).count();
    }

    void clear() {
      requests.clear();
      attempts.clear();
    }
  }
}
