package dev.ecsdashboard.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The performance benchmark ({@code bench/run}): ECS calls and times against the demo ECS with
 * injected latency, viewers, bulk stops, API throughput, the jar's start-up and memory, and the AWS
 * CLI beside the dashboard on moto_server. Prints a table and writes {@code
 * target/bench/results.json}. Arguments name the parts to run (default: all): {@code demo} (which
 * is {@code page}, {@code listing}, {@code viewers} and {@code bulk}), {@code api}, {@code jar},
 * {@code cli}; {@code --latency-ms=25} sets the injected latency.
 */
public final class Benchmark {

  public static void main(String[] args) throws Exception {
    Duration latency = Duration.ofMillis(25);
    Set<String> parts = new java.util.LinkedHashSet<>();
    for (String arg : args) {
      if (arg.startsWith("--latency-ms=")) {
        latency = Duration.ofMillis(Long.parseLong(arg.substring("--latency-ms=".length())));
      } else {
        parts.add(arg);
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(Set.of("demo", "api", "jar", "cli"));
    }
    Report report = new Report();
    report.setup("injected ECS latency", latency.toMillis() + " ms per call");
    report.setup("cores", Runtime.getRuntime().availableProcessors());
    report.setup("java", System.getProperty("java.version"));
    report.setup("load average at start", loadAverage());
    report.header();
    if (parts.contains("demo")) {
      parts.addAll(DEMO_PARTS);
    }
    if (parts.contains("page")) {
      new JarPages(new JarRuns(report), report, latency).run();
    }
    if (parts.contains("api") || parts.stream().anyMatch(IN_PROCESS::contains)) {
      try (DemoRuns run = new DemoRuns(latency)) {
        DemoSections demo = new DemoSections(run, report);
        if (parts.contains("listing")) {
          demo.fullListing();
        }
        if (parts.contains("viewers")) {
          demo.viewers();
        }
        if (parts.contains("bulk")) {
          demo.bulkStops();
        }
        if (parts.contains("api")) {
          taskDetailApi(run, report);
        }
      }
    }
    if (parts.contains("jar")) {
      JarRuns jar = new JarRuns(report);
      jar.startup();
      jar.memory();
    }
    if (parts.contains("cli")) {
      new CliComparison(report).run();
    }
    report.setup("load average at end", loadAverage());
    report.write(Path.of("target", "bench", "results.json"));
    System.exit(0);
  }

  /** The parts that "demo" stands for, each also selectable on its own. */
  private static final List<String> DEMO_PARTS = List.of("page", "listing", "viewers", "bulk");

  /** The parts measured in this JVM, with the demo ECS's calls counted at its HTTP client. */
  private static final List<String> IN_PROCESS = List.of("listing", "viewers", "bulk");

  /** The task-detail API at 32 concurrent clients, answered from the cache, with HTTP Basic. */
  private static void taskDetailApi(DemoRuns run, Report report) throws Exception {
    String id = run.taskId(DemoRuns.PAGE_CLUSTER, 3);
    String path = "/api/v1/clusters/" + DemoRuns.PAGE_CLUSTER + "/tasks/" + id;
    BenchClient client = new BenchClient(run.base);
    for (int i = 0; i < 200; i++) {
      if (client.getBasic(path, "viewer", "viewer").statusCode() != 200) {
        throw new java.io.IOException("GET " + path + " did not answer 200");
      }
    }
    String header = "Authorization: " + BenchClient.basic("viewer", "viewer");
    // The first run warms the JIT up; the second is measured, with the CPU time it cost.
    ApiLoad.run(run.base + path, header, 32, Duration.ofSeconds(10));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    ApiLoad.Result result = ApiLoad.run(run.base + path, header, 32, Duration.ofSeconds(10));
    double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
    double perRequest = cpuMillis / (result.perSecond() * 10);
    String section = "task-detail API, 32 clients";
    report.add(
        section,
        "requests/s (HTTP Basic, cached)",
        result.perSecond(),
        "req/s",
        "target >= 2000; " + result.tool());
    report.add(section, "answers other than 200", result.errors(), "answers", "target 0");
    report.add(section, "server CPU per request", perRequest, "ms", "all threads of the JVM");
    report.add(
        section,
        "requests/s the CPU allows",
        Runtime.getRuntime().availableProcessors() * 1000 / perRequest,
        "req/s",
        "cores / CPU per request, if idle");
  }

  /** Other work on the machine slows every figure: the benchmark says how busy it was. */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private Benchmark() {}
}
