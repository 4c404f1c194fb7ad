package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No password, hash or client secret in what the configuration prints of itself. */
class SecretsStayHiddenTest {

  @Test
  void printsNeitherPasswordHashNorClientSecret() {
    String hash = PasswordHashTool.hash("alice-password");
    SecurityProperties properties =
        new SecurityProperties(
            List.of(new SecurityProperties.LocalUser("alice", hash, List.of("VIEWER"))),
            new SecurityProperties.Oidc(
                URI.create("https://sso.example.com"),
                "ecs-dashboard",
                "very-secret",
                List.of("openid"),
                "preferred_username",
                "groups",
                List.of(new SecurityProperties.RoleMapping("ops", List.of("ADMIN"))),
                List.of()));

    assertThat(properties.toString())
        .contains("alice", "ecs-dashboard", "ops")
        .doesNotContain(hash, hash.substring(8, 30), "very-secret");
  }

  @Test
  void makesHashesThatTheDashboardAccepts() {
    String hash = PasswordHashTool.hash("s3cret with spaces");
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    assertThat(new SecurityProperties.LocalUser("bob", hash, List.of("VIEWER")).passwordHash())
        .startsWith("{bcrypt}$2a$10$");
    assertThat(encoder.matches("s3cret with spaces", hash)).isTrue();
  }

  @Test
  void acceptsTheHashesOfHtpasswd() {
    // printf secret | htpasswd -niBC 10 "" | tr -d ':\n'
    String htpasswd = "{bcrypt}$2y$10$NyWsWAD1QHjtP3ULdHtJ1eHp71txbyMvCKwZFs.ZzJ5sxq.qyj3Ia";
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    assertThat(new SecurityProperties.LocalUser("bob", htpasswd, List.of("VIEWER"))).isNotNull();
    assertThat(encoder.matches("secret", htpasswd)).isTrue();
  }

  @Test
  void refusesAPlainPasswordWithoutRepeatingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SecurityProperties.LocalUser("bob", "hunter22", List.of("VIEWER")))
        .withMessageContaining("not a {bcrypt} hash")
        .withMessageNotContaining("hunter22");
  }
}
