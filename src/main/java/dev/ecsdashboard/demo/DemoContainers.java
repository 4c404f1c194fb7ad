package dev.ecsdashboard.demo;

import dev.ecsdashboard.demo.DemoWorkload.Feature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.ManagedAgentName;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * The running containers of a seeded task: the workload's own image from the account's ECR, and an
 * optional sidecar from ECR Public, with the networking of the launch type (network interfaces on
 * Fargate, port bindings on EC2).
 */
final class DemoContainers {

  private static final Map<String, String> SIDECAR_IMAGES =
      Map.of(
          "log-router", "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4",
          "envoy", "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod",
          "datadog-agent", "public.ecr.aws/datadog/agent:7.56.2",
          "aws-otel-collector", "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0");

  private final DemoAccount account;
  private final DemoIds ids;

  DemoContainers(DemoAccount account, DemoIds ids) {
    this.account = account;
    this.ids = ids;
  }

  List<Container> running(
      DemoSite site,
      DemoWorkload workload,
      String taskId,
      HealthStatus health,
      DemoNetwork network,
      Instant startedAt) {
    int sidecarCpu = workload.sidecar() == null ? 0 : Math.min(128, workload.cpu() / 4);
    int sidecarMemory = workload.sidecar() == null ? 0 : Math.min(256, workload.memory() / 4);
    String image = account.ecrImage(workload.name(), workload.version());
    Container.Builder app =
        base(site, workload, taskId, workload.name(), image, network, startedAt)
            .healthStatus(health)
            .cpu(Integer.toString(workload.cpu() - sidecarCpu))
            .memory(Integer.toString(workload.memory() - sidecarMemory))
            .networkBindings(workload.fargate() ? null : bindings(workload));
    if (workload.memory() >= 2048) {
      app.memoryReservation(Integer.toString((workload.memory() - sidecarMemory) / 2));
    }
    if (workload.has(Feature.GPU)) {
      app.gpuIds("GPU-" + ids.uuid());
    }
    List<Container> containers = new ArrayList<>();
    containers.add(app.build());
    if (workload.sidecar() != null) {
      containers.add(
          base(
                  site,
                  workload,
                  taskId,
                  workload.sidecar(),
                  SIDECAR_IMAGES.get(workload.sidecar()),
                  network,
                  startedAt)
              .healthStatus(HealthStatus.UNKNOWN)
              .cpu(Integer.toString(sidecarCpu))
              .memory(Integer.toString(sidecarMemory))
              .build());
    }
    return containers;
  }

  private Container.Builder base(
      DemoSite site,
      DemoWorkload workload,
      String taskId,
      String name,
      String image,
      DemoNetwork network,
      Instant startedAt) {
    Container.Builder container =
        Container.builder()
            .containerArn(account.containerArn(site.cluster(), taskId, ids.uuid()))
            .taskArn(account.taskArn(site.cluster(), taskId))
            .name(name)
            .image(image)
            .imageDigest(digest(image))
            .runtimeId(workload.fargate() ? taskId + "-" + ids.digits(10) : ids.hex(64))
            .lastStatus("RUNNING")
            .networkInterfaces(network.interfaces());
    if (workload.has(Feature.EXEC)) {
      container.managedAgents(
          ManagedAgent.builder()
              .name(ManagedAgentName.EXECUTE_COMMAND_AGENT)
              .lastStatus("RUNNING")
              .lastStartedAt(startedAt)
              .build());
    }
    return container;
  }

  /** Bridge-mode bindings: a dynamic host port on IPv4 and IPv6, and a port range on some. */
  private List<NetworkBinding> bindings(DemoWorkload workload) {
    List<NetworkBinding> bindings = new ArrayList<>();
    if (workload.port() > 0) {
      int hostPort = ids.between(32768, 60999);
      for (String bindIp : List.of("0.0.0.0", "::")) {
        bindings.add(
            NetworkBinding.builder()
                .bindIP(bindIp)
                .containerPort(workload.port())
                .hostPort(hostPort)
                .protocol(TransportProtocol.TCP)
                .build());
      }
    }
    if (workload.has(Feature.PORT_RANGE)) {
      int hostStart = 40000 + 20 * ids.between(0, 400);
      bindings.add(
          NetworkBinding.builder()
              .bindIP("0.0.0.0")
              .protocol(TransportProtocol.UDP)
              .containerPortRange("9000-9010")
              .hostPortRange(hostStart + "-" + (hostStart + 10))
              .build());
    }
    return bindings;
  }

  /** A stable digest per image, as ECR reports one for each pushed tag. */
  static String digest(String image) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
