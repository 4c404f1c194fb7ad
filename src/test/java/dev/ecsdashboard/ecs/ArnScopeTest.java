package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.arns.Arn;

class ArnScopeTest {

  static final String HOME = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

  @Test
  void acceptsArnsOfItsRegionBeforeTheAccountIsKnown() {
    ArnScope scope = new ArnScope("us-east-1", null);

    assertThatNoException()
        .isThrownBy(
            () -> scope.check("cluster", arn("arn:aws:ecs:us-east-1:999999999999:cluster/p")));
  }

  @Test
  void acceptsNoArnAtAll() {
    assertThatNoException()
        .isThrownBy(
            () -> new ArnScope("us-east-1", "123456789012").check("task", Optional.empty()));
  }

  @Test
  void rejectsAnArnOfAnotherRegion() {
    ArnScope scope = new ArnScope("us-east-1", null);

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> scope.check("cluster", arn("arn:aws:ecs:eu-west-1:123456789012:cluster/prod")))
        .withMessageContaining("eu-west-1")
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"));
  }

  @Test
  void rejectsAnArnOfAnotherPartitionEvenWithItsOwnRegionName() {
    ArnScope scope = new ArnScope("us-east-1", "123456789012");

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> scope.check("task", arn("arn:aws-cn:ecs:us-east-1:123456789012:cluster/prod")))
        .withMessageContaining("partition aws-cn")
        .withMessageContaining("partition aws.");
  }

  @Test
  void takesThePartitionOfItsRegionFromTheSdk() {
    ArnScope china = new ArnScope("cn-north-1", null);
    ArnScope govCloud = new ArnScope("us-gov-west-1", null);

    assertThatNoException()
        .isThrownBy(
            () -> china.check("cluster", arn("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/p")));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> china.check("cluster", arn("arn:aws:ecs:cn-north-1:123456789012:cluster/p")));
    assertThatNoException()
        .isThrownBy(
            () ->
                govCloud.check(
                    "cluster", arn("arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/p")));
  }

  @Test
  void rejectsAnArnOfAnotherAccountOnceTheAccountIsLearned() {
    ArnScope scope = new ArnScope("us-east-1", null);
    Optional<Arn> other = arn("arn:aws:ecs:us-east-1:999999999999:cluster/prod");

    scope.learn(HOME);

    assertThat(scope.account()).contains("123456789012");
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> scope.check("cluster", other))
        .withMessageContaining("999999999999");
    assertThatNoException().isThrownBy(() -> scope.check("cluster", arn(HOME)));
  }

  @Test
  void rejectsAnArnOfAnotherAccountWhenTheAccountIsConfigured() {
    ArnScope scope = new ArnScope("us-east-1", "123456789012");

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> scope.check("task", arn("arn:aws:ecs:us-east-1:999999999999:cluster/prod")));
  }

  @Test
  void keepsTheFirstAccountItLearns() {
    ArnScope scope = new ArnScope("us-east-1", null);

    scope.learn("not an arn");
    scope.learn(HOME);
    scope.learn("arn:aws:ecs:us-east-1:999999999999:cluster/prod");

    assertThat(scope.account()).contains("123456789012");
  }

  static Optional<Arn> arn(String arn) {
    return Optional.of(Arn.fromString(arn));
  }
}
