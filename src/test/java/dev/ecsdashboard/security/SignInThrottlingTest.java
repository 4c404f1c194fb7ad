package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecsdashboard.demo.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Password guessing against the whole dashboard, on a test clock: waits are read from {@code
 * Retry-After} and passed by moving the clock, never by sleeping. Its own users have cheap bcrypt
 * hashes (cost 4), so that a thousand real password checks take seconds; their passwords are
 * checked through the same chain as in production (remembered matches, at most {@code
 * max-concurrent-checks} bcrypt checks at once), with each bcrypt check counted.
 */
@SpringBootTest(properties = "dashboard.security.sign-in.max-concurrent-checks=1")
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(SignInThrottlingTest.Fixtures.class)
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest {

  static final BCryptPasswordEncoder CHEAP = new BCryptPasswordEncoder(4);

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    String[] names = {"alice", "bob", "carol", "dave"};
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      registry.add("dashboard.security.users[" + i + "].username", () -> name);
      registry.add(
          "dashboard.security.users[" + i + "].password-hash",
          () -> "{bcrypt}" + CHEAP.encode(name + "-password"));
      registry.add("dashboard.security.users[" + i + "].roles[0]", () -> "VIEWER");
    }
  }

  /** The test clock, and the production chain of password checks over a counted bcrypt. */
  @TestConfiguration
  static class Fixtures {

    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Bean
    CountedBcrypt countedBcrypt() {
      return new CountedBcrypt();
    }

    @Bean
    @Primary
    PasswordEncoder countedPasswordEncoder(CountedBcrypt bcrypt, SignInProperties signIn) {
      return new RememberingPasswordEncoder(
          new BoundedPasswordEncoder(bcrypt, signIn.maxConcurrentChecks()));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Clock clock;
  @Autowired CountedBcrypt bcrypt;
  @Autowired MeterRegistry meters;

  @Test
  void aThousandWrongPasswordsForOneUserFromOneAddressTakeDaysWhileOthersSignInAtOnce(
      CapturedOutput output) throws Exception {
    MutableClock time = (MutableClock) clock;
    String guesser = "198.51.100.7";
    String office = "203.0.113.5";
    // alice works from the office, where she signed in before.
    assertThat(basic("alice", "alice-password", office).getStatus()).isEqualTo(200);
    double failuresBefore = signIns("basic", "failure");
    double throttledBefore = signIns("basic", "throttled");
    int checksBefore = bcrypt.checks.get();
    Instant start = time.instant();
    Instant tenMinutesIn = start.plus(Duration.ofMinutes(10));

    int guesses = 0;
    int guessesInTenMinutes = 0;
    int refusals = 0;
    boolean checkedAlice = false;
    while (guesses < 1_000) {
      MockHttpServletResponse answer = basic("alice", "guess-" + guesses, guesser);
      if (answer.getStatus() == 401) {
        guesses++;
        if (time.instant().isBefore(tenMinutesIn)) {
          guessesInTenMinutes++;
        }
        continue;
      }
      assertThat(answer.getStatus()).isEqualTo(429);
      assertThat(answer.getContentType()).startsWith("application/problem+json");
      assertThat(answer.getContentAsString()).contains("Too many failed sign-ins");
      long retryAfter = Long.parseLong(answer.getHeader("Retry-After"));
      assertThat(retryAfter).isBetween(1L, 15 * 60L);
      if (refusals++ == 0) {
        // Meanwhile: alice's right password from the guesser's address waits too, but another
        // user from another address signs in at once.
        assertThat(basic("alice", "alice-password", guesser).getStatus()).isEqualTo(429);
        assertThat(basic("bob", "bob-password", office).getStatus()).isEqualTo(200);
      }
      if (guesses == 100 && !checkedAlice) {
        // Past 50 failures of her name, alice waits from addresses she has not signed in from,
        // but not from her office: guessers cannot lock her out.
        assertThat(basic("alice", "alice-password", "192.0.2.99").getStatus()).isEqualTo(429);
        assertThat(basic("alice", "alice-password", office).getStatus()).isEqualTo(200);
        checkedAlice = true;
      }
      time.advance(Duration.ofSeconds(retryAfter));
    }

    int checks = bcrypt.checks.get() - checksBefore;
    assertThat(Duration.between(start, time.instant())).isGreaterThan(Duration.ofDays(9));
    assertThat(guessesInTenMinutes).isLessThanOrEqualTo(15);
    assertThat(checkedAlice).isTrue();
    assertThat(basic("carol", "carol-password", "192.0.2.44").getStatus()).isEqualTo(200);
    // Refused attempts cost no bcrypt check (bob's and alice's sign-ins cost one each at most);
    // every guess is one log line and one count.
    assertThat(checks).isBetween(guesses + 1, guesses + 2);
    assertThat(count(output, "sign-in failure for alice from " + guesser + " (basic)"))
        .isEqualTo(1_000);
    assertThat(signIns("basic", "failure") - failuresBefore).isEqualTo(1_000);
    assertThat(signIns("basic", "throttled") - throttledBefore).isEqualTo(refusals + 2);
    assertThat(output).doesNotContain("guess-1");
  }

  @Test
  void theFormSaysWhenToTryAgainAndTheSameForNamesThatDoNotExist(CapturedOutput output)
      throws Exception {
    String existing = signInPageAfterFailures("dave", "192.0.2.10");
    String missing = signInPageAfterFailures("nobody", "192.0.2.11");

    assertThat(existing)
        .contains("Too many failed sign-ins from here or with this user name. Try again in")
        .isEqualTo(missing);
    assertThat(output)
        .contains("sign-in failure for dave from 192.0.2.10 (form)")
        .contains("sign-in failure for nobody from 192.0.2.11 (form)")
        .contains("sign-in throttled for dave from 192.0.2.10 (form)");
  }

  @Test
  void aBurstBeyondTheChecksAllowedAtOnceIsRefusedAtOnceWith503() throws Exception {
    bcrypt.hold();
    try {
      CompletableFuture<MockHttpServletResponse> held =
          CompletableFuture.supplyAsync(() -> basic("bob", "held guess", "192.0.2.20"));
      await().atMost(Duration.ofSeconds(10)).until(() -> bcrypt.running.get() == 1);
      int checks = bcrypt.checks.get();

      MockHttpServletResponse busy = basic("carol", "carol-guess", "192.0.2.21");
      MockHttpSession session = new MockHttpSession();
      MvcResult form = formSignIn("carol", "carol-guess", "192.0.2.22", session);

      assertThat(busy.getStatus()).isEqualTo(503);
      assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
      assertThat(busy.getContentAsString()).contains("too many passwords at once");
      assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
      assertThat(signInPage(session)).contains("checking many sign-ins at once");
      assertThat(bcrypt.checks.get()).isEqualTo(checks);
      bcrypt.release();
      assertThat(held.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(401);
    } finally {
      bcrypt.release();
    }
    assertThat(basic("carol", "carol-password", "192.0.2.21").getStatus()).isEqualTo(200);
  }

  /** Wrong passwords through the form until it says to wait; the sign-in page then. */
  private String signInPageAfterFailures(String user, String address) throws Exception {
    MockHttpSession session = new MockHttpSession();
    for (int i = 0; i < 6; i++) {
      formSignIn(user, "wrong-" + i, address, session);
      assertThat(signInPage(session)).contains("Wrong user name or password.");
    }
    MvcResult locked = formSignIn(user, user + "-password", address, session);
    assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    return signInPage(session);
  }

  private MvcResult formSignIn(
      String user, String password, String address, MockHttpSession session) throws Exception {
    return mvc.perform(
            from(
                post("/login")
                    .session(session)
                    .param("username", user)
                    .param("password", password)
                    .with(csrf()),
                address))
        .andReturn();
  }

  private String signInPage(MockHttpSession session) throws Exception {
    return mvc.perform(get("/login?error").session(session))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8)
        .replaceAll("(?s)<input type=\"hidden\" name=\"_csrf\"[^>]*>", "");
  }

  private MockHttpServletResponse basic(String user, String password, String address) {
    try {
      return mvc.perform(from(get("/api/v1/clusters").with(httpBasic(user, password)), address))
          .andReturn()
          .getResponse();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockHttpServletRequestBuilder from(
      MockHttpServletRequestBuilder request, String address) {
    RequestPostProcessor peer =
        r -> {
          r.setRemoteAddr(address);
          return r;
        };
    return request.with(peer);
  }

  private double signIns(String method, String outcome) {
    Counter counter =
        meters.find(SignInLog.METRIC).tags("method", method, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static int count(CapturedOutput output, String line) {
    return output.getOut().split(Pattern.quote(line), -1).length - 1;
  }
}
