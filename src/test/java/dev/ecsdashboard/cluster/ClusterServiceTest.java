package dev.ecsdashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.security.ClusterAccess;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;

class ClusterServiceTest {

  final EcsOperations ecs = mock(EcsOperations.class);
  final ClusterAccess access = mock(ClusterAccess.class);
  final ClusterService service = new ClusterService(ecs, access);

  @Test
  void listsTheClustersTheUserMayReadSortedByName() {
    List<String> arns = List.of("arn:c/zeta", "arn:c/alpha", "arn:c/secret");
    given(ecs.listClusterArns()).willReturn(arns);
    given(ecs.describeClusters(arns))
        .willReturn(List.of(cluster("zeta"), cluster("alpha"), cluster("secret")));
    given(access.canRead("zeta")).willReturn(true);
    given(access.canRead("alpha")).willReturn(true);

    assertThat(service.clusters())
        .extracting(Cluster::clusterName)
        .containsExactly("alpha", "zeta");
  }

  @Test
  void describesNothingWhenThereIsNoCluster() {
    given(ecs.listClusterArns()).willReturn(List.of());

    assertThat(service.clusters()).isEmpty();
    then(ecs).should().listClusterArns();
    then(ecs).shouldHaveNoMoreInteractions();
  }

  static Cluster cluster(String name) {
    return Cluster.builder().clusterName(name).status("ACTIVE").build();
  }
}
