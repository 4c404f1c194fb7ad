package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.support.AwsCli;
import dev.ecsdashboard.support.DemoAppTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The AWS CLI comparison for a task with every timestamp and field ECS reports (moto's tasks have
 * no timestamps): the demo ECS's wire answers are served over HTTP to {@code aws ecs
 * describe-tasks}, and its task element (wire timestamps) must equal the API's document exactly,
 * number for number.
 */
@DemoAppTest
class DemoTaskDocumentAwsCliIT {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;

  @Test
  void theApisTaskDocumentEqualsTheAwsCliOutputTimestampsIncluded(@TempDir Path temp)
      throws Exception {
    AwsCli.require(getClass().getSimpleName());
    Task task =
        demo.tasks("prod-web").stream()
            .filter(t -> t.stoppedAt() != null && t.hasTags() && !t.containers().isEmpty())
            .findFirst()
            .orElseThrow();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serveFromTheDemoEcs);
    server.start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      JsonNode cli =
          parse(
                  AwsCli.ecs(
                      endpoint,
                      demo.region(),
                      temp,
                      "describe-tasks",
                      "--cluster",
                      "prod-web",
                      "--tasks",
                      task.taskArn(),
                      "--include",
                      "TAGS"))
              .get("tasks");
      JsonNode api = apiTask(task.taskArn());

      assertThat(api.get("stoppedAt").decimalValue().scale()).isPositive();
      assertThat(api.get("createdAt").isNumber()).isTrue();
      assertThat(cli.size()).isEqualTo(1);
      assertThat(api).isEqualTo(cli.get(0));
    } finally {
      server.stop(0);
    }
  }

  /** One ECS call of the CLI, answered by the demo ECS's HTTP client as it answers the SDK. */
  private void serveFromTheDemoEcs(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1" + exchange.getRequestURI()));
    exchange.getRequestHeaders().forEach(request::putHeader);
    try {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(request.build())
                      .contentStreamProvider(() -> new ByteArrayInputStream(body))
                      .build())
              .call();
      byte[] answer;
      try (InputStream in =
          response
              .responseBody()
              .map(InputStream.class::cast)
              .orElse(InputStream.nullInputStream())) {
        answer = in.readAllBytes();
      }
      response.httpResponse().headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
      exchange.sendResponseHeaders(response.httpResponse().statusCode(), answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } finally {
      exchange.close();
    }
  }

  private JsonNode apiTask(String taskRef) throws Exception {
    return ApiTasks.task(mvc, json, "prod-web", taskRef);
  }

  private JsonNode parse(String body) {
    return ApiTasks.parse(json, body);
  }
}
