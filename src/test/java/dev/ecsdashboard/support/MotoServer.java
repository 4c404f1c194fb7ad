package dev.ecsdashboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A running {@code moto_server} (Python moto 5) on a loopback port: ECS and EC2 over their real
 * wire protocols. Get it from {@link MotoServerExtension}, which shares one server between all test
 * classes of a run and stops it at the end.
 */
public final class MotoServer implements AutoCloseable {

  /** The region the dashboard and the fixtures use; moto's account is {@value #ACCOUNT}. */
  public static final String REGION = "us-east-1";

  public static final String ACCOUNT = "123456789012";

  /** moto on a busy build machine answers far slower than ECS; the defaults are ECS's. */
  private static final String ATTEMPT_TIMEOUT = "30s";

  private static final String CALL_TIMEOUT = "120s";

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final MotoProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private MotoEcs ecs;
  private boolean closed;

  private MotoServer(MotoProcess process) {
    this.process = process;
  }

  static Optional<Path> locate() {
    return MotoProcess.locate();
  }

  /**
   * Starts the moto_server found on this machine (the PATH or pyenv's shims), for the benchmark.
   *
   * @throws IOException when there is none, or it does not start
   */
  public static MotoServer startInstalled() throws IOException {
    return start(locate().orElseThrow(() -> new IOException("moto_server is not installed")));
  }

  /** Starts moto_server and returns once it answers, with its tasks kept RUNNING. */
  static MotoServer start(Path executable) throws IOException {
    MotoServer server = new MotoServer(MotoProcess.start(executable));
    // JUnit closes the server when the run ends; this covers a JVM stopped before that.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto_server-stop"));
    try {
      server.process.awaitAnswer(server::answers, STARTUP);
      server.keepTasksRunning();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Where the dashboard's {@code dashboard.ecs.endpoint} should point. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + process.port());
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

  private boolean answers() {
    HttpRequest ping =
        HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
            .timeout(Duration.ofSeconds(1))
            .build();
    try {
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for moto_server", e);
    }
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
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("moto_server refused the task state setting: " + response);
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

  /** Stops moto_server and its process tree; the fixtures' clients with it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ecs != null) {
      ecs.close();
    }
    process.stop();
  }
}
