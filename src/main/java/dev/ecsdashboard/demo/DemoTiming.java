package dev.ecsdashboard.demo;

import java.time.Duration;

/**
 * How fast simulated tasks move through their lifecycle. Stop offsets count from the StopTask call;
 * start offsets count from the moment a replacement task is created (when the task it replaces
 * reaches STOPPED).
 *
 * @param deactivating RUNNING to DEACTIVATING (the stop code is set)
 * @param stopping to STOPPING ({@code stoppingAt}; containers get SIGTERM)
 * @param deprovisioning to DEPROVISIONING ({@code executionStoppedAt}; containers have exited)
 * @param stopped to STOPPED ({@code stoppedAt}); the service scheduler then starts a replacement
 * @param pending a replacement's PROVISIONING to PENDING
 * @param running a replacement's PROVISIONING to RUNNING
 * @param retention how long ECS remembers a stopped task after {@code stoppedAt}
 */
public record DemoTiming(
    Duration deactivating,
    Duration stopping,
    Duration deprovisioning,
    Duration stopped,
    Duration pending,
    Duration running,
    Duration retention) {

  /** About four seconds from StopTask to STOPPED, three more to a running replacement. */
  public static final DemoTiming DEFAULT =
      new DemoTiming(
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          Duration.ofSeconds(4),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          Duration.ofHours(1));

  public DemoTiming {
    if (deactivating.compareTo(stopping) > 0
        || stopping.compareTo(deprovisioning) > 0
        || deprovisioning.compareTo(stopped) > 0
        || pending.compareTo(running) > 0) {
      throw new IllegalArgumentException("lifecycle steps must come in order");
    }
  }
}
