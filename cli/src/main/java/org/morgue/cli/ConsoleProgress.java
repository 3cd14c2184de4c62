package org.morgue.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.morgue.indexer.ingest.IndexProgress;

/**
 * Shows an indexing run's progress: a live bar (files, articles, rate, time left) when output is a
 * terminal, and a plain line every {@link #LINE_INTERVAL} otherwise, so logs stay readable.
 */
public final class ConsoleProgress implements IndexProgress {
  static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

  private final boolean terminal;
  private final PrintStream lines;
  private ProgressBar bar;
  private int files;
  private long started;
  private long lastLine;

  private ConsoleProgress(boolean terminal, PrintStream lines) {
    this.terminal = terminal;
    this.lines = lines;
  }

  /** A bar on a terminal, periodic lines on standard error otherwise. */
  public static ConsoleProgress forConsole() {
    return new ConsoleProgress(isTerminal(), System.err);
  }

  /**
   * Java 21 returns no console when output is redirected; Java 22 and later always return one and
   * answer {@code isTerminal()} instead, which a Java 21 build can only reach reflectively.
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Override
  public void started(int files) {
    this.files = files;
    this.started = System.nanoTime();
    this.lastLine = started;
    if (terminal) {
      bar = new ProgressBarBuilder()
          .setTaskName("Indexing")
          .setInitialMax(files)
          .setUnit(" files", 1)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setUpdateIntervalMillis(250)
          .build();
    }
  }

  @Override
  public void advanced(int filesDone, int articles) {
    long now = System.nanoTime();
    double seconds = Math.max(now - started, 1) / 1e9;
    if (bar != null) {
      bar.stepTo(filesDone);
      bar.setExtraMessage(String.format(Locale.ROOT, "%,d articles, %.0f/s", articles, articles / seconds));
    } else if (now - lastLine >= LINE_INTERVAL.toNanos()) {
      lastLine = now;
      lines.printf(Locale.ROOT, "indexing: %d of %d files, %,d articles, %.0f articles/s%n",
          filesDone, files, articles, articles / seconds);
    }
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
