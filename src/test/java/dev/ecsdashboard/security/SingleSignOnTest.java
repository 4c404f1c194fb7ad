package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.ecsdashboard.demo.DemoEcs;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on end to end, against a real OpenID Connect provider started in this test ({@link
 * TestOidcProvider}): people sign in through the real redirect flow, with an HTTP client that
 * follows redirects and keeps cookies like a browser, and tools call the API with real access
 * tokens. The dashboard has no local user here: OpenID Connect is its only user source.
 *
 * <p>The dashboard runs on {@code 127.0.0.1} and the provider on {@code localhost}, so that their
 * cookies stay apart as they would on two hosts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // The demo ECS, without the demo profile's local users.
      "dashboard.ecs.mode=demo",
      "dashboard.security.oidc.client-id=" + TestOidcProvider.DASHBOARD_CLIENT,
      "dashboard.security.oidc.client-secret=" + TestOidcProvider.DASHBOARD_SECRET,
      "dashboard.security.oidc.audiences=" + TestOidcProvider.DASHBOARD_CLIENT,
      "dashboard.security.oidc.role-mappings[0].group=ops-staging",
      "dashboard.security.oidc.role-mappings[0].roles=OPERATOR@staging-*,VIEWER@staging-*",
      "dashboard.security.oidc.role-mappings[1].group=ops-admins",
      "dashboard.security.oidc.role-mappings[1].roles=ADMIN",
      "dashboard.security.oidc.role-mappings[2].group=deployers",
      "dashboard.security.oidc.role-mappings[2].roles=OPERATOR@staging-*,VIEWER",
      // The test's client stands for the TLS-terminating proxy (marksTheSessionCookieSecure...).
      "dashboard.web.trusted-proxies=127.0.0.1",
      // Waits longer than any pause of a busy machine between two requests of a test.
      "dashboard.security.sign-in.first-delay=10m",
      "dashboard.security.sign-in.max-delay=10m"
    })
