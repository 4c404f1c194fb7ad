package dev.ecsdashboard.demo;

import java.util.List;
import java.util.Random;

/**
 * Random identifiers and numbers in the shapes AWS uses, from a seeded {@link Random} so that the
 * same seed always gives the same data. Not thread-safe: callers hold the simulation's lock.
 */
final class DemoIds {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Random random;

  DemoIds(long seed) {
    this.random = new Random(seed);
  }

  /** {@code length} lower-case hex characters: task IDs are 32. */
  String hex(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = HEX[random.nextInt(16)];
    }
    return new String(chars);
  }

  String digits(int length) {
    StringBuilder digits = new StringBuilder(length);
    digits.append(1 + random.nextInt(9));
    while (digits.length() < length) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  String uuid() {
    return hex(8)
        + "-"
        + hex(4)
        + "-4"
        + hex(3)
        + "-"
        + HEX[8 + random.nextInt(4)]
        + hex(3)
        + "-"
        + hex(12);
  }

  String eniId() {
    return "eni-0" + hex(16);
  }

  String macAddress() {
    return "0a:" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2);
  }

  String privateIp(int subnet) {
    return "10.0." + subnet + "." + (4 + random.nextInt(250));
  }

  /** A number from {@code min} to {@code max}, both included. */
  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  long millisBetween(long min, long max) {
    return min + (long) (random.nextDouble() * (max - min));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
