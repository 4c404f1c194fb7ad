package dev.ecsdashboard.security;

import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may stop tasks of which cluster, decided on the server for every request.
 * Services call the {@code check} methods; templates use the {@code can} methods only to hide
 * controls.
 */
@Component("clusterAccess")
public class ClusterAccess {

  /** The signed-in user's name, as stops are attributed to it. */
  public String currentUser() {
    Authentication authentication = authentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }

  public boolean canRead(String cluster) {
    return has(Role.VIEWER) || has(Role.OPERATOR) || has(Role.ADMIN);
  }

  public boolean canStop(String cluster) {
    return has(Role.OPERATOR) || has(Role.ADMIN);
  }

  /** Whether the user may read everyone's audit trail. */
  public boolean isAdmin() {
    return has(Role.ADMIN);
  }

  /**
   * @throws AccessDeniedException when the user may not read the cluster
   */
  public void checkRead(String cluster) {
    if (!canRead(cluster)) {
      throw new AccessDeniedException(currentUser() + " may not read cluster " + cluster);
    }
  }

  /**
   * @throws AccessDeniedException when the user may not stop tasks of the cluster
   */
  public void checkStop(String cluster) {
    if (!canStop(cluster)) {
      throw new AccessDeniedException(currentUser() + " may not stop tasks of cluster " + cluster);
    }
  }

  private boolean has(Role role) {
    Authentication authentication = authentication();
    if (authentication == null) {
      return false;
    }
    Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
    return authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
  }

  private static Authentication authentication() {
    return SecurityContextHolder.getContext().getAuthentication();
  }
}
