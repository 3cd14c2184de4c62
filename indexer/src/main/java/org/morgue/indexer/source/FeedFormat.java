package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Block;

/**
 * News feeds: RSS 2.0 ({@code <rss><channel><item>}) and Atom ({@code <feed><entry>}), in files
 * named {@code .xml}, {@code .rss} or {@code .atom} whose root element is {@code <rss>} or {@code
 * <feed>}. The root decides, not the name: other formats read {@code .xml} files too.
 *
 * <p>Each item or entry is an article: its title; its link as URL; its {@code guid} or Atom
 * {@code id} as the article's own id (else an id from the link, else from the content); {@code
 * pubDate}, {@code dc:date}, {@code published} or {@code updated} as date; {@code author}, {@code
 * dc:creator} or Atom author names as bylines (an entry without authors takes the feed's); its
 * categories as metadata {@code categories}. The text is the full content where the feed carries it
 * ({@code content:encoded}, Atom {@code content} of type html, xhtml or text), else the {@code
 * description} or {@code summary}, read into blocks like a page's body. The source is the channel or
 * feed title, else the folder name.
 *
 * <p>An item with neither title nor text is rejected as {@code file#n} (n counts items from 1)
 * and the rest are read. An item whose date cannot be read even leniently is indexed undated, with
 * a {@link ReadWarning} saying so. An item with text but no title
 * gets its first sentence as title, since RSS allows items that are all description.
 */
public final class FeedFormat implements ArticleFormat {
  /** The first element after any XML declaration, processing instructions, comments and doctype. */
  private static final Pattern ROOT = Pattern.compile(
      "\\A\\uFEFF?\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>\\s*)*<(rss|feed)[\\s>/]",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
  private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)");
  private static final int MAX_DERIVED_TITLE = 120;

  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
  private final PublicationDateParser dates = new PublicationDateParser();

  private enum Dialect { RSS, ATOM }

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    String name = input.name();
    return (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom"))
        && ROOT.matcher(input.headText()).find();
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    Document feed;
    try (InputStream in = input.open()) {
      // jsoup's XML parser never resolves DTDs or external entities (it has no DTD support at all),
      // so a hostile feed cannot make us read local files or fetch URLs: XXE is off by construction.
      feed = Jsoup.parse(in, null, "", Parser.xmlParser());
    }
    Element root = feed.children().first();
    if (root == null) {
      sink.reject(new MalformedArticleException(input.origin(), "no root element"));
      return;
    }
    Dialect dialect = localName(root).equals("rss") ? Dialect.RSS : Dialect.ATOM;
    Element container = dialect == Dialect.RSS ? child(root, "channel").orElse(root) : root;
    String source = text(container, "title").orElse(input.folderName());
    List<String> feedAuthors = dialect == Dialect.ATOM ? atomAuthors(container) : List.of();
    int number = 0;
    for (Element item : container.children()) {
      String tag = item.normalName();
      if (!(dialect == Dialect.RSS ? tag.equals("item") : tag.equals("entry"))) {
        continue;
      }
      number++;
      try {
        sink.accept(article(item, dialect, source, feedAuthors, input.origin(number), sink));
      } catch (MalformedArticleException e) {
        sink.reject(e);
      }
    }
  }

  private Article article(Element item, Dialect dialect, String source, List<String> feedAuthors, String origin,
      ArticleSink sink) throws MalformedArticleException {
    Optional<String> title = text(item, "title").map(FeedFormat::htmlToText).filter(t -> !t.isEmpty());
    List<Block> blocks = blocks(item, dialect, title.orElse(""));
    if (title.isEmpty() && blocks.isEmpty()) {
      throw new MalformedArticleException(origin, "item has neither title nor text");
    }
    String headline = title.orElseGet(() -> derivedTitle(blocks.get(0).text()));
    Optional<String> dateText = dialect == Dialect.RSS
        ? text(item, "pubdate").or(() -> text(item, "dc:date"))
        : text(item, "published").or(() -> text(item, "updated"));
    Optional<LocalDate> published = published(dateText, origin, sink);
    Optional<String> url = dialect == Dialect.RSS ? text(item, "link") : atomLink(item);
    List<String> authors = dialect == Dialect.RSS ? rssAuthors(item) : atomAuthors(item);
    if (authors.isEmpty()) {
      authors = feedAuthors;
    }
    Optional<String> ownId = text(item, dialect == Dialect.RSS ? "guid" : "id").map(ArticleIds::own).filter(id -> !id.isEmpty());
    Article draft = new Article("", headline, blocks, published, source, url, authors, origin);
    String id = ownId.orElseGet(() -> url.map(ArticleIds::fromUrl).orElseGet(() -> ArticleIds.fromContent(headline, draft.body())));
    List<String> categories = categories(item, dialect);
    Map<String, List<String>> metadata = categories.isEmpty() ? Map.of() : Map.of("categories", categories);
    return new Article(id, headline, blocks, published, source, url, authors, origin, metadata);
  }

