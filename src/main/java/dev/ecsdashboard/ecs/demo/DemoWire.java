package dev.ecsdashboard.ecs.demo;

import dev.ecsdashboard.ecs.WireJson;
import software.amazon.awssdk.core.SdkPojo;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ECS's JSON 1.1 wire format for answers: a response document with status 200, or an error document
 * {@code {"__type": CODE, "message": ...}} with the error's status.
 */
final class DemoWire {

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** A status and a JSON body. */
  record Answer(int status, byte[] body) {}

  private DemoWire() {}

  static Answer ok(SdkPojo response) {
    return new Answer(200, JsonMapper.shared().writeValueAsBytes(WireJson.toJson(response)));
  }

  static Answer error(DemoEcsError error) {
    ObjectNode body = JsonMapper.shared().createObjectNode();
    body.put("__type", error.errorCode());
    body.put("message", error.getMessage());
    return new Answer(error.statusCode(), JsonMapper.shared().writeValueAsBytes(body));
  }
}
