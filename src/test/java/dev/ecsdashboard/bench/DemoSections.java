package dev.ecsdashboard.bench;

import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.demo.StopTaskCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** The figures measured against the demo ECS with injected latency. */
final class DemoSections {

  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final DemoRuns run;
  private final Report report;
  private final long latency;

  DemoSections(DemoRuns run, Report report) {
    this.run = run;
    this.report = report;
    this.latency = run.latency.toMillis();
  }

  void fullListing() throws Exception {
    String cluster = DemoRuns.PAGE_CLUSTER;
    for (int i = 0; i < 2; i++) {
      run.ticker.expireEverything();
      run.listEveryTask(cluster);
    }
    Stats stats = new Stats();
    int runs = 5;
    long lists = 0;
    long describes = 0;
    int tasks = 0;
    for (int i = 0; i < runs; i++) {
      run.ticker.expireEverything();
      long listBefore = run.ecs.callCount("ListTasks");
      long describeBefore = run.ecs.callCount("DescribeTasks");
      tasks = stats.time(() -> run.listEveryTask(cluster));
      lists += run.ecs.callCount("ListTasks") - listBefore;
      describes += run.ecs.callCount("DescribeTasks") - describeBefore;
    }
    long pages = (tasks + 99) / 100;
    long floor = pages * latency + latency;
    String section = "listing all " + tasks + " tasks";
    report.add(section, "ListTasks calls", lists / (double) runs, "calls", "floor " + pages);
    report.add(
        section, "DescribeTasks calls", describes / (double) runs, "calls", "floor " + pages);
    report.add(
        section,
        "median",
        stats.median(),
        "ms",
        "floor " + floor + " ms, target <= " + Math.round(floor * 1.2) + " ms");
    report.add(section, "ratio to floor", stats.median() / floor, "x", "target <= 1.2");

    BenchClient viewer = new BenchClient(run.base).signIn("viewer", "viewer");
    Stats page = new Stats();
    for (int i = 0; i < 3; i++) {
      run.ticker.expireEverything();
      page.time(() -> viewer.page("/clusters/" + cluster + "/tasks?all=true"));
    }
    report.add(section, "page ?all=true, median", page.median(), "ms", "HTML of every row");
  }

  /**
   * Viewers refreshing the same tasks page every 5 s, over one simulated minute: each viewer starts
   * at a random moment of the first 5 s; the requests are sent in time order with the cache's clock
   * set to each request's moment.
   */
  void viewers() throws Exception {
    BenchClient viewer = new BenchClient(run.base).signIn("viewer", "viewer");
    String page = "/clusters/" + DemoRuns.PAGE_CLUSTER + "/tasks";
    Map<Integer, Long> perMinute = new java.util.LinkedHashMap<>();
    for (int viewers : List.of(1, 10, 100)) {
      run.ticker.real();
      long start = run.ticker.read();
      Random random = new Random(42);
      List<Long> moments = new ArrayList<>();
      for (int v = 0; v < viewers; v++) {
        long phase = (long) (random.nextDouble() * REFRESH.toNanos());
        for (long t = phase; t < Duration.ofMinutes(1).toNanos(); t += REFRESH.toNanos()) {
          moments.add(t);
        }
      }
      moments.sort(null);
      long before = run.calls();
      for (long moment : moments) {
        run.ticker.simulate(start + moment);
        viewer.page(page);
      }
      long calls = run.calls() - before;
      perMinute.put(viewers, calls);
      report.add(
          "viewers refreshing every 5 s",
          viewers + " viewer(s): ECS calls/min",
          calls,
          "calls",
          moments.size() + " page views");
    }
    run.ticker.real();
    report.add(
        "viewers refreshing every 5 s",
        "100 viewers / 1 viewer",
        perMinute.get(100) / (double) perMinute.get(1),
        "x",
        "target <= 1.1");
  }

  void bulkStops() throws Exception {
    bulkStop("bench-bulk", 0);
    bulkStop("bench-bulk-throttled", 0.2);
  }

  private void bulkStop(String cluster, double throttleRate) throws Exception {
    BenchClient operator = new BenchClient(run.base).signIn("operator", "operator");
    String token = BenchClient.csrf(operator.page("/clusters/" + cluster + "/tasks"));
    List<String> ids = run.taskIds(cluster);
    List<Map.Entry<String, String>> form = new ArrayList<>();
    ids.forEach(id -> form.add(Map.entry("task", id)));
    form.add(Map.entry("reason", "benchmark"));
    form.add(Map.entry("_csrf", token));
    DemoFaults faults = run.ecs.faults();
    long stopCalls = run.ecs.callCount("StopTask");
    long start = System.nanoTime();
    run.ecs.setFaults(faults.withThrottleRate(throttleRate));
    try {
      HttpResponse<String> response =
          operator.postForm("/clusters/" + cluster + "/bulk-stop", form);
      String location =
          URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (operator.page(location).contains("http-equiv=\"refresh\"")) {
        if (System.nanoTime() > deadline) {
          throw new IOException("The bulk stop did not finish in 10 minutes");
        }
        Thread.sleep(100);
      }
    } finally {
      run.ecs.setFaults(faults);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    Map<String, Long> handled =
        run.ecs.stopTaskCalls().stream()
            .filter(call -> cluster.equals(call.cluster()))
            .collect(Collectors.groupingBy(StopTaskCall::taskId, Collectors.counting()));
    long once = ids.stream().filter(id -> handled.getOrDefault(id, 0L) == 1).count();
    long repeated = handled.values().stream().filter(n -> n > 1).count();
    String section =
        "bulk stop of "
            + ids.size()
            + (throttleRate > 0 ? ", " + (int) (throttleRate * 100) + "% throttled" : "");
    report.add(
        section,
        "StopTask calls sent",
        run.ecs.callCount("StopTask") - stopCalls,
        "calls",
        "incl. throttled attempts");
    report.add(section, "tasks stopped exactly once", once, "tasks", "target " + ids.size());
    report.add(section, "tasks stopped twice or more", repeated, "tasks", "target 0");
    report.add(section, "time", millis, "ms", "");
  }
}
