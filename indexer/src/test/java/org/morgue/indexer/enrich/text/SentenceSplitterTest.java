package org.morgue.indexer.enrich.text;

import org.morgue.article.text.SentenceSplitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Span;

class SentenceSplitterTest {
  private static final SentenceSplitter SPLITTER = SentenceSplitter.fromResources();

  private static List<String> sentences(String title, String... paragraphs) {
    List<Block> blocks = java.util.Arrays.stream(paragraphs).map(p -> new Block(BlockKind.PARAGRAPH, p)).toList();
    Article article = new Article("t", title, blocks, Optional.empty(), "test", Optional.empty(), List.of(), "test");
    return SPLITTER.split(article).stream().map(s -> article.text().substring(s.start(), s.end())).toList();
  }

  @Test
  void doesNotBreakAfterTitlesOrInitials() {
    assertEquals(
        List.of("Headline",
            "Gov. Smith met the U.S. Senate and John F. Kennedy on Tuesday.",
            "Mr. Jones left early."),
        sentences("Headline", "Gov. Smith met the U.S. Senate and John F. Kennedy on Tuesday. Mr. Jones left early."));
  }

  @Test
  void aCompanyOrACountryEndingASentenceEndsIt() {
    // Issue #16's example, and the U.S. closing a sentence before "The".
    assertEquals(List.of("T", "He joined Apple Inc.", "The company said it would appeal."),
        sentences("T", "He joined Apple Inc. The company said it would appeal."));
    assertEquals(List.of("T", "The troops came back into the U.S.", "The next day they left."),
        sentences("T", "The troops came back into the U.S. The next day they left."));
    // An initial "A." is no article: "Mr. A. B. Smith" stays one name.
    assertEquals(List.of("T", "Mr. A. B. Smith of Apple Inc. Europe spoke."),
        sentences("T", "Mr. A. B. Smith of Apple Inc. Europe spoke."));
  }

  @Test
  void aTitleJoinedByAHyphenIsStillATitle() {
    // Brown Corpus A16 (1961): "the ex-Mrs. Tommy Manville", "Presbyterian-St. Luke's".
    assertEquals(List.of("T", "Pretty Sunny Ainsworth, the ex-Mrs. Tommy Manville, joined Playboy."),
        sentences("T", "Pretty Sunny Ainsworth, the ex-Mrs. Tommy Manville, joined Playboy."));
    assertEquals(List.of("T", "The Presbyterian-St. Luke's Fashion show was a success."),
        sentences("T", "The Presbyterian-St. Luke's Fashion show was a success."));
  }

  @Test
  void breaksAtQuestionsAndExclamations() {
    assertEquals(List.of("T", "Did it work?", "Nobody knows!", "The end."),
        sentences("T", "Did it work? Nobody knows! The end."));
  }

  @Test
  void titleAndEveryBlockAreSeparateSentencesWithoutSurroundingWhitespace() {
    Article article = SeedArticles.article(SeedArticles.CRACKDOWN);
    List<Span> spans = SPLITTER.split(article);
    String text = article.text();
    assertEquals("Trump Escalates Venezuela Crackdown", text.substring(spans.get(0).start(), spans.get(0).end()));
    for (int i = 1; i < spans.size(); i++) {
      assertTrue(spans.get(i - 1).end() <= spans.get(i).start(), "sentences in order and disjoint");
    }
    for (Span block : article.blockSpans()) {
      for (Span sentence : spans) {
        boolean overlaps = sentence.start() < block.end() && block.start() < sentence.end();
        assertTrue(!overlaps || (sentence.start() >= block.start() && sentence.end() <= block.end()),
            "a sentence never crosses a block boundary");
      }
    }
    for (Span sentence : spans) {
      String s = text.substring(sentence.start(), sentence.end());
      assertEquals(s.strip(), s);
    }
  }
}
