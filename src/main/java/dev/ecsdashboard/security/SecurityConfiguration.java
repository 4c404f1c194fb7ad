package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsConfigurationException;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Sign-in with a form against the configured local users; everything but health needs it. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                    .permitAll()
                    .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/clusters"))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(SecurityProperties properties) {
    if (properties.users().isEmpty()) {
      throw new EcsConfigurationException(
          "No user can sign in: no user source is configured, and there is no default user"
              + " outside the demo profile.",
          "Configure local users under dashboard.security.users (user name, bcrypt password"
              + " hash, roles; the README shows how to make a hash), or start the demo with"
              + " --spring.profiles.active=demo.",
          null);
    }
    return new InMemoryUserDetailsManager(
        properties.users().stream().map(SecurityConfiguration::toUserDetails).toList());
  }

  private static UserDetails toUserDetails(SecurityProperties.LocalUser user) {
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .roles(user.roles().toArray(String[]::new))
        .build();
  }
}
