import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of scripts/readiness-under-load (single-file Java, no dependencies): N virtual users of
 * one signed-in session request pages at once against a dashboard whose ECS hangs, each asking
 * again as soon as it is answered, or after the answer's Retry-After (the script polls readiness
 * meanwhile, from a process of its own). Prints page answers by status and the slowest page at the
 * client against the request budget. Arguments: base URL, Actuator's base URL,
 * concurrent requests, seconds, request budget (20s).
 */
public class ReadinessUnderLoad {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  static final String[] CLUSTERS = {"default", "prod-web", "staging-batch"};

  final String base;
  final String management;
  final HttpClient pages =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  final HttpClient admin = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  final AtomicLong slowestPageNanos = new AtomicLong();
  final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  ReadinessUnderLoad(String base, String management) {
    this.base = base;
    this.management = management;
  }

  public static void main(String[] args) throws Exception {
    ReadinessUnderLoad load = new ReadinessUnderLoad(args[0], args[1]);
    int concurrent = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    Duration budget = Duration.parse("PT" + args[4].toUpperCase());
    load.signIn("viewer");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrent; i++) {
      int worker = i;
      Thread thread = new Thread(() -> load.work(worker, end));
      thread.start();
      workers.add(thread);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    load.report(concurrent, seconds, budget);
  }

  /**
   * Requests pages until the end: mostly task lists of their own (no two share an ECS call), some
   * clusters pages (which do share one) and activity pages (no ECS call).
   */
  void work(int worker, long end) {
    for (int n = 0; System.nanoTime() < end; n++) {
      String cluster = CLUSTERS[(worker + n) % CLUSTERS.length];
      String path =
          switch (n % 10) {
            case 0 -> "/clusters";
            case 5 -> "/activity";
            default -> "/clusters/" + cluster + "/tasks?startedBy=load-" + worker + "-" + n;
          };
      long start = System.nanoTime();
      try {
        HttpResponse<String> response =
            pages.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        String status = String.valueOf(response.statusCode());
        if (response.statusCode() == 503) {
          status +=
              response.body().contains("Too many requests are waiting on ECS")
                  ? " too many waiting"
                  : " ECS not answering";
        }
        count(status);
        slowestPageNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        // A well-behaved client (a person reading "try again in a few seconds", a tool, the
        // page's live refresh) comes back after Retry-After; anything else is asked again at once.
        long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(0);
        Thread.sleep(Math.min(retryAfter * 1000, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
      } catch (IOException e) {
        count("io-error");
        failures.add(path + " -> " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void signIn(String user) throws Exception {
    HttpResponse<String> login =
        pages.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(login.body());
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    String form =
        "_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&username="
            + user
            + "&password="
            + user;
    HttpResponse<String> signedIn =
        pages.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (signedIn.statusCode() != 302
        || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("Could not sign in as " + user);
    }
  }

  void count(String status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  void report(int concurrent, long seconds, Duration budget) throws Exception {
    long pagesTotal = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    System.out.printf(
        "%nReadiness under load: %d users requesting pages at once for %d s, %d answered%n",
        concurrent, seconds, pagesTotal);
    System.out.println("Page answers by status:");
    new TreeMap<>(byStatus).forEach((s, n) -> System.out.printf("  %-22s %d%n", s, n.sum()));
    System.out.printf(
        "Slowest page at the client: %.0f ms (request budget %d ms)%n",
        millis(slowestPageNanos.get()), budget.toMillis());
    System.out.printf(
        "Requests refused for too many waiting (ecs.requests.refused): %s%n",
        metric("ecs.requests.refused"));
    failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
  }

  /** A metric's value from Actuator, as an administrator reads it. */
  String metric(String name) throws Exception {
    HttpResponse<String> response =
        admin.send(
            HttpRequest.newBuilder(URI.create(management + "/actuator/metrics/" + name))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher value = Pattern.compile("\"value\":([0-9.E+-]+)").matcher(response.body());
    return value.find() ? String.valueOf((long) Double.parseDouble(value.group(1))) : "?";
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }
}
