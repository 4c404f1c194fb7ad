package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles from the dashboard's own files only, so a
 * template with inline code would break in the browser without any test noticing. This test
 * notices: no inline script, no event handler attribute, no inline style.
 */
class TemplatesFitContentSecurityPolicyTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  private static final List<Pattern> FORBIDDEN =
      List.of(
          // A script element without src, i.e. inline code.
          Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
          // onclick="...", th:onclick="...": inline event handlers.
          Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
          Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\s(?:th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
          Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

  @Test
  void templatesHoldNoInlineScriptHandlerOrStyle() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String html = Files.readString(file);
        for (Pattern pattern : FORBIDDEN) {
          Matcher matcher = pattern.matcher(html);
          while (matcher.find()) {
            violations.add(TEMPLATES.relativize(file) + ": " + matcher.group().strip());
          }
        }
      }
    }

    assertThat(violations)
        .as("inline code that the Content-Security-Policy blocks; move it to static/js or css")
        .isEmpty();
  }

  @Test
  void findsTheInlineCodeItLooksFor() {
    String html = "<script>alert(1)</script><button onclick=\"x()\"><p style=\"color:red\"><style>";

    assertThat(FORBIDDEN)
        .allSatisfy(p -> assertThat(p.matcher(html + "javascript:").find()).isTrue());
    assertThat(FORBIDDEN.get(0).matcher("<script src=\"/assets/js/app.js\" defer></script>").find())
        .isFalse();
  }
}
