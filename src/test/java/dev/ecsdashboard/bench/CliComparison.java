package dev.ecsdashboard.bench;

import dev.ecsdashboard.EcsDashboardApplication;
import dev.ecsdashboard.support.AwsCli;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}) beside the dashboard's API, both listing and describing
 * every task of a 1,000-task cluster on the same moto_server: the CLI as an operator would run it
 * (one list-tasks, which pages by itself, then describe-tasks per 100), the dashboard page by page
 * through {@code GET /api/v1/clusters/{cluster}/tasks} with HTTP Basic.
 */
final class CliComparison {

  private static final Path CLI = AwsCli.AWS;
  private static final int TASKS = 1000;
  private static final int RUNS = 3;

  private final Report report;

  CliComparison(Report report) {
    this.report = report;
  }

  void run() throws Exception {
    if (!Files.isExecutable(CLI)) {
      report.setup(
          "AWS CLI comparison", "skipped: install Debian's awscli (apt-get install awscli)");
      return;
    }
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    try (MotoServer moto = MotoServer.startInstalled()) {
      MotoEcs fixtures = moto.ecs();
      String cluster = "bench-cli";
      fixtures.createCluster(cluster);
      fixtures.runTasks(cluster, fixtures.registerTaskDefinition("bench-web"), TASKS);
      report.setup("AWS CLI", JarRuns.run(CLI.toString(), "--version").trim());
      Stats cli = new Stats();
      for (int i = 0; i < RUNS; i++) {
        check(cli.time(() -> withCli(moto, cluster)));
      }
      report.setup("AWS CLI median (ms)", Report.format(cli.median()));
      Stats dashboard = new Stats();
      BenchTicker ticker = new BenchTicker();
      try (ConfigurableApplicationContext app = dashboard(moto, ticker)) {
        BenchClient client =
            new BenchClient(
                "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        withDashboard(client, cluster);
        for (int i = 0; i < RUNS; i++) {
          ticker.expireEverything();
          check(dashboard.time(() -> withDashboard(client, cluster)));
        }
      }
      String section = "list + describe 1,000 tasks on moto";
      report.add(section, "AWS CLI, median", cli.median(), "ms", "11 CLI runs");
      report.add(section, "dashboard API, median", dashboard.median(), "ms", "10 API pages");
      report.add(section, "CLI time / dashboard time", cli.median() / dashboard.median(), "x", "");
    }
  }

  private static void check(int described) throws IOException {
    if (described != TASKS) {
      throw new IOException("Described " + described + " tasks instead of " + TASKS);
    }
  }

  private static int withCli(MotoServer moto, String cluster) throws Exception {
    JsonNode listed = cli(moto, "list-tasks", "--cluster", cluster);
    List<String> arns = new ArrayList<>();
    listed.get("taskArns").forEach(arn -> arns.add(arn.asString()));
    int described = 0;
    for (int i = 0; i < arns.size(); i += 100) {
      List<String> command = new ArrayList<>(List.of("describe-tasks", "--cluster", cluster));
      command.addAll(List.of("--include", "TAGS", "--tasks"));
      command.addAll(arns.subList(i, Math.min(arns.size(), i + 100)));
      described += cli(moto, command.toArray(String[]::new)).get("tasks").size();
    }
    return described;
  }

  private static JsonNode cli(MotoServer moto, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(CLI.toString(), "ecs"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--endpoint-url", moto.endpoint().toString(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    builder.environment().put("AWS_DEFAULT_REGION", MotoServer.REGION);
    builder.environment().put("AWS_PAGER", "");
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IOException("aws " + String.join(" ", arguments) + " failed");
    }
    return JsonMapper.shared().readTree(output);
  }

  private static int withDashboard(BenchClient client, String cluster) throws Exception {
    int described = 0;
    String token = null;
    do {
      String path = "/api/v1/clusters/" + cluster + "/tasks?maxResults=100";
      if (token != null) {
        path += "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      }
      HttpResponse<String> response = client.getBasic(path, "viewer", "viewer");
      if (response.statusCode() != 200) {
        throw new IOException("GET " + path + " answered " + response.statusCode());
      }
      JsonNode page = JsonMapper.shared().readTree(response.body());
      described += page.get("tasks").size();
      JsonNode next = page.get("nextToken");
      token = next == null || next.isNull() ? null : next.asString();
    } while (token != null);
    return described;
  }

  private static ConfigurableApplicationContext dashboard(MotoServer moto, BenchTicker ticker) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "server.port=0",
                "management.server.port=0",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "dashboard.audit.directory=target/bench/audit-moto"));
    properties.addAll(List.of(moto.dashboardPropertyValues()));
    return new SpringApplicationBuilder(EcsDashboardApplication.class)
        .profiles("demo")
        .initializers(c -> c.getBeanFactory().registerSingleton("benchTicker", ticker))
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }
}
