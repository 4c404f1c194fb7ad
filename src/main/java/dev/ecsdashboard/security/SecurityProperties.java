package dev.ecsdashboard.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in: local users with a bcrypt password hash and their roles. There is no default
 * user: outside the demo profile a user source must be configured.
 *
 * @param users local users
 */
@Validated
@ConfigurationProperties("dashboard.security")
public record SecurityProperties(@Valid @NotNull @DefaultValue List<LocalUser> users) {

  /**
   * A local user.
   *
   * @param username the sign-in name
   * @param passwordHash a bcrypt hash, e.g. {@code {bcrypt}$2a$10$...}; never a plain password
   * @param roles VIEWER, OPERATOR or ADMIN
   */
  public record LocalUser(
      @NotBlank String username,
      @NotBlank
          @Pattern(regexp = "\\{bcrypt}\\$2[aby]?\\$.{56}", message = "must be a {bcrypt} hash")
          String passwordHash,
      @NotEmpty List<@NotBlank String> roles) {

    @Override
    public String toString() {
      // Never print the hash.
      return "LocalUser[" + username + ", roles=" + roles + "]";
    }
  }
}
