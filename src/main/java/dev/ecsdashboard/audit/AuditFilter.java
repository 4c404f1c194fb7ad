package dev.ecsdashboard.audit;

import dev.ecsdashboard.security.ClusterAccess;

/**
 * Which audit records to show; a null or blank field does not filter.
 *
 * @param user records of this user only
 * @param cluster records of this cluster only
 * @param outcome records with this outcome only
 * @param batchId records of this bulk stop only
 */
public record AuditFilter(String user, String cluster, AuditOutcome outcome, String batchId) {

  public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

  public static AuditFilter batch(String batchId) {
    return new AuditFilter(null, null, null, batchId);
  }

  public AuditFilter withUser(String user) {
    return new AuditFilter(user, cluster, outcome, batchId);
  }

  /**
   * This filter as the signed-in user may apply it: an administrator reads everyone's records,
   * anyone else only their own.
   */
  public AuditFilter seenBy(ClusterAccess access) {
    return access.isAdmin() ? this : withUser(access.currentUser());
  }
}
