package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-annotated sentence of {@code eval/hedging/*.tsv}.
 *
 * @param source where the sentence comes from, e.g. {@code brown-ca02} or {@code reut-00034}
 * @param sentence the sentence as printed
 * @param cues the gold cues; the sentence is hedged when one of them is a hedge
 */
public record HedgedSentence(String source, String sentence, List<GoldCue> cues) {
  /** A gold cue: its kind ({@code hedge}, {@code booster}, {@code attribution}) and a word it contains. */
  public record GoldCue(String kind, String anchor) {}

  public HedgedSentence {
    cues = List.copyOf(cues);
  }

  /** Whether the annotator marked at least one hedge. */
  public boolean hedged() {
    return cues.stream().anyMatch(cue -> cue.kind().equals("hedge"));
  }

  /**
   * Reads a set: {@code source <TAB> sentence <TAB> kind:anchor;kind:anchor}, {@code #} comments;
   * fails naming the line on anything else.
   */
  public static List<HedgedSentence> read(Path file) throws IOException {
    List<HedgedSentence> sentences = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3 || fields[1].isBlank()) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected source<TAB>sentence<TAB>cues");
      }
      List<GoldCue> cues = new ArrayList<>();
      for (String cue : fields[2].split(";")) {
        if (cue.isBlank()) {
          continue;
        }
        String[] parts = cue.strip().split(":", 2);
        if (parts.length != 2 || !List.of("hedge", "booster", "attribution").contains(parts[0])) {
          throw new IllegalArgumentException(file + ":" + (n + 1) + ": bad cue '" + cue + "'");
        }
        cues.add(new GoldCue(parts[0], parts[1]));
      }
      sentences.add(new HedgedSentence(fields[0], fields[1], cues));
    }
    return sentences;
  }
}
