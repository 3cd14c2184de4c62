package org.morgue.eval;

import org.morgue.indexer.enrich.hedge.CueSense;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code morgue eval}: measures the enrichments against the annotated sets in {@code eval/}. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure actors, themes and hedging against the annotated sets in eval/ (precision, recall,"
        + " F1 on dev and held-out test), \"same story\" copy detection on eval/copies, and the speed of each"
        + " enrichment on one core.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every target of the enrichment and copy issues is met on the held-out test parts",
      "1:the evaluation could not run (a set is missing or malformed)",
      "3:the evaluation ran, but a target is missed (listed under the table)"
    })
public final class EvalCommand implements Callable<Integer> {
  /** Exit status when the run completed but a target is missed. */
  public static final int EXIT_TARGET_MISSED = 3;

  @Option(names = "--root", paramLabel = "DIR", description = "the repository root holding eval/ (default: ${DEFAULT-VALUE})")
  Path root = Path.of(System.getProperty("morgue.home", "."));

  @Option(names = "--seconds", paramLabel = "N",
      description = "seconds to warm up, then to time, each enrichment (default: ${DEFAULT-VALUE}; 0 skips speed)")
  int seconds = 3;

  @Option(names = "--details", paramLabel = "FILE",
      description = "also write every disagreement with the gold (missed and extra cues and actors) to FILE")
  Path details;

  @Option(names = "--train-cue-sense",
      description = "train the hedge detector's cue-sense model on eval/hedging/dev.tsv, write it to the indexer's"
          + " resources (rebuild to use it), print its cross-validation on dev, and stop")
  boolean trainCueSense;

  @Override
  public Integer call() throws IOException {
    if (trainCueSense) {
      Path out = root.resolve("indexer/src/main/resources/org/morgue/indexer/enrich/hedge").resolve(CueSense.RESOURCE);
      System.out.print(new CueSenseTraining(HedgeDetector.fromResources())
          .train(HedgedSentence.read(root.resolve("eval/hedging/dev.tsv")), out));
      return 0;
    }
    Optional<Duration> speed = seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    EvaluationReport report = Evaluation.standard(root).run(speed);
    System.out.print(report.table());
    if (details != null) {
      Files.writeString(details, report.details());
      System.out.println("\nDisagreements written to " + details);
    }
    return report.missedTargets().isEmpty() ? 0 : EXIT_TARGET_MISSED;
  }

  /**
   * Runs the command and exits with its status; a failure is one line naming what is wrong (a set
   * missing, malformed), as every morgue command says it. The launcher passes {@code -Dmorgue.home}.
   * The module does not depend on the command line's: its build runs beside the server's.
   */
  public static void main(String[] args) {
    CommandLine line = new CommandLine(new EvalCommand());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("morgue eval: " + (e instanceof java.nio.file.NoSuchFileException missing
          ? "no such file or folder: " + missing.getFile() : e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    });
    System.exit(line.execute(args));
  }
}
