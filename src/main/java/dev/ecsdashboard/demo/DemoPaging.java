package dev.ecsdashboard.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * ECS's paging of ListClusters and ListTasks: at most 100 items a page, and an opaque {@code
 * nextToken} that names the last key returned. Items are kept sorted by key, so a token stays valid
 * while items are added or removed. A token is bound to the listing it came from and carries a
 * checksum; anything else is rejected as ECS does.
 */
final class DemoPaging {

  static final int MAX_RESULTS = 100;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** One page of items, and the token of the next page (null on the last). */
  record Page<V>(List<V> items, String nextToken) {}

  private DemoPaging() {}

  /** The page size asked for: 1 to 100, 100 when absent. */
  static int maxResults(Integer requested) {
    if (requested == null) {
      return MAX_RESULTS;
    }
    if (requested < 1 || requested > MAX_RESULTS) {
      throw DemoEcsError.invalidParameter(
          "maxResults must be between 1 and " + MAX_RESULTS + ", was " + requested + ".");
    }
    return requested;
  }

  /**
   * The page after {@code token} of the items that pass {@code filter}.
   *
   * @param scope what is listed, such as {@code tasks/prod-web}; a token of another scope is
   *     invalid
   */
  static <V> Page<V> page(
      NavigableMap<String, V> items,
      String scope,
      String token,
      int maxResults,
      Predicate<V> filter) {
    String after = token == null || token.isEmpty() ? null : decode(scope, token);
    Map<String, V> rest = after == null ? items : items.tailMap(after, false);
    List<V> page = new ArrayList<>(Math.min(maxResults, rest.size()));
    String lastKey = null;
    Iterator<Map.Entry<String, V>> entries = rest.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, V> entry = entries.next();
      if (!filter.test(entry.getValue())) {
        continue;
      }
      if (page.size() == maxResults) {
        // Only hand out a token when another matching item follows: no empty last pages.
        return new Page<>(page, encode(scope, lastKey));
      }
      page.add(entry.getValue());
      lastKey = entry.getKey();
    }
    return new Page<>(page, null);
  }

  static String encode(String scope, String lastKey) {
    String payload = scope + "\n" + lastKey;
    return ENCODER.encodeToString(
        (payload + "\n" + checksum(payload)).getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String scope, String token) {
    String text;
    try {
      text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken();
    }
    String[] parts = text.split("\n", -1);
    if (parts.length != 3
        || !parts[0].equals(scope)
        || !parts[2].equals(checksum(parts[0] + "\n" + parts[1]))) {
      throw invalidToken();
    }
    return parts[1];
  }

  private static String checksum(String payload) {
    CRC32 crc = new CRC32();
    crc.update(payload.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static DemoEcsError invalidToken() {
    return DemoEcsError.invalidParameter("Invalid nextToken: the token is not valid.");
  }
}
