package dev.ecsdashboard.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.task.FieldView.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Task;

class FieldViewsTest {

  @Test
  void leavesOutFieldsEcsDidNotSend() {
    Task task = Task.builder().lastStatus("RUNNING").build();

    assertThat(FieldViews.all(task, List.of()))
        .extracting(FieldView::name)
        .containsExactly("lastStatus");
  }

  @Test
  void keepsAnEmptyListEcsSentAsEmpty() {
    Task task = Task.builder().tags(List.of()).build();

    FieldView tags = FieldViews.named(task, List.of("tags")).get(0);

    assertThat(tags.empty()).isTrue();
  }

  @Test
  void showsNamedFieldsFirstInTheGivenOrderThenTheRestInModelOrder() {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:r:1:task/c/x")
            .cpu("256")
            .group("g")
            .version(3L)
            .build();

    assertThat(FieldViews.all(task, List.of("version", "group")))
        .extracting(FieldView::name)
        .containsExactly("version", "group", "cpu", "taskArn");
  }

  @Test
  void tellsArnsTimesAndTextsApart() {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/c/x")
            .createdAt(Instant.EPOCH)
            .cpu("256")
            .build();

    assertThat(FieldViews.all(task, List.of()))
        .extracting(FieldView::kind)
        .containsExactlyInAnyOrder(Kind.ARN, Kind.TIME, Kind.TEXT);
  }

  @Test
  void makesATableOfFlatObjectsWithAColumnPerFieldAnyRowHas() {
    Container container =
        Container.builder()
            .networkBindings(
                NetworkBinding.builder().containerPort(80).protocol("tcp").build(),
                NetworkBinding.builder().containerPortRange("8000-8010").build())
            .build();

    FieldView bindings = FieldViews.named(container, List.of("networkBindings")).get(0);

    assertThat(bindings.kind()).isEqualTo(Kind.TABLE);
    assertThat(bindings.table().columns())
        .containsExactly("containerPort", "protocol", "containerPortRange");
    assertThat(bindings.table().rows().get(1).get(0)).isNull();
    assertThat(bindings.table().rows().get(1).get(2).text()).isEqualTo("8000-8010");
  }

  @Test
  void listsNestedObjectsOneByOne() {
    Task task =
        Task.builder().containers(Container.builder().name("app").gpuIds("0").build()).build();

    FieldView containers = FieldViews.named(task, List.of("containers")).get(0);

    assertThat(containers.kind()).isEqualTo(Kind.OBJECTS);
    assertThat(containers.objects().get(0)).extracting(FieldView::name).contains("name", "gpuIds");
  }

  @Test
  void masksEnvironmentValuesButNotTheirNames() {
    ContainerOverride override =
        ContainerOverride.builder()
            .environment(KeyValuePair.builder().name("TOKEN").value("s3cret").build())
            .build();

    FieldView environment = FieldViews.named(override, List.of("environment")).get(0);

    List<FieldView> row = environment.table().rows().get(0);
    assertThat(row).extracting(FieldView::masked).containsExactly(false, true);
  }

  @Test
  void labelsAFieldWithoutAMessageFromItsWireName() {
    assertThat(FieldView.text("containerPortRange", "x", false).defaultLabel())
        .isEqualTo("Container port range");
    assertThat(FieldView.text("bindIP", "x", false).defaultLabel()).isEqualTo("Bind IP");
  }
}
