package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.PublishedTime;

class Reuters21578FormatTest {
  private final Reuters21578Format format = new Reuters21578Format();

  private static Path resource(String name) {
    return RecordingSink.resource("formats/reuters/" + name);
  }

  private RecordingSink read(Path file) throws IOException {
    return RecordingSink.read(format, file);
  }

  private Article single(String name) throws IOException {
    return RecordingSink.single(format, resource(name));
  }

  @Test
  void computerTerminalStoryHasItsIdTitleDateTagsDatelineAndParagraphs() throws IOException {
    Article article = single("reut-00001.xml");

    assertEquals("reuters-10", article.id());
    assertEquals("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE", article.title());
    assertEquals(Optional.of(LocalDate.of(1987, 2, 26)), article.published());
    assertEquals("Reuters", article.source());
    assertEquals(List.of("acq"), article.metadata().get("topics"));
    assertEquals(List.of("usa"), article.metadata().get("places"));
    assertEquals(List.of("COMMACK, N.Y., Feb 26 -"), article.metadata().get("dateline"));
    assertEquals(List.of("TRAIN"), article.metadata().get("lewissplit"));
    assertFalse(article.metadata().containsKey("people"), "empty tag lists are left out");

    List<Block> blocks = article.blocks();
    assertEquals(7, blocks.size());
    assertEquals(new Block(BlockKind.LEDE,
        "Computer Terminal Systems Inc said it has completed the sale of 200,000 shares of its common "
            + "stock, and warrants to acquire an additional one mln shares, to <Sedio N.V.> of Lugano, "
            + "Switzerland for 50,000 dlrs."), blocks.get(0));
    assertEquals(new Block(BlockKind.PARAGRAPH,
        "The company said the warrants are exercisable for five years at a purchase price of .125 dlrs per share."),
        blocks.get(1));
    assertEquals("Computer Terminal makes computer generated labels, forms, tags and ticket printers and terminals.",
        blocks.get(6).text(), "the Reuter sign-off is gone");
  }

  @Test
  void eachSampleHasItsIdTitleDatePlacesAndTopics() throws IOException {
    record Expected(String file, String id, String title, LocalDate date, List<String> places, List<String> topics) {}
    List<Expected> samples = List.of(
        new Expected("reut-00002.xml", "reuters-12", "OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET",
            LocalDate.of(1987, 2, 26), List.of("usa"), List.of("earn", "acq")),
        new Expected("reut-00007.xml", "reuters-110", "AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINNOFF",
            LocalDate.of(1987, 2, 26), List.of("usa"), List.of("acq")),
        new Expected("reut-00018.xml", "reuters-260", "NIPPON KOKAN STEEL AFFILIATES CONSIDERING MERGER",
            LocalDate.of(1987, 3, 1), List.of("japan"), List.of("acq")),
        new Expected("reut-00021.xml", "reuters-304", "SHV SAYS IT MAKING TENDER OFFER FOR IC GAS",
            LocalDate.of(1987, 3, 2), List.of("uk"), List.of("acq")),
        new Expected("reut-00048.xml", "reuters-448", "CONSOLIDATED TVX TO BUY BRAZIL GOLD MINE STAKES",
            LocalDate.of(1987, 3, 2), List.of("canada", "brazil"), List.of("gold", "acq", "platinum")),
        new Expected("reut-00050.xml", "reuters-473", "MULTI-STEP TO SELL LADDER UNIT, CANCEL SHARES",
            LocalDate.of(1987, 3, 2), List.of(), List.of("earn", "acq")),
        new Expected("reut-00054.xml", "reuters-497", "MONTEDISON CONCLUDES TALKS WITH ANTIBIOTICOS",
            LocalDate.of(1987, 3, 2), List.of("italy", "spain"), List.of("acq")));
    for (Expected expected : samples) {
      Article article = single(expected.file());
      assertEquals(expected.id(), article.id(), expected.file());
      assertEquals(expected.title(), article.title(), expected.file());
      assertEquals(Optional.of(expected.date()), article.published(), expected.file());
      assertEquals(expected.places(), article.metadata().getOrDefault("places", List.of()), expected.file());
      assertEquals(expected.topics(), article.metadata().get("topics"), expected.file());
      assertEquals(BlockKind.LEDE, article.blocks().get(0).kind(), expected.file());
      String last = article.blocks().get(article.blocks().size() - 1).text();
      assertFalse(last.toLowerCase(java.util.Locale.ROOT).endsWith("reuter")
          || last.toLowerCase(java.util.Locale.ROOT).contains("reuter..."), expected.file() + ": " + last);
    }
  }

  @Test
  void theTimeOfDayIsKeptBesideTheDate() throws IOException {
    // <DATE>26-FEB-1987 15:18:06.67</DATE>: the day is the article's date, the time its metadata's,
    // to the second and without an offset, since the collection states no zone.
    Article article = single("reut-00001.xml");

    assertEquals(Optional.of(LocalDate.of(1987, 2, 26)), article.published());
    assertEquals(List.of("15:18:06"), article.metadata().get(PublishedTime.METADATA_KEY));
    assertEquals(Optional.of(new PublishedTime(LocalTime.of(15, 18, 6), Optional.empty())), PublishedTime.of(article));
  }

