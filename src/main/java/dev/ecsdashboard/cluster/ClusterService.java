package dev.ecsdashboard.cluster;

import dev.ecsdashboard.ecs.EcsOperations;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** The clusters of the account and region, with their task and service counts. */
@Service
public class ClusterService {

  private final EcsOperations ecs;

  public ClusterService(EcsOperations ecs) {
    this.ecs = ecs;
  }

  /** Every cluster, described in batches of 100, sorted by name. */
  public List<Cluster> clusters() {
    List<String> arns = ecs.listClusterArns();
    if (arns.isEmpty()) {
      return List.of();
    }
    return ecs.describeClusters(arns).stream()
        .sorted(Comparator.comparing(Cluster::clusterName))
        .toList();
  }
}
