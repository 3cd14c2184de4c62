package org.morgue.server.export;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.morgue.indexer.article.Article;

/**
 * An Atom 1.0 feed (RFC 4287) of search results. The XML is written by the JDK's {@link
 * XMLStreamWriter}, which escapes text and attributes; characters XML 1.0 cannot hold at all
 * (control characters) are dropped first.
 *
 * @param id the feed's permanent id
 * @param title what the feed is about, from the query
 * @param selfUrl the URL the feed was fetched from
 * @param siteUrl the server's root, e.g. {@code http://localhost:7070}: entries link to the page there
 * @param updated when the index behind the feed last changed
 */
public record AtomFeed(String id, String title, String selfUrl, String siteUrl, Instant updated) {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  /** The media type of Atom feeds. */
  public static final String MEDIA_TYPE = "application/atom+xml";

  /** Writes the feed with one entry per article, in the order given. */
  public void write(Writer out, List<Article> articles) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", id);
      element(xml, "title", title);
      element(xml, "updated", updated.toString());
      link(xml, "self", selfUrl, MEDIA_TYPE);
      link(xml, "alternate", siteUrl + "/", "text/html");
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", "Morgue");
      xml.writeEndElement();
      xml.writeStartElement(ATOM, "generator");
      xml.writeCharacters("Morgue");
      xml.writeEndElement();
      for (Article article : articles) {
        entry(xml, article);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the Atom feed " + id, e);
    }
  }

  private void entry(XMLStreamWriter xml, Article article) throws XMLStreamException {
    xml.writeStartElement(ATOM, "entry");
    element(xml, "id", "urn:morgue:article:" + article.id());
    element(xml, "title", article.title());
    // Articles carry a publication day, not a time; an undated one is as new as the index.
    Optional<Instant> published = article.published().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    element(xml, "updated", published.orElse(updated).toString());
    if (published.isPresent()) {
      element(xml, "published", published.get().toString());
    }
    for (String author : article.authors()) {
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", author);
      xml.writeEndElement();
    }
    link(xml, "alternate", siteUrl + "/?article=" + URLEncoder.encode(article.id(), StandardCharsets.UTF_8), "text/html");
    if (article.url().isPresent()) {
      link(xml, "related", article.url().get(), null);
    }
    String lead = Lead.of(article);
    if (!lead.isEmpty()) {
      xml.writeStartElement(ATOM, "summary");
      xml.writeAttribute("type", "text");
      xml.writeCharacters(xmlChars(lead));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeCharacters(xmlChars(text));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", xmlChars(href));
    if (type != null) {
      xml.writeAttribute("type", type);
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
