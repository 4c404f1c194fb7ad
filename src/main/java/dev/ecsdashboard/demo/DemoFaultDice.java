package dev.ecsdashboard.demo;

import java.util.Random;

/**
 * Decides which calls fail, from a seeded generator under a lock, so that a single-threaded run
 * with the same seed fails the same calls every time.
 */
final class DemoFaultDice {

  /** What happens to one call. */
  enum Outcome {
    ANSWER,
    THROTTLE,
    SERVER_ERROR,
    HANG
  }

  private final Random random;

  DemoFaultDice(long seed) {
    this.random = new Random(seed);
  }

  Outcome roll(DemoFaults faults) {
    if (!faults.anyFault()) {
      return Outcome.ANSWER;
    }
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (roll < faults.throttleRate()) {
      return Outcome.THROTTLE;
    }
    if (roll < faults.throttleRate() + faults.errorRate()) {
      return Outcome.SERVER_ERROR;
    }
    if (roll < faults.throttleRate() + faults.errorRate() + faults.hangRate()) {
      return Outcome.HANG;
    }
    return Outcome.ANSWER;
  }
}
