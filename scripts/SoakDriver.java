import java.io.IOException;
import java.net.CookieManager;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's load (run by scripts/soak, single-file Java, no dependencies): signed-in operators on
 * several threads drive mixed reads and stops against a dashboard on loopback, and the process's
 * heap after a full GC, live threads, open file descriptors and sockets are measured before and
 * after. Arguments: base URL, pid of the dashboard, minutes, threads, Actuator's base URL (its own
 * port).
 */
public class SoakDriver {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  static final Pattern TASK = Pattern.compile("/clusters/([a-z0-9-]+)/tasks/([0-9a-f]{32})\"");
  static final String[] CLUSTERS = {"default", "prod-web", "staging-batch"};
  static final String[] HOSTILE = {
    "/clusters/%3Cscript%3Ealert(1)%3C%2Fscript%3E/tasks",
    "/clusters/default/tasks/..%2F..%2Fetc%2Fpasswd",
    "/clusters/default/tasks/arn:aws:s3:::bucket",
    "/clusters/" + "x".repeat(300) + "/tasks",
    "/clusters/default/tasks/%E2%80%AEabc"
  };

  final String base;
  final String management;
  final long pid;
  final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  final LongAdder unexpected = new LongAdder();
  final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
  volatile boolean running = true;

  SoakDriver(String base, long pid, String management) {
    this.base = base;
    this.management = management;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    SoakDriver soak = new SoakDriver(args[0], Long.parseLong(args[1]), args[4]);
    double minutes = Double.parseDouble(args[2]);
    int threads = Integer.parseInt(args[3]);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int seed = i;
      Thread worker = new Thread(() -> soak.work(seed));
      worker.start();
      workers.add(worker);
    }
    // Warm up (class loading, pools, caches) before the first measurement.
    long warmUp = (long) Math.min(30_000, minutes * 60_000 / 5);
    Thread.sleep(warmUp);
    Map<String, Long> start = soak.measure();
    soak.byStatus.clear();
    soak.unexpected.reset();
    soak.samples.clear();
    long end = System.nanoTime() + (long) (minutes * 60e9) - warmUp * 1_000_000L;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
    soak.running = false;
    for (Thread worker : workers) {
      worker.join(60_000);
    }
    Map<String, Long> finish = soak.measure();
    soak.report(minutes, threads, start, finish);
  }

  void work(int seed) {
    Random random = new Random(seed);
    HttpClient http = client();
    try {
      signIn(http, "operator");
      while (running) {
        step(http, random);
      }
    } catch (Exception e) {
      unexpected.increment();
      samples.add("worker " + seed + " died: " + e);
    }
  }

  HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  void step(HttpClient http, Random random) throws InterruptedException {
    String cluster = CLUSTERS[random.nextInt(CLUSTERS.length)];
    int dice = random.nextInt(100);
    if (dice < 15) {
      get(http, "/clusters", 200, 503);
    } else if (dice < 40) {
      get(http, "/clusters/" + cluster + "/tasks", 200, 503);
    } else if (dice < 65) {
      task(http, cluster, random).ifPresent(t -> get(http, t, 200, 404, 503));
    } else if (dice < 75) {
      get(http, "/activity", 200);
    } else if (dice < 85) {
      task(http, "default", random).ifPresent(t -> stop(http, t));
    } else if (dice < 90) {
      get(http, "/clusters/" + cluster + "/tasks?desiredStatus=STOPPED", 200, 503);
    } else if (dice < 95) {
      send(
          http,
          HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness")).GET(),
          "readiness",
          200);
    } else {
      get(http, HOSTILE[random.nextInt(HOSTILE.length)], 400, 404);
    }
  }

  java.util.Optional<String> task(HttpClient http, String cluster, Random random) {
    String page = get(http, "/clusters/" + cluster + "/tasks", 200, 503);
    List<String> tasks = new ArrayList<>();
    Matcher m = TASK.matcher(page == null ? "" : page);
    while (m.find()) {
      tasks.add("/clusters/" + m.group(1) + "/tasks/" + m.group(2));
    }
    return tasks.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(tasks.get(random.nextInt(tasks.size())));
  }

  void stop(HttpClient http, String task) {
    String form = get(http, task + "/stop", 200, 404, 503);
    Matcher csrf = CSRF.matcher(form == null ? "" : form);
    if (csrf.find()) {
      post(http, task + "/stop", Map.of("_csrf", csrf.group(1), "reason", "soak test"), 302, 404, 503);
    }
  }

  void signIn(HttpClient http, String user) {
    Matcher csrf = CSRF.matcher(get(http, "/login", 200));
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    post(http, "/login", Map.of("_csrf", csrf.group(1), "username", user, "password", user), 302);
  }

  String get(HttpClient http, String path, int... expected) {
    return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET(), path, expected);
  }

  String post(HttpClient http, String path, Map<String, String> form, int... expected) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return send(http, request, "POST " + path, expected);
  }

  String send(HttpClient http, HttpRequest.Builder request, String what, int... expected) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      count(String.valueOf(response.statusCode()));
      for (int status : expected) {
        if (status == response.statusCode()) {
          return response.body();
        }
      }
      unexpected(what + " -> " + response.statusCode());
      return null;
    } catch (IOException e) {
      count("io-error");
      unexpected(what + " -> " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  void count(String status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  void unexpected(String sample) {
    unexpected.increment();
    if (samples.size() < 20) {
      samples.add(sample);
    }
  }

  /** Heap used after a full GC (Actuator, as admin), live threads, open fds and sockets. */
  Map<String, Long> measure() throws Exception {
    Process gc = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
    gc.getInputStream().readAllBytes();
    gc.waitFor();
    Map<String, Long> figures = new TreeMap<>();
    figures.put("heap used after full GC (MiB)", metric("jvm.memory.used?tag=area:heap") >> 20);
    figures.put("live threads", metric("jvm.threads.live"));
    figures.put("audit DB connections in use", metric("hikaricp.connections.active"));
    long fds = 0;
    long sockets = 0;
    try (var links = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : links.toList()) {
        fds++;
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            sockets++;
          }
        } catch (IOException e) {
          // Closed while listing.
        }
      }
    }
    figures.put("open file descriptors", fds);
    figures.put("open sockets", sockets);
    return figures;
  }

  long metric(String name) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(management + "/actuator/metrics/" + name))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
            .build();
    String body = client().send(request, HttpResponse.BodyHandlers.ofString()).body();
    Matcher value = Pattern.compile("\"value\":([0-9.E+-]+)").matcher(body);
    return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
  }

  void report(double minutes, int threads, Map<String, Long> start, Map<String, Long> finish) {
    long total = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    System.out.printf("%nSoak: %s minutes, %d client threads, %d requests after warm-up%n", minutes, threads, total);
    System.out.println("Requests by status:");
    new TreeMap<>(byStatus).forEach((status, n) -> System.out.printf("  %-9s %d%n", status, n.sum()));
    System.out.printf("Unexpected responses or errors: %d%n", unexpected.sum());
    samples.forEach(s -> System.out.println("  " + s));
    System.out.printf("%-32s %10s %10s%n", "", "start", "end");
    start.forEach((k, v) -> System.out.printf("%-32s %10d %10d%n", k, v, finish.get(k)));
  }
}
