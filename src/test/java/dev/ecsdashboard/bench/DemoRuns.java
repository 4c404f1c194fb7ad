package dev.ecsdashboard.bench;

import dev.ecsdashboard.EcsDashboardApplication;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.task.TaskService;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The dashboard in demo mode in this JVM, with ECS latency injected, measured over real HTTP; the
 * demo ECS counts the calls it receives.
 */
final class DemoRuns implements AutoCloseable {

  static final String PAGE_CLUSTER = "bench-5000";

  final Duration latency;
  final BenchTicker ticker = new BenchTicker();
  final ConfigurableApplicationContext context;
  final DemoEcsHttpClient ecs;
  final DemoEcs demo;
  final String base;

  DemoRuns(Duration latency) {
    this.latency = latency;
    this.context =
        new SpringApplicationBuilder(EcsDashboardApplication.class)
            .profiles("demo")
            .initializers(c -> c.getBeanFactory().registerSingleton("benchTicker", ticker))
            // Arguments, which outrank the demo profile's settings (builder properties do not).
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.dev.ecsdashboard=WARN",
                "--dashboard.audit.directory=target/bench/audit",
                "--dashboard.demo.latency=" + latency.toMillis() + "ms",
                "--dashboard.demo.extra-clusters="
                    + PAGE_CLUSTER
                    + ":5000,bench-bulk:200,bench-bulk-throttled:200");
    this.ecs = context.getBean(DemoEcsHttpClient.class);
    this.demo = context.getBean(DemoEcs.class);
    this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  long calls() {
    return ecs.totalCallCount();
  }

  String taskId(String cluster, int index) {
    return taskIds(cluster).get(index);
  }

  List<String> taskIds(String cluster) {
    return demo.tasks(cluster).stream()
        .map(Task::taskArn)
        .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
        .toList();
  }

  /** Every task of a cluster through the service the tasks page uses, as a viewer. */
  int listEveryTask(String cluster) {
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken("bench", "", "ROLE_VIEWER"));
    try {
      return context
          .getBean(TaskService.class)
          .allTasks(ClusterRef.of(cluster), TaskQuery.ALL_RUNNING)
          .size();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
