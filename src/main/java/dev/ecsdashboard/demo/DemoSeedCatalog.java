package dev.ecsdashboard.demo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * What the seeded demo account holds: three clusters ({@code default}, {@code prod-web} with 130
 * running tasks so that listing needs two pages, {@code staging-batch}), their services and
 * standalone task families, a few tasks still pending, and stopped tasks that cover every stop code
 * the SDK knows. {@link DemoDataGenerator} turns it into tasks.
 */
final class DemoSeedCatalog {

  /**
   * One cluster of the seed.
   *
   * @param environment the {@code environment} tag of the cluster and its tasks
   * @param containerInstances how many EC2 container instances are registered
   * @param octetBase third octet of the first subnet's addresses ({@code 10.0.N.x})
   * @param pending per workload, how many more of its tasks are still PENDING
   */
  record ClusterPlan(
      String name,
      String environment,
      int containerInstances,
      int octetBase,
      List<DemoWorkload> workloads,
      Map<String, Integer> pending,
      List<StoppedPlan> stopped) {}

  /**
   * A task of a workload that stopped {@code minutesAgo} minutes ago.
   *
   * @param exitCode what the main container exited with; null when it never started
   */
  record StoppedPlan(
      String workload,
      TaskStopCode stopCode,
      String stoppedReason,
      Integer exitCode,
      String containerReason,
      int minutesAgo) {}

  private DemoSeedCatalog() {}

  static List<ClusterPlan> clusters(DemoAccount account) {
    String ecr = account.account() + ".dkr.ecr." + account.region() + ".amazonaws.com";
    return List.of(
        new ClusterPlan(
            "default",
            "dev",
            3,
            8,
            workloads(
                """
                hello-web     service EC2     -   3 1.0.3     80   -   platform      -     256  512   PORT_RANGE
                metrics-agent service EC2     -   3 0.4.1     8125 -   observability -     128  256   -
                ml-inference  task    EC2     -   1 7.1.0-gpu 8501 -   ml            alice 4096 16384 GPU,RICH_OVERRIDES
                debug-shell   task    FARGATE -   1 1.2.0     0    -   platform      alice 256  512   EXEC,RICH_OVERRIDES
                """),
            Map.of(),
            List.of(
                new StoppedPlan(
                    "hello-web",
                    TaskStopCode.TASK_FAILED_TO_START,
                    "CannotPullContainerError: pull image manifest has been retried 5 time(s):"
                        + " failed to resolve ref "
                        + ecr
                        + "/hello-web:1.0.4: not found",
                    null,
                    "CannotPullContainerError: failed to resolve ref " + ecr + "/hello-web:1.0.4",
                    12),
                new StoppedPlan(
                    "debug-shell",
                    TaskStopCode.USER_INITIATED,
                    "Done debugging the checkout timeout, stopped by alice",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    25))),
        new ClusterPlan(
            "prod-web",
            "prod",
            6,
            16,
            workloads(
                """
                checkout-api    service FARGATE FARGATE        40 1.42.0     8080 aws-otel-collector checkout -               1024 2048 EXEC,ARM64,MANY_TAGS
                storefront-web  service FARGATE -              36 3.7.2      3000 log-router         web      -               512  1024 -
                search-api      service FARGATE FARGATE_SPOT   24 2.3.1      9200 -                  search   -               2048 4096 -
                payments-worker service EC2     prod-web-ec2   18 5.0.4      8081 datadog-agent      payments -               1024 2048 -
                cart-service    service FARGATE -              10 0.9.12     8080 envoy              checkout -               512  1024 EXEC
                db-migrate      task    FARGATE -              2  2024.11.02 0    -                  platform deploy-pipeline 256  512  RICH_OVERRIDES
                """),
            Map.of(),
            List.of(
                new StoppedPlan(
                    "checkout-api",
                    TaskStopCode.SERVICE_SCHEDULER_INITIATED,
                    "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:"
                        + account.region()
                        + ":"
                        + account.account()
                        + ":targetgroup/checkout-api-tg/6d0ecf831eec9f09)",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    8),
                new StoppedPlan(
                    "storefront-web",
                    TaskStopCode.SERVICE_SCHEDULER_INITIATED,
                    "Scaling activity initiated by (deployment ecs-svc/4821937465102938475)",
                    0,
                    null,
                    41),
                new StoppedPlan(
                    "search-api",
                    TaskStopCode.SPOT_INTERRUPTION,
                    "Your Spot Task was interrupted.",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    17),
                new StoppedPlan(
                    "payments-worker",
                    TaskStopCode.TERMINATION_NOTICE,
                    "Host EC2 (instance i-0b7c2d9e4f1a3b5c6) termination notice received",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    33),
                new StoppedPlan(
                    "payments-worker",
                    TaskStopCode.ESSENTIAL_CONTAINER_EXITED,
                    "Essential container in task exited",
                    137,
                    "OutOfMemoryError: Container killed due to memory usage",
                    5),
                new StoppedPlan(
                    "cart-service",
                    TaskStopCode.USER_INITIATED,
                    "Restarted by bob during incident INC-2291",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    50))),
        new ClusterPlan(
            "staging-batch",
            "staging",
            4,
            32,
            workloads(
                """
                report-generator task    EC2     -            6 4.2.0       0    -          data     events-rule/nightly-reports 1024 3072 RICH_OVERRIDES
                etl-runner       task    FARGATE -            6 3.14.2      0    log-router data     airflow                     2048 8192 RICH_OVERRIDES
                staging-api      service FARGATE FARGATE_SPOT 5 1.43.0-rc2  8080 -          checkout -                           512  1024 EXEC
                image-resizer    service EC2     -            3 2.0.1       8000 -          media    -                           512  1024 PORT_RANGE
                """),
            Map.of("etl-runner", 2),
            List.of(
                new StoppedPlan(
                    "etl-runner",
                    TaskStopCode.ESSENTIAL_CONTAINER_EXITED,
                    "Essential container in task exited",
                    1,
                    null,
                    3),
                new StoppedPlan(
                    "etl-runner",
                    TaskStopCode.INFRASTRUCTURE_HEALTH,
                    "Task stopped because the underlying host failed infrastructure health"
                        + " checks",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    38),
                new StoppedPlan(
                    "staging-api",
                    TaskStopCode.TASK_FAILED_TO_START,
                    "ResourceInitializationError: unable to pull secrets or registry auth:"
                        + " execution resource retrieval failed: unable to retrieve secret from"
                        + " asm: AccessDeniedException",
                    null,
                    null,
                    21),
                new StoppedPlan(
                    "staging-api",
                    TaskStopCode.SPOT_INTERRUPTION,
                    "Your Spot Task was interrupted.",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    44),
                new StoppedPlan(
                    "report-generator",
                    TaskStopCode.USER_INITIATED,
                    "Task stopped by user",
                    DemoTaskStates.SIGTERM_EXIT_CODE,
                    null,
                    29))));
  }

  private static List<DemoWorkload> workloads(String table) {
    return table.lines().filter(l -> !l.isBlank()).map(DemoWorkload::parse).toList();
  }
}
