package dev.ecsdashboard.ecs;

import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** ARN checks shared by {@link ClusterRef} and {@link TaskRef}, on the SDK's own parser. */
final class EcsArns {

  /** Every AWS partition the SDK knows, from its region metadata. */
  private static final Set<String> PARTITIONS =
      Region.regions().stream()
          .map(region -> PartitionMetadata.of(region).id())
          .collect(Collectors.toUnmodifiableSet());

  private EcsArns() {}

  static Arn parse(String field, String input) {
    Arn arn;
    try {
      arn = Arn.fromString(input);
    } catch (IllegalArgumentException e) {
      throw new InvalidReferenceException(field, input, "This is not a well-formed ARN.");
    }
    if (!PARTITIONS.contains(arn.partition())) {
      throw new InvalidReferenceException(field, input, "The ARN's partition is not an AWS one.");
    }
    if (!"ecs".equals(arn.service())) {
      throw new InvalidReferenceException(
          field, input, "This ARN belongs to the " + arn.service() + " service, not to ECS.");
    }
    if (arn.region().isEmpty() || !arn.region().get().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new InvalidReferenceException(field, input, "The ARN has no valid region.");
    }
    if (arn.accountId().isEmpty() || !arn.accountId().get().matches("\\d{12}")) {
      throw new InvalidReferenceException(field, input, "The ARN has no valid account ID.");
    }
    return arn;
  }

  static void requireResourceType(Arn arn, String type, String field, String input) {
    if (!arn.resource().resourceType().map(type::equals).orElse(false)) {
      throw new InvalidReferenceException(field, input, "This ARN is not a " + type + " ARN.");
    }
  }
}
