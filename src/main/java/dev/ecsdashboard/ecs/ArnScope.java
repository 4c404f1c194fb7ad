package dev.ecsdashboard.ecs;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.arns.Arn;

/**
 * The region and account this dashboard manages. An ARN of another region or account is rejected
 * before ECS is called. The account is configured or learned from the first ARN ECS returns.
 */
public class ArnScope {

  private final String region;
  private final AtomicReference<String> account;

  public ArnScope(String region, String account) {
    this.region = region;
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
   * @throws InvalidReferenceException if the ARN names another region or a different account
   */
  public void check(String field, Optional<Arn> arn) {
    if (arn.isEmpty()) {
      return;
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
