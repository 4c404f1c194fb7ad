package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.ecs.EcsBulkhead;
import dev.ecsdashboard.ecs.EcsProperties;
import dev.ecsdashboard.support.ActuatorPortAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard while ECS hangs and more requests arrive than may wait on it: requests beyond
 * {@code dashboard.ecs.max-waiting} are answered 503 at once without calling ECS (the API with a
 * problem document and {@code Retry-After}, pages with the plain-words page), the others end within
 * their time budget, and readiness, on Actuator's own port and threads, answers within a second
 * throughout.
 */
@ActuatorPortAppTest
class EcsOverloadTest {

  /**
   * Time a request may take at the client beyond its ECS budget: queueing, rendering, a loaded
   * machine.
   */
  private static final Duration MARGIN = Duration.ofSeconds(3);

  private static final Duration AT_ONCE = Duration.ofSeconds(1);

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient ecs;
  @Autowired EcsBulkhead bulkhead;
  @Autowired EcsProperties properties;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The probes' own client, as a load balancer's: the storm's connections do not delay it. */
  final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void noFaults() {
    ecs.setFaults(DemoFaults.NONE);
    await().atMost(Duration.ofSeconds(30)).until(() -> bulkhead.waiting() == 0);
  }

  @Test
  void actuatorHasAPortOfItsOwnAsShipped() throws Exception {
    List<PropertySource<?>> shipped =
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"));

    assertThat(shipped.get(0).getProperty("management.server.port")).isEqualTo(8081);
    assertThat(managementPort).isNotEqualTo(port);
    assertThat(send(managementPort, "/actuator/health/readiness", null).statusCode())
        .isEqualTo(200);
    // Not on the pages' port: what answers there is the API's rule for unknown tool paths.
    assertThat(send(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(401);
    assertThat(send(port, "/actuator/health/readiness", "admin").statusCode()).isEqualTo(404);
  }

  @Test
  void requestsBeyondTheBoundAreAnswered503AtOnceWithoutCallingEcs() throws Exception {
    ecs.setFaults(DemoFaults.NONE.withHangRate(1));
    ecs.resetCounts();
    int places = properties.maxWaiting();
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    for (int i = 0; i < places; i++) {
      waiting.add(api("/api/v1/clusters/default/tasks?startedBy=waiting-" + i));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bulkhead.waiting() == places && ecs.callCount("ListTasks") == places);

    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      HttpResponse<String> refused =
          api("/api/v1/clusters/default/tasks?startedBy=extra-" + i).get(10, TimeUnit.SECONDS);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("5");
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body())
          .contains("\"errorCode\":\"TooManyRequestsWaiting\"")
          .contains("Too many requests are waiting on ECS");
    }
    String task = "/clusters/default/tasks/" + runningTaskId();
    for (String page :
        List.of(
            "/clusters",
            "/clusters/default/tasks",
            "/clusters/prod-web/tasks?all=true",
            task,
            task + ".json",
            task + "/stop")) {
      long start = System.nanoTime();
      MockHttpServletResponse refused =
          mvc.perform(get(page).with(user("operator").roles("OPERATOR"))).andReturn().getResponse();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(page).isLessThan(AT_ONCE);
      assertThat(refused.getStatus()).as(page).isEqualTo(503);
      if (!page.endsWith(".json")) {
        assertThat(refused.getContentAsString())
            .as(page)
            .contains("ECS is not answering")
            .contains("Too many requests are waiting on ECS");
      }
    }
    assertThat(ecs.totalCallCount()).as("only the waiting requests reached ECS").isEqualTo(places);

    for (CompletableFuture<HttpResponse<String>> one : waiting) {
      HttpResponse<String> answer =
          one.get(properties.requestTimeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).doesNotContain("TooManyRequestsWaiting");
    }
  }

  @Test
  void readinessAnswersWithinASecondWhileThreeHundredRequestsWaitOnAHungEcs() throws Exception {
    // Signed in once before the storm, as sessions and tools are: HTTP Basic's bcrypt check is
    // remembered, and the storm is about waiting on ECS, not about hashing 300 passwords.
    assertThat(send(port, "/api/v1/clusters", "viewer").statusCode()).isEqualTo(200);
    ecs.setFaults(DemoFaults.NONE.withHangRate(1));
    int storm = 300;
    List<CompletableFuture<Timed>> requests = new ArrayList<>();
    for (int i = 0; i < storm; i++) {
      long start = System.nanoTime();
      requests.add(
          api("/api/v1/clusters/prod-web/tasks?startedBy=storm-" + i)
              .thenApply(r -> new Timed(r, Duration.ofNanos(System.nanoTime() - start))));
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new));
    List<Duration> probes = new ArrayList<>();

    await()
        .pollInterval(Duration.ofMillis(100))
        .atMost(properties.requestTimeout().plus(Duration.ofSeconds(60)))
        .until(
            () -> {
              long start = System.nanoTime();
              int status =
                  probe
                      .send(
                          request(managementPort, "/actuator/health/readiness", null),
                          HttpResponse.BodyHandlers.ofString())
                      .statusCode();
              probes.add(Duration.ofNanos(System.nanoTime() - start));
              assertThat(status).isEqualTo(200);
              return all.isDone();
            });

    Map<String, Integer> answers = new TreeMap<>();
    Duration slowest = Duration.ZERO;
    for (CompletableFuture<Timed> request : requests) {
      Timed timed = request.get();
      String kind =
          timed.response().body().contains("TooManyRequestsWaiting") ? " refused" : " waited";
      answers.merge(timed.response().statusCode() + kind, 1, Integer::sum);
      slowest = timed.took().compareTo(slowest) > 0 ? timed.took() : slowest;
    }
    Duration worstProbe = probes.stream().max(Duration::compareTo).orElseThrow();
    System.out.printf(
        "Readiness under load: %d probes, slowest %d ms; %d API requests on a hung ECS: %s,"
            + " slowest %d ms (budget %d ms)%n",
        probes.size(),
        worstProbe.toMillis(),
        storm,
        answers,
        slowest.toMillis(),
        properties.requestTimeout().toMillis());

    assertThat(probes)
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(p -> assertThat(p).isLessThan(AT_ONCE));
    assertThat(answers.keySet()).containsOnly("503 refused", "503 waited");
    assertThat(answers.get("503 refused")).isGreaterThan(storm / 2);
    assertThat(slowest).isLessThan(properties.requestTimeout().plus(MARGIN));
  }

  private CompletableFuture<HttpResponse<String>> api(String path) {
    return http.sendAsync(request(port, path, "viewer"), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(int toPort, String path, String user) throws Exception {
    return http.send(request(toPort, path, user), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET, with HTTP Basic as {@code user} (password = user name) unless null. */
  private static HttpRequest request(int port, String path, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60));
    if (user != null) {
      String credentials = user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  private String runningTaskId() {
    String arn =
        demo.tasks("default").stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()) && "RUNNING".equals(t.lastStatus()))
            .findFirst()
            .orElseThrow()
            .taskArn();
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private record Timed(HttpResponse<String> response, Duration took) {}
}
