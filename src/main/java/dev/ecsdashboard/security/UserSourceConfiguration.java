package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsConfigurationException;
import dev.ecsdashboard.ecs.EcsProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
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
 * own {@link OidcConfiguration}). With no user source at all the dashboard refuses to start, and so
 * it does when the demo users (whose passwords are their names) would guard a real ECS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UserSourceConfiguration {

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

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
  UserDetailsService userDetailsService(
      SecurityProperties properties, DemoUsersProperties demoUsers, EcsProperties ecs) {
    if (demoUsers.demoUsers()) {
      requireDemoOrLocalEcs(ecs);
    }
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

  /**
   * Demo users are for the demo ECS and for an emulator on this machine only: anyone can sign in as
   * admin/admin, so with any other ECS (the SDK's credential chain may well find a real account)
   * the dashboard does not start.
   */
  private static void requireDemoOrLocalEcs(EcsProperties ecs) {
    if (ecs.mode() == EcsProperties.Mode.DEMO || isLoopback(ecs.endpoint())) {
      return;
    }
    String where =
        ecs.endpoint() == null
            ? "no dashboard.ecs.endpoint, so the AWS SDK would reach whatever account its"
                + " credentials chain finds"
            : "dashboard.ecs.endpoint "
                + ecs.endpoint()
                + ", whose host is not a loopback address of this machine";
    throw new EcsConfigurationException(
        "The demo users are active (dashboard.security.demo-users, set by the demo profile:"
            + " anyone can sign in as admin/admin), with dashboard.ecs.mode=aws and "
            + where
            + ".",
        "Use the demo users only with the demo ECS (dashboard.ecs.mode=demo) or an ECS emulator on"
            + " this machine (dashboard.ecs.endpoint=http://127.0.0.1:PORT, localhost or [::1])."
            + " For a real AWS account, start without the demo profile and configure users under"
            + " dashboard.security.users or an OpenID Connect provider under"
            + " dashboard.security.oidc (see the README, Security).",
        null);
  }

  /**
   * Whether the endpoint's host is this machine: {@code localhost}, an IPv4 address of 127.0.0.0/8
   * or {@code [::1]}. Host names other than localhost are not resolved: what a name points to can
   * change after start-up.
   */
  static boolean isLoopback(URI endpoint) {
    String host = endpoint == null ? null : endpoint.getHost();
    if (host == null) {
      return false;
    }
    if (host.toLowerCase(Locale.ROOT).equals("localhost") || LOOPBACK_V4.matcher(host).matches()) {
      return true;
    }
    if (!host.startsWith("[")) {
      return false;
    }
    try {
      // An IPv6 literal in brackets is parsed, never looked up.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
