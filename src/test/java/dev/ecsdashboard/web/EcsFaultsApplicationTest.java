package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.ecs.EcsProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page of the whole dashboard while the demo ECS misbehaves: throttling and server errors,
 * and calls that hang past the timeouts. Each page answers with data or a plain-words message
 * (never a 500), within the request's ECS time budget plus a margin, and the SDK's retries stay
 * within the attempt budget of the calls the page makes. Short timeouts keep the hangs quick.
 */
@SpringBootTest(
    properties = {
      "dashboard.ecs.api-call-attempt-timeout=300ms",
      "dashboard.ecs.api-call-timeout=800ms",
      "dashboard.ecs.request-timeout=1500ms",
      "dashboard.ecs.max-attempts=4",
      "dashboard.audit.directory=target/test-audit-faults"
    })
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class EcsFaultsApplicationTest {

  /** Time a request may take beyond its ECS budget: rendering, the audit, a loaded machine. */
  private static final Duration MARGIN = Duration.ofSeconds(4);

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;
  @Autowired EcsProperties properties;

  private static boolean warm;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private Duration slowest = Duration.ZERO;

  /**
   * Every page once without faults and without timing: the first render of a template and the first
   * SDK calls of a cold application are not what the budget is about.
   */
  @BeforeEach
  void warmUp() throws Exception {
    if (!warm) {
      String task = "/clusters/default/tasks/" + runningTask("default");
      for (String url :
          List.of("/clusters", "/clusters/default/tasks", task, task + "/stop", "/activity")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fetch(url).getStatus() == 200);
      }
      warm = true;
    }
  }

  @AfterEach
  void restore() {
    http.setFaults(DemoFaults.NONE);
  }

  @Test
  void everyPageShowsDataOrAPlainMessageWhileEcsThrottlesAndFails() throws Exception {
    http.setFaults(DemoFaults.NONE.withThrottleRate(0.3).withErrorRate(0.1));

    long calls = visitEveryPage(12);

    assertThat(statuses).containsKey("200").doesNotContainKey("500");
    System.out.printf(
        "ECS faults (30%% throttled, 10%% server errors): %d page requests, %d ECS calls, by"
            + " status %s, slowest %d ms%n",
        statuses.values().stream().mapToInt(Integer::intValue).sum(),
        calls,
        statuses,
        slowest.toMillis());
  }

  @Test
  void noRequestWaitsPastItsBudgetWhenEcsCallsHang(CapturedOutput output) throws Exception {
    http.setFaults(DemoFaults.NONE.withHangRate(1));
    int logged = output.getAll().length();

    long calls = visitEveryPage(6);

    // Only the pages that need no ECS call (activity, the bulk confirmation of chosen tasks) show.
    assertThat(statuses).doesNotContainKeys("302", "500").containsKey("503");
    assertThat(http.stopTaskCalls()).isEmpty();
    // ECS not answering is expected: one line a failed request, no stack trace.
    String log = output.getAll().substring(logged);
    assertThat(log).contains("ECS ListClusters failed").doesNotContain("\tat ");
    assertThat(log.lines().filter(line -> line.contains(" failed: ")).count())
        .isLessThanOrEqualTo(statuses.getOrDefault("503", 0));
    System.out.printf(
        "ECS calls hanging: %d page requests, %d ECS calls, by status %s, slowest %d ms (budget"
            + " %d ms)%n",
        statuses.values().stream().mapToInt(Integer::intValue).sum(),
        calls,
        statuses,
        slowest.toMillis(),
        properties.requestTimeout().toMillis());
  }

  @Test
  void someCallsHangingStillLeaveMostPagesWithData() throws Exception {
    http.setFaults(DemoFaults.NONE.withHangRate(0.2).withThrottleRate(0.1));

    visitEveryPage(6);

    assertThat(statuses).containsKey("200").doesNotContainKey("500");
  }

  private MockHttpServletResponse fetch(String url) throws Exception {
    return mvc.perform(get(url).with(user("operator").roles("OPERATOR"))).andReturn().getResponse();
  }

  /** Visits every page {@code rounds} times; returns the ECS calls made. */
  private long visitEveryPage(int rounds) throws Exception {
    long calls = 0;
    for (int round = 0; round < rounds; round++) {
      String id = runningTask("default");
      String task = "/clusters/default/tasks/" + id;
      // Page, the most ECS calls its logical operations may make with the SDK's retries.
      Map<MockHttpServletRequestBuilder, Integer> pages = new java.util.LinkedHashMap<>();
      pages.put(get("/clusters"), 2);
      pages.put(get("/clusters/default/tasks"), 2);
      pages.put(get("/clusters/prod-web/tasks").param("all", "true"), 4);
      pages.put(get(task), 1);
      pages.put(get(task + ".json"), 1);
      pages.put(get(task + "/stop"), 1);
      pages.put(post(task + "/stop").param("reason", "fault drill").with(csrf()), 3);
      pages.put(get("/clusters/default/bulk-stop").param("task", id), 1);
      pages.put(get("/activity"), 0);
      for (Map.Entry<MockHttpServletRequestBuilder, Integer> page : pages.entrySet()) {
        calls += visit(page.getKey(), page.getValue());
      }
    }
    return calls;
  }

  private long visit(MockHttpServletRequestBuilder request, int logicalCalls) throws Exception {
    http.resetCounts();
    long start = System.nanoTime();
    MockHttpServletResponse response =
        mvc.perform(request.with(user("operator").roles("OPERATOR"))).andReturn().getResponse();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    slowest = took.compareTo(slowest) > 0 ? took : slowest;
    String what = response.getStatus() + " " + describe(request);
    String body = response.getContentAsString();
    statuses.merge(Integer.toString(response.getStatus()), 1, Integer::sum);

    assertThat(response.getStatus()).as(what).isIn(200, 302, 503);
    assertThat(body)
        .as(what)
        .doesNotContain(
            "at dev.ecsdashboard.", "at org.springframework.", "java.lang.", "Whitelabel");
    if (response.getStatus() == 503) {
      assertThat(body).as(what).contains("ECS is not answering");
    }
    assertThat(took).as(what).isLessThan(properties.requestTimeout().plus(MARGIN));
    long calls = http.totalCallCount();
    assertThat(calls).as(what).isLessThanOrEqualTo((long) logicalCalls * properties.maxAttempts());
    return calls;
  }

  private static String describe(MockHttpServletRequestBuilder request) {
    var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }

  /** A running task, looked up without faults. */
  private String runningTask(String cluster) {
    List<String> ids =
        demo.tasks(cluster).stream()
            .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()))
            .map(t -> t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1))
            .toList();
    assertThat(ids).as("running tasks of %s", cluster).isNotEmpty();
    return ids.get(ids.size() / 2);
  }
}
