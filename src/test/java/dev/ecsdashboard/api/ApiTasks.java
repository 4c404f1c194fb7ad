package dev.ecsdashboard.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reading the API's documents in tests as ECS wrote them: numbers as exact decimals. */
final class ApiTasks {

  private ApiTasks() {}

  /** Parses JSON keeping every number as written ({@code 1563421494.186} stays exact). */
  static JsonNode parse(ObjectMapper json, String body) {
    return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
  }

  /** The {@code task} of {@code GET /api/v1/clusters/{cluster}/tasks/{task}}, as a viewer. */
  static JsonNode task(MockMvc mvc, ObjectMapper json, String cluster, String task)
      throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/clusters/" + cluster + "/tasks/" + task)
                    .with(httpBasic("viewer", "viewer")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return parse(json, body).get("task");
  }
}
