package dev.ecsdashboard.api;

/** The OpenAPI schemas of ECS's wire documents, derived from the SDK model. */
final class WireSchemas {

  static final String TASK = "#/components/schemas/Task";
  static final String CLUSTER = "#/components/schemas/Cluster";

  private WireSchemas() {}
}
