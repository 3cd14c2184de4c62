package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

class Rcv1NewsMlFormatTest {
  private final Rcv1NewsMlFormat format = new Rcv1NewsMlFormat();

  private static Path resource(String name) {
    return RecordingSink.resource("formats/rcv1/" + name);
  }

  private RecordingSink read(Path file) throws IOException {
    return RecordingSink.read(format, file);
  }

  private Article single(String name) throws IOException {
    return RecordingSink.single(format, resource(name));
  }

  @Test
  void latinOneItemHasHeadlineBylineCodesAndLede() throws IOException {
    Article article = single("900001newsML.xml");

    assertEquals("rcv1-900001", article.id());
    assertEquals("Venezuela central bank holds rates as inflation slows.", article.title());
    assertEquals(List.of("José Ramírez"), article.authors(), "ISO-8859-1 decoded as declared");
    assertEquals(Optional.of(LocalDate.of(1996, 9, 3)), article.published());
    assertEquals("Reuters (RCV1)", article.source());
    assertEquals(List.of("VEN"), article.metadata().get("countries"));
    assertEquals(List.of("E12", "ECAT", "M13", "MCAT"), article.metadata().get("topics"));
    assertEquals(List.of("CARACAS 1996-09-03"), article.metadata().get("dateline"));
    assertEquals(List.of("en"), article.metadata().get("language"));
    assertEquals(List.of("(c) Reuters Limited 1996"), article.metadata().get("copyright"));
    assertEquals(List.of("Caracas newsroom, 582 2 834 4433"), article.metadata().get("newsroom"));
    assertFalse(article.metadata().containsKey("industries"));

    assertEquals(3, article.blocks().size(), "the newsroom contact line is not part of the story");
    assertEquals(new Block(BlockKind.LEDE,
        "Venezuela's central bank left its benchmark lending rate unchanged on Tuesday, saying monthly "
            + "inflation had slowed for a third straight month since the government freed the exchange rate in April."),
        article.blocks().get(0));
    assertEquals(new Block(BlockKind.PARAGRAPH,
        "\"We want to see the trend confirmed before we move,\" a bank official told reporters, adding that "
            + "the bolivar had held steady against the dollar in recent weeks."),
        article.blocks().get(1));
  }

  @Test
  void itemWithIndustriesKeepsAllThreeCodeLists() throws IOException {
    Article article = single("900002newsML.xml");

    assertEquals("rcv1-900002", article.id());
    assertEquals("Ohio regional bank agrees to buy Indiana thrift.", article.title());
    assertEquals(List.of("Mark Ellison"), article.authors());
    assertEquals(Optional.of(LocalDate.of(1997, 2, 11)), article.published());
    assertEquals(List.of("USA"), article.metadata().get("countries"));
    assertEquals(List.of("C18", "C181", "CCAT"), article.metadata().get("topics"));
    assertEquals(List.of("I81402"), article.metadata().get("industries"));
    assertEquals(3, article.blocks().size());
    assertEquals(BlockKind.LEDE, article.blocks().get(0).kind());
  }

  @Test
  void emptyHeadlineFallsBackToTheTitleWithoutItsCountrySlug() throws IOException {
    Article article = single("900003newsML.xml");

    assertEquals("Colombia, Venezuela agree on border security talks.", article.title());
    assertEquals(List.of(), article.authors());
    assertEquals(List.of("COL", "VEN"), article.metadata().get("countries"));
    assertEquals(List.of("G15", "GCAT", "GDIP"), article.metadata().get("topics"));
    assertEquals(2, article.blocks().size());
  }

  @Test
  void itemWithADayThatDoesNotExistIsKeptUndatedAndSaid(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("900004newsML.xml");
    Files.writeString(file, Files.readString(resource("900002newsML.xml"))
        .replace("itemid=\"900002\" id=\"root\" date=\"1997-02-11\"", "itemid=\"900004\" id=\"root\" date=\"1997-02-31\""));

    RecordingSink sink = read(file);

    assertEquals(List.of(), sink.rejected);
    Article item = sink.articles.get(0);
    assertEquals("rcv1-900004", item.id());
    assertEquals(Optional.empty(), item.published());
    assertEquals(List.of("1997-02-31"), item.metadata().get("published_as_written"));
    assertEquals(List.of(new ReadWarning(file + "#1", "date '1997-02-31' names a day that does not exist; indexed undated")),
        sink.warnings);
  }

  @Test
  void standardFormatsReadBothNewswires() {
    RecordingSink sink = new RecordingSink();
    ArticleFiles files = ArticleFiles.standard();
    files.read(resource("900002newsML.xml"), sink);
    files.read(resource("900002newsML.xml").getParent().resolveSibling("reuters/reut-00054.xml"), sink);

    assertEquals(List.of(), sink.rejected);
    assertEquals(List.of("rcv1-900002", "reuters-497"), sink.articles.stream().map(Article::id).toList());
  }

  @Test
  void neitherNewswireClaimsOtherXml(@TempDir Path dir) throws IOException {
    Path rss = dir.resolve("feed.xml");
    Files.writeString(rss, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Wire: newsitem digest</title>
        <item><title>Reuters newsitem</title><description>&lt;newsitem&gt; and &lt;REUTERS&gt;</description></item>
        </channel></rss>
        """);
    Path atom = dir.resolve("atom.xml");
    Files.writeString(atom, """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>REUTERS</title>
        <entry><title>NewsML items</title><content type="html">&lt;p&gt;LEWIS&lt;/p&gt;</content></entry></feed>
        """);
    Path rcv1AsText = dir.resolve("item.txt");
    Files.writeString(rcv1AsText, "<newsitem itemid=\"1\">");

    for (Path file : List.of(rss, atom)) {
      ArticleInput input = ArticleInput.of(file);
      assertFalse(format.accepts(input), file.toString());
      assertFalse(new Reuters21578Format().accepts(input), file.toString());
    }
    assertFalse(format.accepts(ArticleInput.of(rcv1AsText)));
    assertFalse(new Reuters21578Format().accepts(ArticleInput.of(resource("900001newsML.xml"))));
  }
}
