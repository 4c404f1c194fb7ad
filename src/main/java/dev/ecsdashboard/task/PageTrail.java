package dev.ecsdashboard.task;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The way back through pages of tasks. ECS's page tokens lead forward only, and a trail of them
 * would not fit in a URL, so the session remembers, for each token it has handed out, the page
 * before it. A shared link to a later page still works; it only lacks the "previous" link.
 */
final class PageTrail implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String SESSION_ATTRIBUTE = PageTrail.class.getName();
  private static final int MAX_ENTRIES = 500;

  /** A page of a listing: its token (null for the first) and its number, counting from 1. */
  record Page(String token, int number) implements Serializable {}

  private final Map<String, Page> previous =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Serial private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The page shown with {@code token} for this listing, when this session has seen it. */
  synchronized Page current(String listing, String token) {
    if (token == null) {
      return new Page(null, 1);
    }
    Page before = previous.get(key(listing, token));
    return before == null ? null : new Page(token, before.number() + 1);
  }

  /** The page before the one shown with {@code token}, when known. */
  synchronized Page before(String listing, String token) {
    return token == null ? null : previous.get(key(listing, token));
  }

  /** Remembers that {@code next} follows {@code page}. */
  synchronized void followed(String listing, Page page, String next) {
    if (page != null && next != null) {
      previous.put(key(listing, next), page);
    }
  }

  private static String key(String listing, String token) {
    return listing + '\n' + token;
  }
}
