package dev.ecsdashboard.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.ecsdashboard.stop.StopInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body that refuses fields it does not have, as the AWS CLI refuses fields outside its
 * skeleton: on a request that stops tasks, an unknown field (a {@code "dryRun": true}) is never
 * silently ignored.
 */
abstract class KnownFieldsOnly {

  private final List<String> unknown = new ArrayList<>();

  @JsonAnySetter
  void unknown(String name, Object value) {
    unknown.add(name);
  }

  /**
   * @param fields what the body's fields are, for the refusal
   * @throws InvalidApiInputException naming the first unknown field (never its value)
   */
  void requireKnownFieldsOnly(String fields) {
    if (!unknown.isEmpty()) {
      throw new InvalidApiInputException(
          StopInput.shown(unknown.get(0)).equals("parameter") ? "body" : unknown.get(0),
          "The body holds a field it does not have; " + fields + " Nothing was stopped.");
    }
  }
}
