package dev.ecsdashboard.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A task's tags as the audit trail stores them: one JSON object, in ECS's order. */
final class TagsJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> TAGS = new TypeReference<>() {};

  private TagsJson() {}

  static String write(Map<String, String> tags) {
    return tags == null || tags.isEmpty() ? null : JSON.writeValueAsString(tags);
  }

  static Map<String, String> read(String json) {
    return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, TAGS);
  }
}
