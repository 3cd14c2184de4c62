package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.morgue.article.Article;

/**
 * The labelled set of wire copies (eval/copies): real articles, copies of them made with a seeded
 * {@link CopyEditor}, and pairs labelled "copy" (two versions of one story) or "different" (related
 * but different stories: the two seed articles, consecutive State of the Union addresses of one
 * president, Reuters stories on the same company). Split between dev and test by group of related
 * articles (a story's copies go where it goes), seeded, within each collection.
 *
 * <p>The copies are made again on every run from the same seed; {@code eval/copies/pairs.tsv} is the
 * record of what the run makes, and {@link #read(Path)} refuses to measure when the two differ.
 * {@link #main(String[])} writes the file.
 */
public final class CopySet {
  /** The seed of the split and of every copy's edits. */
  static final long SEED = 20261203L;
  /** Copies made of each real article, each with a different kind of edit. */
  static final int COPIES_PER_ARTICLE = 3;
  static final String PAIRS = "eval/copies/pairs.tsv";
  static final String RELATED = "eval/copies/related.tsv";
  private static final String HEADER = "split\ta\tb\tlabel\tkind";

  /** A labelled pair: {@code label} is "copy" or "different"; {@code kind} says how they relate. */
  public record Pair(Split split, String a, String b, boolean copy, String kind) {
    String line() {
      return split.id() + "\t" + a + "\t" + b + "\t" + (copy ? "copy" : "different") + "\t" + kind;
    }
  }

  /**
   * The set: every article (real and copied) by id with its part, in the order indexing would meet
   * them (each real article before its copies), and the labelled pairs.
   */
  public record Labelled(Map<String, Article> articles, Map<String, Split> parts, Map<String, String> storyOf,
      List<Pair> pairs) {
    /** The articles of one part, in order. */
    public List<Article> articles(Split part) {
      return articles.values().stream().filter(a -> parts.get(a.id()) == part).toList();
    }

    /** The pairs of one part. */
    public List<Pair> pairs(Split part) {
      return pairs.stream().filter(p -> p.split() == part).toList();
    }
  }

  private CopySet() {}

  /** Makes the set from the repository's articles, then checks it against eval/copies/pairs.tsv. */
  public static Labelled read(Path root) throws IOException {
    Labelled set = make(root);
    List<String> recorded = Files.readAllLines(root.resolve(PAIRS), StandardCharsets.UTF_8);
    if (!recorded.equals(lines(set))) {
      throw new IllegalStateException(root.resolve(PAIRS) + " is not what CopySet makes from the articles"
          + " (an article or the generator changed); see eval/README.md to write it again");
    }
    return set;
  }

  /** Makes the set from the repository's articles. */
  static Labelled make(Path root) throws IOException {
    EvalArticles files = new EvalArticles(root);
    Map<String, List<List<Article>>> collections = new LinkedHashMap<>();
    collections.put("seed", List.of(files.all("corpus/articles/seed-articles")));
    collections.put("brown", singles(files.all("corpus/articles/brown-press-reportage")));
    collections.put("sotu", byPresident(files.all("corpus/articles/state-of-the-union")));
    collections.put("reuters", reutersGroups(files, root));

    Random random = new Random(SEED);
    CopyEditor editor = new CopyEditor(random);
    Map<String, Article> articles = new LinkedHashMap<>();
    Map<String, Split> parts = new HashMap<>();
    Map<String, String> storyOf = new HashMap<>();
    List<Pair> pairs = new ArrayList<>();
    for (Map.Entry<String, List<List<Article>>> collection : collections.entrySet()) {
      List<List<Article>> groups = new ArrayList<>(collection.getValue());
      java.util.Collections.shuffle(groups, random);
      for (int g = 0; g < groups.size(); g++) {
        // The smaller half is dev, so a single group (the seed articles) is held out.
        Split part = g < groups.size() / 2 ? Split.DEV : Split.TEST;
        List<Article> group = groups.get(g);
        Map<String, List<Article>> versions = new LinkedHashMap<>();
        for (Article original : group) {
          List<Article> story = new ArrayList<>();
          story.add(original);
          List<CopyEditor.Edit> kinds = new ArrayList<>(List.of(CopyEditor.Edit.values()));
          java.util.Collections.shuffle(kinds, random);
          for (CopyEditor.Edit kind : kinds.subList(0, COPIES_PER_ARTICLE)) {
            story.add(editor.copy(original, kind));
          }
          for (Article version : story) {
            articles.put(version.id(), version);
            parts.put(version.id(), part);
            storyOf.put(version.id(), original.id());
          }
          for (int i = 0; i < story.size(); i++) {
            for (int j = i + 1; j < story.size(); j++) {
              pairs.add(new Pair(part, story.get(i).id(), story.get(j).id(), true, kindOf(story.get(i), story.get(j))));
            }
          }
          versions.put(original.id(), story);
        }
        pairs.addAll(hardNegatives(part, collection.getKey(), group, versions));
      }
    }
    return new Labelled(articles, parts, storyOf, pairs);
  }

