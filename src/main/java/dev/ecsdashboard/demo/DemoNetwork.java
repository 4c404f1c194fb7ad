package dev.ecsdashboard.demo;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The elastic network interface of an awsvpc task (Fargate): the task's attachment with its
 * details, and the matching network interface its containers report.
 *
 * @param attachments the task's attachments; empty for bridge-mode EC2 tasks
 * @param interfaces the containers' network interfaces; null when there is no ENI
 */
record DemoNetwork(List<Attachment> attachments, List<NetworkInterface> interfaces) {

  static final DemoNetwork NONE = new DemoNetwork(List.of(), null);

  /** A new ENI in a subnet, such as {@code subnet-0a1b...} with addresses {@code 10.0.N.x}. */
  static DemoNetwork create(
      DemoIds ids, String region, String subnetId, int subnetOctet, String status) {
    String attachmentId = ids.uuid();
    String ip = ids.privateIp(subnetOctet);
    Attachment attachment =
        Attachment.builder()
            .id(attachmentId)
            .type("ElasticNetworkInterface")
            .status(status)
            .details(
                detail("subnetId", subnetId),
                detail("networkInterfaceId", ids.eniId()),
                detail("macAddress", ids.macAddress()),
                detail("privateDnsName", privateDnsName(region, ip)),
                detail("privateIPv4Address", ip))
            .build();
    NetworkInterface networkInterface =
        NetworkInterface.builder().attachmentId(attachmentId).privateIpv4Address(ip).build();
    return new DemoNetwork(List.of(attachment), List.of(networkInterface));
  }

  /** A fresh ENI in the same subnet as the template's, for a replacement task. */
  static DemoNetwork renew(Task template, DemoIds ids) {
    if (!template.hasAttachments() || template.attachments().isEmpty()) {
      return NONE;
    }
    Attachment old = template.attachments().get(0);
    String subnetId = detail(old, "subnetId");
    String oldIp = detail(old, "privateIPv4Address");
    int octet = oldIp == null ? 1 : Integer.parseInt(oldIp.split("\\.")[2]);
    String region = template.clusterArn().split(":")[3];
    return create(ids, region, subnetId, octet, "PRECREATED");
  }

  static String privateDnsName(String region, String ip) {
    String host = "ip-" + ip.replace('.', '-');
    return "us-east-1".equals(region)
        ? host + ".ec2.internal"
        : host + "." + region + ".compute.internal";
  }

  private static String detail(Attachment attachment, String name) {
    return attachment.details().stream()
        .filter(d -> name.equals(d.name()))
        .map(KeyValuePair::value)
        .findFirst()
        .orElse(null);
  }

  private static KeyValuePair detail(String name, String value) {
    return KeyValuePair.builder().name(name).value(value).build();
  }
}