  /**
   * The item's date, or none with a warning when it cannot be read: a feed item is news whether or
   * not its template wrote a date a machine can read, so it is indexed undated rather than lost.
   */
  private Optional<LocalDate> published(Optional<String> dateText, String origin, ArticleSink sink) {
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

  /** The full content when the feed carries it, else the description or summary. */
  private List<Block> blocks(Element item, Dialect dialect, String title) {
    List<String> bodies = dialect == Dialect.RSS ? List.of("content:encoded", "description") : List.of("content", "summary");
    for (String name : bodies) {
      Optional<Element> element = child(item, name);
      if (element.isEmpty() || !element.get().attr("src").isEmpty()) {
        continue; // Atom content with src points elsewhere; there is nothing here to read.
      }
      List<Block> blocks = extractor.blocks(asHtml(element.get(), dialect), title);
      if (!blocks.isEmpty()) {
        return blocks;
      }
    }
    return List.of();
  }

  /**
   * The text of a feed element as an HTML document. RSS sends HTML escaped or in CDATA; Atom says
   * which it sends: {@code html} (escaped), {@code xhtml} (inline markup) or {@code text} (plain).
   */
  private static Document asHtml(Element element, Dialect dialect) {
    String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
    if (dialect == Dialect.ATOM && (type.equals("xhtml") || type.endsWith("+xml"))) {
      return Jsoup.parseBodyFragment(element.html());
    }
    if (dialect == Dialect.ATOM && (type.isEmpty() || type.equals("text") || type.equals("text/plain"))) {
      Document document = Document.createShell("");
      for (String paragraph : element.wholeText().split("\\R\\s*\\R")) {
        document.body().appendElement("p").text(paragraph);
      }
      return document;
    }
    return Jsoup.parseBodyFragment(element.wholeText());
  }

  private static Optional<String> atomLink(Element entry) {
    Optional<String> fallback = Optional.empty();
    for (Element link : entry.children()) {
      if (!link.normalName().equals("link") || link.attr("href").isBlank()) {
        continue;
      }
      String rel = link.attr("rel").strip();
      if (rel.isEmpty() || rel.equals("alternate")) {
        return Optional.of(link.attr("href").strip());
      }
      if (fallback.isEmpty() && !rel.equals("self") && !rel.equals("enclosure")) {
        fallback = Optional.of(link.attr("href").strip());
      }
    }
    return fallback;
  }

  /** RSS {@code author} is an e-mail address, often with the name in brackets; {@code dc:creator} a name. */
  private static List<String> rssAuthors(Element item) {
    Set<String> names = new LinkedHashSet<>();
    for (Element child : item.children()) {
      String tag = child.normalName();
      if (tag.equals("author") || tag.equals("dc:creator")) {
        String text = HtmlBlockReader.collapse(child.text());
        Matcher withName = EMAIL_WITH_NAME.matcher(text);
        if (withName.matches()) {
          text = withName.group(1).strip();
        }
        if (!text.isEmpty()) {
          names.add(text);
        }
      }
    }
    return List.copyOf(names);
  }

  private static List<String> atomAuthors(Element parent) {
    Set<String> names = new LinkedHashSet<>();
    for (Element author : parent.children()) {
      if (author.normalName().equals("author")) {
        text(author, "name").ifPresent(names::add);
      }
    }
    return List.copyOf(names);
  }

  private static List<String> categories(Element item, Dialect dialect) {
    Set<String> categories = new LinkedHashSet<>();
    for (Element category : item.children()) {
      if (category.normalName().equals("category")) {
        String value = dialect == Dialect.ATOM
            ? (category.hasAttr("label") ? category.attr("label") : category.attr("term"))
            : category.text();
        String collapsed = HtmlBlockReader.collapse(value);
        if (!collapsed.isEmpty()) {
          categories.add(collapsed);
        }
      }
    }
    return List.copyOf(categories);
  }

  /** The first sentence of the text, cut at a word if it runs long. */
  private static String derivedTitle(String text) {
    Matcher sentence = FIRST_SENTENCE.matcher(text);
    String first = sentence.find() ? sentence.group(1) : text;
    if (first.length() <= MAX_DERIVED_TITLE) {
      return first;
    }
    int cut = first.lastIndexOf(' ', MAX_DERIVED_TITLE);
    return first.substring(0, cut > 0 ? cut : MAX_DERIVED_TITLE) + "…";
  }

  /** Feed titles may carry escaped markup or entities ({@code Q&amp;A}); the headline is the text. */
  private static String htmlToText(String title) {
    return HtmlBlockReader.collapse(Jsoup.parseBodyFragment(title).text());
  }

  private static Optional<Element> child(Element parent, String name) {
    for (Element child : parent.children()) {
      if (child.normalName().equals(name)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(element -> HtmlBlockReader.collapse(element.wholeText())).filter(text -> !text.isEmpty());
  }

  private static String localName(Element element) {
    String name = element.normalName();
    return name.substring(name.indexOf(':') + 1);
  }
}
