package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.EcsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/** Demo mode's beans exist only in demo mode, and build a working SDK client. */
class DemoEcsConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, DemoEcsConfiguration.class);

  @Test
  void buildsTheSimulationAndAnSdkClientOverItInDemoMode() {
    runner
        .withPropertyValues(
            "dashboard.ecs.mode=demo",
            "dashboard.ecs.region=eu-west-1",
            "dashboard.demo.throttle-rate=0.1",
            "dashboard.demo.extra-clusters=bench-50:50")
        .run(
            context -> {
              EcsClient client = context.getBean(EcsClient.class);
              assertThat(client.listClusters().clusterArns())
                  .contains("arn:aws:ecs:eu-west-1:123456789012:cluster/bench-50")
                  .hasSize(4);
              assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
              assertThat(context.getBean(DemoEcsHttpClient.class).faults().throttleRate())
                  .isEqualTo(0.1);
            });
  }

  @Test
  void usesTheApplicationsClockWhenThereIsOne() {
    Instant fixed = Instant.parse("2020-01-01T00:00:00Z");
    runner
        .withPropertyValues("dashboard.ecs.mode=demo")
        .withBean(Clock.class, () -> Clock.fixed(fixed, ZoneOffset.UTC))
        .run(
            context ->
                assertThat(context.getBean(DemoEcs.class).tasks("prod-web"))
                    .extracting(Task::createdAt)
                    .allMatch(createdAt -> createdAt.isBefore(fixed)));
  }

  @Test
  void staysOutOfAwsMode() {
    runner
        .withPropertyValues("dashboard.ecs.mode=aws")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(DemoEcs.class);
              assertThat(context).doesNotHaveBean(EcsClient.class);
            });
    runner.run(context -> assertThat(context).doesNotHaveBean(DemoEcs.class));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EcsProperties.class)
  static class Properties {}
}
