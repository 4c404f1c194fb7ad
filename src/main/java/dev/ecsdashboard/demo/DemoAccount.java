package dev.ecsdashboard.demo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated account and region, and ECS's ARN formats in it: it builds today's ARNs and
 * resolves the cluster and task references callers send (a short name or ID, or a full ARN).
 *
 * @param region the AWS region, such as {@code us-east-1}
 * @param account the 12-digit account ID
 */
record DemoAccount(String region, String account) {

  static final String DEFAULT_ACCOUNT = "123456789012";
  static final String DEFAULT_CLUSTER = "default";

  private static final Pattern CLUSTER_ARN =
      Pattern.compile("arn:aws:ecs:([^:]+):(\\d{12}):cluster/([A-Za-z0-9_-]+)");
  private static final Pattern TASK_ARN =
      Pattern.compile("arn:aws:ecs:([^:]+):(\\d{12}):task/(?:([A-Za-z0-9_-]+)/)?([0-9a-fA-F-]+)");

  String clusterArn(String cluster) {
    return arn("cluster/" + cluster);
  }

  String taskArn(String cluster, String taskId) {
    return arn("task/" + cluster + "/" + taskId);
  }

  String containerArn(String cluster, String taskId, String containerId) {
    return arn("container/" + cluster + "/" + taskId + "/" + containerId);
  }

  String containerInstanceArn(String cluster, String instanceId) {
    return arn("container-instance/" + cluster + "/" + instanceId);
  }

  String taskDefinitionArn(String family, int revision) {
    return arn("task-definition/" + family + ":" + revision);
  }

  String roleArn(String role) {
    return "arn:aws:iam::" + account + ":role/" + role;
  }

  String ecrImage(String repository, String tag) {
    return account + ".dkr.ecr." + region + ".amazonaws.com/" + repository + ":" + tag;
  }

  /**
   * The cluster name a reference means: {@code default} when absent, the name of a cluster ARN of
   * this account and region, or the reference itself. Empty for an ARN of another account, region
   * or resource type, which ECS answers as an unknown cluster.
   */
  Optional<String> clusterName(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.of(DEFAULT_CLUSTER);
    }
    if (!reference.startsWith("arn:")) {
      return Optional.of(reference);
    }
    Matcher arn = CLUSTER_ARN.matcher(reference);
    return arn.matches() && ours(arn) ? Optional.of(arn.group(3)) : Optional.empty();
  }

  /**
   * The task ID a reference means in a cluster: the ID itself, or the ID of a task ARN of this
   * account and region in that cluster (old-format ARNs have no cluster). Empty when the ARN points
   * elsewhere.
   */
  Optional<String> taskId(String reference, String cluster) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    if (!reference.startsWith("arn:")) {
      return Optional.of(reference.toLowerCase(Locale.ROOT));
    }
    Matcher arn = TASK_ARN.matcher(reference);
    if (!arn.matches() || !ours(arn) || (arn.group(3) != null && !arn.group(3).equals(cluster))) {
      return Optional.empty();
    }
    return Optional.of(arn.group(4).toLowerCase(Locale.ROOT));
  }

  /** The last path segment of an ARN: a task ID from a task ARN, and so on. */
  static String lastSegment(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private boolean ours(Matcher arn) {
    return region.equals(arn.group(1)) && account.equals(arn.group(2));
  }

  private String arn(String resource) {
    return "arn:aws:ecs:" + region + ":" + account + ":" + resource;
  }
}
