package dev.ecsdashboard.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Malformed and hostile values for the input tests, drawn from a seeded random generator so that
 * every run sends the same corpus and a failure repeats: over-long and empty values, control and
 * invisible characters, mixed scripts and homoglyphs, HTML and script payloads, ARNs of other
 * services, regions, accounts and partitions, path traversal (plain and encoded), malformed and
 * deeply nested JSON, forged host names, and random Unicode.
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
          "\udfff",
          // Default ignorable characters that are neither control nor format characters to
          // java.lang.Character: Hangul fillers, the grapheme joiner, variation selectors.
          "\u3164",
          "\u115f",
          "\u1160",
          "\uffa0",
          "\u034f",
          "\ufe0f",
          "\udb40\udd00",
          "\u2060",
          "\udb40\udc01");

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

  /** Host names a client may put in Host or X-Forwarded-Host to send redirects elsewhere. */
  private static final List<String> FORGED_HOSTS =
      List.of(
          "evil.example",
          "evil.example:8443",
          "EVIL.EXAMPLE.",
          "127.0.0.1.evil.example",
          "dashboard.example.com@evil.example",
          "evil.example/login",
          "//evil.example",
          "evil.example\\@dashboard.example.com",
          "evil.example, dashboard.example.com",
          "[::1]:80",
          "localhost:99999",
          "xn--80ak6aa92e.example",
          "\u0435vil.example", // Cyrillic e
          "evil.example%0d%0aSet-Cookie:%20x=1",
          "evil.example\tx",
          "javascript:alert(1)",
          "");

  private static final List<String> EMPTY = List.of("", " ", "   ", "\u00a0");

  private static final List<String> BLANK_REASONS = List.of("", " ", "\t", "\u00a0\u2003", "\n\n");

  private static final String VALID_JSON =
      "{\"cluster\":\"default\",\"task\":\"" + TASK_ID + "\",\"reason\":\"r\"}";

  private static final List<String> BAD_JSON =
      List.of(
          "",
          "null",
          "[]",
          "\"task\"",
          "42",
          "{\"task\":123,\"reason\":\"r\"}",
          "{\"task\":[\"a\"],\"reason\":\"r\"}",
          "{\"task\":{\"$ne\":null},\"reason\":\"r\"}",
          "{\"task\":\"x\",\"reason\":\"r\",\"force\":true}",
          "{\"task\":\"x\"} trailing",
          "{'task':'x'}",
          "{\"task\":\"\\ud800\"}",
          "\ufeff{\"task\":\"x\"}",
          "{\"tasks\":\"not a list\",\"reason\":\"r\"}",
          "{\"tasks\":[1,2,3],\"reason\":\"r\"}");

  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = ALPHA + "0123456789";
  private static final String NAME_CHARS = "abc-_0123456789";

  /** Characters at the edges of the ranges, drawn more often than their share. */
  private static final String EDGE_CHARS =
      "\u0000\u0020\u007f\u0080\ud7ff\ud800\udbff\udc00\udfff\ufffe\uffff";

  private final SplittableRandom random;

  private HostileValues(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * The first {@code count} values of one kind that pass {@code accepted}, drawn with a fixed seed:
   * the same corpus on every run.
   */
  public static List<String> corpus(
      long seed, int count, Function<HostileValues, String> kind, Predicate<String> accepted) {
    HostileValues values = new HostileValues(seed);
    List<String> corpus = new ArrayList<>(count);
    while (corpus.size() < count) {
      String value = kind.apply(values);
      if (accepted.test(value)) {
        corpus.add(value);
      }
    }
    return corpus;
  }

  /** The first {@code count} values of one kind, drawn with a fixed seed. */
  public static List<String> corpus(long seed, int count, Function<HostileValues, String> kind) {
    return corpus(seed, count, kind, value -> true);
  }

  /** Every kind of hostile value; hardly any is a well-formed cluster name, task ID or ARN. */
  public String any() {
    return switch (weighted(3, 3, 2, 2, 2, 1, 1, 2)) {
      case 0 -> withInvisible();
      case 1 -> markup();
      case 2 -> pick(ARNS);
      case 3 -> traversal();
      case 4 -> pick(HOMOGLYPHS);
      case 5 -> overLong();
      case 6 -> pick(EMPTY);
      default -> randomUnicode();
    };
  }

  /**
   * Values that the reason rules refuse (empty, too long, or with an invisible character), many of
   * them carrying markup too, so that the refused form, which shows the reason as typed, must
   * escape it.
   */
  public String refusedReason() {
    return switch (weighted(4, 2, 2, 1)) {
      case 0 -> withInvisible();
      case 1 -> string(ALPHA, 300, 1000);
      case 2 -> {
        String markup = pick(MARKUP);
        int length = between(256, 600);
        yield markup + "x".repeat(Math.max(0, length - markup.length()));
      }
      default -> pick(BLANK_REASONS);
    };
  }

  /**
   * JSON that is cut short, of the wrong shape or type, deeply nested (1,000 to 20,000 levels), or
   * followed by random characters.
   */
  public String malformedJson() {
    return switch (random.nextInt(4)) {
      case 0 -> VALID_JSON.substring(0, random.nextInt(VALID_JSON.length()));
      case 1 -> pick(BAD_JSON);
      case 2 -> {
        int depth = between(1000, 20000);
        yield "[".repeat(depth) + "]".repeat(depth);
      }
      default -> VALID_JSON.substring(0, VALID_JSON.length() - 1) + anyChars(0, 20);
    };
  }

  /**
   * A forged host: a known trick, sometimes with a random label in front or a port behind, or an
   * over-long name.
   */
  public String forgedHost() {
    return switch (weighted(4, 2, 1, 1)) {
      case 0 -> pick(FORGED_HOSTS);
      case 1 -> string(ALPHA, 1, 12) + "." + pick(FORGED_HOSTS);
      case 2 -> pick(FORGED_HOSTS) + ":" + between(1, 65535);
      default -> string(NAME_CHARS, 256, 2000) + ".example";
    };
  }

  private String withInvisible() {
    // Between other characters, where trimming cannot remove it.
    String before = string(ALPHANUMERIC, 1, 40);
    String invisible = pick(INVISIBLE);
    String after = random.nextBoolean() ? pick(MARKUP) : string(ALPHA, 0, 20);
    return before + invisible + "x" + after;
  }

  private String markup() {
    return pick(MARKUP) + string(ALPHA, 0, 10);
  }

  private String traversal() {
    return pick(TRAVERSAL) + pick(List.of("", TASK_ID, "default"));
  }

  private String overLong() {
    return string(NAME_CHARS, 256, 5000);
  }

  private String randomUnicode() {
    return anyChars(1, 60);
  }

  /** Any UTF-16 code units, lone surrogates and noncharacters included. */
  private String anyChars(int minLength, int maxLength) {
    int length = length(minLength, maxLength);
    StringBuilder chars = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      chars.append(
          random.nextInt(8) == 0
              ? EDGE_CHARS.charAt(random.nextInt(EDGE_CHARS.length()))
              : (char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return chars.toString();
  }

  private String string(String alphabet, int minLength, int maxLength) {
    int length = length(minLength, maxLength);
    StringBuilder chars = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return chars.toString();
  }

  /** A length in the range, its two ends drawn more often than their share. */
  private int length(int min, int max) {
    return switch (random.nextInt(10)) {
      case 0 -> min;
      case 1 -> max;
      default -> between(min, max);
    };
  }

  private int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** The index of a choice, each drawn in proportion to its weight. */
  private int weighted(int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    int index = 0;
    while (draw >= weights[index]) {
      draw -= weights[index++];
    }
    return index;
  }
}
