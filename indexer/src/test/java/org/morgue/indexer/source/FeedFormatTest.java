package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

class FeedFormatTest {
  private final FeedFormat format = new FeedFormat();

  @Test
  void rssItemWithFullContentBecomesAStructuredArticle() {
    Path feed = FormatRun.resource("hemisphere-desk.rss.xml");
    Article article = FormatRun.read(format, feed).articles().get(0);

    assertEquals("hemisphere-desk-2026-11-4471", article.id(), "the guid is the feed's own id");
    assertEquals("Trump Escalates Venezuela Crackdown", article.title());
    assertEquals(Optional.of("https://hemisphere-desk.example/world/2026/11/trump-escalates-venezuela-crackdown"), article.url());
    assertEquals(Optional.of(LocalDate.of(2026, 11, 21)), article.published());
    assertEquals(List.of("Marisol Quintero", "Daniel Hart"), article.authors());
    assertEquals("The Hemisphere Desk: World", article.source());
    assertEquals(Map.of("categories", List.of("Venezuela", "Security"), "published_time", List.of("23:40:00-05:00")), article.metadata());
    assertEquals(feed + "#1", article.origin());
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "Washington’s pressure campaign on Venezuela just entered a more volatile phase."
                + " The reported killing of a suspected Tren de Aragua leader is not just another law-enforcement headline."),
            new Block(BlockKind.HEADING, "Why Tren de Aragua still dominates the conversation"),
            new Block(BlockKind.PARAGRAPH, "Tren de Aragua has become one of the most politically useful criminal brands in the Western Hemisphere."),
            new Block(BlockKind.QUOTE, "The political value of a strike or killing can be immediate.")),
        article.blocks(), "content:encoded wins over the description; share buttons are dropped");
  }

  @Test
  void anItemWithNeitherTitleNorTextIsRejectedByNumberAndTheRestRead() {
    Path feed = FormatRun.resource("hemisphere-desk.rss.xml");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(4, run.articles().size());
    assertEquals(List.of(feed + "#2"), run.problems().stream().map(MalformedArticleException::origin).toList());
    assertEquals(List.of("item has neither title nor text"), run.problems().stream().map(MalformedArticleException::reason).toList());
  }

  @Test
  void anItemWhoseDateCannotBeReadIsIndexedUndatedWithAWarning() {
    Path feed = FormatRun.resource("hemisphere-desk.rss.xml");
    Article blowback = FormatRun.read(format, feed).articles().get(2);

    assertEquals("Regional Blowback Risk", blowback.title());
    assertEquals(Optional.empty(), blowback.published());
    assertEquals(List.of(new ReadWarning(feed + "#4", "published date 'the Monday after Thanksgiving' does not parse; indexed undated")),
        FormatRun.read(format, feed).warnings());
  }

  @Test
  void anItemWhoseOnlyTextIsASummaryCutShortIsIndexedWithAWarning() {
    // A WordPress feed gives a teaser for some items: the archive must not pass it off as the story.
    Path feed = FormatRun.resource("teaser-desk.rss");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(4, run.articles().size(), "every item is kept");
    assertEquals(List.of(new ReadWarning(feed + "#2", FeedFormat.CUT_SHORT), new ReadWarning(feed + "#3", FeedFormat.CUT_SHORT)),
        run.warnings(), "not the item whose full content the feed carries, nor the whole short item");
    assertTrue(run.articles().get(0).body().contains("little appetite for nuance"), "content:encoded, the whole text");
  }

  @Test
  void rssDatesAreReadAsAFeedReaderReadsThem() {
    Path feed = FormatRun.resource("wire-1961.rss");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(List.of(), run.problems());
    assertEquals(
        List.of(Optional.of(LocalDate.of(1961, 5, 4)), Optional.of(LocalDate.of(1961, 5, 5)), Optional.of(LocalDate.of(2002, 5, 2)),
            Optional.empty()),
        run.articles().stream().map(Article::published).toList(),
        "a wrong weekday is ignored; 61 is 1961 and 02 is 2002; a date typed by hand leaves the story undated");
    assertEquals("gazette-1961-05-25-moon", run.articles().get(3).id(), "the undated story is still indexed");
    assertEquals(List.of(new ReadWarning(feed + "#4", "published date 'late May, 1961 (exact date unknown)' does not parse; indexed undated")),
        run.warnings());
  }

  @Test
  void rssDescriptionIsTheTextWhenThereIsNoFullContent() {
    Article article = FormatRun.read(format, FormatRun.resource("hemisphere-desk.rss.xml")).articles().get(1);

    assertEquals("US Military Kill Claims Raise the Stakes", article.title());
    assertEquals(List.of("Renata Vidal"), article.authors(), "the name in brackets after the e-mail address");
    assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), article.published());
    assertEquals(ArticleIds.fromUrl("https://hemisphere-desk.example/world/2026/11/us-military-kill-claims"), article.id(),
        "no guid: the id comes from the link");
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "The reported US military kill of a Tren de Aragua leader is not just another headline. It is a signal flare."),
            new Block(BlockKind.PARAGRAPH, "Washington is moving from rhetoric to force.")),
        article.blocks());
  }

  @Test
  void rssItemWithoutTitleIsHeadedByItsFirstSentence() {
    Article article = FormatRun.read(format, FormatRun.resource("hemisphere-desk.rss.xml")).articles().get(3);

    assertEquals("Expect more rhetoric about criminal infiltration, more emphasis on border enforcement, and more attempts"
        + " to connect…", article.title(), "cut at the last word within 120 characters");
    assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), article.published(), "zone names like EST are read");
    assertEquals(Optional.empty(), article.url());
    assertTrue(article.id().startsWith("text-"));
  }

  @Test
  void atomEntriesReadHtmlXhtmlAndTextContent() {
    Path feed = FormatRun.resource("southern-wire.atom");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(List.of(), run.problems());
    assertEquals(3, run.articles().size());

    Article html = run.articles().get(0);
    assertEquals("tag:southern-wire.example,2026-11-22:/us-military-kill-claims", html.id());
    assertEquals("US Military Kill Claims Raise the Stakes", html.title());
    assertEquals(Optional.of("https://www.southern-wire.example/2026/11/22/us-military-kill-claims"), html.url());
    assertEquals(Optional.of(LocalDate.of(2026, 11, 22)), html.published(), "published, not updated");
    assertEquals(List.of("Renata Vidal"), html.authors());
    assertEquals("Southern Wire", html.source());
    assertEquals(Map.of("categories", List.of("Latin America"), "published_time", List.of("18:30:00Z")), html.metadata());
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "The reported US military kill of a Tren de Aragua leader is not just another headline"
                + " in the long, ugly catalog of transnational crime crackdowns."),
            new Block(BlockKind.HEADING, "Why the US military move matters now"),
            new Block(BlockKind.LIST_ITEM, "The reported strike marks a more aggressive US posture against Tren de Aragua.")),
        html.blocks(), "the full content, not the summary");

    Article xhtml = run.articles().get(1);
    assertEquals("Q&A: What the Tren de Aragua strike means", xhtml.title());
    assertEquals(Optional.of("https://www.southern-wire.example/2026/11/23/qa"), xhtml.url());
    assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), xhtml.published(), "no published: updated");
    assertEquals(List.of("Southern Wire staff"), xhtml.authors(), "an entry without authors takes the feed's");
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "That is why the reported use of military force is such a turning point."),
            new Block(BlockKind.QUOTE, "When a state uses military force against a criminal network, the operation is never just tactical.")),
        xhtml.blocks());

    Article text = run.articles().get(2);
    assertEquals(Optional.empty(), text.url());
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "A gang with a recognizable brand can inspire affiliates, copycats, and local operators."),
            new Block(BlockKind.PARAGRAPH, "That creates a problem for intelligence agencies and prosecutors alike.")),
        text.blocks(), "plain text splits into paragraphs at blank lines");
  }

  @Test
  void rss10ItemsReadWithDublinCoreAndDcmiTermsAuthorsAndDates() {
    Path feed = FormatRun.resource("county-record.rdf");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(List.of(), run.problems());
    assertEquals(List.of(), run.warnings());
    assertEquals(2, run.articles().size());
    Article library = run.articles().get(0);
    assertEquals("Library Restores Sunday Hours", library.title());
    assertEquals("The County Record: News", library.source());
    assertEquals(Optional.of("https://county-record.example/news/2026/02/library-hours"), library.url());
    assertEquals(ArticleIds.fromUrl("https://county-record.example/news/2026/02/library-hours"), library.id());
    assertEquals(List.of("Priya Raman"), library.authors(), "dc:creator");
    assertEquals(Optional.of(LocalDate.of(2026, 2, 14)), library.published(), "dc:date as written, not the UTC date (the 15th)");
    assertEquals(Map.of("categories", List.of("Libraries"), "published_time", List.of("22:10:00-06:00")), library.metadata(), "dc:subject");
    assertEquals(
        List.of(
            new Block(BlockKind.LEDE, "The county library will open on Sundays again from March, the board decided on Saturday."),
            new Block(BlockKind.PARAGRAPH, "Volunteers from the Friends of the Library will staff the reading room.")),
        library.blocks(), "content:encoded wins over the description");

    Article bridge = run.articles().get(1);
    assertEquals(List.of("Tom Okafor"), bridge.authors(), "dcterms:creator");
    assertEquals(Optional.of(LocalDate.of(2026, 2, 16)), bridge.published(), "dcterms:issued");
    assertEquals(List.of(new Block(BlockKind.LEDE, "The Mill Street bridge will close for six weeks while crews replace its deck.")),
        bridge.blocks());
  }

  @Test
  void prefixedAtomIsReadLikeAtom() {
    Path feed = FormatRun.resource("harbour-desk.atom");
    FormatRun run = FormatRun.read(format, feed);

    assertEquals(List.of(), run.problems());
    assertEquals(2, run.articles().size());
    Article dredging = run.articles().get(0);
    assertEquals("tag:harbour-desk.example,2026-04-01:/dredging", dredging.id());
    assertEquals("Night Dredging Begins in Main Channel", dredging.title());
    assertEquals("Harbour Desk", dredging.source());
    assertEquals(Optional.of("https://harbour-desk.example/2026/04/01/dredging"), dredging.url());
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), dredging.published(), "published as written, not updated");
    assertEquals(List.of("Alan Petrie"), dredging.authors());
    assertEquals(Map.of("categories", List.of("Port and shipping"), "published_time", List.of("23:15:00+01:00")), dredging.metadata());
    assertEquals(List.of(new Block(BlockKind.LEDE,
        "Contractors began dredging the main channel at night on Wednesday, the first of twenty weeks of work.")), dredging.blocks());

    Article ferry = run.articles().get(1);
    assertEquals(List.of("Morag Lennox"), ferry.authors(), "dcterms:creator before the feed's author");
    assertEquals(Optional.of(LocalDate.of(2026, 4, 2)), ferry.published(), "dcterms:created");
    assertEquals(Optional.of("https://harbour-desk.example/2026/04/02/ferry"), ferry.url());
    assertEquals(List.of(new Block(BlockKind.LEDE,
        "The early ferry will leave at 6.40 a.m. instead of 6.15 a.m. while the channel is dredged.")), ferry.blocks());
  }

  @Test
  void feedsAreRecognisedByTheirRootElementNotTheirName(@TempDir Path dir) throws IOException {
    Path reuters = dir.resolve("reut2-000.xml");
    Files.writeString(reuters, "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\"><TITLE>Cocoa</TITLE></REUTERS>");
    Path newsml = dir.resolve("2286newsML.xml");
    Files.writeString(newsml, "<?xml version=\"1.0\" encoding=\"iso-8859-1\" ?>\n<newsitem itemid=\"2286\"></newsitem>");
    Path rss = dir.resolve("feed.xml");
    Files.writeString(rss, "\uFEFF<?xml version=\"1.0\"?>\n<!-- generator: Hugo -->\n<?xml-stylesheet href=\"rss.xsl\"?>\n<rss version=\"2.0\"><channel/></rss>");
    Path atomAsTxt = dir.resolve("feed.txt");
    Files.writeString(atomAsTxt, "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");

    assertFalse(format.accepts(ArticleInput.of(reuters)));
    assertFalse(format.accepts(ArticleInput.of(newsml)));
    assertTrue(format.accepts(ArticleInput.of(rss)));
    assertTrue(format.accepts(ArticleInput.of(FormatRun.resource("southern-wire.atom"))));
    assertFalse(format.accepts(ArticleInput.of(atomAsTxt)));
    assertTrue(format.accepts(ArticleInput.of(FormatRun.resource("county-record.rdf"))));
    assertTrue(format.accepts(ArticleInput.of(FormatRun.resource("harbour-desk.atom"))));
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET CONTENTS");
    Path feed = dir.resolve("hostile.rss");
    Files.writeString(feed, "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
        + "<rss version=\"2.0\"><channel><title>Hostile</title><item><title>Leak &xxe;</title>"
        + "<description>Nothing to see &xxe; here.</description></item></channel></rss>", StandardCharsets.UTF_8);

    FormatRun run = FormatRun.read(format, feed);

    assertEquals(1, run.articles().size());
    assertFalse(run.articles().get(0).text().contains("TOP SECRET"), run.articles().get(0).text());
  }

  @Test
  void aDateGivenAsAYearOrAMonthIsThatYearOrMonthNotLost(@TempDir Path dir) throws IOException {
    // Dublin Core recommends W3C-DTF, which allows a year or a month alone; they were indexed undated.
    Path rss = dir.resolve("archive.rss");
    Files.writeString(rss, "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<channel><title>Archive</title>"
        + "<item><title>Strike ends</title><description>The strike ended.</description><dc:date>1961</dc:date></item>"
        + "<item><title>Dam opens</title><description>The dam opened.</description><dc:date>1974-05</dc:date></item>"
        + "</channel></rss>");

    FormatRun run = FormatRun.read(format, rss);

    assertEquals(List.of(), run.warnings());
    assertEquals(List.of(Optional.of(LocalDate.of(1961, 1, 1)), Optional.of(LocalDate.of(1974, 5, 1))),
        run.articles().stream().map(Article::published).toList());
    assertEquals(List.of(List.of("year"), List.of("month")),
        run.articles().stream().map(article -> article.metadata().get("date_precision")).toList());
  }
}
