package org.morgue.indexer.source;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * News feeds in every dialect: RSS 0.9x and 2.0 ({@code <rss><channel><item>}), RSS 1.0 ({@code
 * <rdf:RDF><item>}) and Atom ({@code <feed><entry>}, with or without a prefix such as {@code
 * atom:feed}), in files named {@code .xml}, {@code .rss}, {@code .rdf} or {@code .atom} whose root
 * element is one of those. The root decides, not the name: other formats read {@code .xml} files too.
 *
 * <p>The file is parsed leniently by jsoup (which never resolves DTDs or external entities, and
 * reads the unclosed tags real feeds carry), turned into a namespace-aware DOM, and read by ROME,
 * which knows every dialect and the Dublin Core module. What ROME normalises away is read from the
 * item's own elements by namespace: the date as written (ROME converts it to an instant, and Morgue
 * keeps the calendar date the feed wrote), the feed's own id, Atom category labels and {@code
 * dcterms:} authors and dates, which ROME does not read.
 *
 * <p>Each item or entry is an article: its title; its link as URL; its {@code guid} or Atom
 * {@code id} as the article's own id (else an id from the link, else from the content); {@code
 * pubDate} or Atom {@code published}, else {@code updated}, else {@code dc:date}, else a {@code
 * dcterms:} date as date; {@code author}, {@code dc:creator}, {@code dcterms:creator} or Atom author
 * names as bylines (an Atom or RSS 1.0 entry without authors takes the feed's); its categories and
 * {@code dc:subject}s as metadata {@code categories}. The text is the full content where the feed
 * carries it ({@code content:encoded}, Atom {@code content} of type html, xhtml or text), else the
 * {@code description} or {@code summary}, read into blocks like a page's body. The source is the
 * channel or feed title, else the folder name.
 *
 * <p>An item with neither title nor text is rejected as {@code file#n} (n counts items from 1)
 * and the rest are read. An item whose date cannot be read even leniently is indexed undated, with
 * a {@link ReadWarning} saying so, as is an item whose only text is a summary that stops short ("…",
 * "Continue reading"). An item with text but no title gets its first sentence as title,
 * since RSS allows items that are all description.
 */
public final class FeedFormat implements ArticleFormat {
  /** The first element after any XML declaration, processing instructions, comments and doctype. */
  private static final Pattern ROOT = Pattern.compile(
      "\\A\\uFEFF?\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>\\s*)*<(?:[\\w.-]+:)?(rss|feed|RDF)[\\s>/]",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

  private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
  private static final String ATOM_03 = "http://purl.org/atom/ns#";
  private static final String RSS_10 = "http://purl.org/rss/1.0/";
  private static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String DCTERMS = "http://purl.org/dc/terms/";
  /** RSS 0.9x and 2.0 elements have no namespace; RSS 1.0 and 0.90 put theirs in one. */
  private static final List<String> RSS_NAMESPACES = java.util.Arrays.asList(null, RSS_10, RSS_090);
  private static final List<String> ATOM_NAMESPACES = List.of(ATOM_10, ATOM_03);

  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
  private final PublicationDateParser dates = new PublicationDateParser();

  private enum Dialect { RSS, RDF, ATOM }

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    String name = input.name();
    return (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".rdf") || name.endsWith(".atom"))
        && ROOT.matcher(input.headText()).find();
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    Document parsed;
    try (InputStream in = input.open()) {
      // jsoup's XML parser never resolves DTDs or external entities (it has no DTD support at all),
      // so a hostile feed cannot make us read local files or fetch URLs: XXE is off by construction.
      // ROME then reads the DOM built from it, never the file.
      parsed = Jsoup.parse(in, null, "", Parser.xmlParser());
    }
    org.w3c.dom.Document dom = W3CDom.convert(parsed);
    Element root = dom.getDocumentElement();
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(dom);
    } catch (FeedException | IllegalArgumentException e) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(), "not a feed: " + e.getMessage()));
      return;
    }
    Dialect dialect = dialect(feed);
    List<Element> items = items(root, dialect);
    List<SyndEntry> entries = feed.getEntries();
    if (items.size() != entries.size()) {
      // Never seen: ROME reads the same elements. Were it to happen, matching by position would mix items up.
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(),
          "the feed's " + items.size() + " items read as " + entries.size() + " entries"));
      return;
    }
    String source = Optional.ofNullable(feed.getTitle()).map(FeedFormat::htmlToText).filter(t -> !t.isEmpty())
        .orElse(input.folderName());
    List<String> feedAuthors = dialect == Dialect.RSS ? List.of() : authors(feed.getAuthors(), dcCreators(feed.getModule(DCModule.URI)));
    for (int i = 0; i < entries.size(); i++) {
      String origin = input.origin(i + 1);
      try {
        sink.accept(article(entries.get(i), items.get(i), dialect, source, feedAuthors, origin, sink));
      } catch (MalformedArticleException e) {
        sink.reject(e);
      }
    }
  }

  private Article article(SyndEntry entry, Element item, Dialect dialect, String source, List<String> feedAuthors,
      String origin, ArticleSink sink) throws MalformedArticleException {
    Optional<String> title = Optional.ofNullable(entry.getTitle()).map(FeedFormat::htmlToText).filter(t -> !t.isEmpty());
    Text text = text(entry, dialect, title.orElse(""));
    List<Block> blocks = text.blocks();
    if (title.isEmpty() && blocks.isEmpty()) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "item has neither title nor text");
    }
    if (text.isSummary() && cutShort(blocks)) {
      sink.warn(new ReadWarning(origin, CUT_SHORT));
    }
    String headline = title.orElseGet(() -> DerivedTitles.of(blocks.get(0).text()));
    Optional<PublishedDate> date = published(dateText(item, dialect), origin, sink);
    Optional<LocalDate> published = date.map(PublishedDate::day);
    Optional<String> url = Optional.ofNullable(entry.getLink()).map(String::strip).filter(link -> !link.isEmpty());
    List<String> authors = authors(entry.getAuthors(), dcCreators(entry.getModule(DCModule.URI)), texts(item, DCTERMS, "creator"));
    if (authors.isEmpty()) {
      authors = feedAuthors;
    }
    Optional<String> ownId = (dialect == Dialect.ATOM ? text(item, ATOM_NAMESPACES, "id") : text(item, RSS_NAMESPACES, "guid"))
        .map(ArticleIds::own).filter(id -> !id.isEmpty());
    Article draft = new Article("", headline, blocks, published, source, url, authors, origin);
    String id = ownId.orElseGet(() -> url.map(ArticleIds::fromUrl).orElseGet(() -> ArticleIds.fromContent(headline, draft.body())));
    List<String> categories = categories(item, dialect);
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    if (!categories.isEmpty()) {
      metadata.put("categories", categories);
    }
    date.ifPresent(given -> given.describe(metadata));
    return new Article(id, headline, blocks, published, source, url, authors, origin, metadata);
  }

  private static Dialect dialect(SyndFeed feed) {
    String type = feed.getFeedType();
    if (type.startsWith("atom")) {
      return Dialect.ATOM;
    }
    return type.equals("rss_1.0") || type.equals("rss_0.9") ? Dialect.RDF : Dialect.RSS;
  }

  /** The item elements, in the order ROME reads them into entries. */
  private static List<Element> items(Element root, Dialect dialect) {
    return switch (dialect) {
      case ATOM -> children(root, ATOM_NAMESPACES, "entry");
      case RDF -> children(root, RSS_NAMESPACES, "item");
      case RSS -> children(root, RSS_NAMESPACES, "channel").stream().findFirst()
          .map(channel -> children(channel, RSS_NAMESPACES, "item")).orElse(List.of());
    };
  }

  /**
   * The date as the item writes it: ROME's dates are instants, converted from the feed's own zone,
   * and Morgue keeps the calendar date the feed wrote.
   */
  private static Optional<String> dateText(Element item, Dialect dialect) {
    Optional<String> own = dialect == Dialect.ATOM
        ? text(item, ATOM_NAMESPACES, "published").or(() -> text(item, ATOM_03, "issued")).or(() -> text(item, ATOM_NAMESPACES, "updated"))
            .or(() -> text(item, ATOM_03, "modified"))
        : text(item, RSS_NAMESPACES, "pubDate");
    return own.or(() -> text(item, DC, "date"))
        .or(() -> text(item, DCTERMS, "issued"))
        .or(() -> text(item, DCTERMS, "created"))
        .or(() -> text(item, DCTERMS, "date"))
        .or(() -> text(item, DCTERMS, "modified"));
  }

  /**
   * The item's date, or none with a warning when it cannot be read: a feed item is news whether or
   * not its template wrote a date a machine can read, so it is indexed undated rather than lost.
   */
  private Optional<PublishedDate> published(Optional<String> dateText, String origin, ArticleSink sink) {
    if (dateText.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(dates.parse(dateText.get(), origin));
    } catch (MalformedArticleException e) {
      sink.warn(new ReadWarning(origin, e.reason() + "; indexed undated"));
      return Optional.empty();
    }
  }

  /** An item's text, and whether it is the description or summary that stands in for the full text. */
  private record Text(List<Block> blocks, boolean isSummary) {}

  /** The full content when the feed carries it, else the description or summary. */
  private Text text(SyndEntry entry, Dialect dialect, String title) {
    List<SyndContent> bodies = new ArrayList<>(entry.getContents());
    int contents = bodies.size();
    if (entry.getDescription() != null) {
      bodies.add(entry.getDescription());
    }
    for (int i = 0; i < bodies.size(); i++) {
      SyndContent body = bodies.get(i);
      if (body.getValue() == null || body.getValue().isBlank()) {
        continue; // Atom content with src points elsewhere; there is nothing here to read.
      }
      List<Block> blocks = extractor.blocks(asHtml(body, dialect), title);
      if (!blocks.isEmpty()) {
        return new Text(blocks, i >= contents);
      }
    }
    return new Text(List.of(), false);
  }

  /**
   * Said of an item whose feed gives a teaser for its text. The article is kept (its title, date and
   * link are worth finding), but a librarian who thinks the archive holds the story would be wrong;
   * the page itself (HTML or a WARC of it) gives the full text, under the same URL.
   */
  static final String CUT_SHORT = "the feed gives only a summary that stops short (it ends in '…' or 'read more');"
      + " indexed as that summary: index the article's page for its full text";

  /**
   * How feeds end a teaser: an ellipsis, WordPress's "[…]", "(more…)", or a "Continue reading" /
   * "Read more" link, alone in its block or at the end of the last one.
   */
  private static final Pattern TEASER_END = Pattern.compile(
      "(?:…|\\.\\.\\.|\\[\\s*(?:…|\\.\\.\\.)\\s*\\]|\\((?:more|read more)\\s*(?:…|\\.\\.\\.)?\\)"
          + "|(?i:continue reading|read more|read the full (?:story|article)|full story)\\b[^.!?]{0,120}?)\\s*[»→>]*\\s*$");

  private static boolean cutShort(List<Block> blocks) {
    return !blocks.isEmpty() && TEASER_END.matcher(blocks.getLast().text().strip()).find();
  }

  /**
   * A feed text as an HTML document. RSS sends HTML escaped or in CDATA, whatever it declares; Atom
   * says which it sends: {@code html} (escaped), {@code xhtml} (inline markup) or {@code text} (plain).
   */
  private static Document asHtml(SyndContent content, Dialect dialect) {
    String type = Optional.ofNullable(content.getType()).orElse("").strip().toLowerCase(Locale.ROOT);
    if (dialect == Dialect.ATOM && (type.isEmpty() || type.equals("text") || type.equals("text/plain"))) {
      Document document = Document.createShell("");
      for (String paragraph : BlankLineParagraphs.split(content.getValue())) {
        document.body().appendElement("p").text(paragraph);
      }
      return document;
    }
    return Jsoup.parseBodyFragment(content.getValue());
  }

  /**
   * Bylines: ROME's authors (Atom names; RSS {@code author}, an e-mail address often with the name
   * in brackets), {@code dc:creator} and {@code dcterms:creator}, in that order, without repeats.
   */
  @SafeVarargs
  private static List<String> authors(List<SyndPerson> people, List<String>... more) {
    Set<String> names = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    people.forEach(person -> all.add(person.getName() == null ? "" : person.getName()));
    for (List<String> list : more) {
      all.addAll(list);
    }
    for (String name : all) {
      String text = HtmlBlockReader.collapse(name);
      Matcher withName = EMAIL_WITH_NAME.matcher(text);
      if (withName.matches()) {
        text = withName.group(1).strip();
      }
      if (!text.isEmpty()) {
        names.add(text);
      }
    }
    return List.copyOf(names);
  }

  private static List<String> dcCreators(Object module) {
    return module instanceof DCModule dc ? dc.getCreators() : List.of();
  }

  /** Categories as written: RSS {@code category} text, Atom {@code label} else {@code term}, then {@code dc:subject}. */
  private static List<String> categories(Element item, Dialect dialect) {
    List<String> values = new ArrayList<>();
    if (dialect == Dialect.ATOM) {
      for (Element category : children(item, ATOM_NAMESPACES, "category")) {
        values.add(category.hasAttribute("label") ? category.getAttribute("label") : category.getAttribute("term"));
      }
    } else {
      for (Element category : children(item, RSS_NAMESPACES, "category")) {
        values.add(category.getTextContent());
      }
    }
    values.addAll(texts(item, DC, "subject"));
    Set<String> categories = new LinkedHashSet<>();
    for (String value : values) {
      String collapsed = HtmlBlockReader.collapse(value);
      if (!collapsed.isEmpty()) {
        categories.add(collapsed);
      }
    }
    return List.copyOf(categories);
  }

  /** Feed titles may carry escaped markup or entities ({@code Q&amp;A}); the headline is the text. */
  private static String htmlToText(String title) {
    return HtmlBlockReader.collapse(Jsoup.parseBodyFragment(title).text());
  }

  /** The child elements with a local name in one of the namespaces (null: none), in document order. */
  private static List<Element> children(Element parent, List<String> namespaces, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())
          && namespaces.contains(element.getNamespaceURI())) {
        children.add(element);
      }
    }
    return children;
  }

  private static List<String> texts(Element parent, String namespace, String localName) {
    return children(parent, List.of(namespace), localName).stream()
        .map(element -> HtmlBlockReader.collapse(element.getTextContent())).filter(text -> !text.isEmpty()).toList();
  }

  private static Optional<String> text(Element parent, List<String> namespaces, String localName) {
    return children(parent, namespaces, localName).stream()
        .map(element -> HtmlBlockReader.collapse(element.getTextContent())).filter(text -> !text.isEmpty()).findFirst();
  }

  private static Optional<String> text(Element parent, String namespace, String localName) {
    return text(parent, List.of(namespace), localName);
  }
}
