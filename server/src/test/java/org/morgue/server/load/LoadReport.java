package org.morgue.server.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What a load run measured.
 *
 * @param started when the run began
 * @param plan what was asked for
 * @param target the server's base address
 * @param machine processors, Java and operating system of the machine that ran client and server
 * @param elapsed from the first request to the last answer
 * @param stoppedBy what ended the run: {@code duration} or {@code request count}
 * @param requests every request sent: searches, posts and visibility checks
 * @param searches response times of the mix's searches
 * @param posts response times of the posts
 * @param checks response times of the searches for posted articles
 * @param latePosts times the writer's post and its search took longer than the interval, so the next
 *     post left late: more than a few means the server cannot keep up with the planned rate
 * @param acknowledged posts answered 201 with the article added
 * @param visibleAtOnce acknowledged articles found by the first search sent after the answer
 * @param maxVisibilityDelayMs the longest time from a post's answer to sending the search that first found it
 * @param maxVisibleAnswerMs the longest time from a post's answer to the answer of the search that first found it
 * @param articlesBefore articles in the index before the run
 * @param articlesAfter articles in the index after it
 * @param errorCount every failed check: wrong status, unreadable JSON, missing field, article not found, I/O failure
 * @param errors the first few failures, described
 */
public record LoadReport(
    Instant started,
    LoadPlan plan,
    String target,
    String machine,
    Duration elapsed,
    String stoppedBy,
    long requests,
    Latencies.Summary searches,
    Latencies.Summary posts,
    Latencies.Summary checks,
    long latePosts,
    long acknowledged,
    long visibleAtOnce,
    double maxVisibilityDelayMs,
    double maxVisibleAnswerMs,
    long articlesBefore,
    long articlesAfter,
    long errorCount,
    List<String> errors) {

  public LoadReport {
    errors = List.copyOf(errors);
  }

  /** Requests answered per second, over the whole run. */
  public double throughput() {
    return perSecond(requests);
  }

  /** The report as Markdown, for the console and {@code target/load/report.md}. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Morgue load test\n\n");
    md.append("- started: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append('\n');
    md.append("- machine: ").append(machine).append('\n');
    md.append("- target: ").append(target).append(" (loopback, in-process server, live updates on)\n");
    md.append(format("- plan: %d search clients and 1 writer posting one article every %d ms; at most %d s or %d requests; seed %d%n",
        plan.clients(), plan.postInterval().toMillis(), plan.duration().toSeconds(), plan.maxRequests(), plan.seed()));
    md.append(format("- ran %.1f s, stopped by %s%n%n", elapsed.toMillis() / 1000.0, stoppedBy));
    md.append("| requests | count | per second | p50 ms | p95 ms | p99 ms | max ms |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    row(md, "searches (facets, timeline, snippets)", searches);
    row(md, "posts (one article each)", posts);
    row(md, "searches for a posted article", checks);
    md.append(format("| **all** | %d | %.1f | | | | |%n%n", requests, throughput()));
    md.append(format("- errors: %d%n", errorCount));
    for (String error : errors) {
      md.append("  - ").append(error).append('\n');
    }
    md.append(format("- posts that left late because the one before (post and search) took over %d ms: %d%n",
        plan.postInterval().toMillis(), latePosts));
    md.append(format("- acknowledged posts (201, added): %d; found by the first search sent after the answer: %d%n",
        acknowledged, visibleAtOnce));
    md.append(format("- visibility delay, max: %.3f ms from a post's 2xx to sending the search that first found it; "
        + "%.1f ms to that search's answer%n", maxVisibilityDelayMs, maxVisibleAnswerMs));
    md.append(format("- articles in the index: %d before, %d after%n", articlesBefore, articlesAfter));
    return md.toString();
  }

  private void row(StringBuilder md, String name, Latencies.Summary summary) {
    md.append(format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name, summary.count(), perSecond(summary.count()),
        summary.p50(), summary.p95(), summary.p99(), summary.max()));
  }

  private double perSecond(long count) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : count / seconds;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
