package dev.ecsdashboard.security;

import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Single sign-on over OpenID Connect, when {@code dashboard.security.oidc.issuer-uri} is set: the
 * client registration for people signing in and the decoder for the API's bearer tokens ({@link
 * GroupRoleMapper} gives both their roles). The provider's discovery document is read on first use,
 * so the dashboard starts (and local users work) while the provider is unreachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("dashboard.security.oidc.issuer-uri")
class OidcConfiguration {

  /** The registration ID, as in {@code /oauth2/authorization/oidc}. */
  static final String REGISTRATION_ID = "oidc";

  @Bean
  ClientRegistrationRepository clientRegistrationRepository(SecurityProperties properties) {
    SecurityProperties.Oidc oidc = properties.oidc();
    SingletonSupplier<ClientRegistration> registration =
        SingletonSupplier.of(
            () ->
                ClientRegistrations.fromIssuerLocation(oidc.issuerUri().toString())
                    .registrationId(REGISTRATION_ID)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope(oidc.scopes())
                    .userNameAttributeName(oidc.usernameClaim())
                    .build());
    return id -> REGISTRATION_ID.equals(id) ? registration.obtain() : null;
  }

  @Bean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    SecurityProperties.Oidc oidc = properties.oidc();
    String issuer = oidc.issuerUri().toString();
    List<String> audiences = oidc.acceptedAudiences();
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  JwtValidators.createDefaultWithIssuer(issuer),
                  new JwtClaimValidator<Collection<String>>(
                      JwtClaimNames.AUD,
                      aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
          return decoder;
        });
  }
}
