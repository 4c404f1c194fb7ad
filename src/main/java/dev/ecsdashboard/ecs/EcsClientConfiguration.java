package dev.ecsdashboard.ecs;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The ECS client of aws mode (the SDK's default credential and region chains, explicit timeouts),
 * and the {@link EcsOperations} that every mode's client sits behind. Demo mode brings its own
 * client, configured the same way, from the {@code demo} package.
 */
@Configuration(proxyBeanMethods = false)
class EcsClientConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "dashboard.ecs.mode", havingValue = "aws", matchIfMissing = true)
  EcsClient ecsClient(EcsProperties properties, ObjectProvider<ExecutionInterceptor> interceptors) {
    EcsClientBuilder builder =
        EcsClient.builder()
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(properties.connectTimeout())
                    .socketTimeout(properties.apiCallAttemptTimeout())
                    .maxConnections(64));
    if (properties.region() != null && !properties.region().isBlank()) {
      builder.region(Region.of(properties.region()));
    }
    if (properties.endpoint() != null) {
      builder.endpointOverride(properties.endpoint());
    }
    try {
      return EcsClients.configure(builder, properties, interceptors.orderedStream().toList())
          .build();
    } catch (SdkClientException e) {
      throw new EcsConfigurationException(
          "No AWS region is configured for ECS: the SDK's region chain found none.",
          "Set dashboard.ecs.region (or the AWS_REGION environment variable, or a region in the"
              + " AWS profile), or start the demo with --spring.profiles.active=demo.",
          e);
    }
  }

  @Bean
  ArnScope arnScope(EcsClient client) {
    return new ArnScope(client.serviceClientConfiguration().region().id(), null);
  }

  /** The bound on web requests waiting on ECS at once. */
  @Bean
  EcsBulkhead ecsBulkhead(EcsProperties properties, ObjectProvider<MeterRegistry> meters) {
    EcsBulkhead bulkhead = new EcsBulkhead(properties.maxWaiting(), properties.waitForPlace());
    meters.ifAvailable(bulkhead::bindTo);
    return bulkhead;
  }

  /** The one door to ECS, behind the read cache unless {@code dashboard.ecs.cache} turns it off. */
  @Bean
  EcsOperations ecsOperations(
      EcsClient client,
      ArnScope scope,
      EcsCacheProperties cache,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Ticker> ticker) {
    EcsTemplate template = new EcsTemplate(client, scope);
    if (cache.freshness().isZero() && cache.staleFor().isZero()) {
      return template;
    }
    CachingEcsOperations caching =
        new CachingEcsOperations(template, cache, ticker.getIfAvailable(Ticker::systemTicker));
    meters.ifAvailable(caching::bindTo);
    return caching;
  }
}
