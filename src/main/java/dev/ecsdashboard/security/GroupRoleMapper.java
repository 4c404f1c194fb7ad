package dev.ecsdashboard.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns the groups claim of an OpenID Connect token into the user's grants, through {@code
 * dashboard.security.oidc.role-mappings}, for people signing in and for tools' bearer tokens alike.
 * A user in no mapped group signs in but may do nothing.
 */
final class GroupRoleMapper {

  private static final Logger log = LoggerFactory.getLogger(GroupRoleMapper.class);

  private final String[] claimPath;
  private final String usernameClaim;
  private final List<SecurityProperties.RoleMapping> mappings;

  GroupRoleMapper(SecurityProperties.Oidc oidc) {
    this.claimPath = oidc.groupsClaim().split("\\.");
    this.usernameClaim = oidc.usernameClaim();
    this.mappings = oidc.roleMappings();
  }

  /** People: the OIDC user, with their grants added to what the provider says. */
  OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
      authorities.addAll(authorities(user.getName(), user.getClaims()));
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), usernameClaim);
    };
  }

  /** Tools: a bearer token's caller, named by the username claim (or the subject). */
  Converter<Jwt, AbstractAuthenticationToken> jwtAuthenticationConverter() {
    return jwt -> {
      String name = jwt.getClaimAsString(usernameClaim);
      if (name == null || name.isBlank()) {
        name = jwt.getSubject();
      }
      return new JwtAuthenticationToken(jwt, authorities(name, jwt.getClaims()), name);
    };
  }

  /** The grants, as authorities, of a user or tool with these claims. */
  List<GrantedAuthority> authorities(String name, Map<String, Object> claims) {
    List<String> groups = groups(claims);
    Set<String> roles = new LinkedHashSet<>();
    for (SecurityProperties.RoleMapping mapping : mappings) {
      if (groups.contains(mapping.group())) {
        roles.addAll(mapping.roles());
      }
    }
    if (roles.isEmpty()) {
      log.info("{} signed in with groups {}, none of which maps to a dashboard role", name, groups);
    }
    return Grants.parse(roles).authorities();
  }

  /** The groups in the claims: a list, or a single string, at the configured path. */
  List<String> groups(Map<String, Object> claims) {
    Object value = claims;
    for (String key : claimPath) {
      value = value instanceof Map<?, ?> map ? map.get(key) : null;
    }
    List<String> groups = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(group -> groups.add(String.valueOf(group)));
    } else if (value instanceof String group) {
      groups.add(group);
    }
    return groups;
  }
}
