package dev.ecsdashboard.api;

import dev.ecsdashboard.stop.StopInput;
import java.util.Map;

/**
 * The query of a stop request, which fails closed: {@code dryRun} is its only parameter, and any
 * request that names a dry run stops nothing. {@code ?dryRun}, {@code ?dryRun=} and {@code
 * ?dryRun=true} are dry runs, {@code ?dryRun=false} or no {@code dryRun} a stop; any other value, a
 * repeated {@code dryRun} or any other parameter (a misspelt {@code ?dryrun=true}) is refused with
 * 400, after the access check. Until then the request counts as a dry run when it names one.
 */
final class StopQuery {

  static final String DRY_RUN = "dryRun";

  private final Map<String, String[]> parameters;
  private final Boolean dryRun;

  private StopQuery(Map<String, String[]> parameters) {
    this.parameters = parameters;
    this.dryRun = parse(parameters.get(DRY_RUN));
  }

  static StopQuery of(Map<String, String[]> parameters) {
    return new StopQuery(parameters);
  }

  /** Null when the value is not one of the accepted spellings. */
  private static Boolean parse(String[] values) {
    if (values == null) {
      return false;
    }
    if (values.length != 1) {
      return null;
    }
    String value = values[0] == null ? "" : values[0];
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    return value.equalsIgnoreCase("false") ? false : null;
  }

  /** Whether the request names a dry run in any form (a refused spelling included). */
  boolean dryRun() {
    return dryRun == null || dryRun;
  }

  /** Refuses an unknown parameter or a {@code dryRun} that is not true, false or empty. */
  void check() {
    for (String name : parameters.keySet()) {
      if (!DRY_RUN.equals(name)) {
        throw new InvalidApiInputException(
            StopInput.shown(name),
            "The request has a query parameter a stop does not take (its only one is dryRun);"
                + " nothing was stopped.");
      }
    }
    if (dryRun == null) {
      throw new InvalidApiInputException(
          DRY_RUN,
          "dryRun is given once, as true, false or empty (?dryRun is a dry run); nothing was"
              + " stopped.");
    }
  }
}
