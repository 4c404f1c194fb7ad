package dev.ecsdashboard.stop;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses request parameters a stop does not know: nothing unknown (a misspelt option, a field the
 * form does not have, an indexed {@code task[9999]}) is silently ignored on a request that stops
 * tasks. Only a name that looks like a parameter name is repeated in the refusal.
 */
public final class StopInput {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private StopInput() {}

  /**
   * @param parameters the request's parameters
   * @param known the names the request may hold
   * @throws InvalidStopInputException naming the first unknown parameter
   */
  public static void requireKnown(Map<String, String[]> parameters, Collection<String> known) {
    for (String name : parameters.keySet()) {
      if (!known.contains(name)) {
        throw unknown(name);
      }
    }
  }

  /** The refusal of an unknown parameter or field. */
  public static InvalidStopInputException unknown(String name) {
    String shown = shown(name);
    return new InvalidStopInputException(shown, "stop.input.unknown", shown);
  }

  /** The name as a refusal may repeat it: itself when it looks like a name, else "parameter". */
  public static String shown(String name) {
    return name != null && NAME.matcher(name).matches() ? name : "parameter";
  }
}
