package org.morgue.indexer.enrich;

import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Theme;

import org.morgue.article.ArticleJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Cue;
import org.morgue.article.Mention;
import org.morgue.article.Span;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

class ArticleJsonTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  /** The shipped corpus enriched: every kind of block, actor, cue and sentence Morgue's own text has. */
  private static List<EnrichedArticle> corpus;
  private final ArticleJson json = new ArticleJson();
  private final ArticleEnricher enricher = ArticleEnricher.standard();

  @BeforeAll
  static void enrichTheShippedCorpus() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    List<EnrichedArticle> articles = new ArrayList<>();
    ArticleFiles files = ArticleFiles.standard();
    for (Path file : files.files(List.of(Path.of("..", "corpus", "articles")))) {
      files.read(file, new ArticleSink() {
        @Override
        public void accept(Article article) {
          articles.add(enricher.enrich(article));
        }

        @Override
        public void reject(MalformedArticleException problem) {
          throw new IllegalStateException(problem);
        }
      });
    }
    corpus = List.copyOf(articles);
  }

  private EnrichedArticle enriched(String name) {
    return enricher.enrich(SeedArticles.article(name));
  }

  @Test
  void anArticleReadBackFromItsStoredJsonAndBodyIsTheArticleWritten() {
    for (String name : List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS)) {
      EnrichedArticle article = enriched(name);
      assertEquals(article, json.read(json.write(article), article.article().body()), name);
    }
  }

  @Test
  void everyArticleOfTheShippedCorpusReadsBackAsWritten() {
    assertEquals(279, corpus.size());
    for (EnrichedArticle article : corpus) {
      assertEquals(article, json.read(json.write(article), article.article().body()), article.article().id());
    }
  }

  @Test
  void mentionsAreStoredAsStartsAndLengthsAndSentenceSpansAsGapsAndLengths() throws IOException {
    EnrichedArticle article = enriched(SeedArticles.CRACKDOWN);
    JsonNode stored = TREE.readTree(json.write(article));

    JsonNode mention = stored.path("enrichment").path("actors").path(0).path("mentions").path(0);
    Mention first = article.enrichment().actors().get(0).mentions().get(0);
    assertEquals(2, mention.size(), mention.toString());
    assertEquals(first.start(), mention.path(0).intValue());
    assertEquals(first.end() - first.start(), mention.path(1).intValue());

    JsonNode spans = stored.path("enrichment").path("hedging").path("sentenceSpans");
    List<Span> written = article.enrichment().hedging().sentenceSpans();
    assertEquals(written.size(), spans.size());
    assertEquals(written.get(1).start() - written.get(0).end(), spans.path(1).path(0).intValue());
    assertEquals(written.get(1).end() - written.get(1).start(), spans.path(1).path(1).intValue());
  }

  @Test
  void sentenceSpansOutOfTextOrderReadBackAsWritten() {
    EnrichedArticle article = enriched(SeedArticles.CRACKDOWN);
    org.morgue.article.Hedging hedging = article.enrichment().hedging();
    List<Span> reversed = new ArrayList<>(hedging.sentenceSpans());
    java.util.Collections.reverse(reversed);
    EnrichedArticle shuffled = new EnrichedArticle(article.article(), new org.morgue.article.Enrichment(
        article.enrichment().actors(), article.enrichment().themes(), new org.morgue.article.Hedging(
            hedging.score(), hedging.level(), hedging.sentences(), hedging.hedgedSentences(), reversed, hedging.cues())));
    assertEquals(shuffled, json.read(json.write(shuffled), article.article().body()));
  }

  @Test
  void articlesStoredBeforeTheLeanFormStillReadBack() throws IOException {
    for (EnrichedArticle article : corpus.subList(0, 40)) {
      ObjectNode stored = (ObjectNode) TREE.readTree(json.write(article));
      String text = article.article().text();
      for (JsonNode actor : stored.path("enrichment").path("actors")) {
        ((ObjectNode) actor).set("mentions", mentionsAsObjects(actor.path("mentions"), text));
      }
      ArrayNode spans = TREE.createArrayNode();
      for (Span span : article.enrichment().hedging().sentenceSpans()) {
        spans.addObject().put("start", span.start()).put("end", span.end());
      }
      ((ObjectNode) stored.path("enrichment").path("hedging")).set("sentenceSpans", spans);
      List<Cue> cues = article.enrichment().hedging().cues();
      for (int i = 0; i < cues.size(); i++) {
        ObjectNode cue = (ObjectNode) stored.path("enrichment").path("hedging").path("cues").path(i);
        cue.remove("length");
        cue.put("text", cues.get(i).text()).put("end", cues.get(i).end()).put("sentence", cues.get(i).sentence())
            .put("quoted", cues.get(i).quoted());
      }
      List<Block> blocks = article.article().blocks();
      for (int i = 0; i < blocks.size(); i++) {
        ((ObjectNode) stored.path("article").path("blocks").path(i)).put("length", blocks.get(i).text().length());
      }

      assertEquals(article, json.read(TREE.writeValueAsBytes(stored), article.article().body()), article.article().id());
    }
  }

  @Test
  void cuesAreStoredWithoutTheWordsAndSentenceTheTextAndSpansGive() throws IOException {
    int cuesStored = 0;
    for (EnrichedArticle article : corpus) {
      JsonNode cues = TREE.readTree(json.write(article)).path("enrichment").path("hedging").path("cues");
      assertEquals(article.enrichment().hedging().cues().size(), cues.size());
      for (JsonNode cue : cues) {
        assertFalse(cue.has("text") || cue.has("sentence"), article.article().id() + ": " + cue);
        cuesStored++;
      }
    }
    assertTrue(cuesStored > 1000, cuesStored + " cues in the shipped corpus");
  }

  @Test
  void aCueTheTextOrSpansDoNotGiveKeepsItsWordsAndSentence() throws IOException {
    EnrichedArticle article = enriched(SeedArticles.KILL_CLAIMS);
    org.morgue.article.Hedging hedging = article.enrichment().hedging();
    Cue first = hedging.cues().get(0);
    List<Cue> cues = new ArrayList<>(hedging.cues());
    cues.set(0, new Cue(first.kind(), first.category(), first.text().toUpperCase(java.util.Locale.ROOT) + "!",
        first.start(), first.end(), first.sentence() + 1, first.quoted()));
    EnrichedArticle odd = new EnrichedArticle(article.article(), new org.morgue.article.Enrichment(
        article.enrichment().actors(), article.enrichment().themes(), new org.morgue.article.Hedging(
            hedging.score(), hedging.level(), hedging.sentences(), hedging.hedgedSentences(), hedging.sentenceSpans(), cues)));

    JsonNode stored = TREE.readTree(json.write(odd)).path("enrichment").path("hedging").path("cues").path(0);
    assertEquals(cues.get(0).text(), stored.path("text").asText());
    assertEquals(first.sentence() + 1, stored.path("sentence").intValue());
    assertEquals(odd, json.read(json.write(odd), article.article().body()));
  }

  @Test
  void mentionsStoredAsStartAndEndWithoutTheirWordsStillReadBack() throws IOException {
    for (EnrichedArticle article : corpus.subList(0, 40)) {
      ObjectNode stored = (ObjectNode) TREE.readTree(json.write(article));
      for (JsonNode actor : stored.path("enrichment").path("actors")) {
        ((ObjectNode) actor).set("mentions", mentionsAsObjects(actor.path("mentions"), null));
      }
      assertEquals(article, json.read(TREE.writeValueAsBytes(stored), article.article().body()), article.article().id());
    }
  }

  /** Mentions in the earlier stored forms: {@code {start, end}}, with their words when text is given. */
  private static ArrayNode mentionsAsObjects(JsonNode mentions, String text) {
    ArrayNode objects = TREE.createArrayNode();
    for (JsonNode mention : mentions) {
      int start = mention.path(0).intValue();
      int end = start + mention.path(1).intValue();
      ObjectNode object = objects.addObject().put("start", start).put("end", end);
      if (text != null) {
        object.put("text", text.substring(start, end));
      }
    }
    return objects;
  }

  @Test
  void aMentionOutsideTheTextIsAnError() throws IOException {
    EnrichedArticle article = enriched(SeedArticles.KILL_CLAIMS);
    ObjectNode stored = (ObjectNode) TREE.readTree(json.write(article));
    ((ArrayNode) stored.path("enrichment").path("actors").path(0).path("mentions").path(0))
        .set(1, TREE.getNodeFactory().numberNode(article.article().text().length() + 1));
    byte[] broken = TREE.writeValueAsBytes(stored);
    assertThrows(UncheckedIOException.class, () -> json.read(broken, article.article().body()));
  }

  @Test
  void aHeadlineAloneIsStoredAndReadBackWithNoHedgingLevel() throws IOException {
    EnrichedArticle headline = enricher.enrich(new Article("harbour", "Harbour bridge may reopen, officials say", List.of(),
        java.util.Optional.empty(), "test", java.util.Optional.empty(), List.of(), "test"));
    byte[] stored = json.write(headline);
    assertFalse(TREE.readTree(stored).path("enrichment").path("hedging").path("level").isTextual(), "no level stored");
    assertEquals(headline, json.read(stored, ""));
    assertEquals(java.util.Optional.empty(), json.readSummary(stored, "").hedging());
    // Stored by an earlier Morgue, which called it low: read as it was written, until it is indexed again.
    ObjectNode earlier = (ObjectNode) TREE.readTree(stored);
    ((ObjectNode) earlier.path("enrichment").path("hedging")).put("level", "low");
    assertEquals(java.util.Optional.of(org.morgue.article.HedgeLevel.LOW),
        json.readSummary(TREE.writeValueAsBytes(earlier), "").hedging());
  }

  @Test
  void aSummaryHasTheArticleAndTheNamesOfWhatItsEnrichmentFound() {
    EnrichedArticle article = enriched(SeedArticles.CRACKDOWN);
    assertFalse(article.enrichment().actors().isEmpty(), "the seed article names actors");

    ArticleSummary summary = json.readSummary(json.write(article), article.article().body());

    assertEquals(article.article(), summary.article());
    assertEquals(article.enrichment().actors().stream()
        .map(actor -> new ArticleSummary.NamedActor(actor.name(), actor.type())).toList(), summary.actors());
    assertEquals(article.enrichment().themes().stream().map(Theme::name).toList(), summary.themes());
    assertEquals(article.enrichment().hedging().level(), summary.hedging());
  }

  @Test
  void blocksAreStoredWithoutTheLengthsTheBodyGives() throws IOException {
    int blocks = 0;
    for (EnrichedArticle article : corpus) {
      JsonNode stored = TREE.readTree(json.write(article)).path("article").path("blocks");
      assertEquals(article.article().blocks().size(), stored.size());
      for (JsonNode block : stored) {
        assertFalse(block.has("length"), article.article().id() + ": " + block);
        blocks++;
      }
    }
    assertTrue(blocks > 2000, blocks + " blocks in the shipped corpus");
  }

  @Test
  void aBlockWhoseTextHoldsTheSeparatorKeepsItsLength() throws IOException {
    EnrichedArticle article = enriched(SeedArticles.KILL_CLAIMS);
    Article read = article.article();
    // Added after the article's own blocks, so that its enrichment's offsets still hold.
    List<Block> blocks = new ArrayList<>(read.blocks());
    int added = blocks.size();
    BlockKind kind = blocks.get(0).kind();
    blocks.add(new Block(kind, "First half." + Article.BLOCK_SEPARATOR + "Second half."));
    blocks.add(new Block(kind, "A line and a newline.\n"));
    blocks.add(new Block(kind, "The last words."));
    Article odd = new Article(read.id(), read.title(), blocks, read.published(), read.source(), read.url(),
        read.authors(), read.origin(), read.metadata());
    EnrichedArticle oddArticle = new EnrichedArticle(odd, article.enrichment());

    JsonNode stored = TREE.readTree(json.write(oddArticle)).path("article").path("blocks");
    assertFalse(stored.path(added - 1).has("length"));
    assertEquals(blocks.get(added).text().length(), stored.path(added).path("length").intValue());
    assertEquals(blocks.get(added + 1).text().length(), stored.path(added + 1).path("length").intValue());
    assertFalse(stored.path(added + 2).has("length"));
    assertEquals(odd, json.read(json.write(oddArticle), odd.body()).article());
  }

  @Test
  void cuesAreStoredAsStartAndLengthAndQuotedOnlyWhenTrue() throws IOException {
    int quoted = 0;
    for (EnrichedArticle article : corpus) {
      JsonNode cues = TREE.readTree(json.write(article)).path("enrichment").path("hedging").path("cues");
      List<Cue> written = article.enrichment().hedging().cues();
      for (int i = 0; i < written.size(); i++) {
        JsonNode cue = cues.path(i);
        assertFalse(cue.has("end"), article.article().id() + ": " + cue);
        assertEquals(written.get(i).end() - written.get(i).start(), cue.path("length").intValue());
        assertEquals(written.get(i).quoted(), cue.has("quoted"), article.article().id() + ": " + cue);
        quoted += written.get(i).quoted() ? 1 : 0;
      }
    }
    assertTrue(quoted > 0, "the shipped corpus has quoted cues");
  }

  @Test
  void aBodyShorterThanItsStoredBlocksIsAnError() {
    EnrichedArticle article = enriched(SeedArticles.KILL_CLAIMS);
    byte[] stored = json.write(article);
    String shortBody = article.article().body().substring(0, 10);
    assertThrows(UncheckedIOException.class, () -> json.read(stored, shortBody));
    assertThrows(UncheckedIOException.class, () -> json.readSummary(stored, shortBody));
  }
}
