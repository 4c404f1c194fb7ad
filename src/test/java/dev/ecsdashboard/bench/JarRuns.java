package dev.ecsdashboard.bench;

import dev.ecsdashboard.support.DashboardProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The packaged jar as a process of its own: start-up time, resident memory and heap. */
final class JarRuns {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  private final Report report;
  private final Path jar;

  JarRuns(Report report) throws IOException {
    this.report = report;
    this.jar = DashboardProcess.jar();
  }

  void startup() throws Exception {
    String section = "start-up of the jar (demo)";
    report.add(
        section,
        "to ready health check, median",
        startups(List.of("-jar", jar.toString())),
        "ms",
        "target < 5000 ms");
    // Spring Boot's class data sharing: the extracted jar and a JVM archive of the classes that a
    // training run (which stops once the context is refreshed) loaded.
    Path extracted = Path.of("target", "bench", "cds");
    run(
        java(),
        "-Djarmode=tools",
        "-jar",
        jar.toString(),
        "extract",
        "--force",
        "--destination",
        extracted.toString());
    Path app = extracted.resolve(jar.getFileName());
    Path archive = extracted.resolve("app.jsa");
    Files.deleteIfExists(archive);
    run(
        java(),
        "-XX:ArchiveClassesAtExit=" + archive,
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off",
        "-Dspring.context.exit=onRefresh",
        "-jar",
        app.toString(),
        "--spring.profiles.active=demo",
        "--server.port=0",
        "--management.server.port=0",
        "--dashboard.audit.directory=target/bench/jar-audit-training");
    report.add(
        section,
        "with a CDS archive, median",
        startups(
            List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", app.toString())),
        "ms",
        "target < 5000 ms");
  }

  private double startups(List<String> launch) throws Exception {
    Stats stats = new Stats();
    for (int i = 0; i < 3; i++) {
      String name = "startup-" + i;
      stats.time(
          () -> {
            Started started = start(launch, name);
            try {
              awaitReady(started);
            } finally {
              stop(started.process());
            }
            return null;
          });
    }
    return stats.median();
  }

  void memory() throws Exception {
    Started started =
        start(
            List.of("-jar", jar.toString()),
            "memory",
            "--dashboard.demo.extra-clusters=bench-10000:10000");
    Process process = started.process();
    try {
      awaitReady(started);
      BenchClient viewer = new BenchClient(started.base()).signIn("viewer", "viewer");
      String page = viewer.page("/clusters/bench-10000/tasks?all=true");
      int rows = page.split("<tr id=\"task-", -1).length - 1;
      String pid = Long.toString(process.pid());
      run("jcmd", pid, "GC.run");
      Matcher heap = HEAP_USED.matcher(run("jcmd", pid, "GC.heap_info"));
      Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", pid, "status")));
      String section = "10,000-task cluster loaded (jar)";
      report.add(section, "tasks listed", rows, "tasks", "");
      report.add(
          section,
          "heap after full GC",
          heap.find() ? Long.parseLong(heap.group(1)) / 1024.0 : -1,
          "MB",
          "target < 256 MB");
      report.add(
          section,
          "resident memory (RSS)",
          rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : -1,
          "MB",
          "");
    } finally {
      stop(process);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  Path jar() {
    return jar;
  }

  /** Deletes a folder and what it holds, if it exists. */
  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * The jar in demo mode, started with {@code launch} (JVM options and {@code -jar ...}) and {@code
   * more} arguments, on free ports: the pages on one, Actuator on its own as in production.
   */
  Started start(List<String> launch, String name, String... more) throws IOException {
    Path logs = Files.createDirectories(Path.of("target", "bench"));
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(launch);
    command.addAll(
        List.of(
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            "--management.server.port=" + managementPort,
            "--dashboard.audit.directory=target/bench/jar-audit-" + name));
    command.addAll(List.of(more));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("jar-" + name + ".log").toFile())
            .start();
    return new Started(process, port, managementPort);
  }

  /** Waits until the jar's readiness probe (on the management port) answers 200. */
  static void awaitReady(Started started) throws Exception {
    BenchClient client = new BenchClient(started.managementBase());
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (!started.process().isAlive()) {
        throw new IOException("The jar stopped; see target/bench/jar-*.log");
      }
      try {
        HttpResponse<String> response = client.get("/actuator/health/readiness");
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(20);
    }
    throw new IOException("The jar was not ready within 2 minutes");
  }

  /**
   * A started jar.
   *
   * @param port the pages and the API
   * @param managementPort Actuator
   */
  record Started(Process process, int port, int managementPort) {

    String base() {
      return "http://127.0.0.1:" + port;
    }

    String managementBase() {
      return "http://127.0.0.1:" + managementPort;
    }
  }

  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
