package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Span;

class PlainTextArticleParserTest {

  private static List<String> texts(Article article, BlockKind kind) {
    return article.blocks().stream().filter(b -> b.kind() == kind).map(Block::text).toList();
  }

  @Test
  void crackdownArticleHasHeadlineLedeKeyPointsHeadingsAndQuotes() {
    Article article = SeedArticles.article(SeedArticles.CRACKDOWN);

    assertEquals("Trump Escalates Venezuela Crackdown", article.title());
    assertEquals(BlockKind.LEDE, article.blocks().get(0).kind());
    assertTrue(article.blocks().get(0).text().startsWith("Washington’s pressure campaign on Venezuela"));
    assertEquals(
        List.of(
            "The killing underscores how deeply Venezuela policy is now tied to U.S. domestic politics.",
            "Tren de Aragua remains a powerful symbol in debates over migration and organized crime.",
            "The Trump administration appears focused on deterrence, not diplomatic de-escalation.",
            "Regional blowback could complicate border enforcement and intelligence sharing.",
            "The real question is whether this changes crime, or just the political narrative around it."),
        texts(article, BlockKind.KEY_POINT));
    List<String> headings = texts(article, BlockKind.HEADING);
    assertEquals("Trump Venezuela policy is being driven by security politics", headings.get(0));
    assertTrue(headings.contains("The intelligence angle is the real story"));
    assertEquals("Why this moment matters now", headings.get(headings.size() - 1));
    assertEquals(
        List.of(
            "The political value of a strike or killing can be immediate. The strategic value is often much smaller than the headline suggests.",
            "The most effective anti-gang strategy is usually the least cinematic: shared intelligence, stable institutions, and patient pressure on money flows."),
        texts(article, BlockKind.QUOTE));
    assertTrue(texts(article, BlockKind.LIST_ITEM).contains(
        "Operational effect: possible short-term disruption inside the network."));
    // A line ending in a colon introduces a list: it is a paragraph, not a heading.
    assertTrue(texts(article, BlockKind.PARAGRAPH).contains("There are a few possible paths from here:"));
  }

  @Test
  void killClaimsArticleKeepsEveryParagraphOfTheFile() {
    String raw = SeedArticles.text(SeedArticles.KILL_CLAIMS);
    Article article = SeedArticles.article(SeedArticles.KILL_CLAIMS);

    assertEquals("US Military Kill Claims Raise the Stakes", article.title());
    assertEquals(4, texts(article, BlockKind.KEY_POINT).size());
    assertTrue(texts(article, BlockKind.HEADING).contains("The bottom line"));
    long nonBlankChunks = raw.split("\\n\\s*\\n").length - 1; // minus the headline
    long bulletLines = raw.lines().filter(l -> l.startsWith("  •")).count();
    long bulletChunks = raw.split("\\n\\s*\\n(?=  •)").length - 1;
    assertEquals(nonBlankChunks - bulletChunks + bulletLines, article.blocks().size());
    assertTrue(article.body().endsWith("watch these networks evolve from the sidelines."));
  }

  @Test
  void blockSpansPointAtTheBlocksInTheArticleText() {
    Article article = SeedArticles.article(SeedArticles.CRACKDOWN);
    String text = article.text();
    List<Span> spans = article.blockSpans();
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      assertEquals(article.blocks().get(i).text(), text.substring(span.start(), span.end()));
    }
    assertEquals(article.title(), text.substring(0, article.titleSpan().end()));
  }

  @Test
  void anEmptyFileIsRejectedWithTheReasonAHeadlineWithoutBodyIsAnArticleWithNoBlocks() throws MalformedArticleException {
    PlainTextArticleParser parser = new PlainTextArticleParser();
    MalformedArticleException empty =
        assertThrows(MalformedArticleException.class, () -> parser.parse("  \n\n", "x", "s", "a/empty.txt"));
    assertEquals("a/empty.txt", empty.origin());
    assertEquals("the file is empty", empty.reason());
    Article headlineOnly = parser.parse("Just a   headline\n", "x", "s", "b.txt");
    assertEquals("Just a headline", headlineOnly.title());
    assertEquals(List.of(), headlineOnly.blocks());
  }

  /**
   * A brief is an article though its one sentence ends on a figure (a librarian's files, session 38:
   * all these but the last two were refused as "no sentences"); a table of codes or figures is not.
   */
  @Test
  void aBriefEndingOnAFigureIsAnArticleATableOfFiguresIsNot() throws MalformedArticleException {
    PlainTextArticleParser parser = new PlainTextArticleParser();
    for (String ending : java.util.List.of("in 1961.", "by 3-1.", "to 42.", "at 8.7 metres.", "by 5%.", "on Jan. 5.",
        "in the U.S.", "by 1,204 votes to 87.")) {
      String sentence = "The council approved the measure " + ending;
      assertEquals(sentence, parser.parse("Council vote\n\n" + sentence + "\n", "x", "s", "brief.txt").blocks().get(0).text());
    }
    // A one-line brief of four or five words (a librarian's trial, session 39: refused as "no sentences").
    for (String brief : java.util.List.of("Mayor Jane Smith resigned.", "The mayor resigned on Friday.",
        "The bridge reopened on Monday.")) {
      assertEquals(brief, parser.parse("Mayor resigns\n\n" + brief + "\n", "x", "s", "brief.txt").blocks().get(0).text());
    }
    for (String table : java.util.List.of("Codes\n\nAB12 CD34 EF56 GH78 IJ90 KL12.\n",
        "Results\n\n1961 1962 1963 1964 1965 1966.\n", "Scores\n\nLeeds 3 Hull 1 York 2 Bath 0.\n")) {
      MalformedArticleException refused = assertThrows(MalformedArticleException.class,
          () -> parser.parse(table, "x", "s", "table.txt"));
      assertTrue(refused.reason().startsWith("no sentences"), refused.reason());
    }
  }
}
