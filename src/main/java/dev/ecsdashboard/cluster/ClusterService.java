package dev.ecsdashboard.cluster;

import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.security.ClusterAccess;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** The clusters of the account and region that the user may read, with their counts. */
@Service
public class ClusterService {

  private final EcsOperations ecs;
  private final ClusterAccess access;

  public ClusterService(EcsOperations ecs, ClusterAccess access) {
    this.ecs = ecs;
    this.access = access;
  }

  /**
   * Every cluster the user may read, sorted by name: ListClusters following {@code nextToken}, then
   * DescribeClusters in batches of 100 for the counts.
   */
  public List<Cluster> clusters() {
    List<String> arns = ecs.listClusterArns();
    if (arns.isEmpty()) {
      return List.of();
    }
    return ecs.describeClusters(arns).stream()
        .filter(cluster -> access.canRead(cluster.clusterName()))
        .sorted(Comparator.comparing(Cluster::clusterName))
        .toList();
  }
}
