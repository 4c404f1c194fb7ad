package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Actuator as a load balancer, Prometheus and an administrator see it. */
@DemoAppTest
class ActuatorDemoTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;

  @Test
  void livenessAndReadinessStayUpAndCallNoEcsWhileEcsFails() throws Exception {
    DemoFaults faults = http.faults();
    try {
      http.setFaults(DemoFaults.NONE.withErrorRate(1));
      long calls = totalCalls();

      JsonNode liveness = read(get("/actuator/health/liveness"), 200);
      JsonNode readiness = read(get("/actuator/health/readiness").with(admin()), 200);

      assertThat(liveness.get("status").asString()).isEqualTo("UP");
      assertThat(readiness.get("status").asString()).isEqualTo("UP");
      assertThat(readiness.get("components").propertyNames())
          .containsExactlyInAnyOrder("readinessState", "db");
      assertThat(totalCalls()).isEqualTo(calls);
    } finally {
      http.setFaults(faults);
    }
  }

  @Test
  void theEcsComponentShowsItsDetailsToAdministratorsOnly() throws Exception {
    JsonNode forAdmin = read(get("/actuator/health").with(admin()), 200);
    assertThat(forAdmin.at("/components/ecs/status").asString()).isEqualTo("UP");
    assertThat(forAdmin.at("/components/ecs/details/checkedAt").isString()).isTrue();
    long listClusters = http.callCount("ListClusters");

    JsonNode forViewer = read(get("/actuator/health").with(httpBasic("viewer", "viewer")), 200);
    JsonNode anonymous = read(get("/actuator/health"), 200);
    read(get("/actuator/health").with(admin()), 200);

    assertThat(forViewer.has("components")).isFalse();
    assertThat(anonymous.has("components")).isFalse();
    assertThat(anonymous.get("status").asString()).isEqualTo("UP");
    // Cached: asking again within the interval makes no ECS call.
    assertThat(http.callCount("ListClusters")).isEqualTo(listClusters);
  }

  @Test
  void infoShowsTheBuildVersionAndGitCommit() throws Exception {
    JsonNode info = read(get("/actuator/info"), 200);

    assertThat(info.at("/build/version").asString()).isNotBlank();
    assertThat(info.at("/build/artifact").asString()).isEqualTo("ecs-dashboard");
    // Without Git metadata (a source archive) the build leaves git out rather than fail.
    java.util.Properties git = new java.util.Properties();
    try (java.io.InputStream in = getClass().getResourceAsStream("/git.properties")) {
      if (in != null) {
        git.load(in);
      }
    }
    if (git.containsKey("git.commit.id.full")) {
      assertThat(info.at("/git/commit/id").asString())
          .isEqualTo(git.getProperty("git.commit.id.abbrev"));
      assertThat(info.at("/git/branch").asString()).isNotBlank();
    }
  }

  @Test
  void prometheusShowsEcsCallsThrottlingAndStopsByOutcome() throws Exception {
    read(get("/api/v1/clusters").with(httpBasic("viewer", "viewer")), 200);
    Task task =
        demo.tasks("default").stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()))
            .findFirst()
            .orElseThrow();
    mvc.perform(
            post("/api/v1/tasks/stop")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ApiDemoTest.skeleton("default", task.taskArn(), "metrics"))
                .with(httpBasic("staging-operator", "staging-operator")))
        .andExpect(status().isForbidden());
    DemoFaults faults = http.faults();
    try {
      http.setFaults(DemoFaults.NONE.withThrottleRate(1));
      // A query of its own, so that no cached answer stands in for ECS.
      mvc.perform(
              get("/api/v1/clusters/default/tasks?startedBy=throttled-" + System.nanoTime())
                  .with(httpBasic("viewer", "viewer")))
          .andExpect(status().isTooManyRequests());
    } finally {
      http.setFaults(faults);
    }

    String metrics =
        mvc.perform(get("/actuator/prometheus").with(admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(metrics)
        .containsPattern(
            "ecs_calls_seconds_count\\{[^}]*operation=\"ListClusters\",outcome=\"success\"")
        .containsPattern(
            "ecs_calls_seconds_count\\{[^}]*operation=\"ListTasks\",outcome=\"throttled\"")
        .containsPattern("ecs_throttled_attempts_total\\{[^}]*operation=\"ListTasks\"")
        .containsPattern("dashboard_stops_total\\{[^}]*outcome=\"REFUSED\"");
  }

  private JsonNode read(MockHttpServletRequestBuilder request, int status) throws Exception {
    return json.readTree(
        mvc.perform(request)
            .andExpect(status().is(status))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
    return httpBasic("admin", "admin");
  }

  private long totalCalls() {
    return http.totalCallCount();
  }
}
