package dev.ecsdashboard.demo;

import dev.ecsdashboard.demo.DemoSeedCatalog.ClusterPlan;
import dev.ecsdashboard.demo.DemoSeedCatalog.StoppedPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Generates the simulation's clusters from {@link DemoSeedCatalog} and the configured extra
 * clusters. The same seed and clock give the same data: every random choice comes from one seeded
 * generator, used in a fixed order.
 */
final class DemoDataGenerator {

  private final DemoAccount account;
  private final long seed;
  private final Instant now;

  DemoDataGenerator(DemoAccount account, long seed, Instant now) {
    this.account = account;
    this.seed = seed;
    this.now = now;
  }

  /**
   * @param extraClusters additional clusters as {@code name:count}
   * @throws IllegalArgumentException for a malformed extra cluster, or one named like a seeded one
   */
  List<DemoCluster> generate(List<String> extraClusters) {
    DemoIds ids = new DemoIds(seed);
    DemoTaskFactory factory = new DemoTaskFactory(account, ids, now);
    List<DemoCluster> clusters = new ArrayList<>();
    for (ClusterPlan plan : DemoSeedCatalog.clusters(account)) {
      clusters.add(cluster(plan, ids, factory));
    }
    DemoExtraClusters extra = new DemoExtraClusters(account, seed, now);
    for (DemoExtraClusters.Spec spec : DemoExtraClusters.parse(extraClusters)) {
      if (clusters.stream().anyMatch(c -> c.name().equals(spec.name()))) {
        throw new IllegalArgumentException("Extra cluster " + spec.name() + " is a seeded cluster");
      }
      clusters.add(extra.generate(spec));
    }
    return clusters;
  }

  private DemoCluster cluster(ClusterPlan plan, DemoIds ids, DemoTaskFactory factory) {
    String arn = account.clusterArn(plan.name());
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < plan.containerInstances(); i++) {
      instances.add(account.containerInstanceArn(plan.name(), ids.hex(32)));
    }
    List<String> subnets = new ArrayList<>();
    for (int i = 0; i < DemoSite.ZONES.length(); i++) {
      subnets.add("subnet-0" + ids.hex(16));
    }
    DemoSite site =
        new DemoSite(plan.name(), arn, plan.environment(), subnets, plan.octetBase(), instances);
    DemoCluster cluster = new DemoCluster(plan.name(), arn, tags(plan), instances);
    for (DemoWorkload workload : plan.workloads()) {
      for (int i = 0; i < workload.count(); i++) {
        cluster.put(new DemoTask(factory.running(site, workload, i)));
      }
      for (int i = 0; i < plan.pending().getOrDefault(workload.name(), 0); i++) {
        cluster.put(new DemoTask(factory.pending(site, workload)));
      }
    }
    for (StoppedPlan stopped : plan.stopped()) {
      DemoWorkload workload =
          plan.workloads().stream()
              .filter(w -> w.name().equals(stopped.workload()))
              .findFirst()
              .orElseThrow();
      cluster.put(new DemoTask(factory.stopped(site, workload, stopped)));
    }
    return cluster;
  }

  private static List<Tag> tags(ClusterPlan plan) {
    return List.of(
        Tag.builder().key("environment").value(plan.environment()).build(),
        Tag.builder().key("managed-by").value("terraform").build());
  }
}
