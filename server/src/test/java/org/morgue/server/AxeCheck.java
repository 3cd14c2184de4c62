package org.morgue.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (vendored as the test resource /axe/axe.min.js, see its README) on the page a
 * browser shows, against the WCAG 2.1 A and AA rules. Nothing is downloaded: the script is read
 * from the classpath and injected with executeScript.
 */
final class AxeCheck {
  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  /** Targets of a violation named in a report; the rest are counted. */
  static final int TARGETS_SHOWN = 3;

  private static final String SOURCE = read("/axe/axe.min.js");

  private AxeCheck() {}

  private static String read(String resource) {
    try (InputStream in = AxeCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rule broken, with where: enough to find and fix it from a test report. */
  record Violation(String id, String impact, String help, String helpUrl, List<String> targets, int nodes) {
    @Override
    public String toString() {
      String where = String.join(", ", targets) + (nodes > targets.size() ? " and " + (nodes - targets.size()) + " more" : "");
      return id + " (" + impact + "): " + help + " at " + where + " [" + helpUrl + "]";
    }
  }

  /**
   * What one axe run says of the document the driver shows now: the WCAG 2.1 A/AA violations, and
   * what axe could not decide (say, contrast over an image), not failures but worth a look by eye.
   * One run answers both: axe takes seconds a page, and asking twice doubled the tests' time.
   */
  record Findings(List<Violation> violations, List<Violation> needsReview) {}

  /** The WCAG 2.1 A/AA violations of the document the driver shows now. */
  static List<Violation> violations(WebDriver driver) {
    return check(driver).violations();
  }

  /** Violations and undecided checks of the document the driver shows now, from one axe run. */
  static Findings check(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SOURCE);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object answer = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            // Label in name (WCAG 2.5.3, level A) is an experimental axe rule, off unless named: a
            // journalist's trial found "Add to collection" named "Add “…” to a collection".
            + "window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] },"
            + "  rules: { 'label-content-name-mismatch': { enabled: true } },"
            + "  resultTypes: ['violations', 'incomplete'] })"
            + "  .then(result => done(JSON.stringify({ violations: result.violations, incomplete: result.incomplete })),"
            + "    error => done('axe failed: ' + error));",
        TAGS);
    String json = String.valueOf(answer);
    if (json.startsWith("axe failed")) {
      throw new IllegalStateException(json);
    }
    try {
      JsonNode result = RunningServer.JSON.readTree(json);
      return new Findings(parse(result.get("violations")), parse(result.get("incomplete")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Violation> parse(JsonNode results) {
    List<Violation> found = new ArrayList<>();
    for (JsonNode violation : results) {
      List<String> targets = new ArrayList<>();
      for (JsonNode node : violation.get("nodes")) {
        if (targets.size() < TARGETS_SHOWN) {
          targets.add(node.get("target").toString());
        }
      }
      found.add(new Violation(violation.get("id").asText(), violation.path("impact").asText("?"),
          violation.get("help").asText(), violation.path("helpUrl").asText(""), targets, violation.get("nodes").size()));
    }
    return found;
  }

  /** A report of {@code violations}, one a line, headed by where they were found; empty when there are none. */
  static String report(String where, List<Violation> violations) {
    return report(where, violations, "axe violation(s)");
  }

  /** As {@link #report(String, List)}, saying what the list is. */
  static String report(String where, List<Violation> violations, String what) {
    if (violations.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(where).append(": ").append(violations.size()).append(' ').append(what).append('\n');
    violations.forEach(violation -> text.append("  - ").append(violation).append('\n'));
    return text.toString();
  }
}
