package org.morgue.engine.lucene.search;

import org.morgue.search.SearchRequest;
import org.morgue.search.Snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;

/**
 * Snippets on real text: the seed articles (headings, key points, "U.S.-Venezuela") and sentences of the
 * 2000s State of the Union addresses with slashes and markup-like text.
 */
class SnippetTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  /** Sentences of the 2002-2008 addresses, and one holding markup as an article may. */
  static final String SINCE_9_11 = "For the terrorists, life since 9/11 has never been the same. "
      + "Our country is strong & getting stronger: the 24/7 effort goes on.";
  static final String MARKUP = "The clerk typed <img src=x onerror=alert(1)> into the 9/11 record, "
      + "and \"quotes\" & 'apostrophes' too.";

  @BeforeAll
  static void index() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.put(enricher.enrich(SeedArticles.article(SeedArticles.CRACKDOWN)), "f0");
      writer.put(enricher.enrich(SeedArticles.article(SeedArticles.KILL_CLAIMS)), "f1");
      writer.put(enricher.enrich(paragraphs("sotu-2006", SINCE_9_11)), "f2");
      writer.put(enricher.enrich(paragraphs("markup", MARKUP)), "f3");
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
  }

  static Article paragraphs(String id, String... paragraphs) {
    return new Article(id, id, List.of(paragraphs).stream().map(p -> new Block(BlockKind.PARAGRAPH, p)).toList(),
        Optional.of(LocalDate.of(2006, 1, 31)), "test", Optional.empty(), List.of(), "test");
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static Snippet snippet(String q, String id) throws Exception {
    return searcher.search(SearchRequest.of(q)).hits().stream().filter(h -> h.article().article().id().equals(id))
        .findFirst().orElseThrow(() -> new AssertionError(q + " does not find " + id)).snippet();
  }

  @Test
  void aSlashIsShownAsASlash() throws Exception {
    Snippet snippet = snippet("terrorists effort", "sotu-2006");
    assertEquals("For the terrorists, life since 9/11 has never been the same. Our country is strong & getting"
        + " stronger: the 24/7 effort goes on.", snippet.text());
    assertEquals(List.of(new Snippet.Part("For the ", false), new Snippet.Part("terrorists", true),
        new Snippet.Part(", life since 9/11 has never been the same. Our country is strong & getting stronger:"
            + " the 24/7 ", false), new Snippet.Part("effort", true), new Snippet.Part(" goes on.", false)),
        snippet.parts());
  }

  @Test
  void markupInArticleTextIsTextInTheParts() throws Exception {
    Snippet snippet = snippet("clerk", "markup");
    assertEquals(MARKUP, snippet.text());
    assertEquals(List.of(new Snippet.Part("The ", false), new Snippet.Part("clerk", true),
        new Snippet.Part(MARKUP.substring("The clerk".length()), false)), snippet.parts());
  }

  @Test
  void aHeadingAndTheParagraphAfterItAreSeparatedNotRunTogether() throws Exception {
    String text = snippet("\"security politics\" OR phrase", SeedArticles.CRACKDOWN).text();
    assertFalse(text.contains("security politics The phrase"), text);
    assertTrue(text.contains("driven by security politics \u00b7 The phrase Trump Venezuela policy"), text);
  }

  @Test
  void aPassageStartsAtASentenceNotInsideAWord() throws Exception {
    Snippet snippet = snippet("relations", SeedArticles.CRACKDOWN);
    String text = snippet.text();
    assertFalse(text.contains("\u2026 -Venezuela"), text);
    assertTrue(text.contains("Diplomatic effect: added strain on already fragile U.S.-Venezuela relations."), text);
    for (String q : List.of("Venezuela", "cartel", "Aragua", "strikes", "relations", "Trump")) {
      for (var hit : searcher.search(SearchRequest.of(q)).hits()) {
        String shown = hit.snippet().text();
        for (String passage : shown.split(" \u2026 |\u2026 | \u00b7 ")) {
          assertTrue(passage.isEmpty() || Character.isLetterOrDigit(passage.codePointAt(0))
              || "\"'\u201c\u2018(".indexOf(passage.charAt(0)) >= 0, q + ": a passage starts mid-word: " + shown);
        }
      }
    }
  }

  @Test
  void anArticleWithoutMatchesInItsBodyShowsItsFirstSentence() throws Exception {
    Snippet snippet = snippet("", "sotu-2006");
    assertTrue(snippet.text().startsWith("For the terrorists, life since 9/11 has never been the same."), snippet.text());
    assertTrue(snippet.parts().stream().noneMatch(Snippet.Part::marked));
  }
}
