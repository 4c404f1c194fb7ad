package dev.ecsdashboard.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains. Tools ({@code /api/**} and Actuator) are stateless, without CSRF, with HTTP
 * Basic for local users and bearer tokens of the OpenID Connect provider, and get problem
 * documents. People get the sign-in form and/or single sign-on, a session cookie, CSRF-protected
 * forms and the hardened headers. Every password and token check goes through the sign-in throttle
 * ({@link SignInConfiguration}), and every redirect stays on the dashboard ({@link
 * PathOnlyRedirects}). Both only let in users with at least one grant; which cluster they may read
 * or stop is decided by {@link ClusterAccess} in the services.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  /** Scripts and styles from the dashboard's own files only: no inline code, no handlers. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain toolSecurity(
      HttpSecurity http,
      SecurityProperties properties,
      ObjectProvider<JwtDecoder> jwtDecoder,
      SignInThrottle throttle,
      SignInLog signIns)
      throws Exception {
    boolean basic = !properties.users().isEmpty();
    boolean bearer = properties.oidc() != null;
    ProblemResponses problems = new ProblemResponses(basic, bearer);
    http.securityMatcher(
            new OrRequestMatcher(
                pathPattern("/api/**"),
                pathPattern("/actuator/**"),
                EndpointRequest.toAnyEndpoint(),
                // RFC 9728 metadata, named in the WWW-Authenticate of a 401 to bearer clients.
                pathPattern(HttpMethod.GET, "/.well-known/oauth-protected-resource/**")))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                    .permitAll()
                    // Never, even if someone exposes them by configuration.
                    .requestMatchers(
                        EndpointRequest.to("env", "configprops", "heapdump", "threaddump"))
                    .denyAll()
                    .requestMatchers(EndpointRequest.toAnyEndpoint(), pathPattern("/actuator/**"))
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .access(SecurityConfiguration::anyGrant))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    answerWithProblems(http, problems, basic);
    if (bearer) {
      GroupRoleMapper roles = new GroupRoleMapper(properties.oidc());
      http.oauth2ResourceServer(
          resourceServer ->
              resourceServer
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .protectedResourceMetadata(
                      metadata ->
                          metadata.protectedResourceMetadataCustomizer(
                              resource ->
                                  resource
                                      .authorizationServer(properties.oidc().issuerUri().toString())
                                      .tlsClientCertificateBoundAccessTokens(false)))
                  .jwt(
                      jwt ->
                          jwt.authenticationManager(
                              SignInConfiguration.bearerTokens(
                                  jwtDecoder.getObject(),
                                  roles.jwtAuthenticationConverter(),
                                  throttle,
                                  signIns))));
    }
    return http.build();
  }

  /**
   * The OpenAPI document: for signed-in users, with the browser session (the Swagger UI page loads
   * it) or HTTP Basic (tools), and a problem document otherwise. The Swagger UI page itself is a
   * page like the others.
   */
  @Bean
  @Order(2)
  SecurityFilterChain apiDocsSecurity(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    boolean basic = !properties.users().isEmpty();
    ProblemResponses problems = new ProblemResponses(basic, false);
    http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
        .authorizeHttpRequests(
            requests -> requests.anyRequest().access(SecurityConfiguration::anyGrant));
    answerWithProblems(http, problems, basic);
    return http.build();
  }

  /** 401 and 403 as problem documents, and HTTP Basic when there are local users. */
  private static void answerWithProblems(
      HttpSecurity http, ProblemResponses problems, boolean basic) throws Exception {
    http.exceptionHandling(
        exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    if (basic) {
      http.httpBasic(
          httpBasic ->
              httpBasic
                  .realmName(ProblemResponses.REALM)
                  .authenticationEntryPoint(problems)
                  .authenticationDetailsSource(SignInDetails.source(SignInAttempt.Method.BASIC)));
    }
  }

  @Bean
  @Order(3)
  SecurityFilterChain webSecurity(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    AccessDeniedHandlerImpl accessDeniedPage = new AccessDeniedHandlerImpl();
    accessDeniedPage.setErrorPage(AccessDeniedController.PATH);
    http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/login",
                        AccessDeniedController.PATH,
                        "/error",
                        "/assets/**",
                        "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .access(SecurityConfiguration::anyGrant))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(PathOnlyRedirects.signInPage())
                    .accessDeniedHandler(accessDeniedPage))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenOutsideQuery()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frames -> frames.deny()));
    if (!properties.users().isEmpty()) {
      http.formLogin(
          form ->
              form.loginPage("/login")
                  .successHandler(PathOnlyRedirects.afterSignIn())
                  .authenticationDetailsSource(SignInDetails.source(SignInAttempt.Method.FORM)));
    }
    if (properties.oidc() != null) {
      GroupRoleMapper roles = new GroupRoleMapper(properties.oidc());
      http.oauth2Login(
          sso ->
              sso.loginPage("/login")
                  .successHandler(PathOnlyRedirects.afterSignIn())
                  .failureUrl("/login?sso-error")
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(roles.oidcUserService())));
    }
    return http.build();
  }

  /** Signed in, with at least one grant: anything finer is the services' {@link ClusterAccess}. */
  private static AuthorizationDecision anyGrant(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    return new AuthorizationDecision(
        user != null
            && user.isAuthenticated()
            && !(user instanceof AnonymousAuthenticationToken)
            && !Grants.of(user.getAuthorities()).isEmpty());
  }
}
