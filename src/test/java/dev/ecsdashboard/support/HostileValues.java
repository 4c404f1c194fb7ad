package dev.ecsdashboard.support;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Malformed and hostile values for the input tests, as jqwik arbitraries: over-long and empty
 * values, control and invisible characters, mixed scripts and homoglyphs, HTML and script payloads,
 * ARNs of other services, regions, accounts and partitions, path traversal (plain and encoded), and
 * random Unicode.
 */
public final class HostileValues {

  /** A valid-looking task ID, for building ARNs around. */
  public static final String TASK_ID = "0123456789abcdef0123456789abcdef";

  private static final List<String> INVISIBLE =
      List.of(
          "\u0000",
          "\u0007",
          "\n",
          "\r",
          "\t",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          "\u202e",
          "\u202d",
          "\u2066",
          "\u200b",
          "\u200d",
          "\u200e",
          "\u2028",
          "\u2029",
          "\ufeff",
          "\u00ad",
          "\u061c",
          "\ue000",
          "\ud800",
          "\udfff");

  private static final List<String> MARKUP =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'><svg onload=alert(1)>",
          "<a href=\"javascript:alert(1)\">x</a>",
          "</textarea><script>alert(1)</script>",
          "<!--",
          "<iframe srcdoc=\"<script>alert(1)</script>\">",
          "${7*7}",
          "[[${7*7}]]",
          "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
          "*{T(java.lang.System).exit(0)}",
          "#{7*7}",
          "{{constructor.constructor('alert(1)')()}}",
          "&lt;b&gt;",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "' OR '1'='1",
          "1; DROP TABLE stop_audit; --");

  private static final List<String> ARNS =
      List.of(
          "arn:aws:s3:::my-bucket/task/" + TASK_ID,
          "arn:aws:iam::123456789012:role/task/" + TASK_ID,
          "arn:aws:ecs:eu-west-1:123456789012:task/default/" + TASK_ID,
          "arn:aws:ecs:us-east-1:999999999999:task/default/" + TASK_ID,
          "arn:aws-cn:ecs:cn-north-1:123456789012:task/default/" + TASK_ID,
          "arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task/default/" + TASK_ID,
          "arn:aws:ecs:us-east-1:123456789012:cluster/default",
          "arn:aws:ecs:us-east-1:123456789012:service/default/web",
          "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
          "arn:aws:ecs:us-east-1:123456789012:container-instance/default/" + TASK_ID,
          "arn:aws:ecs:us-east-1:123456789012:task/" + TASK_ID + "/extra",
          "arn:aws:ecs:us-east-1:123456789012:task/<b>/" + TASK_ID,
          "arn:aws:ecs",
          "arn:::::",
          "arn:aws:ecs:us-east-1::task/default/" + TASK_ID,
          "ARN:AWS:ECS:US-EAST-1:123456789012:TASK/DEFAULT/" + TASK_ID.toUpperCase());

  private static final List<String> TRAVERSAL =
      List.of(
          "../../etc/passwd",
          "..",
          ".",
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e%2f%2e%2e%2f",
          "%252e%252e%252f",
          "..\\..\\windows\\win.ini",
          "....//....//",
          "/etc/passwd",
          "%00",
          "..;/actuator/env",
          ";jsessionid=x",
          "%c0%ae%c0%ae/");

  private static final List<String> HOMOGLYPHS =
      List.of(
          "d\u0435fault", // Cyrillic e
          "pr\u043ed-web", // Cyrillic o
          "\u0440rod-web", // Cyrillic r
          "st\u0430ging-batch", // Cyrillic a
          "\uff44\uff45\uff46\uff41\uff55\uff4c\uff54", // full-width "default"
          "default\u0301", // combining accent
          "\u0391\u0392\u0393-\u05d0\u05d1-\u0627\u0644", // Greek, Hebrew, Arabic
          "\u4e2d\u6587-\u65e5\u672c\u8a9e",
          "\ud83d\ude00\ud83d\udca5");

  private HostileValues() {}

  /** Every kind of hostile value; hardly any is a well-formed cluster name, task ID or ARN. */
  public static Arbitrary<String> any() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, withInvisible()),
        Tuple.of(3, markup()),
        Tuple.of(2, Arbitraries.of(ARNS)),
        Tuple.of(2, traversal()),
        Tuple.of(2, Arbitraries.of(HOMOGLYPHS)),
        Tuple.of(1, overLong()),
        Tuple.of(1, Arbitraries.of("", " ", "   ", "\u00a0")),
        Tuple.of(2, randomUnicode()));
  }

  /**
   * Values that the reason rules refuse (empty, too long, or with an invisible character), many of
   * them carrying markup too, so that the refused form, which shows the reason as typed, must
   * escape it.
   */
  public static Arbitrary<String> refusedReasons() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, withInvisible()),
        Tuple.of(2, Arbitraries.strings().ofMinLength(300).ofMaxLength(1000).alpha()),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.of(MARKUP), Arbitraries.integers().between(256, 600))
                .as(
                    (markup, length) ->
                        markup + "x".repeat(Math.max(0, length - markup.length())))),
        Tuple.of(1, Arbitraries.of("", " ", "\t", "\u00a0\u2003", "\n\n")));
  }

  private static Arbitrary<String> withInvisible() {
    // Between other characters, where trimming cannot remove it.
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
            Arbitraries.of(INVISIBLE),
            Arbitraries.oneOf(
                Arbitraries.of(MARKUP), Arbitraries.strings().alpha().ofMaxLength(20)))
        .as((before, invisible, after) -> before + invisible + "x" + after);
  }

  private static Arbitrary<String> markup() {
    return Combinators.combine(
            Arbitraries.of(MARKUP), Arbitraries.strings().alpha().ofMaxLength(10))
        .as((payload, suffix) -> payload + suffix);
  }

  private static Arbitrary<String> traversal() {
    return Combinators.combine(Arbitraries.of(TRAVERSAL), Arbitraries.of("", TASK_ID, "default"))
        .as((path, tail) -> path + tail);
  }

  private static Arbitrary<String> overLong() {
    return Arbitraries.strings().withChars("abc-_0123456789").ofMinLength(256).ofMaxLength(5000);
  }

  private static Arbitrary<String> randomUnicode() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60);
  }
}
