package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterRefTest {

  @Test
  void acceptsAShortName() {
    ClusterRef ref = ClusterRef.parse("prod-web_1");

    assertThat(ref.name()).isEqualTo("prod-web_1");
    assertThat(ref.arn()).isEmpty();
  }

  @Test
  void acceptsANameOfTheFullLengthEcsAllows() {
    assertThat(ClusterRef.parse("c".repeat(255)).name()).hasSize(255);
  }

  @Test
  void reducesAClusterArnToItsNameAndKeepsTheArn() {
    ClusterRef ref = ClusterRef.parse("arn:aws:ecs:us-east-1:123456789012:cluster/prod");

    assertThat(ref.name()).isEqualTo("prod");
    assertThat(ref.arn())
        .hasValueSatisfying(
            arn -> {
              assertThat(arn.region()).contains("us-east-1");
              assertThat(arn.accountId()).contains("123456789012");
            });
  }

  @Test
  void acceptsClusterArnsOfOtherAwsPartitions() {
    assertThat(ClusterRef.parse("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/prod").name())
        .isEqualTo("prod");
    assertThat(ClusterRef.parse("arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/p").name())
        .isEqualTo("p");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void meansTheDefaultClusterWhenNoneIsGiven(String input) {
    assertThat(ClusterRef.parse(input).name()).isEqualTo("default");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../prod",
        "prod/../other",
        "prod name",
        "prod\n",
        "prod\u0000",
        "prod\u001b[31m",
        "<script>",
        "prod;rm",
        "prød",
      })
  void rejectsNamesWithCharactersEcsDoesNotAllow(String input) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> ClusterRef.parse(input))
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"))
        .satisfies(e -> assertThat(e.value()).isEqualTo(input));
  }

  @Test
  void rejectsANameLongerThanEcsAllows() {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> ClusterRef.parse("c".repeat(256)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:ecs:us-east-1:123456789012",
        "arn:aws:ecs:us-east-1:123456789012:",
        "arn:aws:s3:::bucket",
        "arn:aws:iam::123456789012:role/admin",
        "arn:aws:ec2:us-east-1:123456789012:cluster/prod",
        "arn:other:ecs:us-east-1:123456789012:cluster/prod",
        "arn:aws:ecs::123456789012:cluster/prod",
        "arn:aws:ecs:US-EAST-1:123456789012:cluster/prod",
        "arn:aws:ecs:us-east-1/..:123456789012:cluster/prod",
        "arn:aws:ecs:us-east-1::cluster/prod",
        "arn:aws:ecs:us-east-1:12345678901:cluster/prod",
        "arn:aws:ecs:us-east-1:12345678901a:cluster/prod",
        "arn:aws:ecs:us-east-1:123456789012:service/prod",
        "arn:aws:ecs:us-east-1:123456789012:task/prod/666fdccc2e2d4b6894dd422f4eeee8f8",
        "arn:aws:ecs:us-east-1:123456789012:cluster/prod/extra",
        "arn:aws:ecs:us-east-1:123456789012:cluster/..",
        "arn:aws:ecs:us-east-1:123456789012:cluster/pr od",
      })
  void rejectsArnsThatAreNotClusterArnsOfEcs(String input) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> ClusterRef.parse(input))
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"));
  }
}
