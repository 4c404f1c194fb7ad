package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.EcsConfigurationException;
import dev.ecsdashboard.ecs.EcsProperties;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo users (password = name, marked by {@code dashboard.security.demo-users}) are accepted
 * only with the demo ECS or an ECS endpoint on this machine; with any other ECS the dashboard
 * refuses to start and says why and what to do.
 */
class DemoUsersGuardTest {

  final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withUserConfiguration(Properties.class, UserSourceConfiguration.class)
          .withPropertyValues(
              "dashboard.security.demo-users=true",
              "dashboard.security.users[0].username=admin",
              "dashboard.security.users[0].password-hash=" + PasswordHashTool.hash("admin"),
              "dashboard.security.users[0].roles[0]=ADMIN");

  @Test
  void acceptsTheDemoUsersWithTheDemoEcs() {
    runner
        .withPropertyValues("dashboard.ecs.mode=demo")
        .run(context -> assertThat(context).hasSingleBean(UserDetailsService.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:5000",
        "http://127.255.3.4:5000",
        "http://localhost:5000",
        "https://LOCALHOST",
        "http://[::1]:5000",
        "http://[0:0:0:0:0:0:0:1]:5000"
      })
  void acceptsTheDemoUsersWithAnEcsEndpointOnThisMachine(String endpoint) {
    runner
        .withPropertyValues("dashboard.ecs.mode=aws", "dashboard.ecs.endpoint=" + endpoint)
        .run(context -> assertThat(context).hasSingleBean(UserDetailsService.class));
  }

  @Test
  void refusesTheDemoUsersWithTheAwsSdksOwnEndpoint() {
    runner
        .withPropertyValues("dashboard.ecs.mode=aws")
        .run(
            context -> {
              EcsConfigurationException failure = failure(context);
              assertThat(failure.getMessage())
                  .contains("The demo users are active")
                  .contains("anyone can sign in as admin/admin")
                  .contains("no dashboard.ecs.endpoint")
                  .contains("credentials chain");
              assertThat(failure.action())
                  .contains("dashboard.ecs.mode=demo")
                  .contains("dashboard.ecs.endpoint=http://127.0.0.1:PORT")
                  .contains("start without the demo profile");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://ecs.us-east-1.amazonaws.com",
        "http://10.0.0.5:5000",
        "http://192.168.1.20:5000",
        "http://128.0.0.1:5000",
        "http://127.0.0.1.nip.io:5000",
        "http://localhost.example.com:5000",
        "http://[::2]:5000",
        "http://[::ffff:10.0.0.1]:5000"
      })
  void refusesTheDemoUsersWithAnEcsEndpointElsewhere(String endpoint) {
    runner
        .withPropertyValues("dashboard.ecs.mode=aws", "dashboard.ecs.endpoint=" + endpoint)
        .run(
            context ->
                assertThat(failure(context).getMessage())
                    .contains("dashboard.ecs.endpoint " + endpoint)
                    .contains("not a loopback address"));
  }

  @Test
  void letsOtherUsersReachAnyEcs() {
    runner
        .withPropertyValues(
            "dashboard.security.demo-users=false",
            "dashboard.ecs.mode=aws",
            "dashboard.ecs.endpoint=https://ecs.us-east-1.amazonaws.com")
        .run(context -> assertThat(context).hasSingleBean(UserDetailsService.class));
  }

  @Test
  void resolvesNoHostName() {
    // A name is never looked up: only localhost and loopback literals count.
    assertThat(UserSourceConfiguration.isLoopback(URI.create("http://ip6-localhost:5000")))
        .isFalse();
    assertThat(UserSourceConfiguration.isLoopback(URI.create("http://127.0.0.256:5000"))).isFalse();
    assertThat(UserSourceConfiguration.isLoopback(null)).isFalse();
  }

  private static EcsConfigurationException failure(AssertableWebApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable cause = context.getStartupFailure();
    while (cause != null && !(cause instanceof EcsConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the start-up failure's cause").isNotNull();
    return (EcsConfigurationException) cause;
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    EcsProperties.class,
    SecurityProperties.class,
    DemoUsersProperties.class,
    SignInProperties.class
  })
  static class Properties {}
}
