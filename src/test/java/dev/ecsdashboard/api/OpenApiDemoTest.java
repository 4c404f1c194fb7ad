package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.support.DemoAppTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The OpenAPI document lists every API endpoint with its schemas; Swagger UI fits the CSP. */
@DemoAppTest
class OpenApiDemoTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void listsEveryApiEndpointAndNothingElse() throws Exception {
    JsonNode doc = apiDocs();

    assertThat(doc.get("paths").propertyNames())
        .containsExactlyInAnyOrder(
            "/api/v1/clusters",
            "/api/v1/clusters/{cluster}/tasks",
            "/api/v1/clusters/{cluster}/tasks/{task}",
            "/api/v1/tasks/stop",
            "/api/v1/tasks/stop-batch",
            "/api/v1/tasks/stop-batch/{id}",
            "/api/v1/audit");
    JsonNode stop = doc.at("/paths/~1api~1v1~1tasks~1stop/post");
    assertThat(stop.at("/requestBody/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/StopTaskInput");
    assertThat(stop.get("parameters").valueStream().map(p -> p.get("name").asString()))
        .contains("dryRun");
    JsonNode list = doc.at("/paths/~1api~1v1~1clusters~1{cluster}~1tasks/get/parameters");
    assertThat(list.valueStream().map(p -> p.get("name").asString()))
        .contains(
            "cluster",
            "desiredStatus",
            "serviceName",
            "family",
            "startedBy",
            "launchType",
            "maxResults",
            "nextToken");
    assertThat(doc.at("/components/securitySchemes").propertyNames()).contains("basic", "bearer");
  }

  @Test
  void describesEcsDocumentsFromTheSdkModel() throws Exception {
    JsonNode schemas = apiDocs().get("components").get("schemas");

    JsonNode task = schemas.get("Task").get("properties");
    assertThat(task.get("taskArn").get("type").asString()).isEqualTo("string");
    assertThat(task.get("createdAt").get("type").asString()).isEqualTo("number");
    assertThat(task.at("/containers/items/$ref").asString())
        .isEqualTo("#/components/schemas/Container");
    assertThat(task.at("/tags/items/$ref").asString()).isEqualTo("#/components/schemas/Tag");
    assertThat(schemas.get("Cluster").get("properties").has("runningTasksCount")).isTrue();
    assertThat(schemas.get("StopTaskInput").get("properties").propertyNames())
        .containsExactlyInAnyOrder("cluster", "task", "reason");
  }

  @Test
  void theDocumentIsForSignedInUsersOnly() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/v3/api-docs").with(user(users.loadUserByUsername("viewer"))))
        .andExpect(status().isOk());
    mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
  }

  @Test
  void swaggerUiLoadsUnderTheStrictContentSecurityPolicy() throws Exception {
    String page =
        mvc.perform(get("/swagger-ui/index.html").with(user(users.loadUserByUsername("viewer"))))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("script-src 'self';"),
                            org.hamcrest.Matchers.containsString("style-src 'self';"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Every script is a file of the dashboard's origin; no inline code or style.
    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=\"\\./)").matcher(page).find()).isFalse();
    assertThat(page).doesNotContain("<style").doesNotContain("style=\"").doesNotContain("http");
    String initializer =
        mvc.perform(
                get("/swagger-ui/swagger-initializer.js")
                    .with(user(users.loadUserByUsername("viewer"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(initializer).contains("/v3/api-docs");
  }

  private JsonNode apiDocs() throws Exception {
    String body =
        mvc.perform(get("/v3/api-docs").with(httpBasic("viewer", "viewer")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }
}
