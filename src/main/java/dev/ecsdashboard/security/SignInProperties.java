package dev.ecsdashboard.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How password guessing is slowed down ({@link SignInThrottle}) and how much bcrypt work sign-ins
 * may do at once ({@link BoundedPasswordEncoder}).
 *
 * <p>Failed sign-ins are counted three ways. Past its free failures, each count makes the next
 * attempt wait, {@code first-delay} after the first failure over, doubling with each further one up
 * to {@code max-delay}. The user name and address pair is the tightest (one guesser at one
 * account); the address alone is looser (a whole office may share one address, and one address
 * trying many names is spraying); the user name alone is loosest and does not apply from an address
 * the user has signed in from lately, so that guessers elsewhere cannot lock a real user out.
 *
 * @param freeFailures failures each count allows before attempts have to wait
 * @param firstDelay the wait after the first failure beyond the free ones
 * @param maxDelay the longest wait
 * @param forgetAfter failures older than this (since the latest failure) are forgotten
 * @param knownAddressFor how long a successful sign-in exempts its address from the user's count
 * @param maxConcurrentChecks the most bcrypt password checks running at once; more are refused at
 *     once (503) rather than queued
 */
@Validated
@ConfigurationProperties("dashboard.security.sign-in")
public record SignInProperties(
    @Valid @NotNull @DefaultValue FreeFailures freeFailures,
    @NotNull @DefaultValue("1s") Duration firstDelay,
    @NotNull @DefaultValue("15m") Duration maxDelay,
    @NotNull @DefaultValue("1h") Duration forgetAfter,
    @NotNull @DefaultValue("7d") Duration knownAddressFor,
    @Min(1) @DefaultValue("2") int maxConcurrentChecks) {

  public SignInProperties {
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "dashboard.security.sign-in.first-delay must be above zero and max-delay at least as"
              + " long.");
    }
    if (forgetAfter.compareTo(maxDelay) < 0 || knownAddressFor.isNegative()) {
      throw new IllegalArgumentException(
          "dashboard.security.sign-in.forget-after must be at least max-delay (a wait must not"
              + " outlast the failures it stems from), and known-address-for must not be"
              + " negative.");
    }
  }

  /**
   * @param userAndAddress failures of one user name from one address
   * @param address failures from one address, whatever the user name
   * @param user failures of one user name from addresses it has not signed in from lately
   */
  public record FreeFailures(
      @Min(1) @DefaultValue("5") int userAndAddress,
      @Min(1) @DefaultValue("20") int address,
      @Min(1) @DefaultValue("50") int user) {}
}
