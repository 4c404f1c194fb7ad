package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.demo.DemoProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

class EcsClientConfigurationTest {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(EcsPropertiesConfiguration.class, EcsClientConfiguration.class);

  @Test
  void buildsTheAwsModeClientWithTheConfiguredRegionAndEndpoint() {
    runner
        .withPropertyValues(
            "dashboard.ecs.mode=aws",
            "dashboard.ecs.region=eu-central-1",
            "dashboard.ecs.endpoint=http://127.0.0.1:5000",
            "dashboard.ecs.max-attempts=2",
            "dashboard.ecs.api-call-timeout=7s")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EcsClient.class);
              var configuration = context.getBean(EcsClient.class).serviceClientConfiguration();
              assertThat(configuration.region()).isEqualTo(Region.EU_CENTRAL_1);
              assertThat(configuration.endpointOverride())
                  .contains(URI.create("http://127.0.0.1:5000"));
              ClientOverrideConfiguration overrides = configuration.overrideConfiguration();
              assertThat(overrides.retryStrategy())
                  .hasValueSatisfying(retry -> assertThat(retry.maxAttempts()).isEqualTo(2));
              assertThat(overrides.apiCallTimeout()).contains(Duration.ofSeconds(7));
              assertThat(overrides.apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
              assertThat(context.getBean(ArnScope.class).region()).isEqualTo("eu-central-1");
              assertThat(context.getBean(EcsOperations.class))
                  .isInstanceOf(CachingEcsOperations.class);
            });
  }

  @Test
  void readsEcsWithoutACacheWhenBothCacheDurationsAreZero() {
    runner
        .withPropertyValues(
            "dashboard.ecs.region=us-east-1",
            "dashboard.ecs.cache.freshness=0s",
            "dashboard.ecs.cache.stale-for=0s")
        .run(
            context ->
                assertThat(context.getBean(EcsOperations.class)).isInstanceOf(EcsTemplate.class));
  }

  @Test
  void talksToAwsWhenNoModeIsConfigured() {
    runner
        .withPropertyValues("dashboard.ecs.region=us-east-1")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EcsClient.class);
              assertThat(
                      context
                          .getBean(EcsClient.class)
                          .serviceClientConfiguration()
                          .endpointOverride())
                  .isEmpty();
            });
  }

  @Test
  void leavesTheClientToDemoModeWhenDemoIsConfigured() {
    EcsClient demoClient =
        EcsClient.builder()
            .region(Region.US_WEST_2)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build();

    runner
        .withPropertyValues("dashboard.ecs.mode=demo")
        .withBean(EcsClient.class, () -> demoClient)
        .run(
            context -> {
              assertThat(context).hasNotFailed().getBean(EcsClient.class).isSameAs(demoClient);
              assertThat(context.getBean(ArnScope.class).region()).isEqualTo("us-west-2");
            });
    demoClient.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "dashboard.ecs.max-attempts=0, maxAttempts",
    "dashboard.ecs.max-attempts=11, maxAttempts",
    "dashboard.demo.throttle-rate=2, throttleRate",
    "dashboard.demo.error-rate=-0.5, errorRate",
  })
  void refusesToStartWithInvalidProperties(String property, String field) {
    runner
        .withPropertyValues("dashboard.ecs.region=us-east-1", property)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining(field));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    EcsProperties.class,
    EcsCacheProperties.class,
    DemoProperties.class
  })
  static class EcsPropertiesConfiguration {}
}
