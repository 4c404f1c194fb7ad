package dev.ecsdashboard.demo;

/**
 * An error the simulated ECS answers with. {@link DemoEcsHttpClient} writes it on the wire as ECS
 * does ({@code {"__type": CODE, "message": ...}} with HTTP 400, or 500 for server faults), so that
 * the SDK itself raises the matching exception.
 */
public final class DemoEcsError extends RuntimeException {

  private final String errorCode;
  private final int statusCode;

  public DemoEcsError(String errorCode, int statusCode, String message) {
    super(message);
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  /** The ECS error code, such as {@code ClusterNotFoundException}. */
  public String errorCode() {
    return errorCode;
  }

  /** The HTTP status ECS answers this error with. */
  public int statusCode() {
    return statusCode;
  }

  static DemoEcsError clusterNotFound() {
    return new DemoEcsError("ClusterNotFoundException", 400, "Cluster not found.");
  }

  static DemoEcsError serviceNotFound() {
    return new DemoEcsError("ServiceNotFoundException", 400, "Service not found.");
  }

  static DemoEcsError invalidParameter(String message) {
    return new DemoEcsError("InvalidParameterException", 400, message);
  }

  static DemoEcsError throttling() {
    return new DemoEcsError("ThrottlingException", 400, "Rate exceeded");
  }

  static DemoEcsError server(String message) {
    return new DemoEcsError("ServerException", 500, message);
  }

  static DemoEcsError unknownOperation(String target) {
    return new DemoEcsError(
        "UnknownOperationException", 400, "Unknown operation " + (target == null ? "" : target));
  }

  static DemoEcsError serialization(String message) {
    return new DemoEcsError("SerializationException", 400, message);
  }
}
