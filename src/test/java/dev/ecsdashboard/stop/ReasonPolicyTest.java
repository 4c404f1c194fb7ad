package dev.ecsdashboard.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReasonPolicyTest {

  private static final String USER = "operator";
  // "operator: " takes 10 of ECS's 255 characters.
  private static final int LIMIT = 245;

  private final ReasonPolicy policy = policy(true, "{user}: {reason}");

  @Test
  void attributesTheTrimmedReasonToTheUser() {
    assertThat(policy.attributed("  draining node for patching \t".strip(), USER))
        .isEqualTo("operator: draining node for patching");
    assertThat(policy.attributed("\u00a0 spaces around \u00a0", USER))
        .isEqualTo("operator: spaces around");
  }

  @Test
  void rejectsAnEmptyReason() {
    assertThat(keys("", USER)).containsExactly(ReasonViolation.REQUIRED);
    assertThat(keys(null, USER)).containsExactly(ReasonViolation.REQUIRED);
  }

  @Test
  void rejectsAReasonMadeOfSpaces() {
    assertThat(keys("     ", USER)).containsExactly(ReasonViolation.REQUIRED);
    assertThat(keys("\u00a0\u2003 ", USER)).containsExactly(ReasonViolation.REQUIRED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line\nbreak",
        "carriage\rreturn",
        "tab\there",
        "bell\u0007",
        "nul\u0000",
        "delete\u007f",
        "c1\u0085control"
      })
  void rejectsControlCharacters(String reason) {
    assertThat(keys(reason, USER)).containsExactly(ReasonViolation.INVISIBLE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zero\u200bwidth",
        "bidi \u202eevil\u202c override",
        "isolate \u2066x\u2069",
        "bom\ufeff",
        "line\u2028separator",
        "soft\u00adhyphen",
        "private \ue000 use",
        "lone \ud800 surrogate"
      })
  void rejectsInvisibleAndBidiCharacters(String reason) {
    assertThat(keys(reason, USER)).containsExactly(ReasonViolation.INVISIBLE);
  }

  @Test
  void acceptsOrdinaryTextInAnyScript() {
    assertThat(keys("Wartung: Knoten wird geleert — ノード保守 ✓", USER)).isEmpty();
  }

  @Test
  void acceptsAReasonOfExactlyTheLimitForThisUser() {
    String reason = "x".repeat(LIMIT);
    assertThat(policy.maxLength(USER)).isEqualTo(LIMIT);
    assertThat(keys(reason, USER)).isEmpty();
    assertThat(policy.attributed(reason, USER)).hasSize(255);
    assertThat(policy.remaining(reason, USER)).isZero();
  }

  @Test
  void rejectsAReasonOneCharacterOverTheLimitForThisUser() {
    String reason = "x".repeat(LIMIT + 1);
    assertThat(policy.violations(reason, USER))
        .containsExactly(new ReasonViolation(ReasonViolation.TOO_LONG, LIMIT));
    assertThat(policy.remaining(reason, USER)).isEqualTo(-1);
    assertThatThrownBy(() -> policy.attributed(reason, USER))
        .isInstanceOf(InvalidStopReasonException.class);
  }

  @Test
  void leavesLessRoomToUsersWithLongerNames() {
    assertThat(policy.maxLength("alice")).isEqualTo(248);
    assertThat(policy.maxLength("a-very-long-single-sign-on-user@example.com")).isEqualTo(210);
    assertThat(keys("x".repeat(211), "a-very-long-single-sign-on-user@example.com"))
        .containsExactly(ReasonViolation.TOO_LONG);
  }

  @Test
  void countsTheLimitAfterTrimming() {
    assertThat(keys("  " + "x".repeat(LIMIT) + "  ", USER)).isEmpty();
  }

  @Test
  void allowsAnEmptyReasonWhenConfiguredOptionalAndStillAttributesIt() {
    ReasonPolicy optional = policy(false, "{user}: {reason}");
    assertThat(optional.violations("", USER)).isEmpty();
    assertThat(optional.attributed("  ", USER)).isEqualTo("operator:");
  }

  @Test
  void followsTheConfiguredFormat() {
    ReasonPolicy custom = policy(true, "{reason} (stopped by {user} via dashboard)");
    assertThat(custom.attributed("patching", "alice"))
        .isEqualTo("patching (stopped by alice via dashboard)");
    assertThat(custom.maxLength("alice"))
        .isEqualTo(255 - " (stopped by  via dashboard)".length() - "alice".length());
  }

  @Test
  void keepsPlaceholdersInAUserNameLiteral() {
    assertThat(policy.attributed("why", "{reason}")).isEqualTo("{reason}: why");
  }

  @Test
  void refusesAFormatWithoutBothPlaceholdersOnce() {
    assertThat(ReasonFormat.isValid("{user}: {reason}")).isTrue();
    assertThat(ReasonFormat.isValid("{reason}")).isFalse();
    assertThat(ReasonFormat.isValid("{user}")).isFalse();
    assertThat(ReasonFormat.isValid("{user} {user}: {reason}")).isFalse();
    assertThat(ReasonFormat.isValid("{user}: {reason}" + "x".repeat(255))).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> policy(true, "no placeholders"));
  }

  private java.util.List<String> keys(String reason, String user) {
    return policy.violations(reason, user).stream().map(ReasonViolation::messageKey).toList();
  }

  static ReasonPolicy policy(boolean required, String format) {
    return new ReasonPolicy(properties(required, format));
  }

  static StopProperties properties(boolean required, String format) {
    return new StopProperties(
        required,
        format,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        new StopProperties.Bulk(
            4, 1000, Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofSeconds(10), 4));
  }
}
