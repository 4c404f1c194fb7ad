package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.support.HostileRequests;
import dev.ecsdashboard.support.HostileValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Forwarded headers on a real Tomcat (MockMvc does not run its valves), with the configured proxy
 * at {@code 127.0.0.2}: from any other peer, loopback included, {@code X-Forwarded-*} headers are
 * ignored; from the proxy they are believed; and no redirect ever names a host, forged or not.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dashboard.web.trusted-proxies=127.0.0.2")
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class ForwardedHeadersTest {

  static final String STRANGER = "127.0.0.1";
  static final String PROXY = "127.0.0.2";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  RawHttp stranger;
  RawHttp proxy;

  @BeforeEach
  void clients() {
    stranger = new RawHttp(STRANGER, port);
    proxy = new RawHttp(PROXY, port);
  }

  @Test
  void forwardedHeadersFromAnUntrustedLoopbackPeerAreIgnored() throws Exception {
    RawHttp.Response answer =
        stranger.get(
            "/clusters",
            "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: https",
            "X-Forwarded-Port: 443",
            "X-Forwarded-For: 203.0.113.9");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).hasValue("/login");
    assertThat(answer.header("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    assertThat(answer.header("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void forwardedHeadersFromTheConfiguredProxyAreBelieved() throws Exception {
    RawHttp.Response answer =
        proxy.get(
            "/clusters",
            "X-Forwarded-Host: dashboard.example.com",
            "X-Forwarded-Proto: https",
            "X-Forwarded-For: 203.0.113.9");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).hasValue("/login");
    assertThat(answer.header("Set-Cookie").orElseThrow())
        .contains("; Secure")
        .contains("; HttpOnly");
    assertThat(answer.header("Strict-Transport-Security")).isPresent();
  }

  @Test
  void signInThrottlingCountsThePeerUnlessTheProxyNamesTheClient(CapturedOutput output)
      throws Exception {
    String wrong = "Authorization: Basic " + base64("viewer:not-the-password");

    assertThat(stranger.get("/api/v1/clusters", wrong, "X-Forwarded-For: 203.0.113.77").status())
        .isEqualTo(401);
    assertThat(proxy.get("/api/v1/clusters", wrong, "X-Forwarded-For: 203.0.113.78").status())
        .isEqualTo(401);

    assertThat(output)
        .contains("sign-in failure for viewer from 127.0.0.1 (basic)")
        .doesNotContain("from 203.0.113.77")
        .contains("sign-in failure for viewer from 203.0.113.78 (basic)");
  }

  @Test
  void theRedirectAfterSigningInStaysOnTheDashboardWhateverTheHostHeaderSaid() throws Exception {
    for (RawHttp client : List.of(stranger, proxy)) {
      RawHttp.Response saved =
          client.get("/clusters", "Host: evil.example", "X-Forwarded-Host: evil.example");
      String cookie = "Cookie: " + saved.sessionCookie();
      RawHttp.Response page = client.get("/login", cookie);
      Matcher token = CSRF.matcher(page.body());
      assertThat(token.find()).isTrue();

      RawHttp.Response signedIn =
          client.send(
              "POST /login",
              List.of(cookie, "Host: evil.example", "X-Forwarded-Host: evil.example"),
              "username=viewer&password=viewer&_csrf="
                  + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));

      assertThat(signedIn.status()).isEqualTo(302);
      assertThat(signedIn.header("Location").orElseThrow())
          .startsWith("/clusters")
          .doesNotContain("evil");
    }
  }

  @TestFactory
  Stream<DynamicTest> noForgedHostEverReachesARedirect() {
    return HostileRequests.each(
        HostileValues.corpus(7, 80, HostileValues::forgedHost),
        host -> {
          for (RawHttp client : List.of(stranger, proxy)) {
            for (String header : List.of("Host: ", "X-Forwarded-Host: ")) {
              RawHttp.Response answer = client.get("/clusters", header + host);
              assertThat(answer.status()).as(header + host).isBetween(300, 499);
              answer
                  .header("Location")
                  .ifPresent(
                      location -> assertThat(location).as(header + host).isEqualTo("/login"));
            }
          }
        });
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
