package dev.ecsdashboard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbescape.html.HtmlEscape;

class VisibleTextTest {

  @Test
  void writesOutControlAndInvisibleCharacters() {
    assertThat(VisibleText.of("a\u0000b\u202ec\u200bd\ne\ud800", 100))
        .isEqualTo("a\\u0000b\\u202Ec\\u200Bd\\u000Ae\\uD800");
  }

  @Test
  void writesOutDefaultIgnorableCharactersThatJavasCharacterTypesCallLetters() {
    // Hangul fillers are letters (Lo) to java.lang.Character, yet show nothing.
    assertThat(VisibleText.of("a\u3164b\u115fc\u1160d\uffa0e\u034ff\ufe0fg", 100))
        .isEqualTo("a\\u3164b\\u115Fc\\u1160d\\uFFA0e\\u034Ff\\uFE0Fg");
    assertThat(VisibleText.written("tag\udb40\udc01 vs\udb40\udd00"))
        .isEqualTo("tag\\u{E0001} vs\\u{E0100}");
  }

  @Test
  void keepsOrdinaryTextOfAnyScriptAsItIs() {
    assertThat(VisibleText.of("d\u0435fault <b> 中文 😀", 100)).isEqualTo("d\u0435fault <b> 中文 😀");
  }

  @Test
  void cutsOverLongText() {
    assertThat(VisibleText.of("x".repeat(5000), 10)).isEqualTo("xxxxxxxxxx… (5000 characters)");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(
      strings = {
        "0000", "0009", "000A", "001B", "007F", "0085", // controls (Cc)
        "00AD", "061C", "180E", "200B", "200C", "200D", "200E", "202A", "202E", "2060", "2066",
        "2069", "FEFF", "E0001", "E007F", // format (Cf)
        "2028", "2029", // line and paragraph separators (Zl, Zp)
        "E000", "F8FF", "F0000", "10FFFD", // private use (Co)
        "D800", "DBFF", "DC00", "DFFF", // surrogates (Cs), alone
        "0378", "FFFE", "FFFF", "FDD0", "1FFFF", "10FFFF", // unassigned and non-characters (Cn)
        "115F", "1160", "3164", "FFA0", "034F", "17B4", "180B", "FE00", "FE0F", "E0100", "E01EF"
        // default ignorable of other categories: Hangul fillers, CGJ, Khmer, variation selectors
      })
  void countsAsInvisible(String hex) {
    assertThat(VisibleText.isInvisible(Integer.parseInt(hex, 16))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "Ångström café naïve",
        "e\u0301", // combining accent
        "中文 日本語 한국어",
        "صيانة العقدة",
        "תחזוקה",
        "रखरखाव",
        "บำรุงรักษา",
        "Ελληνικά Кириллица",
        "😀 🚀 👍🏽 🇩🇪 ✓ ❤",
        "\u00a0\u2003\u3000", // spaces show as spaces
        "\ud83d\ude00"
      })
  void countsOrdinaryTextOfManyScriptsAsVisible(String text) {
    assertThat(VisibleText.hasInvisible(text)).isFalse();
  }

  @Test
  void coversEveryControlFormatSeparatorPrivateAndSurrogateCodePointJavaKnows() {
    int[] categories = {
      Character.CONTROL,
      Character.FORMAT,
      Character.LINE_SEPARATOR,
      Character.PARAGRAPH_SEPARATOR,
      Character.PRIVATE_USE,
      Character.SURROGATE
    };
    assertThat(
            IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(c -> IntStream.of(categories).anyMatch(t -> Character.getType(c) == t))
                .filter(c -> !VisibleText.isInvisible(c)))
        .isEmpty();
  }

  @Test
  void marksEachInvisibleCharacterInEscapedHtml() {
    assertThat(VisibleText.html("<b>a\u202eb</b>\u200b", false))
        .isEqualTo(
            "&lt;b&gt;a<span class=\"invisible-char\" title=\"invisible character U+202E\">"
                + "\\u202E</span>b&lt;/b&gt;<span class=\"invisible-char\" title=\"invisible"
                + " character U+200B\">\\u200B</span>");
    assertThat(VisibleText.html("x\udb40\udc01\ud800", false))
        .isEqualTo(
            "x<span class=\"invisible-char\" title=\"invisible character U+E0001\">\\u{E0001}"
                + "</span><span class=\"invisible-char\" title=\"invisible character U+D800\">"
                + "\\uD800</span>");
  }

  @Test
  void escapesAsThymeleafsTextDoes() {
    String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp; 中文 😀";
    assertThat(VisibleText.html(hostile, false)).isEqualTo(HtmlEscape.escapeHtml4Xml(hostile));
    assertThat(VisibleText.html(hostile + "\u3164", false))
        .startsWith(HtmlEscape.escapeHtml4Xml(hostile) + "<span")
        .doesNotContain("<script", "<img", "'", "\u3164");
  }

  @Test
  void makesAClassNameOfLettersDigitsAndHyphensOnly() {
    assertThat(VisibleText.className("RUNNING")).isEqualTo("running");
    assertThat(VisibleText.className("UNKNOWN\u202e \u3164ok<x>")).isEqualTo("unknownokx");
    assertThat(VisibleText.className(null)).isEmpty();
  }

  @Test
  void keepsLineBreaksOnlyForPreformattedText() {
    assertThat(VisibleText.html("{\n  \"a\": \"b\u202e\"\r\n}", true))
        .isEqualTo(
            "{\n  &quot;a&quot;: &quot;b<span class=\"invisible-char\" title=\"invisible"
                + " character U+202E\">\\u202E</span>&quot;\r\n}");
    assertThat(VisibleText.html("a\nb\tc", true)).contains("\\u0009").contains("a\nb");
    assertThat(VisibleText.html("a\nb", false)).contains("\\u000A").doesNotContain("\n");
  }
}
