package dev.ecsdashboard.bench;

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
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      this.jar =
          files
              .filter(p -> p.getFileName().toString().matches("ecs-dashboard-.*\\.jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
              .findFirst()
              .orElseThrow(() -> new IOException("No jar in target/: run ./mvnw package first"));
    }
  }

  void startup() throws Exception {
    Stats stats = new Stats();
    for (int i = 0; i < 3; i++) {
      int port = freePort();
      String name = "startup-" + i;
      stats.time(
          () -> {
            Process process = start(port, name);
            try {
              awaitReady(port, process);
            } finally {
              stop(process);
            }
            return null;
          });
    }
    report.add(
        "start-up of the jar (demo)",
        "to ready health check, median",
        stats.median(),
        "ms",
        "target < 5000 ms");
  }

  void memory() throws Exception {
    int port = freePort();
    Process process =
        start(port, "memory", "--dashboard.ecs.demo.extra-clusters=bench-10000:10000");
    try {
      awaitReady(port, process);
      BenchClient viewer = new BenchClient("http://127.0.0.1:" + port).signIn("viewer", "viewer");
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

  private Process start(int port, String name, String... more) throws IOException {
    Path logs = Files.createDirectories(Path.of("target", "bench"));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            "--dashboard.audit.directory=target/bench/jar-audit-" + name));
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("jar-" + name + ".log").toFile())
        .start();
  }

  private static void awaitReady(int port, Process process) throws Exception {
    BenchClient client = new BenchClient("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
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

  private static void stop(Process process) throws InterruptedException {
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
