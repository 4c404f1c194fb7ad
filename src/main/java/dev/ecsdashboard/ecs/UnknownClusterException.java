package dev.ecsdashboard.ecs;

/** The cluster does not exist in ECS. */
public class UnknownClusterException extends EcsCallException {

  private final String cluster;

  public UnknownClusterException(
      String operation, String cluster, String errorCode, String message, Throwable cause) {
    super(operation, errorCode, message, cause);
    this.cluster = cluster;
  }

  /** The cluster name or ARN that was asked for. */
  public String cluster() {
    return cluster;
  }
}