  @Test
  void upperCaseSignOffWithDotsIsStripped() throws IOException {
    Article article = single("reut-00021.xml");

    assertEquals("It said a further statement would be made as soon as possible.",
        article.blocks().get(article.blocks().size() - 1).text());
  }

  @Test
  void originalSgmlFileWithDoctypeAndControlCharactersYieldsEveryRecord() throws IOException {
    RecordingSink sink = read(resource("reut2-sample.sgm"));

    assertEquals(List.of(), sink.rejected);
    assertEquals(List.of("reuters-10", "reuters-260", "reuters-12", "reuters-497"),
        sink.articles.stream().map(Article::id).toList());
    Article first = sink.articles.get(0);
    assertEquals(single("reut-00001.xml").blocks(), first.blocks(), "&#2; and &#3; leave no trace");
    assertTrue(first.origin().endsWith("reut2-sample.sgm#1"), first.origin());
    assertTrue(sink.articles.get(3).origin().endsWith("reut2-sample.sgm#4"));
    for (Article article : sink.articles) {
      assertTrue(article.text().chars().noneMatch(c -> Character.isISOControl(c) && c != '\n'), article.id());
    }
  }

  @Test
  void briefRecordKeepsItsHeadlineAsTheOnlyParagraph() throws IOException {
    Article brief = read(resource("reut2-sample.sgm")).articles.get(2);

    assertEquals("OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET", brief.title());
    assertEquals(List.of(new Block(BlockKind.PARAGRAPH, "OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET")),
        brief.blocks());
    assertEquals(List.of("BRIEF"), brief.metadata().get("text_type"));
    assertEquals(Optional.of(LocalDate.of(1987, 2, 26)), brief.published());
  }

  @Test
  void aDayThatDoesNotExistLeavesTheStoryUndatedNotOnTheMonthsLastDay(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("reut-00001.xml");
    Files.writeString(file, Files.readString(resource("reut-00001.xml")).replace("<DATE>26-FEB-1987", "<DATE>30-FEB-1987"));

    RecordingSink sink = read(file);

    assertEquals(List.of(), sink.rejected);
    assertEquals(Optional.empty(), sink.articles.get(0).published());
    assertEquals(List.of("30-FEB-1987 15:18:06.67"), sink.articles.get(0).metadata().get("published_as_written"));
    assertEquals(List.of("date '30-FEB-1987 15:18:06.67' names a day that does not exist; indexed undated"),
        sink.warnings.stream().map(ReadWarning::reason).toList());
  }

  @Test
  void lewisWrappedFileRejectsTheBrokenRecordByNumberAndReadsTheRest() throws IOException {
    RecordingSink sink = read(resource("lewis-wrapped.xml"));

    assertEquals(List.of("reuters-12", "reuters-304", "reuters-448", "reuters-110"),
        sink.articles.stream().map(Article::id).toList());
    // The record whose date does not read is kept undated, and said; the one with no text is refused.
    ReadWarning badDate = sink.warnings.get(0);
    assertTrue(badDate.origin().endsWith("lewis-wrapped.xml#2"), badDate.origin());
    assertEquals("date '2-MAR-19X7 04:52:58.27' does not parse; indexed undated", badDate.reason());
    assertEquals(Optional.empty(), sink.articles.get(1).published());
    assertEquals(1, sink.rejected.size());
    MalformedArticleException empty = sink.rejected.get(0);
    assertTrue(empty.origin().endsWith("lewis-wrapped.xml#4"), empty.origin());
    assertEquals("record NEWID=473 has no TITLE and no BODY", empty.reason());
    assertTrue(sink.articles.get(2).origin().endsWith("lewis-wrapped.xml#3"));
  }

  @Test
  void gzippedFileReadsTheSameAsThePlainOne(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("reut2-sample.sgm.gz");
    try (InputStream in = Files.newInputStream(resource("reut2-sample.sgm"));
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }

    List<Article> plain = read(resource("reut2-sample.sgm")).articles;
    List<Article> zipped = read(gz).articles;

    assertEquals(plain.size(), zipped.size());
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i).id(), zipped.get(i).id());
      assertEquals(plain.get(i).title(), zipped.get(i).title());
      assertEquals(plain.get(i).blocks(), zipped.get(i).blocks());
      assertEquals(plain.get(i).metadata(), zipped.get(i).metadata());
    }
  }

  @Test
  void xmlWithoutReutersMarkupIsLeftToOtherFormats(@TempDir Path dir) throws IOException {
    Path feed = dir.resolve("feed.xml");
    Files.writeString(feed, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Reuters: World News</title>
        <item><title>REUTERS reports</title><description>&lt;REUTERS&gt; in text</description></item>
        </channel></rss>
        """);
    Path sgmlText = dir.resolve("notes.txt");
    Files.writeString(sgmlText, "<REUTERS NEWID=\"1\">");

    assertFalse(format.accepts(ArticleInput.of(feed)));
    assertFalse(format.accepts(ArticleInput.of(sgmlText)), "only .xml, .sgm and .sgml are looked at");
  }
}
