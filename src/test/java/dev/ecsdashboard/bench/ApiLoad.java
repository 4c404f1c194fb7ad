package dev.ecsdashboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests per second for one URL at a number of concurrent clients: with wrk when it is installed
 * (Debian package {@code wrk}), otherwise with a Java HttpClient loop, which costs more CPU on the
 * same machine and so reports less.
 */
final class ApiLoad {

  private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern WRK_ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

  /**
   * @param header the one header each request carries (authorization), as {@code Name: value}
   * @return requests per second answered 200, and the tool used
   */
  static Result run(String url, String header, int clients, Duration duration) throws Exception {
    Path wrk = Path.of("/usr/bin/wrk");
    if (Files.isExecutable(wrk)) {
      return withWrk(wrk, url, header, clients, duration);
    }
    return withJava(url, header, clients, duration);
  }

  /** Requests per second, the tool, and how many answers were not 200. */
  record Result(double perSecond, String tool, long errors) {}

  private static Result withWrk(Path wrk, String url, String header, int clients, Duration duration)
      throws Exception {
    Process process =
        new ProcessBuilder(
                wrk.toString(),
                "-t2",
                "-c" + clients,
                "-d" + duration.toSeconds() + "s",
                "-H",
                header,
                url)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    Matcher rate = WRK_RATE.matcher(output);
    if (!rate.find()) {
      throw new IOException("wrk printed no rate: " + output);
    }
    Matcher errors = WRK_ERRORS.matcher(output);
    long failed = errors.find() ? Long.parseLong(errors.group(1)) : 0;
    return new Result(Double.parseDouble(rate.group(1)), "wrk -t2 -c" + clients, failed);
  }

  private static Result withJava(String url, String header, int clients, Duration duration)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String[] nameValue = header.split(":\\s*", 2);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header(nameValue[0], nameValue[1]).build();
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  HttpResponse<Void> response =
                      http.send(request, HttpResponse.BodyHandlers.discarding());
                  (response.statusCode() == 200 ? ok : failed).increment();
                }
                return null;
              }));
    }
    for (Future<?> loop : loops) {
      loop.get();
    }
    pool.shutdown();
    return new Result(
        ok.sum() / (double) duration.toSeconds(),
        "Java HttpClient, " + clients + " threads",
        failed.sum());
  }

  private ApiLoad() {}
}
