package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.morgue.article.ActorType;

/**
 * The hand-listed actors of one article, from {@code eval/actors/gold.tsv}.
 *
 * @param article the file, or {@code file#id}, relative to the repository root
 * @param split dev or test
 * @param blocks how many body blocks are annotated (the title always is); 0 for all
 * @param actors every actor the annotated text names
 */
public record ActorGold(String article, Split split, int blocks, List<Entry> actors) {
  /** One gold actor: the names that count as it, canonical first, and its type. */
  public record Entry(List<String> names, ActorType type) {
    public Entry {
      names = List.copyOf(names);
    }

    /** Whether an extracted name is this actor, ignoring case, spacing and a final full stop. */
    public boolean matches(String name) {
      String wanted = normalise(name);
      return names.stream().anyMatch(n -> normalise(n).equals(wanted));
    }
  }

  public ActorGold {
    actors = List.copyOf(actors);
  }

  /** How names are compared: "Hughes Steel Erection Co." and "hughes steel erection co" are one. */
  static String normalise(String name) {
    return name.strip().replace('\u2019', '\'').replaceAll("\\s+", " ").replaceAll("\\.$", "")
        .toLowerCase(Locale.ROOT);
  }

  /** Reads the gold file; fails naming the line on a malformed one. */
  public static List<ActorGold> read(Path file) throws IOException {
    List<ActorGold> articles = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String article = null;
    Split split = null;
    int blocks = 0;
    List<Entry> entries = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      String where = file + ":" + (n + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields[0].equals("@")) {
        if (article != null) {
          articles.add(new ActorGold(article, split, blocks, entries));
        }
        if (fields.length != 4) {
          throw new IllegalArgumentException(where + ": expected @<TAB>file<TAB>dev|test<TAB>blocks");
        }
        article = fields[1];
        split = Split.fromId(fields[2], where);
        blocks = Integer.parseInt(fields[3].strip());
        entries = new ArrayList<>();
      } else if (fields.length == 2 && article != null) {
        entries.add(new Entry(Arrays.stream(fields[0].split("\\|")).map(String::strip).toList(),
            ActorType.fromId(fields[1])));
      } else {
        throw new IllegalArgumentException(where + ": expected names<TAB>type after an @ line, got '" + line + "'");
      }
    }
    if (article != null) {
      articles.add(new ActorGold(article, split, blocks, entries));
    }
    return articles;
  }
}
