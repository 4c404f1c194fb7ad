package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may stop tasks of which cluster, decided on the server for every request.
 * Services call the {@code check} methods before they touch ECS; templates use the {@code can}
 * methods only to hide controls ({@code ${@clusterAccess.canStop(cluster)}}).
 *
 * <p>A user's grants ({@link ClusterGrant}) apply to clusters by short name: a cluster given as an
 * ARN is checked by the name in it, and no cluster at all means {@code default}, as in ECS. VIEWER
 * reads, OPERATOR also stops, ADMIN (always on every cluster) also reads everyone's audit trail.
 */
@Component("clusterAccess")
public class ClusterAccess {

  /** The signed-in user's name, as stops are attributed to it. */
  public String currentUser() {
    Authentication authentication = authentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }

  /** Whether the user may see this cluster and its tasks. False for a malformed name. */
  public boolean canRead(String cluster) {
    String name = nameOrNull(cluster);
    return name != null && grants().canRead(name);
  }

  /** Whether the user may stop tasks of this cluster. False for a malformed name. */
  public boolean canStop(String cluster) {
    String name = nameOrNull(cluster);
    return name != null && grants().canStop(name);
  }

  /** Whether the user may read everyone's audit trail and the protected Actuator endpoints. */
  public boolean isAdmin() {
    return grants().isAdmin();
  }

  /**
   * @param cluster a short name or a cluster ARN; null means {@code default}
   * @throws ClusterAccessDeniedException when the user may not read the cluster
   * @throws InvalidReferenceException when the cluster is neither a name nor a cluster ARN
   */
  public void checkRead(String cluster) {
    String name = ClusterRef.parse(cluster).name();
    if (!grants().canRead(name)) {
      throw new ClusterAccessDeniedException(
          currentUser(), name, ClusterAccessDeniedException.Action.READ);
    }
  }

  /**
   * @param cluster a short name or a cluster ARN; null means {@code default}
   * @throws ClusterAccessDeniedException when the user may not stop tasks of the cluster
   * @throws InvalidReferenceException when the cluster is neither a name nor a cluster ARN
   */
  public void checkStop(String cluster) {
    String name = ClusterRef.parse(cluster).name();
    if (!grants().canStop(name)) {
      throw new ClusterAccessDeniedException(
          currentUser(), name, ClusterAccessDeniedException.Action.STOP);
    }
  }

  /** What the signed-in user may do, in a sentence. */
  public String describeCurrentUser() {
    return grants().describe();
  }

  private static Grants grants() {
    Authentication authentication = authentication();
    return authentication == null ? Grants.NONE : Grants.of(authentication.getAuthorities());
  }

  private static String nameOrNull(String cluster) {
    try {
      return ClusterRef.parse(cluster).name();
    } catch (InvalidReferenceException e) {
      return null;
    }
  }

  private static Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
            || authentication instanceof AnonymousAuthenticationToken
            || !authentication.isAuthenticated()
        ? null
        : authentication;
  }
}
