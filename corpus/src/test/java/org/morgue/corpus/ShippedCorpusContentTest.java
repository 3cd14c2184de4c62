package org.morgue.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/** The converted collections read back as the corpus README says they were converted. */
class ShippedCorpusContentTest {
  private static final List<Article> ARTICLES = new ArrayList<>();
  private static Map<String, Article> byId;

  @BeforeAll
  static void readCorpus() throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    List<MalformedArticleException> rejected = new ArrayList<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        ARTICLES.add(article);
      }

      @Override
      public void reject(MalformedArticleException problem) {
        rejected.add(problem);
      }
    };
    for (Path file : files.files(List.of(ShippedCorpusTest.CORPUS))) {
      files.read(file, sink);
    }
    assertEquals(List.of(), rejected);
    byId = ARTICLES.stream().collect(Collectors.toMap(Article::id, Function.identity()));
  }

  @Test
  void holdsEveryAddressEverySampleAndTheSeedArticlesOnceEach() {
    assertEquals(ARTICLES.size(), byId.size(), "ids are unique");
    assertEquals(
        Map.of("State of the Union", 233L, "Brown Corpus (1961)", 44L, "seed-articles", 2L),
        new TreeMap<>(ARTICLES.stream().collect(Collectors.groupingBy(Article::source, Collectors.counting()))));
  }

  @Test
  void addressesCarryTheirPresidentDateAndPrecision() {
    Article washington = byId.get("sotu-1790-washington");
    assertEquals("George Washington: State of the Union, December 8, 1790", washington.title());
    assertEquals(Optional.of(LocalDate.of(1790, 12, 8)), washington.published());
    assertEquals(List.of("George Washington"), washington.authors());
    assertEquals(List.of("day"), washington.metadata().get("date_precision"));
    assertFalse(washington.metadata().containsKey("party"), "Washington's 'none' is not a party");
    assertEquals("Fellow-Citizens of the Senate and House of Representatives:", washington.blocks().get(0).text());

    Article jackson = byId.get("sotu-1835-jackson");
    assertEquals("Andrew Jackson: State of the Union, 1835", jackson.title());
    assertEquals(Optional.of(LocalDate.of(1835, 1, 1)), jackson.published());
    assertEquals(List.of("year"), jackson.metadata().get("date_precision"));
    assertEquals(List.of("Democratic"), jackson.metadata().get("party"));

    assertEquals(Optional.of(LocalDate.of(1953, 1, 7)), byId.get("sotu-1953-truman").published());
    assertEquals(Optional.of(LocalDate.of(1953, 2, 2)), byId.get("sotu-1953-eisenhower").published());
    assertEquals(List.of("William McKinley"), byId.get("sotu-1897-mckinley").authors());
    assertEquals(List.of("Chester A. Arthur"), byId.get("sotu-1881-arthur").authors());
    assertTrue(byId.containsKey("sotu-1837-van-buren"));

    Article fourFreedoms = byId.get("sotu-1941-roosevelt");
    assertEquals("Franklin D. Roosevelt: State of the Union, January 6, 1941", fourFreedoms.title());
    assertTrue(fourFreedoms.blocks().stream().map(Block::text).anyMatch(text -> text.contains(
        "In the future days, which we seek to make secure, we look forward to a world founded upon four"
            + " essential human freedoms.")));
  }

  @Test
  void addressesAreCutIntoParagraphsOfWholeSentences() {
    for (Article article : ARTICLES) {
      if (!article.source().equals("State of the Union")) {
        continue;
      }
      assertTrue(article.blocks().size() >= 5, article.id() + " has " + article.blocks().size() + " blocks");
      // Cuts fall only at sentence ends (the last block ends where the text does, tables and all).
      for (Block block : article.blocks().subList(0, article.blocks().size() - 1)) {
        assertTrue(block.text().matches("(?s).*([.!?][\"')\\]’”]*|:)$"), article.id() + " cut mid-sentence: " + block.text());
      }
    }
  }

  @Test
  void brownSamplesAreDetaggedPrintText() {
    Article first = byId.get("brown-ca01");
    assertEquals("Brown Corpus A01: The Fulton County Grand Jury said Friday an…", first.title());
    assertEquals(Optional.of(LocalDate.of(1961, 1, 1)), first.published());
    assertEquals(List.of("year"), first.metadata().get("date_precision"));
    assertEquals(List.of("A01"), first.metadata().get("brown_sample"));
    assertEquals(
        "The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election"
            + " produced \"no evidence\" that any irregularities took place.",
        first.blocks().get(0).text());
    // A headline inside the sample is a paragraph of its own, not the start of the next sentence.
    assertTrue(first.blocks().stream().map(Block::text).anyMatch("Merger proposed"::equals));
    for (Article sample : ARTICLES) {
      if (sample.source().equals("Brown Corpus (1961)")) {
        assertFalse(sample.body().matches("(?s).*\\w/(at|nn|np|in|vbd|jj)\\b.*"), sample.id() + " keeps a word/tag token");
      }
    }
  }
}
