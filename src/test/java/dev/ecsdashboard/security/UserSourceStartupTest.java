package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.ecsdashboard.EcsDashboardApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Starting the real application outside the demo profile: without a user source, or with a user
 * source that is wrong, it refuses to start and says what to configure, in the words an operator
 * reads in the log (the failure analysis), without ever printing a password.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserSourceStartupTest {

  @Test
  void refusesToStartWithoutAUserSource(CapturedOutput output) {
    assertThatException().isThrownBy(() -> start());

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("No user can sign in: no user source is configured")
        .contains("dashboard.security.users")
        .contains("dashboard.security.oidc");
  }

  @Test
  void refusesAPlainPasswordWithoutPrintingIt(CapturedOutput output) {
    assertThatException()
        .isThrownBy(
            () ->
                start(
                    "--dashboard.security.users[0].username=alice",
                    "--dashboard.security.users[0].password-hash=correct-horse-battery",
                    "--dashboard.security.users[0].roles[0]=VIEWER"));

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("The password-hash of local user \"alice\" is not a {bcrypt} hash")
        .doesNotContain("correct-horse-battery");
  }

  @Test
  void refusesARoleItDoesNotKnow(CapturedOutput output) {
    assertThatException()
        .isThrownBy(
            () ->
                start(
                    "--dashboard.security.users[0].username=alice",
                    "--dashboard.security.users[0].password-hash=" + PasswordHashTool.hash("alice"),
                    "--dashboard.security.users[0].roles[0]=ADMIN@prod-*"));

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("dashboard.security.users[0].roles[0]")
        .contains("ADMIN always applies to every cluster");
  }

  private static void start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // Plain-text log lines, so that the quoted names read as they are written here.
                "--logging.structured.format.console=",
                "--dashboard.ecs.region=us-east-1",
                "--dashboard.ecs.endpoint=http://127.0.0.1:9"));
    args.addAll(List.of(extra));
    SpringApplication.run(EcsDashboardApplication.class, args.toArray(String[]::new)).close();
  }
}
