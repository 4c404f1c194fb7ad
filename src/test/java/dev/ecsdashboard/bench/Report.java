package dev.ecsdashboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's figures: printed as a table as they come, and written as JSON at the end. */
final class Report {

  /**
   * One figure.
   *
   * @param section what was measured
   * @param metric which figure of it
   * @param value the figure
   * @param unit its unit
   * @param reference the floor or target it is to be read beside, or empty
   */
  record Row(String section, String metric, double value, String unit, String reference) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> setup = new LinkedHashMap<>();

  void setup(String key, Object value) {
    setup.put(key, value);
    System.out.printf("# %s: %s%n", key, value);
  }

  void add(String section, String metric, double value, String unit, String reference) {
    Row row = new Row(section, metric, value, unit, reference);
    rows.add(row);
    System.out.printf(
        Locale.ROOT,
        "| %-34s | %-30s | %12s %-7s | %-40s |%n",
        section,
        metric,
        format(value),
        unit,
        reference);
  }

  void header() {
    System.out.printf(
        "| %-34s | %-30s | %20s | %-40s |%n", "measurement", "figure", "value", "floor / target");
    System.out.println(
        "|"
            + "-".repeat(36)
            + "|"
            + "-".repeat(32)
            + "|"
            + "-".repeat(22)
            + "|"
            + "-".repeat(42)
            + "|");
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("setup", setup);
    document.put("results", rows);
    JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    System.out.println("# JSON: " + file);
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }
}
