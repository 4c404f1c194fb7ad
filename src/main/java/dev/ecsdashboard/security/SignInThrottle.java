package dev.ecsdashboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed sign-ins per user name and address, per address and per user name, and says how
 * long the next attempt must wait ({@link SignInProperties} explains the rules). It is asked before
 * a password is checked, so that a waiting attempt costs no bcrypt work; attempts refused while
 * waiting are not counted, so a wait ends when it says it does.
 *
 * <p>Counts live in memory, bounded in size, and are forgotten {@code forget-after} after their
 * latest failure. Time comes from the given clock, so tests move it by hand.
 */
final class SignInThrottle {

  /** Bounds the memory an attacker can fill with made-up names and addresses. */
  static final int MAX_TRACKED = 100_000;

  private static final int MAX_NAME = 256;

  private final SignInProperties properties;
  private final Clock clock;
  private final Cache<String, Failures> failures;
  private final Cache<String, Boolean> knownAddresses;

  SignInThrottle(SignInProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.failures =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(properties.forgetAfter())
            .maximumSize(MAX_TRACKED)
            .build();
    this.knownAddresses =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(properties.knownAddressFor())
            .maximumSize(MAX_TRACKED)
            .build();
  }

  /**
   * How long an attempt must wait before its password may be checked.
   *
   * @param user the user name tried, or null when the attempt names none (a bearer token)
   * @param address the client's address
   * @return zero when the attempt may go ahead now
   */
  Duration waitFor(String user, String address) {
    Instant now = clock.instant();
    String client = client(address);
    SignInProperties.FreeFailures free = properties.freeFailures();
    Duration wait = waitFor("a " + client, free.address(), now);
    if (user != null) {
      String name = name(user);
      wait = longer(wait, waitFor("ua " + name + " " + client, free.userAndAddress(), now));
      if (knownAddresses.getIfPresent(name + " " + client) == null) {
        wait = longer(wait, waitFor("u " + name, free.user(), now));
      }
    }
    return wait;
  }

  /** A password or token was wrong. */
  void failed(String user, String address) {
    Instant now = clock.instant();
    String client = client(address);
    count("a " + client, now);
    if (user != null) {
      String name = name(user);
      count("ua " + name + " " + client, now);
      count("u " + name, now);
    }
  }

  /**
   * A sign-in succeeded: the pair starts afresh and its address counts as the user's own for a
   * while. The address's and the user's counts stay, so that signing in to one's own account does
   * not hide guessing at others.
   */
  void succeeded(String user, String address) {
    if (user == null) {
      return;
    }
    String pair = name(user) + " " + client(address);
    failures.invalidate("ua " + pair);
    if (knownAddresses.getIfPresent(pair) == null) {
      knownAddresses.put(pair, Boolean.TRUE);
    }
  }

  private Duration waitFor(String key, int free, Instant now) {
    Failures counted = failures.getIfPresent(key);
    if (counted == null || counted.count() <= free) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, counted.last().plus(delay(counted.count() - free)));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** The wait after the nth failure beyond the free ones: doubling from first-delay, capped. */
  Duration delay(int beyondFree) {
    int doublings = Math.min(beyondFree - 1, 40);
    Duration delay = properties.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
  }

  private void count(String key, Instant now) {
    failures
        .asMap()
        .merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** User names as the user store matches them (without regard to case), bounded in length. */
  private static String name(String user) {
    String name = user.strip().toLowerCase(Locale.ROOT);
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  /**
   * The client an address stands for: an IPv6 address by its /64 network, which one subscriber
   * usually holds whole (counting each of its addresses apart would count nothing).
   */
  static String client(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16) {
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** How many failures a key has had, and when the latest was. */
  private record Failures(int count, Instant last) {}
}
