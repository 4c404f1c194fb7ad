package dev.ecsdashboard.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Sign-ins as one guarded door: the password check of the form and HTTP Basic, and the bearer token
 * check of the API, each behind the {@link SignInThrottle}, and each outcome reported to {@link
 * SignInLog} (a log line, the metric, the throttle's counts).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInConfiguration {

  @Bean
  SignInThrottle signInThrottle(SignInProperties properties, ObjectProvider<Clock> clock) {
    return new SignInThrottle(properties, clock.getIfAvailable(Clock::systemUTC));
  }

  /** Spring Security's authentication managers publish every outcome here. */
  @Bean
  SignInLog signInLog(SignInThrottle throttle, ObjectProvider<MeterRegistry> meters) {
    return new SignInLog(throttle, meters.getIfAvailable());
  }

  /**
   * The one password check (the global authentication manager's only provider, so nothing checks a
   * password beside the throttle).
   */
  @Bean
  AuthenticationProvider passwordSignIn(
      UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwords);
    return new ThrottledAuthenticationProvider(provider, throttle);
  }

  /** The bearer token check of the API, behind the throttle (tokens name no user until valid). */
  static AuthenticationManager bearerTokens(
      JwtDecoder decoder,
      Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
      SignInThrottle throttle,
      SignInLog signIns) {
    JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
    jwt.setJwtAuthenticationConverter(converter);
    ProviderManager manager =
        new ProviderManager(new ThrottledAuthenticationProvider(jwt, throttle));
    manager.setAuthenticationEventPublisher(signIns);
    return manager;
  }
}
