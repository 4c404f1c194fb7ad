package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsConfigurationException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Where users come from: the local users of the configuration (the OpenID Connect provider has its
 * own {@link OidcConfiguration}). With no user source at all the dashboard refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UserSourceConfiguration {

  /**
   * bcrypt, with recent matches remembered so that HTTP Basic on every API call stays cheap, and at
   * most {@code dashboard.security.sign-in.max-concurrent-checks} checks at once.
   */
  @Bean
  PasswordEncoder passwordEncoder(SignInProperties signIn) {
    return new RememberingPasswordEncoder(
        new BoundedPasswordEncoder(
            PasswordEncoderFactories.createDelegatingPasswordEncoder(),
            signIn.maxConcurrentChecks()));
  }

  /**
   * The local users; empty when people sign in through OpenID Connect only (never Spring Boot's
   * generated default user).
   */
  @Bean
  UserDetailsService userDetailsService(SecurityProperties properties) {
    if (!properties.hasUserSource()) {
      throw new EcsConfigurationException(
          "No user can sign in: no user source is configured, and there is no default user"
              + " outside the demo profile.",
          "Configure local users under dashboard.security.users (user name, bcrypt password"
              + " hash, roles; the README shows how to make a hash), or an OpenID Connect"
              + " provider under dashboard.security.oidc (issuer-uri, client-id, client-secret,"
              + " role-mappings), or start the demo with --spring.profiles.active=demo.",
          null);
    }
    return new InMemoryUserDetailsManager(
        properties.users().stream().map(UserSourceConfiguration::toUserDetails).toList());
  }

  private static UserDetails toUserDetails(SecurityProperties.LocalUser user) {
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .authorities(Grants.parse(user.roles()).authorities())
        .build();
  }
}
