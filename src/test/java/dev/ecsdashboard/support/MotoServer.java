package dev.ecsdashboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@code moto_server} process (Python moto 5) on a free loopback port: ECS and EC2 over their
 * real wire protocols. Start it through {@link MotoServerExtension}, which shares one server
 * between all test classes of a run and stops it at the end.
 */
public final class MotoServer implements AutoCloseable {

  /** The region the dashboard and the fixtures use; moto's account is {@value #ACCOUNT}. */
  public static final String REGION = "us-east-1";

  public static final String ACCOUNT = "123456789012";

  static final String EXECUTABLE = "moto_server";

  /** moto on a busy build machine answers far slower than ECS; the defaults are ECS's. */
  private static final String ATTEMPT_TIMEOUT = "30s";

  private static final String CALL_TIMEOUT = "120s";

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private MotoEcs ecs;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** {@code moto_server} on the PATH, or else among pyenv's shims. */
  static Optional<Path> locate() {
    List<Path> directories = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      Stream.of(path.split(java.io.File.pathSeparator))
          .filter(dir -> !dir.isBlank())
          .map(Path::of)
          .forEach(directories::add);
    }
    String pyenvRoot = System.getenv("PYENV_ROOT");
    if (pyenvRoot != null) {
      directories.add(Path.of(pyenvRoot, "shims"));
    }
    String home =
        Optional.ofNullable(System.getenv("HOME")).orElse(System.getProperty("user.home"));
    directories.add(Path.of(home, ".pyenv", "shims"));
    return directories.stream()
        .map(dir -> dir.resolve(EXECUTABLE))
        .filter(Files::isRegularFile)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts moto_server and returns once it answers; moto logs to {@code target/}. */
  static MotoServer start(Path executable) throws IOException {
    int port = freePort();
    Path logDirectory = Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(".");
    Path log = logDirectory.resolve("moto_server-" + port + ".log");
    Process process =
        new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MotoServer server = new MotoServer(process, port, log);
    try {
      server.awaitAnswer();
      server.keepTasksRunning();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Where the dashboard's {@code dashboard.ecs.endpoint} should point. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /**
   * The properties that point the dashboard's aws mode at this server (with timeouts that suit a
   * local emulator on a busy machine), as {@code key=value} for {@code
   * ApplicationContextRunner.withPropertyValues} or {@code SpringApplicationBuilder}.
   */
  public String[] dashboardPropertyValues() {
    return new String[] {
      "dashboard.ecs.mode=aws",
      "dashboard.ecs.region=" + REGION,
      "dashboard.ecs.endpoint=" + endpoint(),
      "dashboard.ecs.api-call-attempt-timeout=" + ATTEMPT_TIMEOUT,
      "dashboard.ecs.api-call-timeout=" + CALL_TIMEOUT
    };
  }

  /**
   * Points the dashboard's aws mode at the server, from a {@code @DynamicPropertySource} method of
   * a {@code @SpringBootTest}. The server is looked up only when the context starts, after the
   * extension's {@code beforeAll}.
   */
  public static void registerDashboardProperties(
      DynamicPropertyRegistry registry, Supplier<MotoServer> server) {
    registry.add("dashboard.ecs.mode", () -> "aws");
    registry.add("dashboard.ecs.region", () -> REGION);
    registry.add("dashboard.ecs.endpoint", () -> server.get().endpoint().toString());
    registry.add("dashboard.ecs.api-call-attempt-timeout", () -> ATTEMPT_TIMEOUT);
    registry.add("dashboard.ecs.api-call-timeout", () -> CALL_TIMEOUT);
  }

  /** Fixtures: clusters, task definitions, the network of awsvpc tasks, and running tasks. */
  public synchronized MotoEcs ecs() {
    if (ecs == null) {
      ecs = new MotoEcs(endpoint(), REGION);
    }
    return ecs;
  }

  /**
   * Sends one ECS call as raw JSON 1.1 and returns moto's answer untouched (status and body), to
   * see exactly what is on the wire.
   */
  public HttpResponse<String> ecsCall(String operation, String json) {
    return send(
        HttpRequest.newBuilder(endpoint())
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
            // moto takes the region from the credential scope; it does not check the signature.
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=testing/20250101/"
                    + REGION
                    + "/ecs/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * moto moves a task one lifecycle step further on every DescribeTasks (RUNNING, DEACTIVATING, ...
   * STOPPED) while its desiredStatus stays RUNNING. ECS tasks stay RUNNING until stopped.
   */
  private void keepTasksRunning() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(endpoint().resolve("/moto-api/state-manager/set-transition"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model_name\": \"ecs::task\", \"transition\":"
                            + " {\"progression\": \"manual\", \"times\": 1000000000}}"))
                .build());
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw new IllegalStateException("moto_server refused the task state setting: " + response);
    }
  }

  private void awaitAnswer() throws IOException {
    Instant deadline = Instant.now().plus(STARTUP);
    HttpRequest ping =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
            .timeout(POLL.multipliedBy(10))
            .build();
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for moto_server", e);
      }
      if (hasExitedWithin(POLL)) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + " before answering:\n" + logTail());
      }
    }
    throw new IllegalStateException(
        "moto_server did not answer within " + STARTUP.toSeconds() + " s:\n" + logTail());
  }

  /** Waits for the process to exit, at most {@code timeout}: the pause between polls. */
  private boolean hasExitedWithin(Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for moto_server", e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops moto_server and every process it started, forcibly if it does not stop in time. */
  @Override
  public synchronized void close() {
    if (ecs != null) {
      ecs.close();
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      }
    }
  }
}
