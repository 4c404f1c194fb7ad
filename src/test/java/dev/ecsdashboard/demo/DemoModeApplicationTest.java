package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.support.DemoAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application starts with the demo profile, and its one door to ECS reaches the
 * simulation: the aws-mode client stands aside for the demo client.
 */
@DemoAppTest
class DemoModeApplicationTest {

  @Autowired EcsOperations ecs;

  @Autowired DemoEcsHttpClient http;

  @Test
  void listsTheSeededClustersAndTasksThroughEcsOperations() {
    assertThat(ecs.listClusterArns()).hasSize(3);
    assertThat(
            ecs.listTasks(ClusterRef.of("prod-web"), TaskQuery.ALL_RUNNING, null, 100).taskArns())
        .hasSize(100);
    assertThat(http.callCount("ListTasks")).isPositive();
  }
}
