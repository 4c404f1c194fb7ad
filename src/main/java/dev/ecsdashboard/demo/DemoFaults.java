package dev.ecsdashboard.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency and faults the simulated ECS adds to every call, changeable at run time with {@link
 * DemoEcsHttpClient#setFaults}. Rates are shares of calls from 0 to 1; the dice are thrown in the
 * order throttle, server error, hang, so their sum should stay at or below 1.
 *
 * @param latency time added to every call, as if ECS were across a network
 * @param throttleRate share of calls answered {@code ThrottlingException} "Rate exceeded" (400)
 * @param errorRate share of calls answered {@code ServerException} (500)
 * @param hangRate share of calls that hang until the caller gives up (times out or aborts)
 */
public record DemoFaults(Duration latency, double throttleRate, double errorRate, double hangRate) {

  /** No latency, no faults: the default. */
  public static final DemoFaults NONE = new DemoFaults(Duration.ZERO, 0, 0, 0);

  public DemoFaults {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    checkRate("throttleRate", throttleRate);
    checkRate("errorRate", errorRate);
    checkRate("hangRate", hangRate);
  }

  /** The faults configured under {@code dashboard.demo}. */
  public static DemoFaults from(DemoProperties demo) {
    return new DemoFaults(demo.latency(), demo.throttleRate(), demo.errorRate(), demo.hangRate());
  }

  public DemoFaults withLatency(Duration latency) {
    return new DemoFaults(latency, throttleRate, errorRate, hangRate);
  }

  public DemoFaults withThrottleRate(double rate) {
    return new DemoFaults(latency, rate, errorRate, hangRate);
  }

  public DemoFaults withErrorRate(double rate) {
    return new DemoFaults(latency, throttleRate, rate, hangRate);
  }

  public DemoFaults withHangRate(double rate) {
    return new DemoFaults(latency, throttleRate, errorRate, rate);
  }

  boolean anyFault() {
    return throttleRate > 0 || errorRate > 0 || hangRate > 0;
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
    }
  }
}