@ActiveProfiles("test")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  /** A tool: no cookies, no redirects followed. */
  private static final HttpClient TOOL = HttpClient.newHttpClient();

  static ConfigurableApplicationContext provider;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    provider = TestOidcProvider.start();
    registry.add("dashboard.security.oidc.issuer-uri", () -> TestOidcProvider.issuer(provider));
  }

  @AfterAll
  static void stopProvider() {
    provider.close();
  }

  @LocalServerPort int port;
  @Autowired UserDetailsService localUsers;
  @Autowired DemoEcs demo;

  @Test
  void signsInThroughTheProviderAndMapsGroupsToRoles(CapturedOutput output) throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> signIn = browser.get(dashboard("/clusters"));
    assertThat(signIn.uri().getPath()).isEqualTo("/login");
    assertThat(signIn.body()).contains("Sign in with single sign-on").doesNotContain("password");

    HttpResponse<String> providerForm = browser.get(dashboard("/oauth2/authorization/oidc"));
    assertThat(providerForm.uri().getHost()).isEqualTo("localhost");
    assertThat(providerForm.uri().getPath()).isEqualTo("/login");

    HttpResponse<String> clusters =
        browser.post(
            providerForm.uri(),
            Map.of(
                "username", "alice",
                "password", "alice-password",
                "_csrf", csrfToken(providerForm.body())));
    assertThat(clusters.statusCode()).isEqualTo(200);
    assertThat(clusters.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(clusters.uri().getPath()).isEqualTo("/clusters");
    assertThat(clusters.body()).contains("Signed in as <strong>alice</strong>");
    assertThat(output).contains("sign-in success for alice from 127.0.0.1 (oidc)");

    // ops-staging: operator on staging-*, nothing else.
    HttpResponse<String> staging = browser.get(dashboard("/clusters/staging-batch/tasks"));
    assertThat(staging.statusCode()).isEqualTo(200);
    assertThat(staging.body()).contains("staging-batch").contains("alice");
    HttpResponse<String> prod = browser.get(dashboard("/clusters/prod-web/tasks"));
    assertThat(prod.statusCode()).isEqualTo(403);
    assertThat(prod.body())
        .contains("Not allowed")
        .contains("You are signed in as alice. You may not see cluster prod-web.")
        .contains("Reads clusters matching staging-*");
  }

  @Test
  void acceptsTheProvidersAccessTokensOnTheApiWithoutCsrf() throws Exception {
    String token = accessToken(TestOidcProvider.TOOL_CLIENT, TestOidcProvider.TOOL_SECRET);

    String task = demo.tasks("staging-batch").get(0).taskArn();
    HttpResponse<String> stop = send(bearerDryRun("staging-batch", task, token));
    assertThat(stop.statusCode()).isEqualTo(200);
    assertThat(stop.body()).startsWith("{\"task\":{").contains(task);
    assertThat(stop.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> refused =
        send(bearerDryRun("prod-web", demo.tasks("prod-web").get(0).taskArn(), token));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body())
        .contains("\"detail\":\"deploy-bot may not stop tasks of cluster prod-web.\"");
  }

  @Test
  void refusesTokensMeantForAnotherApplication() throws Exception {
    String token = accessToken(TestOidcProvider.OTHER_CLIENT, TestOidcProvider.OTHER_SECRET);

    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(dashboard("/api/v1/clusters/staging-batch/tasks"))
                .header("Authorization", "Bearer " + token));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void asksToolsWithoutTokenForABearerTokenOnly() throws Exception {
    HttpResponse<String> refused =
        send(HttpRequest.newBuilder(dashboard("/api/v1/clusters/staging-batch/tasks")));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().allValues("WWW-Authenticate"))
        .singleElement()
        .satisfies(value -> assertThat(value).startsWith("Bearer realm=\"ECS Dashboard\""));
    assertThat(refused.body()).contains("\"detail\":\"Sign in: send a bearer token.\"");
  }

  @Test
  void hasNoLocalUserAtAll() {
    assertThatExceptionOfType(UsernameNotFoundException.class)
        .isThrownBy(() -> localUsers.loadUserByUsername("user"));
  }

  @Test
  void marksTheSessionCookieSecureBehindATlsProxy() throws Exception {
    HttpResponse<String> overTls =
        send(
            HttpRequest.newBuilder(dashboard("/oauth2/authorization/oidc"))
                .header("X-Forwarded-Proto", "https"));
    assertThat(overTls.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            cookie ->
                assertThat(cookie)
                    .startsWith("JSESSIONID=")
                    .contains("; Secure")
                    .contains("; HttpOnly")
                    .contains("; SameSite=Lax"));
    assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();

    HttpResponse<String> plain =
        send(HttpRequest.newBuilder(dashboard("/oauth2/authorization/oidc")));
    assertThat(plain.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            cookie -> assertThat(cookie).contains("; HttpOnly").doesNotContain("Secure"));
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void publishesTheProtectedResourceMetadataNamedInA401() throws Exception {
    HttpResponse<String> metadata =
        send(HttpRequest.newBuilder(dashboard("/.well-known/oauth-protected-resource")));

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body()).contains(TestOidcProvider.issuer(provider));
  }

  @Test
  void countsBadBearerTokensPerClientAndMakesAFloodOfThemWait(CapturedOutput output)
      throws Exception {
    String token = accessToken(TestOidcProvider.TOOL_CLIENT, TestOidcProvider.TOOL_SECRET);
    // The test's client is the trusted proxy: X-Forwarded-For names the client it passes on.
    String guesser = "198.51.100.30";
    for (int i = 0; i <= 20; i++) {
      assertThat(send(bearer("/api/v1/clusters", "forged-" + i, guesser)).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> waiting = send(bearer("/api/v1/clusters", token, guesser));
    assertThat(waiting.statusCode()).isEqualTo(429);
    assertThat(waiting.headers().firstValue("Retry-After")).hasValue("600");
    assertThat(waiting.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(send(bearer("/api/v1/clusters", token, "203.0.113.30")).statusCode()).isEqualTo(200);
    assertThat(output)
        .contains("sign-in failure for - from " + guesser + " (bearer)")
        .contains("sign-in throttled for - from " + guesser + " (bearer)")
        .contains("sign-in success for " + TestOidcProvider.TOOL_CLIENT + " from 203.0.113.30")
        .doesNotContain("forged-1");
  }

  private HttpRequest.Builder bearer(String path, String token, String forwardedFor) {
    return HttpRequest.newBuilder(dashboard(path))
        .header("Authorization", "Bearer " + token)
        .header("X-Forwarded-For", forwardedFor);
  }

  /** A dry-run stop through the API: checked and authorised, nothing stopped. */
  private HttpRequest.Builder bearerDryRun(String cluster, String task, String token) {
    return HttpRequest.newBuilder(dashboard("/api/v1/tasks/stop?dryRun=true"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"cluster\": \""
                    + cluster
                    + "\", \"task\": \""
                    + task
                    + "\", \"reason\": \"deploy\"}"));
  }

  private URI dashboard(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String accessToken(String client, String secret) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(TestOidcProvider.issuer(provider) + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=ecs")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String)
        JsonMapper.builder().build().readValue(response.body(), Map.class).get("access_token");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return TOOL.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrfToken(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF token in %s", html).isTrue();
    return matcher.group(1);
  }

  /** A browser: follows redirects, keeps cookies, asks for HTML. */
  private static final class Browser {

    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form)
        throws IOException, InterruptedException {
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return client.send(
          HttpRequest.newBuilder(uri)
              .header("Accept", "text/html")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