  /** Every pair of related articles in a group, and each one's copies against the other original. */
  private static List<Pair> hardNegatives(Split part, String collection, List<Article> group,
      Map<String, List<Article>> versions) {
    String kind = switch (collection) {
      case "seed" -> "same-events";
      case "sotu" -> "next-address";
      default -> "same-company";
    };
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      // Addresses: only consecutive ones (the group is in date order); other groups: every pair.
      for (int j = i + 1; j < (collection.equals("sotu") ? Math.min(group.size(), i + 2) : group.size()); j++) {
        Article a = group.get(i);
        Article b = group.get(j);
        pairs.add(new Pair(part, a.id(), b.id(), false, kind));
        for (Article copy : versions.get(a.id()).subList(1, versions.get(a.id()).size())) {
          pairs.add(new Pair(part, copy.id(), b.id(), false, kind + "-copy"));
        }
        for (Article copy : versions.get(b.id()).subList(1, versions.get(b.id()).size())) {
          pairs.add(new Pair(part, a.id(), copy.id(), false, kind + "-copy"));
        }
      }
    }
    return pairs;
  }

  private static String kindOf(Article a, Article b) {
    String first = CopyEditor.editOf(a.id());
    String second = CopyEditor.editOf(b.id());
    return first.isEmpty() ? second : first + "~" + second;
  }

  private static List<List<Article>> singles(List<Article> articles) {
    return articles.stream().map(List::of).toList();
  }

  /** One group per president, addresses in date order. */
  private static List<List<Article>> byPresident(List<Article> addresses) {
    Map<String, List<Article>> groups = new LinkedHashMap<>();
    addresses.stream().sorted(Comparator.comparing((Article a) -> a.published().orElseThrow()).thenComparing(Article::id))
        .forEach(a -> groups.computeIfAbsent(a.authors().isEmpty() ? a.id() : a.authors().get(0),
            k -> new ArrayList<>()).add(a));
    return new ArrayList<>(groups.values());
  }

  /** The Reuters stories, those of one line of related.tsv together, the others alone. */
  private static List<List<Article>> reutersGroups(EvalArticles files, Path root) throws IOException {
    List<List<Article>> groups = new ArrayList<>();
    java.util.Set<String> grouped = new java.util.HashSet<>();
    for (String line : Files.readAllLines(root.resolve(RELATED), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      List<Article> group = new ArrayList<>();
      for (int i = 1; i < fields.length; i++) {
        group.addAll(files.all("eval/reuters-acq/" + fields[i]));
        grouped.add(fields[i]);
      }
      groups.add(group);
    }
    for (Article story : files.all("eval/reuters-acq")) {
      if (!grouped.contains(Path.of(story.origin().split("#")[0]).getFileName().toString())) {
        groups.add(List.of(story));
      }
    }
    return groups;
  }

  static List<String> lines(Labelled set) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    set.pairs().forEach(p -> lines.add(p.line()));
    return lines;
  }

  /** Writes eval/copies/pairs.tsv under the repository root given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    Files.write(root.resolve(PAIRS), lines(make(root)), StandardCharsets.UTF_8);
  }
}
