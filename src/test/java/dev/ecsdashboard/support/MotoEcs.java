package dev.ecsdashboard.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Test fixtures on moto_server through the SDK, made the way ECS needs them: a cluster, a Fargate
 * task definition in awsvpc mode, a VPC with a subnet and a security group for its tasks, and tasks
 * started with RunTask (at most 10 a call, as in ECS). Names are unique per run, so test classes
 * sharing the server do not see each other's clusters' tasks.
 */
public final class MotoEcs implements AutoCloseable {

  /** ECS starts at most this many tasks per RunTask call (moto would start more). */
  private static final int RUN_TASK_LIMIT = 10;

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final EcsClient ecs;
  private final Ec2Client ec2;
  private AwsVpcConfiguration network;

  MotoEcs(URI endpoint, String region) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    this.ecs =
        EcsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .build();
    this.ec2 =
        Ec2Client.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .build();
  }

  /** The fixtures' own ECS client, for calls the helpers do not cover. */
  public EcsClient client() {
    return ecs;
  }

  /** A name no other test of this run uses: {@code prefix-N}. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  /** Creates a cluster and returns its ARN. */
  public String createCluster(String name) {
    return ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();
  }

  /**
   * Registers a Fargate task definition (awsvpc, 256 CPU units, 512 MiB) with one essential
   * container {@code app}, and returns its ARN.
   */
  public String registerTaskDefinition(String family) {
    return ecs.registerTaskDefinition(
            r ->
                r.family(family)
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(
                        c ->
                            c.name("app")
                                .image("nginx:stable")
                                .cpu(128)
                                .memory(256)
                                .essential(true)))
        .taskDefinition()
        .taskDefinitionArn();
  }

  /**
   * The subnet and security group of awsvpc tasks: a VPC of its own with DNS hostnames, created
   * once through the EC2 API (moto requires RunTask's subnet and security group to exist).
   */
  public synchronized AwsVpcConfiguration network() {
    if (network == null) {
      String vpc = ec2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
      // moto fails RunTask (HTML 500) in a VPC without DNS hostnames: it names the ENI's DNS name.
      ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
      String subnet =
          ec2.createSubnet(
                  r -> r.vpcId(vpc).cidrBlock("10.42.1.0/24").availabilityZone("us-east-1a"))
              .subnet()
              .subnetId();
      String group =
          ec2.createSecurityGroup(
                  r -> r.vpcId(vpc).groupName("dashboard-tasks").description("dashboard ITs"))
              .groupId();
      network =
          AwsVpcConfiguration.builder()
              .subnets(subnet)
              .securityGroups(group)
              .assignPublicIp(AssignPublicIp.DISABLED)
              .build();
    }
    return network;
  }

  /** Starts {@code count} Fargate tasks without tags or startedBy. */
  public List<Task> runTasks(String cluster, String taskDefinition, int count) {
    return runTasks(cluster, taskDefinition, count, r -> {});
  }

  /**
   * Starts {@code count} Fargate tasks, in calls of at most 10.
   *
   * @param options more of the RunTask request: {@code tags}, {@code startedBy}, {@code group}
   */
  public List<Task> runTasks(
      String cluster, String taskDefinition, int count, Consumer<RunTaskRequest.Builder> options) {
    List<Task> started = new ArrayList<>(count);
    while (started.size() < count) {
      int batch = Math.min(RUN_TASK_LIMIT, count - started.size());
      RunTaskResponse response =
          ecs.runTask(
              r -> {
                r.cluster(cluster)
                    .taskDefinition(taskDefinition)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(network()))
                    .count(batch);
                options.accept(r);
              });
      if (!response.failures().isEmpty() || response.tasks().size() != batch) {
        throw new IllegalStateException("RunTask did not start every task: " + response);
      }
      started.addAll(response.tasks());
    }
    return started;
  }

  /**
   * Creates a service and starts {@code count} tasks for it as its scheduler would: group {@code
   * service:NAME}, startedBy the deployment ID. (moto's CreateService starts no tasks itself.)
   */
  public List<Task> runServiceTasks(
      String cluster, String service, String taskDefinition, int count) {
    String deployment =
        ecs.createService(
                r ->
                    r.cluster(cluster)
                        .serviceName(service)
                        .taskDefinition(taskDefinition)
                        .desiredCount(count)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(network())))
            .service()
            .deployments()
            .get(0)
            .id();
    return runTasks(
        cluster, taskDefinition, count, r -> r.group("service:" + service).startedBy(deployment));
  }

  public static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Override
  public void close() {
    ecs.close();
    ec2.close();
  }
}
