package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.Theme;
import org.morgue.indexer.enrich.actor.ActorExtractor;
import org.morgue.indexer.enrich.theme.ThemeClassifier;

/**
 * Actors and themes against the human tags of Reuters stories. Places: recall of the tagged
 * countries among the extracted actors, and precision of the extracted countries (place actors
 * whose name is a country a Reuters code stands for) against the tags. Themes: whether the
 * highest-scoring theme falls under the IPTC top level of a tagged topic.
 */
public final class ReutersTagEvaluation {
  private final ActorExtractor actors;
  private final ThemeClassifier themes;
  private final Map<String, String> countryByCode;
  private final Map<String, String> iptcByTopic;

  /**
   * @param codes the {@code codes.tsv} of the sample: {@code place|topic <TAB> code <TAB> meaning}
   */
  public ReutersTagEvaluation(ActorExtractor actors, ThemeClassifier themes, Path codes) throws IOException {
    this.actors = actors;
    this.themes = themes;
    Map<String, String> places = new HashMap<>();
    Map<String, String> topics = new HashMap<>();
    for (String line : Files.readAllLines(codes, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      switch (fields.length == 3 ? fields[0] : "") {
        case "place" -> places.put(fields[1], fields[2]);
        case "topic" -> topics.put(fields[1], fields[2]);
        default -> throw new IllegalArgumentException(codes + ": bad line '" + line + "'");
      }
    }
    this.countryByCode = Map.copyOf(places);
    this.iptcByTopic = Map.copyOf(topics);
  }

  /**
   * The result on a set of stories.
   *
   * @param places tagged countries found (recall), extracted countries tagged (precision)
   * @param topTheme stories whose top theme is under a tagged topic's IPTC top level
   * @param anyTheme stories with any theme under it
   * @param disagreements per story, what was missed or extra
   */
  public record Result(Score places, Score topTheme, Score anyTheme, List<String> disagreements) {}

  /** Extracts and classifies every story and compares with its tags. */
  public Result evaluate(List<Article> stories) {
    Set<String> countries = new HashSet<>(countryByCode.values());
    int tagged = 0;
    int found = 0;
    int extractedCountries = 0;
    int top = 0;
    int any = 0;
    int withTopic = 0;
    List<String> disagreements = new java.util.ArrayList<>();
    for (Article story : stories) {
      Set<String> tags = story.metadata().getOrDefault("places", List.of()).stream()
          .map(code -> countryByCode.getOrDefault(code, code)).collect(Collectors.toSet());
      Set<String> extracted = actors.extract(story).stream()
          .filter(a -> a.type() == ActorType.PLACE && countries.contains(a.name()))
          .map(Actor::name).collect(Collectors.toSet());
      tagged += tags.size();
      extractedCountries += extracted.size();
      Set<String> hits = new HashSet<>(tags);
      hits.retainAll(extracted);
      found += hits.size();
      if (!hits.equals(tags) || !hits.equals(extracted)) {
        disagreements.add(story.id() + " (" + story.metadata().getOrDefault("dateline", List.of()) + "): tagged "
            + tags + ", extracted " + extracted);
      }
      Set<String> expected = story.metadata().getOrDefault("topics", List.of()).stream()
          .map(iptcByTopic::get).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
      if (!expected.isEmpty()) {
        withTopic++;
        List<Theme> assigned = themes.classify(story);
        Optional<Theme> best = assigned.stream().max(Comparator.comparingDouble(Theme::score));
        top += best.isPresent() && expected.contains(best.get().iptc()) ? 1 : 0;
        any += assigned.stream().anyMatch(t -> expected.contains(t.iptc())) ? 1 : 0;
      }
    }
    // Precision's "correct" is the same hits: a found tag is an extracted country that was tagged.
    Score places = new Score(found, extractedCountries, tagged);
    return new Result(places, new Score(top, withTopic, withTopic), new Score(any, withTopic, withTopic),
        List.copyOf(disagreements));
  }
}
