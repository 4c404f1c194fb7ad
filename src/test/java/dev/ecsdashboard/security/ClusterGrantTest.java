package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.authority.AuthorityUtils;

class ClusterGrantTest {

  @Test
  void readsARoleWithoutPatternAsEveryCluster() {
    assertThat(ClusterGrant.parse("VIEWER")).isEqualTo(new ClusterGrant(Role.VIEWER, "*"));
    assertThat(ClusterGrant.parse("operator@*")).isEqualTo(new ClusterGrant(Role.OPERATOR, "*"));
  }

  @Test
  void readsARoleLimitedToAPattern() {
    ClusterGrant grant = ClusterGrant.parse("OPERATOR@staging-*");

    assertThat(grant).isEqualTo(new ClusterGrant(Role.OPERATOR, "staging-*"));
    assertThat(grant.covers("staging-batch")).isTrue();
    assertThat(grant.covers("staging-")).isTrue();
    assertThat(grant.covers("prod-staging-web")).isFalse();
    assertThat(grant.covers("Staging-batch")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "OWNER", "ADMIN@prod-*", "VIEWER@", "VIEWER@prod web", "@prod"})
  void rejectsWhatIsNoGrant(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClusterGrant.parse(text))
        .withMessageContaining("must be VIEWER, OPERATOR or ADMIN");
  }

  @Test
  void travelsAsAnAuthorityAndBack() {
    List<ClusterGrant> grants =
        List.of(ClusterGrant.parse("OPERATOR@staging-*"), ClusterGrant.parse("VIEWER"));

    List<String> authorities = grants.stream().map(g -> g.toAuthority().getAuthority()).toList();

    assertThat(authorities).containsExactly("OPERATOR@staging-*", "ROLE_VIEWER");
    assertThat(Grants.of(AuthorityUtils.createAuthorityList(authorities)).list())
        .containsExactlyElementsOf(grants);
  }

  @Test
  void ignoresAuthoritiesThatAreNoGrant() {
    assertThat(
            Grants.of(
                    AuthorityUtils.createAuthorityList(
                        "OIDC_USER", "SCOPE_openid", "FACTOR_PASSWORD", "ROLE_ANONYMOUS"))
                .isEmpty())
        .isTrue();
  }

  @Test
  void describesWhatEachDemoUserMayDo() {
    assertThat(Grants.parse(List.of("VIEWER")).describe())
        .isEqualTo("Reads every cluster; stops no task.");
    assertThat(Grants.parse(List.of("OPERATOR")).describe())
        .isEqualTo("Reads every cluster; stops tasks in every cluster.");
    assertThat(Grants.parse(List.of("ADMIN")).describe())
        .startsWith("Reads and stops tasks in every cluster; reads everyone's activity");
    assertThat(Grants.parse(List.of("OPERATOR@staging-batch", "VIEWER")).describe())
        .isEqualTo("Reads every cluster; stops tasks in staging-batch only.");
    assertThat(Grants.parse(List.of("VIEWER@prod-*", "OPERATOR@staging-*")).describe())
        .isEqualTo(
            "Reads clusters matching prod-*, clusters matching staging-*;"
                + " stops tasks in clusters matching staging-* only.");
    assertThat(Grants.NONE.describe()).isEqualTo("No role on this dashboard.");
  }
}
