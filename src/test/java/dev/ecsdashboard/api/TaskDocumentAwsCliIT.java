package dev.ecsdashboard.api;

import static dev.ecsdashboard.support.MotoEcs.tag;
import static dev.ecsdashboard.support.MotoEcs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.support.AwsCli;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import dev.ecsdashboard.support.MotoServerExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's task document equals, field for field, the task element of {@code aws ecs
 * describe-tasks --include TAGS} from Debian's AWS CLI against the same moto_server, with the CLI's
 * wire timestamps ({@code cli_timestamp_format = wire}: epoch seconds as ECS sends them). The
 * dashboard runs in aws mode against moto, as in production.
 *
 * <p>Without {@code /usr/bin/aws} the test is skipped with a loud message, unless {@code
 * it.required} is true (as on CI): then it fails.
 */
@ExtendWith(MotoServerExtension.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class TaskDocumentAwsCliIT {

  static MotoServer moto;
  static String cluster;
  static Task task;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @BeforeAll
  static void startTask(MotoServer server) {
    moto = server;
    MotoEcs fixtures = server.ecs();
    cluster = uniqueName("cli");
    fixtures.createCluster(cluster);
    String taskDefinition = fixtures.registerTaskDefinition(uniqueName("cli-web"));
    task =
        fixtures
            .runTasks(
                cluster,
                taskDefinition,
                1,
                r -> r.startedBy("deploy-42").tags(tag("team", "payments"), tag("env", "test")))
            .get(0);
  }

  @DynamicPropertySource
  static void awsModeOnMoto(DynamicPropertyRegistry registry) {
    MotoServer.registerDashboardProperties(registry, () -> moto);
  }

  @Test
  void theApisTaskDocumentEqualsTheAwsCliDescribeTasksOutput(@TempDir Path temp) throws Exception {
    AwsCli.require(getClass().getSimpleName());

    JsonNode cli = awsDescribeTasks(temp).get("tasks");
    JsonNode api = apiTask(task.taskArn());

    assertThat(cli.size()).isEqualTo(1);
    assertThat(api.get("tags").size()).as("tags in the API document").isEqualTo(2);
    // Field for field: the same fields at the same places, none added or left out ...
    assertThat(paths(api, "")).isEqualTo(paths(cli.get(0), ""));
    // ... with the same values, timestamps included. moto (unlike ECS) sends some container
    // numbers as JSON numbers where the ECS model has strings ("cpu": 128); the CLI prints them as
    // moto sent them, the API as ECS sends them ("cpu": "128"). Typing the CLI's document by the
    // ECS model evens out exactly that.
    assertThat(api).isEqualTo(typedByTheEcsModel(cli.get(0)));
    // By task ID too.
    assertThat(apiTask(ApiDemoTest.id(task))).isEqualTo(api);
  }

  /** Every field's JSON pointer: the shape of a document without its values. */
  private static java.util.SortedSet<String> paths(JsonNode node, String at) {
    java.util.SortedSet<String> paths = new java.util.TreeSet<>();
    paths.add(at);
    if (node.isObject()) {
      node.forEachEntry((name, value) -> paths.addAll(paths(value, at + "/" + name)));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        paths.addAll(paths(node.get(i), at + "/" + i));
      }
    }
    return paths;
  }

  private JsonNode typedByTheEcsModel(JsonNode cliTask) {
    return parse(WireJson.toJson(WireJson.fromJson(cliTask, Task::builder)).toString());
  }

  private JsonNode apiTask(String taskRef) throws Exception {
    return ApiTasks.task(mvc, json, cluster, taskRef);
  }

  private JsonNode awsDescribeTasks(Path temp) throws Exception {
    return parse(
        AwsCli.ecs(
            moto.endpoint(),
            MotoServer.REGION,
            temp,
            "describe-tasks",
            "--cluster",
            cluster,
            "--tasks",
            task.taskArn(),
            "--include",
            "TAGS"));
  }

  private JsonNode parse(String body) {
    return ApiTasks.parse(json, body);
  }
}
