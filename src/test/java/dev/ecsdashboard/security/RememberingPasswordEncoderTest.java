package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

  final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  final CountedBcrypt counting = new CountedBcrypt();
  final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting);
  final String hash = bcrypt.encode("s3cret password");

  @Test
  void aMatchingPasswordIsCheckedWithBcryptOnceAndThenRemembered() {
    for (int i = 0; i < 5; i++) {
      assertThat(encoder.matches("s3cret password", hash)).isTrue();
    }
    assertThat(counting.checks).hasValue(1);
  }

  @Test
  void wrongPasswordsAreCheckedWithBcryptEveryTime() {
    encoder.matches("s3cret password", hash);

    for (String wrong :
        new String[] {"s3cret passwor", "s3cret password ", "S3cret password", ""}) {
      assertThat(encoder.matches(wrong, hash)).as(wrong).isFalse();
      assertThat(encoder.matches(wrong, hash)).as(wrong).isFalse();
    }
    assertThat(counting.checks).hasValue(9);
  }

  @Test
  void aRememberedPasswordDoesNotMatchAnotherHash() {
    String otherUsersHash = bcrypt.encode("another password");
    encoder.matches("s3cret password", hash);

    assertThat(encoder.matches("s3cret password", otherUsersHash)).isFalse();
    assertThat(counting.checks).hasValue(2);
  }

  @Test
  void eachProcessRemembersUnderItsOwnKey() {
    RememberingPasswordEncoder other = new RememberingPasswordEncoder(counting);
    encoder.matches("s3cret password", hash);

    assertThat(other.matches("s3cret password", hash)).isTrue();
    assertThat(counting.checks).hasValue(2);
  }

  @Test
  void hashesAsBcrypt() {
    String encoded = encoder.encode("new password");

    assertThat(encoded).startsWith("{bcrypt}");
    assertThat(bcrypt.matches("new password", encoded)).isTrue();
  }
}
