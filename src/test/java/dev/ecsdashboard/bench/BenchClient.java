package dev.ecsdashboard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the dashboard for the benchmark: a signed-in session, and timing. */
final class BenchClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  BenchClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  String base() {
    return base;
  }

  /** Signs in through the login form, as a person would. */
  BenchClient signIn(String user, String password) throws IOException {
    String token = csrf(get("/login").body());
    HttpResponse<String> response =
        post("/login", Map.of("username", user, "password", password, "_csrf", token));
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new IOException("Could not sign in as " + user + ": " + response.statusCode());
    }
    return this;
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  HttpResponse<String> getBasic(String path, String user, String password) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", basic(user, password))
            .GET()
            .build());
  }

  /** A GET that must answer 200; returns the body. */
  String page(String path) throws IOException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws IOException {
    return postForm(
        path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> form)
      throws IOException {
    String body =
        form.stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String csrf(String page) throws IOException {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new IOException("No CSRF token on the page");
    }
    return matcher.group(1);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
