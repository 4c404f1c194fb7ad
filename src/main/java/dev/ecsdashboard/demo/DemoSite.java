package dev.ecsdashboard.demo;

import java.util.List;

/**
 * Where a cluster's tasks are placed: its subnets (one per availability zone) and container
 * instances.
 *
 * @param octetBase third octet of the first subnet's addresses; zone {@code i} uses {@code
 *     octetBase + i}
 */
record DemoSite(
    String cluster,
    String clusterArn,
    String environment,
    List<String> subnets,
    int octetBase,
    List<String> containerInstanceArns) {

  static final String ZONES = "abc";

  String zone(DemoAccount account, int index) {
    return account.region() + ZONES.charAt(index);
  }
}
