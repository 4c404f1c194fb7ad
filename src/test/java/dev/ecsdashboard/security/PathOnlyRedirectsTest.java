package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathOnlyRedirectsTest {

  @Test
  void keepsThePathAndQueryOfASavedRequestAndDropsItsSchemeAndHost() {
    assertThat(PathOnlyRedirects.pathOnly("http://evil.example/clusters?continue"))
        .isEqualTo("/clusters?continue");
    assertThat(PathOnlyRedirects.pathOnly("https://evil.example:8443/clusters/prod-web/tasks"))
        .isEqualTo("/clusters/prod-web/tasks");
    assertThat(PathOnlyRedirects.pathOnly("https://evil.example")).isEqualTo("/");
    assertThat(PathOnlyRedirects.pathOnly("/clusters")).isEqualTo("/clusters");
  }

  @Test
  void neverLeavesAnAddressThatNamesAnotherHost() {
    assertThat(PathOnlyRedirects.pathOnly("//evil.example/x")).isEqualTo("/x");
    assertThat(PathOnlyRedirects.pathOnly("http://dashboard//evil.example/x"))
        .isEqualTo("/evil.example/x");
    assertThat(PathOnlyRedirects.pathOnly("http://dashboard/\\\\evil.example/x"))
        .isEqualTo("/evil.example/x");
    assertThat(PathOnlyRedirects.pathOnly("javascript:alert(1)")).startsWith("/");
  }
}
