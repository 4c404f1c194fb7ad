package dev.ecsdashboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A 100-task page and a task detail as the packaged jar serves them, in a process of its own (as
 * people run it: the benchmark's client then shares neither its heap nor its garbage collector), in
 * demo mode with the injected ECS latency. Server time is Tomcat's own time of each request, from
 * its access log ({@code %{us}T}: from reading the request until the response is written); ECS
 * calls are the dashboard's {@code ecs.calls} metric.
 */
final class JarPages {

  private static final String CLUSTER = "bench-5000";
  private static final int SAMPLES = 100;

  /**
   * Requests before any timing, so that figures are the steady state of a running server (the JIT
   * compiles the page's code after some thousands of calls), not its first minute.
   */
  private static final int WARM_UP = 1_500;

  private static final Pattern TASK_ROW = Pattern.compile("<tr id=\"task-([0-9a-f]+)\"");
  private static final Pattern CALLS =
      Pattern.compile("(?m)^ecs_calls_seconds_count\\{[^}]*} ([0-9.E]+)$");

  private final JarRuns jar;
  private final Report report;
  private final long latency;

  JarPages(JarRuns jar, Report report, Duration latency) {
    this.jar = jar;
    this.report = report;
    this.latency = latency.toMillis();
  }

  /** Read from ECS every time (no freshness window), then from the cache. */
  void run() throws Exception {
    measure("from ECS", "0s");
    measure("cached", "1h");
  }

  private void measure(String how, String freshness) throws Exception {
    String name = "pages-" + freshness;
    Path logs = Path.of("target", "bench", "access-" + name).toAbsolutePath();
    JarRuns.deleteTree(logs);
    JarRuns.Started started =
        jar.start(
            List.of("-jar", jar.jar().toString()),
            name,
            "--dashboard.demo.latency=" + latency + "ms",
            "--dashboard.demo.extra-clusters=" + CLUSTER + ":5000",
            "--dashboard.ecs.cache.freshness=" + freshness,
            "--server.tomcat.accesslog.enabled=true",
            "--server.tomcat.accesslog.buffered=false",
            "--server.tomcat.accesslog.directory=" + logs,
            "--server.tomcat.accesslog.pattern=%U %s %{us}T");
    try {
      JarRuns.awaitReady(started);
      BenchClient viewer = new BenchClient(started.base()).signIn("viewer", "viewer");
      BenchClient admin = new BenchClient(started.managementBase());
      String page = "/clusters/" + CLUSTER + "/tasks";
      Matcher row = TASK_ROW.matcher(viewer.page(page));
      if (!row.find()) {
        throw new IOException("No task on " + page);
      }
      String detail = page + "/" + row.group(1);
      for (int i = 0; i < WARM_UP; i++) {
        viewer.page(page);
        viewer.page(detail);
      }
      Path log = accessLog(logs);
      timed(how, "100-task page", viewer, admin, log, page, 2);
      timed(how, "task detail", viewer, admin, log, detail, 1);
    } finally {
      JarRuns.stop(started.process());
    }
  }

  private void timed(
      String how,
      String what,
      BenchClient viewer,
      BenchClient admin,
      Path log,
      String path,
      int floorCalls)
      throws Exception {
    long logged = Files.readAllLines(log).size();
    double callsBefore = calls(admin);
    Stats client = new Stats();
    for (int i = 0; i < SAMPLES; i++) {
      client.time(() -> viewer.page(path));
    }
    double calls = (calls(admin) - callsBefore) / SAMPLES;
    Stats server = new Stats();
    serverTimes(log, logged, path).forEach(server::add);
    String section = what + " (" + how + ")";
    long floor = floorCalls * latency;
    boolean fromEcs = how.equals("from ECS");
    report.add(section, "ECS calls", calls, "calls", fromEcs ? "floor " + floorCalls : "");
    report.add(
        section,
        "server time, median",
        server.median(),
        "ms",
        fromEcs ? "floor " + floor + " ms, target <= " + (floor + 15) + " ms" : "");
    report.add(section, "server time, p99", server.p99(), "ms", fromEcs ? "floor " + floor : "");
    report.add(section, "at the client, median", client.median(), "ms", "JDK HTTP client");
  }

  /** The times Tomcat logged for {@code path} after line {@code from}, once all are written. */
  private static List<Double> serverTimes(Path log, long from, String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<Double> times =
          Files.readAllLines(log).stream()
              .skip(from)
              .map(line -> line.split(" "))
              .filter(fields -> fields[0].equals(path) && fields[1].equals("200"))
              .map(fields -> Long.parseLong(fields[2]) / 1000.0)
              .toList();
      if (times.size() >= SAMPLES || System.nanoTime() > deadline) {
        if (times.size() < SAMPLES) {
          throw new IOException("The access log holds " + times.size() + " of " + SAMPLES);
        }
        return times;
      }
      Thread.sleep(20);
    }
  }

  /**
   * The dashboard's own count of ECS calls (ADMIN reads the Prometheus scrape, on Actuator's port).
   */
  private static double calls(BenchClient admin) throws IOException {
    String scrape = admin.getBasic("/actuator/prometheus", "admin", "admin").body();
    Matcher counts = CALLS.matcher(scrape);
    double total = 0;
    while (counts.find()) {
      total += Double.parseDouble(counts.group(1));
    }
    return total;
  }

  /** Tomcat's access log file (named by date) in {@code directory}. */
  private static Path accessLog(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("access_log"))
          .findFirst()
          .orElseThrow(() -> new IOException("No access log in " + directory));
    }
  }
}
