package dev.ecsdashboard.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * Everything one user may do: the union of their cluster grants, read from the authorities of their
 * sign-in. Authorities that are no grant (OIDC scopes, factors) are ignored.
 */
record Grants(List<ClusterGrant> list) {

  static final Grants NONE = new Grants(List.of());

  static Grants of(Collection<? extends GrantedAuthority> authorities) {
    return new Grants(
        authorities.stream()
            .map(GrantedAuthority::getAuthority)
            .map(ClusterGrant::fromAuthority)
            .flatMap(java.util.Optional::stream)
            .distinct()
            .toList());
  }

  /** Grants as configured, e.g. {@code ["OPERATOR@staging-*", "VIEWER"]}. */
  static Grants parse(Collection<String> configured) {
    return new Grants(configured.stream().map(ClusterGrant::parse).distinct().toList());
  }

  List<GrantedAuthority> authorities() {
    return list.stream().map(ClusterGrant::toAuthority).toList();
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  boolean canRead(String clusterName) {
    return list.stream().anyMatch(g -> g.covers(clusterName));
  }

  boolean canStop(String clusterName) {
    return list.stream().anyMatch(g -> g.allowsStop() && g.covers(clusterName));
  }

  boolean isAdmin() {
    return list.stream().anyMatch(g -> g.role() == Role.ADMIN && g.everyCluster());
  }

  /** What these grants allow, in a sentence for the sign-in page and the 403 page. */
  String describe() {
    if (isAdmin()) {
      return "Reads and stops tasks in every cluster; reads everyone's activity and the metrics.";
    }
    if (isEmpty()) {
      return "No role on this dashboard.";
    }
    String reads = "Reads " + clusters(list, "every cluster");
    List<ClusterGrant> stopping = list.stream().filter(ClusterGrant::allowsStop).toList();
    String stops =
        stopping.isEmpty()
            ? "stops no task"
            : "stops tasks in " + clusters(stopping, "every cluster");
    if (!stopping.isEmpty() && stopping.stream().noneMatch(ClusterGrant::everyCluster)) {
      stops += " only";
    }
    return reads + "; " + stops + ".";
  }

  private static String clusters(List<ClusterGrant> grants, String every) {
    if (grants.stream().anyMatch(ClusterGrant::everyCluster)) {
      return every;
    }
    return grants.stream()
        .map(ClusterGrant::clusters)
        .filter(Objects::nonNull)
        .distinct()
        .map(p -> p.contains("*") ? "clusters matching " + p : p)
        .collect(Collectors.joining(", "));
  }
}
