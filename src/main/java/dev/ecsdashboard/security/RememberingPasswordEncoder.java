package dev.ecsdashboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short while which password matched which hash, so that a tool calling the API
 * with HTTP Basic on every request pays bcrypt's cost (tens of milliseconds) once a minute rather
 * than on every request. Only matches are remembered, never the password: the key is an HMAC-SHA256
 * of the hash and the password under a random key that lives in this process only, so neither a
 * wrong password nor a different hash can hit, and nothing remembered can be reversed or reused
 * elsewhere. Identical checks at the same time (a tool's parallel calls before the first is
 * remembered) share one bcrypt check.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

  static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
  private static final String HMAC = "HmacSHA256";

  private final PasswordEncoder encoder;
  private final SecretKeySpec key;
  private final Cache<String, Boolean> matches =
      Caffeine.newBuilder().expireAfterWrite(REMEMBER_FOR).maximumSize(10_000).build();
  private final SharedWork<String, Boolean> checking = new SharedWork<>();

  RememberingPasswordEncoder(PasswordEncoder encoder) {
    this.encoder = encoder;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return encoder.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return encoder.matches(rawPassword, encodedPassword);
    }
    String fingerprint = fingerprint(rawPassword, encodedPassword);
    if (matches.getIfPresent(fingerprint) != null) {
      return true;
    }
    // The same password against the same hash checked by parallel calls (a tool's) is checked
    // once; and remembered meanwhile, perhaps, by a call that was just ahead.
    return checking.get(
        fingerprint,
        () -> {
          boolean matched =
              matches.getIfPresent(fingerprint) != null
                  || encoder.matches(rawPassword, encodedPassword);
          if (matched) {
            matches.put(fingerprint, Boolean.TRUE);
          }
          return matched;
        });
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return encoder.upgradeEncoding(encodedPassword);
  }

  private String fingerprint(CharSequence rawPassword, String encodedPassword) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
      // The hash's length first, so that no other split of the same bytes gives the same input.
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
      mac.update(hash);
      mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(rawPassword)));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
