package dev.ecsdashboard.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The packaged dashboard (target/ecs-dashboard-*.jar, built by {@code package} before failsafe runs
 * the integration tests) as a separate OS process, so that a test can kill it as an operating
 * system would, and a browser-like client of it: signs in through the form, posts forms with their
 * CSRF token.
 */
public final class DashboardProcess implements AutoCloseable {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Duration STARTUP = Duration.ofSeconds(180);

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI management;

  private DashboardProcess(Process process, Path log, int port, int managementPort) {
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + port);
    this.management = URI.create("http://127.0.0.1:" + managementPort);
  }

  /**
   * Starts the jar with these arguments (plus free ports: the pages on one, Actuator on its own as
   * in production) and waits until its readiness probe answers.
   */
  public static DashboardProcess start(Path log, List<String> arguments) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-jar",
            jar().toString(),
            "--server.port=" + port,
            "--management.server.port=" + managementPort));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    DashboardProcess dashboard = new DashboardProcess(builder.start(), log, port, managementPort);
    try {
      await()
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!dashboard.process.isAlive()) {
                  throw new IllegalStateException("The dashboard exited:\n" + dashboard.logTail());
                }
                return dashboard.readiness() == 200;
              });
    } catch (RuntimeException e) {
      dashboard.process.destroyForcibly();
      throw new IllegalStateException("The dashboard did not start:\n" + dashboard.logTail(), e);
    }
    return dashboard;
  }

  /** The packaged jar; {@code ./mvnw verify} builds it before the integration tests. */
  public static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("ecs-dashboard-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No target/ecs-dashboard-*.jar: run ./mvnw verify (it packages the jar"
                          + " before the integration tests)."));
    }
  }

  /** Signs in through the sign-in form. */
  public void signIn(String user, String password) {
    HttpResponse<String> response =
        postForm("/login", Map.of("username", user, "password", password), "/login");
    if (response.statusCode() != 302 || header(response, "Location").contains("error")) {
      throw new IllegalStateException("Could not sign in as " + user + ": " + response);
    }
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}; fields may repeat. */
  public HttpResponse<String> postForm(String path, Map<String, ?> fields, String formPage) {
    Matcher csrf = CSRF.matcher(get(formPage).body());
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on " + formPage);
    }
    List<String> pairs = new ArrayList<>();
    pairs.add("_csrf=" + encode(csrf.group(1)));
    fields.forEach(
        (name, value) -> {
          for (Object one : value instanceof List<?> list ? list : List.of(value)) {
            pairs.add(encode(name) + "=" + encode(one.toString()));
          }
        });
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A GET of the REST API with HTTP Basic credentials. */
  public HttpResponse<String> getWithBasic(String path, String user, String password) {
    String credentials = user + ":" + password;
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .GET());
  }

  /** The readiness probe's status, on Actuator's port; -1 while nothing listens. */
  public int readiness() {
    try {
      return send(HttpRequest.newBuilder(management.resolve("/actuator/health/readiness")).GET())
          .statusCode();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Kills the process at once, as {@code kill -9} would: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops the process in an orderly way (SIGTERM) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public String logTail() {
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.toList();
      return all.subList(Math.max(0, all.size() - 60), all.size()).stream()
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
