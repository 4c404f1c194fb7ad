package dev.ecsdashboard.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Test only: a real OpenID Connect provider (Spring Authorization Server with Spring Boot's
 * defaults) for the single sign-on tests, started on its own port. It knows the dashboard as a
 * client, people who sign in with a password, and tools that get tokens with client credentials;
 * its tokens carry a {@code groups} claim as a company's provider would.
 *
 * <p>Not a {@code @Configuration}, so that the dashboard's component scan never picks it up.
 */
@EnableAutoConfiguration
class TestOidcProvider {

  static final String DASHBOARD_CLIENT = "ecs-dashboard";
  static final String DASHBOARD_SECRET = "dashboard-secret";
  static final String TOOL_CLIENT = "deploy-bot";
  static final String TOOL_SECRET = "deploy-bot-secret";
  static final String OTHER_CLIENT = "other-app";
  static final String OTHER_SECRET = "other-app-secret";

  /** The groups of each person and tool, as the provider's directory holds them. */
  static final Map<String, List<String>> GROUPS =
      Map.of(
          "alice",
          List.of("ops-staging"),
          "ada",
          List.of("ops-admins"),
          TOOL_CLIENT,
          List.of("deployers"),
          OTHER_CLIENT,
          List.of("ops-admins"));

  /** Starts the provider on a free port; its issuer is {@code http://localhost:port}. */
  static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(TestOidcProvider.class)
        .properties(
            "server.port=0",
            // Its own configuration only, not the dashboard's application.yml.
            "spring.config.name=test-oidc-provider",
            "spring.main.banner-mode=off",
            // Its session cookie must not be confused with the dashboard's.
            "server.servlet.session.cookie.name=PROVIDER_SESSION",
            "logging.level.root=WARN")
        .run();
  }

  static String issuer(ConfigurableApplicationContext provider) {
    return "http://localhost:"
        + provider.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Bean
  RegisteredClientRepository registeredClients() {
    RegisteredClient dashboard =
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(DASHBOARD_CLIENT)
            .clientSecret("{noop}" + DASHBOARD_SECRET)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            // A loopback address: any port matches, as the dashboard's port is random.
            .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .scope(OidcScopes.EMAIL)
            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
            .build();
    return new InMemoryRegisteredClientRepository(
        dashboard, tool(TOOL_CLIENT, TOOL_SECRET), tool(OTHER_CLIENT, OTHER_SECRET));
  }

  private static RegisteredClient tool(String id, String secret) {
    return RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(id)
        .clientSecret("{noop}" + secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope("ecs")
        .build();
  }

  @Bean
  UserDetailsService people() {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
        User.withUsername("ada").password("{noop}ada-password").roles("USER").build());
  }

  /**
   * Groups and user name in ID and access tokens; the deploy bot's tokens are meant for the
   * dashboard (audience), the other app's are not.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
    return context -> {
      String name = context.getPrincipal().getName();
      context.getClaims().claim("groups", GROUPS.getOrDefault(name, List.of()));
      context.getClaims().claim("preferred_username", name);
      if (TOOL_CLIENT.equals(name)) {
        context.getClaims().audience(List.of(DASHBOARD_CLIENT));
      }
    };
  }
}
