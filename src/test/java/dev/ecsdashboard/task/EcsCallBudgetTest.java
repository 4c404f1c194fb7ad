package dev.ecsdashboard.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The ECS calls each page and action costs, counted where the demo ECS receives them, with the read
 * cache on as in production and time under the test's control.
 */
@SpringBootTest(
    properties = {
      "dashboard.ecs.cache.freshness=5s",
      "dashboard.ecs.cache.stale-for=5m",
      "dashboard.demo.extra-clusters=budget-450:450",
      "dashboard.audit.directory=target/test-audit-budget"
    })
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(EcsCallBudgetTest.TestTicker.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class EcsCallBudgetTest {

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;
  @Autowired TaskService tasks;
  @Autowired AtomicLong nanos;

  @BeforeEach
  void laterThanEveryCachedAnswer() {
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    http.resetCounts();
  }

  @AfterEach
  void noFaults() {
    http.setFaults(DemoFaults.NONE);
    SecurityContextHolder.clearContext();
  }

  @Test
  void aPageOfOneHundredTasksCostsOneListTasksAndOneDescribeTasksHoweverOftenItIsRead()
      throws Exception {
    for (RequestPostProcessor who : List.of(viewer(), admin(), viewer(), admin())) {
      String page = page("/clusters/prod-web/tasks", who);
      assertThat(PageScraper.taskIds(page)).hasSize(100);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    }

    assertThat(http.callCounts()).containsExactlyInAnyOrderEntriesOf(calls(1, 1));

    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    page("/clusters/prod-web/tasks", viewer());
    assertThat(http.callCounts()).containsExactlyInAnyOrderEntriesOf(calls(2, 2));
  }

  @Test
  void everyTaskOfALargeClusterCostsOneListTasksAndOneDescribeTasksPerHundredInListOrder()
      throws Exception {
    String page = page("/clusters/budget-450/tasks?all=true", viewer());

    assertThat(http.callCounts()).containsExactlyInAnyOrderEntriesOf(calls(5, 5));
    assertThat(PageScraper.taskIds(page))
        .hasSize(450)
        .containsExactlyElementsOf(listedInOrder("budget-450"));
  }

  @Test
  void concurrentIdenticalReadsCostOneSetOfCalls() throws Exception {
    http.setFaults(DemoFaults.NONE.withLatency(Duration.ofMillis(200)));
    int readers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> sizes = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        String user = "viewer-" + i;
        sizes.add(
            pool.submit(
                () -> {
                  SecurityContextHolder.getContext()
                      .setAuthentication(new TestingAuthenticationToken(user, "", "ROLE_VIEWER"));
                  start.await();
                  return tasks
                      .page(ClusterRef.of("prod-web"), TaskQuery.ALL_RUNNING, null)
                      .tasks()
                      .size();
                }));
      }
      start.countDown();
      for (Future<Integer> size : sizes) {
        assertThat(size.get()).isEqualTo(100);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(http.callCounts()).containsExactlyInAnyOrderEntriesOf(calls(1, 1));
  }

  @Test
  void aTaskDetailCostsOneDescribeTasksAndAStopOneStopTaskAfterWhichTheTaskIsReadAgain()
      throws Exception {
    String id = runningTaskId("default");

    page("/clusters/default/tasks/" + id, viewer());
    page("/clusters/default/tasks/" + id, viewer());
    assertThat(http.callCounts()).containsExactlyEntriesOf(Map.of("DescribeTasks", 1L));

    http.resetCounts();
    mvc.perform(
            post("/clusters/default/tasks/{t}/stop", id)
                .param("reason", "budget check")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().is3xxRedirection());
    assertThat(http.callCounts())
        .as("the task read just before and StopTask's answer: no describe")
        .containsExactlyEntriesOf(Map.of("StopTask", 1L));

    http.resetCounts();
    String after = page("/clusters/default/tasks/" + id, viewer());
    assertThat(http.callCounts()).containsExactlyEntriesOf(Map.of("DescribeTasks", 1L));
    assertThat(after).contains("operator: budget check");
  }

  @Test
  void aCachedAnswerNeverBypassesAnotherUsersAccessCheck() throws Exception {
    String id = runningTaskId("prod-web");
    page("/clusters/prod-web/tasks", admin());
    page("/clusters/prod-web/tasks/" + id, admin());
    http.resetCounts();

    RequestPostProcessor stagingOnly =
        SecurityMockMvcRequestPostProcessors.user("staging-viewer")
            .authorities(new SimpleGrantedAuthority("VIEWER@staging-*"));
    mvc.perform(get("/clusters/prod-web/tasks").with(stagingOnly))
        .andExpect(status().isForbidden());
    mvc.perform(get("/clusters/prod-web/tasks/" + id).with(stagingOnly))
        .andExpect(status().isForbidden());
    mvc.perform(get("/clusters/prod-web/tasks/" + id + ".json").with(stagingOnly))
        .andExpect(status().isForbidden());

    assertThat(http.callCounts()).isEmpty();
  }

  @Test
  void whenEcsFailsPagesShowTheLastGoodAnswerWithItsAge() throws Exception {
    String id = runningTaskId("staging-batch");
    page("/clusters/staging-batch/tasks/" + id, viewer());
    nanos.addAndGet(Duration.ofSeconds(90).toNanos());
    http.setFaults(DemoFaults.NONE.withThrottleRate(1));

    String page = page("/clusters/staging-batch/tasks/" + id, viewer());

    assertThat(page).contains("ECS did not answer; showing data from 90 s ago").contains(id);
    mvc.perform(get("/clusters/staging-batch/tasks/" + id + ".json").with(viewer()))
        .andExpect(status().isServiceUnavailable());
  }

  @Test
  void anUnknownTaskCostsOneDescribeTasksAndOneLogLineWithoutAStackTrace(CapturedOutput output)
      throws Exception {
    String unknown = "/clusters/default/tasks/0123456789abcdef0123456789abcdef";

    int before = output.getAll().length();
    mvc.perform(get(unknown).with(viewer())).andExpect(status().isNotFound());
    String pageLog = output.getAll().substring(before);
    before = output.getAll().length();
    mvc.perform(get("/api/v1" + unknown).with(viewer())).andExpect(status().isNotFound());
    String apiLog = output.getAll().substring(before);

    assertThat(http.callCounts()).containsExactlyEntriesOf(Map.of("DescribeTasks", 2L));
    for (String logged : List.of(pageLog, apiLog)) {
      assertThat(logged.lines().filter(line -> !line.isBlank()))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("ECS DescribeTasks failed: MISSING")
          .contains("(user viewer)");
      assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  private String page(String url, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(url).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private List<String> listedInOrder(String cluster) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      ListTasksResponse page =
          demo.listTasks(
              ListTasksRequest.builder()
                  .cluster(cluster)
                  .desiredStatus("RUNNING")
                  .nextToken(token)
                  .build());
      page.taskArns().forEach(arn -> ids.add(arn.substring(arn.lastIndexOf('/') + 1)));
      token = page.nextToken();
    } while (token != null);
    return ids;
  }

  private String runningTaskId(String cluster) {
    Task task =
        demo.tasks(cluster).stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()) && "RUNNING".equals(t.lastStatus()))
            .reduce((first, second) -> second)
            .orElseThrow();
    return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
  }

  private static Map<String, Long> calls(long listTasks, long describeTasks) {
    return Map.of("ListTasks", listTasks, "DescribeTasks", describeTasks);
  }

  private static RequestPostProcessor viewer() {
    return user("viewer").roles("VIEWER");
  }

  private static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN");
  }

  /** The cache's time, moved by the tests. */
  @TestConfiguration(proxyBeanMethods = false)
  static class TestTicker {

    @Bean
    AtomicLong cacheNanos() {
      return new AtomicLong();
    }

    @Bean
    Ticker cacheTicker(AtomicLong cacheNanos) {
      return cacheNanos::get;
    }
  }
}
