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

  /**
   * Unicode's Default_Ignorable_Code_Point characters that java.lang.Character does not call
   * control or format (Hangul fillers are letters to it), and the other invisible classes: the one
   * definition of web.VisibleText refuses them all.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "hangul\u3164filler",
        "choseong\u115ffiller",
        "jungseong\u1160filler",
        "halfwidth\uffa0filler",
        "grapheme\u034fjoiner",
        "khmer\u17b4vowel",
        "mongolian\u180bselector",
        "variation\ufe00selector",
        "red heart \u2764\ufe0f",
        "ideographic variation \udb40\udd00",
        "tag \udb40\udc01 character",
        "word\u2060joiner",
        "zero\u200bwidth",
        "bidi \u202eevil",
        "joined \ud83d\udc69\u200d\ud83d\udcbb emoji",
        "private \ue000 use",
        "supplementary private \udb80\udc00 use",
        "non-character \uffff",
        "non-character \ufdd0",
        "unassigned \u0378",
        "lone high \ud800 surrogate",
        "lone low \udc00 surrogate"
      })
  void rejectsEveryClassOfInvisibleCharacter(String reason) {
    assertThat(keys(reason, USER)).containsExactly(ReasonViolation.INVISIBLE);
  }

  @Test
  void acceptsOrdinaryTextInAnyScript() {
    assertThat(keys("Wartung: Knoten wird geleert — ノード保守 ✓", USER)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ångström café naïve façade",
        "cafe\u0301 with a combining accent",
        "节点维护 ノード保守 노드 유지보수",
        "صيانة العقدة",
        "תחזוקת צומת",
        "नोड रखरखाव",
        "บำรุงรักษาโหนด",
        "Ελληνικά και Кириллица",
        "deploy \ud83d\ude80 done \ud83d\ude00 \ud83d\udc4d\ud83c\udffd \ud83c\udde9\ud83c\uddea \u2764",
        "no-break\u00a0space and em\u2003space"
      })
  void acceptsOrdinaryTextOfManyScriptsAndEmojiWithoutJoiners(String reason) {
    assertThat(keys(reason, USER)).isEmpty();
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
