package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskRefTest {

  static final String ID = "666fdccc2e2d4b6894dd422f4eeee8f8";
  static final String UUID = "1dc5c17a-422b-4dc4-b493-371970c6c4d6";
  static final String PREFIX = "arn:aws:ecs:us-west-2:130757420319:";

  @Test
  void acceptsATaskIdInTheDefaultClusterWhenNoClusterIsGiven() {
    TaskRef ref = TaskRef.parse(null, ID);

    assertThat(ref.cluster().name()).isEqualTo("default");
    assertThat(ref.id()).isEqualTo(ID);
    assertThat(ref.arn()).isEmpty();
  }

  @Test
  void acceptsATaskIdInTheGivenCluster() {
    assertThat(TaskRef.parse("prod", ID)).hasToString("prod/" + ID);
  }

  @Test
  void normalisesAnUppercaseIdToLowerCase() {
    assertThat(TaskRef.parse("prod", ID.toUpperCase()).id()).isEqualTo(ID);
  }

  @Test
  void acceptsTheUuidIdsOfTheOlderFormat() {
    assertThat(TaskRef.parse("prod", UUID.toUpperCase()).id()).isEqualTo(UUID);
  }

  @Test
  void takesTheClusterFromATaskArnOfTodaysFormat() {
    TaskRef ref = TaskRef.parse(null, PREFIX + "task/prod/" + ID);

    assertThat(ref.cluster().name()).isEqualTo("prod");
    assertThat(ref.id()).isEqualTo(ID);
    assertThat(ref.arn()).isPresent();
  }

  @Test
  void acceptsAUuidInATaskArnOfTodaysFormatAsMotoWritesThem() {
    TaskRef ref = TaskRef.parse(null, PREFIX + "task/prod/" + UUID);

    assertThat(ref.cluster().name()).isEqualTo("prod");
    assertThat(ref.id()).isEqualTo(UUID);
  }

  @Test
  void acceptsATaskArnOfTheOlderFormatInTheGivenOrDefaultCluster() {
    String arn = PREFIX + "task/" + UUID;

    assertThat(TaskRef.parse(null, arn)).hasToString("default/" + UUID);
    assertThat(TaskRef.parse("prod", arn)).hasToString("prod/" + UUID);
  }

  @Test
  void acceptsATaskArnWithTheSameClusterGivenByNameOrArn() {
    String arn = PREFIX + "task/prod/" + ID;

    assertThat(TaskRef.parse("prod", arn)).hasToString("prod/" + ID);
    assertThat(TaskRef.parse(PREFIX + "cluster/prod", arn)).hasToString("prod/" + ID);
  }

  @Test
  void keepsAClusterArnGivenBesideATaskArnSoThatItsScopeIsChecked() {
    TaskRef ref = TaskRef.parse(PREFIX + "cluster/prod", PREFIX + "task/prod/" + ID);

    assertThat(ref.cluster().arn()).isPresent();
  }

  @Test
  void rejectsATaskArnOfAnotherClusterThanTheOneGiven() {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse("staging", PREFIX + "task/prod/" + ID))
        .withMessageContaining("prod")
        .withMessageContaining("staging")
        .satisfies(e -> assertThat(e.field()).isEqualTo("task"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:ecs:eu-west-1:130757420319:cluster/prod",
        "arn:aws:ecs:us-west-2:999999999999:cluster/prod",
      })
  void rejectsAClusterArnOfAnotherRegionOrAccountThanTheTaskArn(String cluster) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse(cluster, PREFIX + "task/prod/" + ID));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse(cluster, PREFIX + "task/" + UUID));
  }

  @Test
  void rejectsAMalformedClusterAlongsideAValidTask() {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse("../prod", ID))
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n"})
  void requiresATask(String task) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse("prod", task))
        .satisfies(e -> assertThat(e.field()).isEqualTo("task"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "666fdccc2e2d4b6894dd422f4eeee8f",
        "666fdccc2e2d4b6894dd422f4eeee8f8a",
        "666fdccc2e2d4b6894dd422f4eeee8g8",
        "1dc5c17a422b-4dc4-b493-371970c6c4d6",
        "1dc5c17a-422b-4dc4-b493-371970c6c4d6-0",
        " 666fdccc2e2d4b6894dd422f4eeee8f8",
        "666fdccc2e2d4b6894dd422f4eeee8f8\n",
        "666fdccc2e2d4b6894dd422f4eeee8f8\u0000",
        "666fdccc2e2d4b6894dd422f4eeee8f8/../x",
        "../666fdccc2e2d4b6894dd422f4eeee8f8",
        "..%2F666fdccc2e2d4b6894dd422f4eeee8f8",
        "prod/666fdccc2e2d4b6894dd422f4eeee8f8",
        "<script>alert(1)</script>",
      })
  void rejectsTaskIdsOfAnyOtherShape(String task) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse("prod", task))
        .satisfies(e -> assertThat(e.value()).isEqualTo(task));
  }

  @Test
  void rejectsAnOverLongTaskArn() {
    String task = PREFIX + "task/prod/" + "a".repeat(100_000);

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse(null, task));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:ec2:us-west-2:130757420319:task/prod/" + ID,
        "arn:aws:ecs:us-west-2:130757420319:container-instance/prod/" + ID,
        "arn:aws:ecs:us-west-2:130757420319:cluster/prod",
        "arn:aws:ecs:us-west-2:130757420319:task-definition/sleep360:3",
        "arn:aws:ecs:us-west-2:130757420319:task",
        "arn:aws:ecs:us-west-2:130757420319:task/prod/",
        "arn:aws:ecs:us-west-2:130757420319:task//" + ID,
        "arn:aws:ecs:us-west-2:130757420319:task/prod/" + ID + "/x",
        "arn:aws:ecs:us-west-2:130757420319:task/../" + ID,
        "arn:aws:ecs:us-west-2:130757420319:task/pr od/" + ID,
        "arn:aws:ecs:us-west-2:130757420319:task/prod/" + ID + "\n",
        "arn:fake:ecs:us-west-2:130757420319:task/prod/" + ID,
        "arn:aws:ecs:us-west:130757420319:task/prod/" + ID,
        "arn:aws:ecs::130757420319:task/prod/" + ID,
        "arn:aws:ecs:us-west-2:1307574203:task/prod/" + ID,
        "arn:aws:ecs:us-west-2::task/prod/" + ID,
        "arn:aws:ecs:us-west-2:130757420319",
        "ARN:aws:ecs:us-west-2:130757420319:task/prod/" + ID,
      })
  void rejectsArnsThatAreNotTaskArnsOfEcs(String task) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> TaskRef.parse(null, task))
        .satisfies(e -> assertThat(e.field()).isEqualTo("task"));
  }

  @Test
  void quotesTheShortIdAsOperatorsDo() {
    assertThat(TaskRef.parse(null, ID).shortId()).isEqualTo("666fdccc");
  }
}
