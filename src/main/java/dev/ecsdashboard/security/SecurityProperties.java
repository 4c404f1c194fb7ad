package dev.ecsdashboard.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in, and what they may do: local users with a bcrypt password hash, and/or a single
 * sign-on provider over OpenID Connect whose groups map to roles. There is no default user: outside
 * the demo profile at least one of the two must be configured.
 *
 * <p>Roles are written {@code ROLE} or {@code ROLE@cluster-pattern}, see {@link ClusterGrant}.
 *
 * @param users local users
 * @param oidc the OpenID Connect provider, or null when there is none
 */
@Validated
@ConfigurationProperties("dashboard.security")
public record SecurityProperties(
    @Valid @NotNull @DefaultValue List<LocalUser> users, @Valid Oidc oidc) {

  /** Whether anyone at all can sign in. */
  boolean hasUserSource() {
    return !users.isEmpty() || oidc != null;
  }

  /**
   * A local user. Signs in with the form and calls the API with HTTP Basic.
   *
   * @param username the sign-in name
   * @param passwordHash a bcrypt hash, e.g. {@code {bcrypt}$2a$10$...}; never a plain password
   * @param roles grants such as {@code VIEWER} or {@code OPERATOR@staging-*}
   */
  public record LocalUser(
      @NotBlank String username,
      String passwordHash,
      @NotEmpty
          List<
                  @NotBlank
                  @Pattern(regexp = ClusterGrant.SYNTAX, message = ClusterGrant.SYNTAX_MESSAGE)
                  String>
              roles) {

    public LocalUser {
      // Checked here rather than with @Pattern: a failed constraint prints the rejected value,
      // and a mistaken plain password must never reach the log.
      if (passwordHash == null || !passwordHash.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$.{53}")) {
        throw new IllegalArgumentException(
            "The password-hash of local user \""
                + username
                + "\" is not a {bcrypt} hash. Configure {bcrypt}$2a$10$... (the README shows how to"
                + " make one), never a plain password.");
      }
    }

    @Override
    public String toString() {
      // Never print the hash.
      return "LocalUser[" + username + ", roles=" + roles + "]";
    }
  }

  /**
   * The single sign-on provider. People sign in through it (authorization code flow); tools call
   * the API with its access tokens (JWTs).
   *
   * @param issuerUri the issuer; its {@code /.well-known/openid-configuration} is read on first use
   * @param clientId the dashboard's client ID at the provider
   * @param clientSecret the dashboard's client secret (never logged or shown)
   * @param scopes scopes requested at sign-in; add the one that releases the groups claim if the
   *     provider needs it
   * @param usernameClaim the claim that names the user, in stop attributions and the audit trail;
   *     {@code sub} when a token lacks it
   * @param groupsClaim the claim that lists the user's groups, in ID tokens, user info and access
   *     tokens; a dotted path reaches into objects, e.g. {@code realm_access.roles}
   * @param roleMappings which groups grant which roles
   * @param audiences the {@code aud} values an access token must carry (one of them) to be accepted
   *     by the API; the client ID when empty
   */
  public record Oidc(
      @NotNull URI issuerUri,
      @NotBlank String clientId,
      String clientSecret,
      @NotEmpty @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
      @NotBlank @DefaultValue("preferred_username") String usernameClaim,
      @NotBlank @DefaultValue("groups") String groupsClaim,
      @Valid @NotNull @DefaultValue List<RoleMapping> roleMappings,
      @NotNull @DefaultValue List<String> audiences) {

    /** The audiences an access token may have. */
    List<String> acceptedAudiences() {
      return audiences.isEmpty() ? List.of(clientId) : audiences;
    }

    @Override
    public String toString() {
      // Never print the client secret.
      return "Oidc[issuerUri="
          + issuerUri
          + ", clientId="
          + clientId
          + ", groupsClaim="
          + groupsClaim
          + ", roleMappings="
          + roleMappings
          + "]";
    }
  }

  /**
   * Members of a group of the provider get these roles.
   *
   * @param group the group as the groups claim lists it
   * @param roles grants such as {@code VIEWER} or {@code OPERATOR@staging-*}
   */
  public record RoleMapping(
      @NotBlank String group,
      @NotEmpty
          List<
                  @NotBlank
                  @Pattern(regexp = ClusterGrant.SYNTAX, message = ClusterGrant.SYNTAX_MESSAGE)
                  String>
              roles) {}
}
