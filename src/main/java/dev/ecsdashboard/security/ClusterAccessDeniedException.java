package dev.ecsdashboard.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A user tried to read a cluster, or stop tasks of a cluster, outside their grants. It carries who
 * and where, so that a refused stop can be written to the audit trail and the 403 page can say what
 * happened. Spring Security turns it into a 403 (a page for browsers, a problem document for the
 * API): let it propagate.
 */
public class ClusterAccessDeniedException extends AccessDeniedException {

  /** What was refused. */
  public enum Action {
    READ("read cluster"),
    STOP("stop tasks of cluster");

    private final String words;

    Action(String words) {
      this.words = words;
    }
  }

  private final String user;
  private final String cluster;
  private final Action action;

  public ClusterAccessDeniedException(String user, String cluster, Action action) {
    super(user + " may not " + action.words + " " + cluster);
    this.user = user;
    this.cluster = cluster;
    this.action = action;
  }

  /** The signed-in user's name, as stops are attributed to it. */
  public String user() {
    return user;
  }

  /** The short name of the cluster. */
  public String cluster() {
    return cluster;
  }

  public Action action() {
    return action;
  }
}
