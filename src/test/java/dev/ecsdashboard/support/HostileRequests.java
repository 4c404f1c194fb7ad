package dev.ecsdashboard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sends one hostile request as a signed-in operator and checks the answer: a 4xx with a message
 * (never a 500), no payload markup echoed unescaped, no control or invisible character shown raw.
 * Counts requests by status for the report.
 */
public final class HostileRequests {

  /** Characters that must never come back raw outside the field that keeps what was typed. */
  private static final String UNSAFE =
      "\u0000\u001b\u202e\u202d\u2066\u200b\u200e\u061c\u3164\u115f\u1160\uffa0\u034f\ufe0f\u2060";

  private static final AtomicInteger SENT = new AtomicInteger();
  private static final Map<Integer, Integer> STATUSES = new TreeMap<>();

  private HostileRequests() {}

  /** Prints how many requests were sent, by status, since the last report. */
  public static synchronized void report(String what) {
    System.out.printf("%s: %d requests, by status %s%n", what, SENT.getAndSet(0), STATUSES);
    STATUSES.clear();
  }

  /**
   * One dynamic test per value of a corpus, named by its index and the value written out in ASCII,
   * so that a failure names the value that caused it.
   */
  public static Stream<DynamicTest> each(List<String> corpus, Consumer<String> check) {
    return IntStream.range(0, corpus.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    "#" + i + " " + shown(corpus.get(i)), () -> check.accept(corpus.get(i))));
  }

  /** One dynamic test per pair of values at the same index of two corpora. */
  public static Stream<DynamicTest> each(
      List<String> first, List<String> second, BiConsumer<String, String> check) {
    assertThat(second).hasSameSizeAs(first);
    return IntStream.range(0, first.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    "#" + i + " " + shown(first.get(i)) + " and " + shown(second.get(i)),
                    () -> check.accept(first.get(i), second.get(i))));
  }

  public static void send(MockMvc mvc, MockHttpServletRequestBuilder request, String payload) {
    MvcResult result;
    try {
      result = mvc.perform(request.with(user("operator").roles("OPERATOR"))).andReturn();
    } catch (Exception e) {
      throw new AssertionError("The request for " + shown(payload) + " failed: " + e, e);
    }
    MockHttpServletResponse response = result.getResponse();
    SENT.incrementAndGet();
    synchronized (HostileRequests.class) {
      STATUSES.merge(response.getStatus(), 1, Integer::sum);
    }
    String body = contentOf(response);
    String what =
        response.getStatus()
            + " for "
            + shown(payload)
            + " at "
            + result.getRequest().getMethod()
            + " "
            + shown(result.getRequest().getRequestURI());
    assertThat(response.getStatus()).as(what).isBetween(400, 499);
    // A page, a forward to one, or an error the container renders as the error page (MockMvc does
    // not render those; the firewall's and the CSRF rejections end so).
    assertThat(
            !body.isBlank()
                || response.getForwardedUrl() != null
                || response.getErrorMessage() != null
                || response.isCommitted())
        .as("%s: a message saying what is wrong", what)
        .isTrue();
    if (payload.contains("<") && !isJson(response)) {
      assertThat(body).as(what).doesNotContain(payload);
    }
    // A refused form keeps what was typed in its fields (HTML-escaped, inert inside an attribute
    // value): there it is the user's own text, not a message.
    String outsideTextarea =
        body.replaceAll("(?s)<textarea.*?</textarea>", "").replaceAll("value=\"[^\"]*\"", "");
    int unsafe = outsideTextarea.chars().filter(c -> UNSAFE.indexOf(c) >= 0).findFirst().orElse(-1);
    if (unsafe >= 0) {
      int at = outsideTextarea.indexOf(unsafe);
      throw new AssertionError(
          what
              + ": a control or invisible character is shown raw in "
              + shown(outsideTextarea.substring(Math.max(0, at - 60), at + 1)));
    }
  }

  private static boolean isJson(MockHttpServletResponse response) {
    String type = response.getContentType();
    return type != null && type.contains("json");
  }

  private static String contentOf(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String shown(String payload) {
    String escaped =
        payload
            .codePoints()
            .limit(80)
            .collect(
                StringBuilder::new,
                (b, c) -> {
                  if (c < 0x20 || c > 0x7e) {
                    b.append(String.format("\\u%04x", c));
                  } else {
                    b.appendCodePoint(c);
                  }
                },
                StringBuilder::append)
            .toString();
    return "\""
        + escaped
        + (payload.length() > 80 ? "...\" (" + payload.length() + " chars)" : "\"");
  }
}
