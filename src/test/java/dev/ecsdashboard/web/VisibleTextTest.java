package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

  @Test
  void writesOutControlAndInvisibleCharacters() {
    assertThat(VisibleText.of("a\u0000b\u202ec\u200bd\ne\ud800", 100))
        .isEqualTo("a\\u0000b\\u202Ec\\u200Bd\\u000Ae\\uD800");
  }

  @Test
  void keepsOrdinaryTextOfAnyScriptAsItIs() {
    assertThat(VisibleText.of("d\u0435fault <b> 中文 😀", 100)).isEqualTo("d\u0435fault <b> 中文 😀");
  }

  @Test
  void cutsOverLongText() {
    assertThat(VisibleText.of("x".repeat(5000), 10)).isEqualTo("xxxxxxxxxx… (5000 characters)");
  }
}
