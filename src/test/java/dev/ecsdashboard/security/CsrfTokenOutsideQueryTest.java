package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfTokenOutsideQueryTest {

  @Test
  void findsTheTokenParameterInAQueryStringHoweverItIsEncoded() {
    assertThat(CsrfTokenOutsideQuery.inQueryString("_csrf=abc", "_csrf")).isTrue();
    assertThat(CsrfTokenOutsideQuery.inQueryString("a=1&_csrf=abc", "_csrf")).isTrue();
    assertThat(CsrfTokenOutsideQuery.inQueryString("%5Fcsrf=abc", "_csrf")).isTrue();
    assertThat(CsrfTokenOutsideQuery.inQueryString("_csrf", "_csrf")).isTrue();
    assertThat(CsrfTokenOutsideQuery.inQueryString("%zz=1&y", "_csrf")).isTrue();
  }

  @Test
  void otherParametersAreNoToken() {
    assertThat(CsrfTokenOutsideQuery.inQueryString(null, "_csrf")).isFalse();
    assertThat(CsrfTokenOutsideQuery.inQueryString("", "_csrf")).isFalse();
    assertThat(CsrfTokenOutsideQuery.inQueryString("dryRun=true&x=_csrf", "_csrf")).isFalse();
    assertThat(CsrfTokenOutsideQuery.inQueryString("_csrfx=1", "_csrf")).isFalse();
  }
}
