package dev.ecsdashboard.task;

import java.util.Map;
import software.amazon.awssdk.arns.Arn;

/** Links to the AWS console of the region (and partition) an ECS resource lives in. */
final class ConsoleLinks {

  private static final Map<String, String> CONSOLES =
      Map.of(
          "aws", "https://%s.console.aws.amazon.com",
          "aws-cn", "https://%s.console.amazonaws.cn",
          "aws-us-gov", "https://%s.console.amazonaws-us-gov.com");

  private ConsoleLinks() {}

  /** The task's page in the console, or null when its ARN names no known console. */
  static String task(String taskArn, String cluster, String taskId) {
    if (taskArn == null || cluster == null || taskId == null) {
      return null;
    }
    Arn arn;
    try {
      arn = Arn.fromString(taskArn);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String console = CONSOLES.get(arn.partition());
    String region = arn.region().orElse(null);
    if (console == null || region == null || !region.matches("[a-z0-9-]+")) {
      return null;
    }
    return console.formatted(region)
        + "/ecs/v2/clusters/"
        + cluster
        + "/tasks/"
        + taskId
        + "/configuration?region="
        + region;
  }
}
