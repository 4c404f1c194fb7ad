package dev.ecsdashboard.security;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.PatternMatchUtils;

/**
 * One role on the clusters whose names match a pattern: {@code OPERATOR@staging-*} is operator on
 * every cluster whose name starts with {@code staging-}; a role without a pattern, or with
 * {@code @*}, holds on every cluster. ADMIN always holds on every cluster.
 *
 * <p>A grant travels as a plain authority string, so that a session or a test can carry it: the
 * role's {@code ROLE_} authority when it holds on every cluster, {@code ROLE@pattern} otherwise.
 *
 * @param role what the user may do
 * @param clusters the name pattern of the clusters it applies to; {@code *} matches any run of
 *     characters
 */
public record ClusterGrant(Role role, String clusters) {

  /** The pattern of every cluster. */
  public static final String EVERY_CLUSTER = "*";

  /** The configuration syntax, for validation: role names in any case. */
  static final String SYNTAX =
      "(?i)(?:(?:VIEWER|OPERATOR)(?:@[A-Za-z0-9_*-]{1,255})?|ADMIN(?:@\\*)?)";

  static final String SYNTAX_MESSAGE =
      "must be VIEWER, OPERATOR or ADMIN, optionally limited to clusters by a name pattern such as"
          + " OPERATOR@staging-* (ADMIN always applies to every cluster)";

  /**
   * @param text a grant as configured: {@code VIEWER}, {@code OPERATOR@staging-*}, {@code ADMIN}
   * @throws IllegalArgumentException when it does not follow the syntax
   */
  public static ClusterGrant parse(String text) {
    if (text == null || !text.strip().matches(SYNTAX)) {
      throw new IllegalArgumentException("\"" + text + "\" " + SYNTAX_MESSAGE);
    }
    String[] parts = text.strip().split("@", 2);
    Role role = Role.valueOf(parts[0].toUpperCase(Locale.ROOT));
    return new ClusterGrant(role, parts.length == 2 ? parts[1] : EVERY_CLUSTER);
  }

  /** The grant an authority stands for, if it stands for one. */
  static Optional<ClusterGrant> fromAuthority(String authority) {
    if (authority == null) {
      return Optional.empty();
    }
    for (Role role : Role.values()) {
      if (authority.equals(role.authority())) {
        return Optional.of(new ClusterGrant(role, EVERY_CLUSTER));
      }
    }
    return authority.matches(SYNTAX) && authority.contains("@")
        ? Optional.of(parse(authority))
        : Optional.empty();
  }

  /** The authority that carries this grant in an {@code Authentication}. */
  GrantedAuthority toAuthority() {
    return new SimpleGrantedAuthority(
        everyCluster() ? role.authority() : role.name() + "@" + clusters);
  }

  boolean everyCluster() {
    return EVERY_CLUSTER.equals(clusters);
  }

  /** Whether this grant applies to the cluster of this short name. */
  boolean covers(String clusterName) {
    return PatternMatchUtils.simpleMatch(clusters, clusterName);
  }

  /** Whether this grant lets its holder stop tasks (where it applies). */
  boolean allowsStop() {
    return role != Role.VIEWER;
  }

  @Override
  public String toString() {
    return everyCluster() ? role.name() : role.name() + "@" + clusters;
  }
}
