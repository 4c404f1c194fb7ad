package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecsdashboard.ecs.InvalidReferenceException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class ClusterAccessTest {

  final ClusterAccess access = new ClusterAccess();

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void viewerReadsEveryClusterAndStopsNothing() {
    signIn("vera", "VIEWER");

    assertThat(access.canRead("prod-web")).isTrue();
    assertThat(access.canStop("prod-web")).isFalse();
    assertThat(access.isAdmin()).isFalse();
  }

  @Test
  void scopedOperatorStopsOnlyInItsClusters() {
    signIn("staging-operator", "OPERATOR@staging-*", "VIEWER");

    assertThat(access.canStop("staging-batch")).isTrue();
    assertThat(access.canStop("prod-web")).isFalse();
    assertThat(access.canRead("prod-web")).isTrue();
    assertThatNoException().isThrownBy(() -> access.checkStop("staging-batch"));

    ClusterAccessDeniedException refused =
        catchThrowableOfType(
            ClusterAccessDeniedException.class, () -> access.checkStop("prod-web"));

    assertThat(refused.user()).isEqualTo("staging-operator");
    assertThat(refused.cluster()).isEqualTo("prod-web");
    assertThat(refused.action()).isEqualTo(ClusterAccessDeniedException.Action.STOP);
    assertThat(refused).hasMessage("staging-operator may not stop tasks of cluster prod-web");
  }

  @Test
  void scopedViewerDoesNotReadOtherClusters() {
    signIn("pat", "VIEWER@prod-*");

    assertThat(access.canRead("prod-web")).isTrue();
    assertThat(access.canRead("staging-batch")).isFalse();
    ClusterAccessDeniedException refused =
        catchThrowableOfType(
            ClusterAccessDeniedException.class, () -> access.checkRead("staging-batch"));
    assertThat(refused.action()).isEqualTo(ClusterAccessDeniedException.Action.READ);
  }

  @Test
  void checksAClusterArnByTheNameInIt() {
    signIn("staging-operator", "OPERATOR@staging-*");
    String arn = "arn:aws:ecs:us-east-1:123456789012:cluster/";

    assertThatNoException().isThrownBy(() -> access.checkStop(arn + "staging-batch"));
    assertDenied(() -> access.checkStop(arn + "prod-web"));
  }

  @Test
  void checksNoClusterAsTheDefaultCluster() {
    signIn("dora", "OPERATOR@default");

    assertThatNoException().isThrownBy(() -> access.checkStop(null));
    signIn("pat", "OPERATOR@prod-*");
    assertDenied(() -> access.checkStop(null));
  }

  @Test
  void refusesAMalformedClusterWithoutCallingItAllowed() {
    signIn("olga", "OPERATOR");

    assertThat(access.canRead("no such/cluster")).isFalse();
    assertThat(
            catchThrowableOfType(
                InvalidReferenceException.class, () -> access.checkRead("no such/cluster")))
        .isNotNull();
  }

  @Test
  void adminIsAdminOnEveryCluster() {
    signIn("ada", "ADMIN");

    assertThat(access.isAdmin()).isTrue();
    assertThat(access.canStop("anything")).isTrue();
  }

  @Test
  void anonymousMayDoNothing() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    assertThat(access.currentUser()).isEqualTo("anonymous");
    assertThat(access.canRead("default")).isFalse();
    assertDenied(() -> access.checkRead("default"));
  }

  @Test
  void aUserWithoutGrantsMayDoNothing() {
    signIn("nobody");

    assertThat(access.canRead("default")).isFalse();
    assertThat(access.describeCurrentUser()).isEqualTo("No role on this dashboard.");
  }

  private static void assertDenied(Executable check) {
    assertThat(catchThrowableOfType(ClusterAccessDeniedException.class, check::execute))
        .isNotNull();
  }

  /** Signs in with grants as configured, e.g. {@code "OPERATOR@staging-*"}. */
  private static void signIn(String name, String... roles) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                name, null, Grants.parse(List.of(roles)).authorities()));
  }
}
