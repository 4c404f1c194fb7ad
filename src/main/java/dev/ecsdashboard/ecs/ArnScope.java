package dev.ecsdashboard.ecs;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The partition, region and account this dashboard manages. An ARN of another partition, region or
 * account is rejected before ECS is called. The partition is the region's, from the SDK's region
 * metadata ({@code arn:aws-cn:...} is another partition even with a region name that exists in
 * both); the account is configured or learned from the first ARN ECS returns.
 */
public class ArnScope {

  private final String region;
  private final String partition;
  private final AtomicReference<String> account;

  public ArnScope(String region, String account) {
    this.region = region;
    this.partition = region == null ? null : PartitionMetadata.of(Region.of(region)).id();
    this.account = new AtomicReference<>(account);
  }

  public String region() {
    return region;
  }

  /** The account ID, once known. */
  public Optional<String> account() {
    return Optional.ofNullable(account.get());
  }

  /** Remembers the account of an ARN that ECS itself returned. */
  void learn(String ecsArn) {
    if (account.get() == null) {
      try {
        Arn.fromString(ecsArn).accountId().ifPresent(id -> account.compareAndSet(null, id));
      } catch (IllegalArgumentException ignored) {
        // Not an ARN: nothing to learn.
      }
    }
  }

  /**
   * @throws InvalidReferenceException if the ARN names another partition or region, or a different
   *     account
   */
  public void check(String field, Optional<Arn> arn) {
    if (arn.isEmpty()) {
      return;
    }
    if (partition != null && !partition.equals(arn.get().partition())) {
      throw new InvalidReferenceException(
          field,
          arn.get().toString(),
          "The ARN is for partition "
              + arn.get().partition()
              + ", but this dashboard manages "
              + region
              + " in partition "
              + partition
              + ".");
    }
    String arnRegion = arn.get().region().orElse("");
    if (region != null && !region.equals(arnRegion)) {
      throw new InvalidReferenceException(
          field,
          arn.get().toString(),
          "The ARN is for region " + arnRegion + ", but this dashboard manages " + region + ".");
    }
    String arnAccount = arn.get().accountId().orElse("");
    String known = account.get();
    if (known != null && !known.equals(arnAccount)) {
      throw new InvalidReferenceException(
          field,
          arn.get().toString(),
          "The ARN is for account " + arnAccount + ", but this dashboard manages " + known + ".");
    }
  }
}
