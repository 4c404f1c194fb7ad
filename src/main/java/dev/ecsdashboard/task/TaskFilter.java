package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The tasks page's filters as they appear in its URL, so that a filtered list can be shared by
 * link. Each maps onto a ListTasks parameter; values are checked before any call to ECS.
 *
 * @param desiredStatus RUNNING (ECS's default), STOPPED or PENDING
 * @param serviceName tasks of this service
 * @param family tasks of this task definition family
 * @param startedBy tasks started with this value
 * @param launchType EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES
 */
public record TaskFilter(
    String desiredStatus, String serviceName, String family, String startedBy, String launchType) {

  /** Blank values mean "no filter". */
  public TaskFilter {
    desiredStatus = trim(desiredStatus);
    serviceName = trim(serviceName);
    family = trim(family);
    startedBy = trim(startedBy);
    launchType = trim(launchType);
  }

  /**
   * @throws InvalidReferenceException when a value is not one ECS accepts
   */
  public TaskQuery toQuery() {
    DesiredStatus status = known("desiredStatus", desiredStatus, DesiredStatus::fromValue);
    if (startedBy != null && status == DesiredStatus.RUNNING) {
      // ECS takes startedBy only as the only filter, and lists running tasks for it anyway.
      status = null;
    }
    return new TaskQuery(
        status,
        serviceName,
        family,
        startedBy,
        known("launchType", launchType, LaunchType::fromValue),
        null);
  }

  boolean isEmpty() {
    return parameters().isEmpty();
  }

  /** The filters as URL query parameters, blank ones left out. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "desiredStatus", desiredStatus);
    put(parameters, "serviceName", serviceName);
    put(parameters, "family", family);
    put(parameters, "startedBy", startedBy);
    put(parameters, "launchType", launchType);
    return parameters;
  }

  /** The tasks page of a cluster with these filters and the given extra parameters. */
  String link(String cluster, Map<String, String> extra) {
    Map<String, String> parameters = parameters();
    extra.forEach((k, v) -> put(parameters, k, v));
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    parameters.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return "/clusters/" + cluster + "/tasks" + query;
  }

  private static <E extends Enum<E>> E known(
      String field, String value, Function<String, E> parse) {
    if (value == null) {
      return null;
    }
    E parsed = parse.apply(value.toUpperCase(Locale.ROOT));
    if (parsed == null || parsed.name().equals("UNKNOWN_TO_SDK_VERSION")) {
      throw new InvalidReferenceException(field, value, "This is not a " + field + " ECS knows.");
    }
    return parsed;
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null && !value.isBlank()) {
      parameters.put(name, value);
    }
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
