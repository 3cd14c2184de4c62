package org.morgue.indexer.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * The State of the Union dataset as published: one {@code .json} file per address holding an
 * object with {@code year}, {@code name} (the president), {@code party} and {@code text}. The
 * dataset gives only the year, so the date is January 1 of it with metadata {@code date_precision}
 * {@code year}. The id is {@code sotu-<year>-<president's surname>}, unique because no president
 * gave two addresses in one year; the transcript has no paragraph breaks, so it is cut into chunks
 * of a few sentences.
 */
public final class SotuJsonFormat implements ArticleFormat {
  /** The source name every address is filed under. */
  public static final String SOURCE = "State of the Union";

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public String name() {
    return "state-of-the-union-json";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    if (!input.name().endsWith(".json")) {
      return false;
    }
    String head = input.headText();
    return head.stripLeading().startsWith("{") && head.contains("\"year\"") && head.contains("\"name\"")
        && head.contains("\"text\"");
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    JsonNode root;
    try (InputStream in = input.open()) {
      root = mapper.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(), "not valid JSON: " + org.morgue.article.JsonProblems.inWords(e)));
      return;
    }
    if (root == null || !root.isObject()) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(), "not a JSON object"));
      return;
    }
    JsonNode year = root.path("year");
    String president = root.path("name").asText("").strip();
    String text = root.path("text").asText("").strip();
    if (!year.canConvertToInt() || year.asInt() < 1000 || year.asInt() > 9999) {
      sink.reject(new MalformedArticleException(SkipReason.INVALID_VALUE, input.origin(), "year '" + year.asText() + "' is not a year"));
      return;
    }
    if (president.isEmpty() || text.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.NO_TEXT, input.origin(), "no president name or no text"));
      return;
    }
    List<Block> blocks = new ArrayList<>();
    for (String chunk : SentenceChunks.of(text)) {
      blocks.add(new Block(blocks.isEmpty() ? BlockKind.LEDE : BlockKind.PARAGRAPH, chunk));
    }
    String id = "sotu-" + year.asInt() + "-" + surnameSlug(president);
    String title = president + ": State of the Union, " + year.asInt();
    Map<String, List<String>> metadata = new java.util.TreeMap<>();
    metadata.put("date_precision", List.of("year"));
    String party = root.path("party").asText("").strip();
    if (!party.isEmpty()) {
      metadata.put("party", List.of(party));
    }
    sink.accept(new Article(id, title, blocks, Optional.of(LocalDate.of(year.asInt(), 1, 1)), SOURCE,
        Optional.empty(), List.of(president), input.origin(), metadata));
  }

  /** "Franklin D. Roosevelt" -> "roosevelt"; "Joseph R. Biden" -> "biden". */
  static String surnameSlug(String president) {
    String[] words = president.strip().split("\\s+");
    String last = words[words.length - 1];
    if (words.length > 1 && last.matches("(?i)jr\\.?|sr\\.?|ii|iii")) {
      last = words[words.length - 2];
    }
    return java.text.Normalizer.normalize(last, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
