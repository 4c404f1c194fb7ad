package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Every error status of the REST API as an RFC 9457 problem document with a plain-words detail, and
 * ECS's error code when ECS caused it. Refused input never reaches ECS.
 */
@DemoAppTest
class ApiErrorsDemoTest {

  private static final String UNKNOWN_TASK = "0123456789abcdef0123456789abcdef";

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;

  @Test
  void malformedTaskIs400AndNeverReachesEcs() throws Exception {
    long calls = totalCalls();

    problem(stop("{\"cluster\": \"prod-web\", \"task\": \"../../etc/passwd\"}"), "operator", 400)
        .andExpect(jsonPath("$.field").value("task"))
        .andExpect(jsonPath("$.detail", containsString("nothing was sent to ECS")))
        .andExpect(content().string(not(containsString("passwd"))));

    assertThat(totalCalls()).isEqualTo(calls);
  }

  @Test
  void invalidReasonIs400WithEachBrokenRule() throws Exception {
    long calls = totalCalls();

    problem(stop(skeleton("prod-web", task("prod-web"), "x\u0007")), "operator", 400)
        .andExpect(jsonPath("$.field").value("reason"))
        .andExpect(jsonPath("$.errors[0]", containsString("control or invisible characters")));
    problem(stop(skeleton("prod-web", task("prod-web"), "")), "operator", 400)
        .andExpect(jsonPath("$.errors[0]", containsString("Say why you stop this task")));

    assertThat(totalCalls()).isEqualTo(calls);
  }

  @Test
  void bodiesThatAreNotTheCliSkeletonAre400() throws Exception {
    problem(
            stop("{\"task\": \"" + task("prod-web") + "\", \"reason\": \"x\", \"force\": true}"),
            "operator",
            400)
        .andExpect(jsonPath("$.field").value("force"))
        .andExpect(jsonPath("$.detail", containsString("--generate-cli-skeleton")));
    problem(stop("{\"task\": "), "operator", 400);
    problem(stop("[]"), "operator", 400);
    problem(
            stopBatch("{\"cluster\": \"prod-web\", \"tasks\": [], \"reason\": \"x\"}"),
            "operator",
            400)
        .andExpect(jsonPath("$.field").value("tasks"));
  }

  @Test
  void oddRequestsGetA4xxProblemDocumentNever500() throws Exception {
    // The API answers JSON only, and says so in a problem document.
    problem(stop("{\"task\": \"nope\"}").accept(MediaType.TEXT_HTML), "operator", 406);
    problem(get("/api/v1/clusters/prod-web/tasks/"), "viewer", 400);
    problem(
        post("/api/v1/tasks/stop").contentType(MediaType.TEXT_PLAIN).content("task=x"),
        "operator",
        415);
    problem(stop("null"), "operator", 400);
    problem(stop("{\"task\": [\"a\"]}"), "operator", 400);
    problem(
        stopBatch("{\"cluster\": \"prod-web\", \"tasks\": [null], \"reason\": \"x\"}"),
        "operator",
        400);
    problem(get("/api/v1/audit?page=-1"), "admin", 400);
    problem(get("/api/v1/audit?page=x"), "admin", 400);
  }

  @Test
  void badPagingParametersAre400() throws Exception {
    problem(get("/api/v1/clusters/prod-web/tasks?maxResults=0"), "viewer", 400)
        .andExpect(jsonPath("$.field").value("maxResults"));
    problem(get("/api/v1/clusters/prod-web/tasks?maxResults=lots"), "viewer", 400)
        .andExpect(jsonPath("$.field").value("maxResults"));
    problem(get("/api/v1/clusters/prod-web/tasks?desiredStatus=ZOMBIE"), "viewer", 400)
        .andExpect(jsonPath("$.field").value("desiredStatus"));
    problem(get("/api/v1/clusters/prod!web/tasks"), "viewer", 400)
        .andExpect(jsonPath("$.field").value("cluster"));
  }

  @Test
  void missingOrWrongCredentialsAre401() throws Exception {
    mvc.perform(get("/api/v1/clusters"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
        .andExpect(jsonPath("$.detail", containsString("HTTP Basic")));
    mvc.perform(get("/api/v1/clusters").with(httpBasic("operator", "wrong")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail", containsString("not accepted")));
  }

  @Test
  void stoppingOutsideOnesScopeIs403AndNeverReachesStopTask() throws Exception {
    long stops = http.callCount("StopTask");

    problem(stop(skeleton("prod-web", task("prod-web"), "nope")), "staging-operator", 403)
        .andExpect(
            jsonPath("$.detail").value("staging-operator may not stop tasks of cluster prod-web."));
    problem(stop(skeleton("prod-web", task("prod-web"), "nope")), "viewer", 403);

    assertThat(http.callCount("StopTask")).isEqualTo(stops);
  }

  @Test
  void unknownClusterOrTaskIs404WithEcsErrorCode() throws Exception {
    problem(get("/api/v1/clusters/no-such-cluster/tasks"), "viewer", 404)
        .andExpect(jsonPath("$.errorCode").value("ClusterNotFoundException"))
        .andExpect(jsonPath("$.operation").value("ListTasks"));
    problem(get("/api/v1/clusters/prod-web/tasks/" + UNKNOWN_TASK), "viewer", 404)
        .andExpect(jsonPath("$.errorCode").value("MISSING"))
        .andExpect(jsonPath("$.detail", containsString(UNKNOWN_TASK)));
    problem(stop(skeleton("prod-web", UNKNOWN_TASK, "gone")), "operator", 404);
  }

  @Test
  void throttlingBeyondTheRetriesIs429AndAnUnreachableEcsIs503() throws Exception {
    DemoFaults faults = http.faults();
    try {
      // A query of its own, so that no cached answer stands in for ECS.
      http.setFaults(DemoFaults.NONE.withThrottleRate(1));
      problem(
              get("/api/v1/clusters/prod-web/tasks?startedBy=throttled-" + System.nanoTime()),
              "viewer",
              429)
          .andExpect(jsonPath("$.errorCode").value("ThrottlingException"))
          .andExpect(header().exists(HttpHeaders.RETRY_AFTER));

      http.setFaults(DemoFaults.NONE.withErrorRate(1));
      problem(
              get("/api/v1/clusters/prod-web/tasks?startedBy=failing-" + System.nanoTime()),
              "viewer",
              503)
          .andExpect(jsonPath("$.errorCode").value("ServerException"))
          .andExpect(jsonPath("$.detail", containsString("could not be reached")));
    } finally {
      http.setFaults(faults);
    }
  }

  private ResultActions problem(MockHttpServletRequestBuilder request, String user, int status)
      throws Exception {
    return mvc.perform(request.with(httpBasic(user, user)))
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").isString())
        .andExpect(content().string(not(containsString("Exception:"))))
        .andExpect(content().string(not(containsString("\tat "))));
  }

  private static MockHttpServletRequestBuilder stop(String body) {
    return post("/api/v1/tasks/stop").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static MockHttpServletRequestBuilder stopBatch(String body) {
    return post("/api/v1/tasks/stop-batch").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static String skeleton(String cluster, String task, String reason) {
    return ApiDemoTest.skeleton(cluster, task, reason.replace("\u0007", "\\u0007"));
  }

  private String task(String cluster) {
    Task task =
        demo.tasks(cluster).stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()))
            .findFirst()
            .orElseThrow();
    return ApiDemoTest.id(task);
  }

  private long totalCalls() {
    return http.totalCallCount();
  }
}
