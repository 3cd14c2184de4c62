package org.morgue.server.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.morgue.article.Article;
import org.morgue.article.ArticleSummary;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedTime;
import org.morgue.search.Story;
import org.morgue.server.http.PathSegment;

/**
 * An Atom 1.0 feed (RFC 4287) of search results or of a curator's collection. The XML is written by the JDK's {@link
 * XMLStreamWriter}, which escapes text and attributes; characters XML 1.0 cannot hold at all
 * (control characters) are dropped first.
 *
 * @param id the feed's permanent id
 * @param title what the feed is about, from the query or the collection's name
 * @param subtitle more about it (a collection's description); empty for none
 * @param selfUrl the URL the feed was fetched from
 * @param siteUrl the server's root, e.g. {@code http://localhost:7070}: entries link to the page there
 * @param pageUrl the page showing what the feed lists (the search, the collection): its {@code alternate}
 * @param updated when the index (or the collection) behind the feed last changed: the feed's own {@code updated}
 */
public record AtomFeed(String id, String title, String subtitle, String selfUrl, String siteUrl, String pageUrl,
    Instant updated) {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  /** The {@code updated} of an undated article's entry: fixed, so it never moves while the article does not change. */
  public static final Instant UNDATED = Instant.EPOCH;
  private static final String ENTRY_ID_PREFIX = "urn:morgue:article:";
  private static final java.util.regex.Pattern WEB_URL = java.util.regex.Pattern.compile("(?i)https?://");
  /** The media type of Atom feeds. */
  public static final String MEDIA_TYPE = "application/atom+xml";
  /** What begins an entry's summary when a curator's note leads it. */
  public static final String NOTE_PREFIX = "Curator's note: ";

  /** A feed with no subtitle: a search's. */
  public AtomFeed(String id, String title, String selfUrl, String siteUrl, String pageUrl, Instant updated) {
    this(id, title, "", selfUrl, siteUrl, pageUrl, updated);
  }

  public AtomFeed {
    subtitle = subtitle == null ? "" : subtitle;
  }

  /** Finds the story an article is a version of (empty when the archive no longer holds it). */
  public interface Stories {
    Optional<Story> of(String articleId) throws IOException;
  }

  /**
   * Writes the feed with one entry per article, in the order given, each updated when the archive
   * took it in and linking to its story.
   */
  public void write(Writer out, List<ArticleSummary> articles, Stories stories) throws IOException {
    Writing feed = start(out);
    for (ArticleSummary article : articles) {
      feed.entry(article.article(), article.added(), "", stories.of(article.article().id()));
    }
    feed.finish();
  }

  /**
   * Starts writing the feed: its own elements now, then one entry per {@link Writing#entry} call, so a
   * long feed is never held in memory whole; {@link Writing#finish()} closes it.
   */
  public Writing start(Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", id);
      element(xml, "title", title);
      if (!subtitle.isBlank()) {
        element(xml, "subtitle", subtitle);
      }
      element(xml, "updated", updated.toString());
      link(xml, "self", selfUrl, MEDIA_TYPE);
      link(xml, "alternate", pageUrl, "text/html");
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", "Morgue");
      xml.writeEndElement();
      xml.writeStartElement(ATOM, "generator");
      xml.writeCharacters("Morgue");
      xml.writeEndElement();
      return new Writing(xml, out);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the Atom feed " + id, e);
    }
  }

  /** A feed being written: its entries, then its end. */
  public final class Writing {
    private final XMLStreamWriter xml;
    private final Writer out;

    private Writing(XMLStreamWriter xml, Writer out) {
      this.xml = xml;
      this.out = out;
    }

    /**
     * Writes the article's entry. A non-empty note (a curator's, untrusted text like the article's)
     * begins the summary ({@link AtomFeed#NOTE_PREFIX} and the note), before the article's first paragraph.
     * {@code added}: when the feed took the article in, its entry's updated (empty: the publication day).
     * {@code story}: the story it is a version of, linked so a reader of a wire feed can tell copies
     * of one story apart from new stories.
     */
    public void entry(Article article, Optional<Instant> added, String note, Optional<Story> story) throws IOException {
      try {
        AtomFeed.this.entry(xml, article, added, note == null ? "" : note.strip(), story);
      } catch (XMLStreamException e) {
        throw new IOException("cannot write the Atom feed " + id, e);
      }
    }

    /** Closes the feed and flushes; the caller closes the writer. */
    public void finish() throws IOException {
      try {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
        out.flush();
      } catch (XMLStreamException e) {
        throw new IOException("cannot write the Atom feed " + id, e);
      }
    }
  }

  private void entry(XMLStreamWriter xml, Article article, Optional<Instant> added, String note, Optional<Story> story)
      throws XMLStreamException {
    xml.writeStartElement(ATOM, "entry");
    element(xml, "id", entryId(article.id()));
    element(xml, "title", article.title());
    // The entry is news to the feed's reader when the feed took it in, not when it was first printed:
    // readers list entries by updated, and a 1961 clipping added today dated 1961 would sink out of
    // sight below everything else. Without that time (an index from before Morgue kept it), the
    // publication day; an undated article gets a fixed instant, since the index's last commit would
    // make every reader see it as changed whenever any other article is written.
    Optional<Instant> published = article.published().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    element(xml, "updated", added.or(() -> published).orElse(UNDATED).toString());
    // Atom's published is an instant: a clipping dated only to 1974 has none, and a feed reader would
    // show "1 January 1974" for it, so it is left out (it is optional) rather than made up.
    if (published.isPresent() && DatePrecision.of(article) == DatePrecision.DAY) {
      // The time of day where the source gave its offset too: RFC 3339 needs one, and a time without
      // it (Reuters-21578's) would be a guess at the zone.
      Optional<PublishedTime> time = PublishedTime.of(article).filter(given -> given.offset().isPresent());
      element(xml, "published", time.map(given -> article.published().get().atTime(given.time())
          .atOffset(given.offset().get()).toInstant()).orElse(published.get()).toString());
    }
    for (String author : article.authors()) {
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", author);
      xml.writeEndElement();
    }
    link(xml, "alternate", ReaderLink.of(siteUrl, article.id()), "text/html");
    // Only a web address is a link a reader may follow; any other scheme (javascript:, data:) is left out.
    if (article.url().filter(url -> WEB_URL.matcher(url).lookingAt()).isPresent()) {
      link(xml, "related", article.url().get(), null);
    }
    // Copies of one wire story share it: the link's address is the same for every version, so a client
    // groups entries by it, and its title says how many versions the archive holds.
    if (story.isPresent()) {
      int versions = story.get().versions().size();
      link(xml, "related", siteUrl + "/api/stories/" + PathSegment.of(story.get().id()), "application/json", "story " + story.get().id() + ": " + versions
          + (versions == 1 ? " version" : " versions"));
    }
    String lead = Lead.of(article);
    String summary = note.isEmpty() ? lead : lead.isEmpty() ? NOTE_PREFIX + note : NOTE_PREFIX + note + "\n\n" + lead;
    if (!summary.isEmpty()) {
      xml.writeStartElement(ATOM, "summary");
      xml.writeAttribute("type", "text");
      xml.writeCharacters(xmlChars(summary));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /**
   * The entry's permanent id, {@code urn:morgue:article:} and the article id with every byte of its
   * UTF-8 outside RFC 3986's unreserved characters percent-encoded: a valid URN (RFC 8141) for any
   * id, and unchanged for ids of letters, digits, {@code -}, {@code .}, {@code _} and {@code ~}.
   */
  public static String entryId(String articleId) {
    // A path segment keeps exactly the unreserved characters; FeedEndpointTest pins the id's form,
    // which must never change (readers keep it), should PathSegment's ever do.
    return ENTRY_ID_PREFIX + PathSegment.of(articleId);
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeCharacters(xmlChars(text));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    link(xml, rel, href, type, null);
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type, String title)
      throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", xmlChars(href));
    if (type != null) {
      xml.writeAttribute("type", type);
    }
    if (title != null) {
      xml.writeAttribute("title", xmlChars(title));
    }
  }

  /** The text without the characters XML 1.0 forbids, which no escaping can represent. */
  static String xmlChars(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
