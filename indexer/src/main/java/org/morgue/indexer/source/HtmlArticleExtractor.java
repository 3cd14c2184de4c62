package org.morgue.indexer.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.morgue.article.Article;
import org.morgue.article.Block;

/**
 * Turns one HTML news page into an {@link Article}; shared by the HTML file, feed and WARC formats.
 *
 * <ul>
 *   <li>headline: {@code og:title}, else the JSON-LD headline, else the first {@code <h1>}, else
 *       {@code <title>} without a trailing {@code | Site name};
 *   <li>bylines: JSON-LD authors, else {@code meta name=author}, else {@code rel=author} links, else
 *       {@code .byline} text without its "By";
 *   <li>date: {@code article:published_time}, else JSON-LD {@code datePublished}, else
 *       {@code itemprop=datePublished}, else the first {@code <time datetime>} (in the
 *       {@code <article>} if there is one); the first one present
 *       must parse, a bad one is the page's problem, not a reason to guess from the next;
 *   <li>URL: {@code link rel=canonical}, else {@code og:url}, else the JSON-LD url, absolute only;
 *   <li>source: {@code og:site_name}, else the JSON-LD publisher, else the URL's host, else the
 *       caller's fallback (the folder name);
 *   <li>text: the page without boilerplate ({@link HtmlBoilerplate}), read from the largest
 *       {@code <article>}, else {@code [itemprop=articleBody]}, else the element holding the most
 *       paragraph text, into blocks ({@link HtmlBlockReader}); when that leaves under 500
 *       characters and the page read without removing sections (comments, social, ...) has more than twice
 *       as much, that reading is kept.
 * </ul>
 *
 * The id is derived from the URL, else from the content. The page is changed in place (boilerplate
 * removed), so callers hand over a document they no longer need.
 */
final class HtmlArticleExtractor {
  private static final Pattern BY = Pattern.compile("^(?i)(written\\s+)?by\\s+");
  private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*");

  /**
   * Text, in characters, below which a reading without boilerplate is suspected of having removed
   * the story itself; Readability's default {@code charThreshold}.
   */
  private static final int ENOUGH_TEXT = 500;

  private final HtmlBoilerplate boilerplate = new HtmlBoilerplate();
  private final HtmlBlockReader blockReader = new HtmlBlockReader();
  private final PublicationDateParser dates = new PublicationDateParser();

  /**
   * What the caller knows about a page that the page may not say itself.
   *
   * @param origin the file or record, for errors and {@link Article#origin()}
   * @param fetchedFrom the address the page was fetched from (a WARC target URI); when given it is
   *     the article's URL and id, whatever the page calls canonical
   * @param fallbackDate the date to use when the page carries none (a WARC capture date)
   * @param fallbackSource the source when the page names none and there is no URL
   * @param metadata entries to add to the article's metadata
   */
  record PageContext(
      String origin,
      Optional<String> fetchedFrom,
      Optional<LocalDate> fallbackDate,
      String fallbackSource,
      Map<String, List<String>> metadata) {

    /** A page read from a file of its own: nothing known beyond the folder it lies in. */
    static PageContext file(String origin, String folderName) {
      return new PageContext(origin, Optional.empty(), Optional.empty(), folderName, Map.of());
    }
  }

  /**
   * Extracts the article.
   *
   * @param warnings told what the page held that the article lost: a date that does not parse, which
   *     leaves the article with the context's date (a capture's), or undated, as a page without one
   * @throws MalformedArticleException when there is no headline or no text
   */
  Article extract(Document page, PageContext context, java.util.function.Consumer<ReadWarning> warnings)
      throws MalformedArticleException {
    Optional<JsonLdArticle> jsonLd = JsonLdArticle.of(page);
    Optional<String> siteName = meta(page, "og:site_name").or(() -> jsonLd.flatMap(JsonLdArticle::publisher));
    String title = title(page, jsonLd, siteName)
        .orElseThrow(() -> new MalformedArticleException(SkipReason.NO_TEXT, context.origin(), "no headline found"));
    List<String> authors = authors(page, jsonLd);
    Optional<String> dateText = publishedText(page, jsonLd);
    Optional<LocalDate> published = context.fallbackDate();
    Optional<PublishedDate> given = Optional.empty();
    if (dateText.isPresent()) {
      try {
        given = Optional.of(dates.parse(dateText.get(), context.origin()));
        published = given.map(PublishedDate::day);
      } catch (MalformedArticleException e) {
        // A page is news whether or not its template wrote a date a machine can read: kept, as a
        // feed item is, and the report says what it lost.
        warnings.accept(new ReadWarning(context.origin(), e.reason()
            + (published.isPresent() ? "; indexed with the capture date" : "; indexed undated")));
      }
    }
    Optional<String> canonical = canonicalUrl(page, jsonLd);
    Optional<String> url = context.fetchedFrom().or(() -> canonical);
    String source = siteName.or(() -> url.flatMap(HtmlArticleExtractor::host)).orElse(context.fallbackSource());
    Map<String, List<String>> metadata = metadata(page, context, canonical);
    given.ifPresent(date -> date.describe(metadata));

    List<Block> blocks = withoutBoilerplate(page, candidate -> mainText(candidate, title));
    if (blocks.isEmpty()) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, context.origin(), "no article text found");
    }
    Article draft = new Article("", title, blocks, published, source, url, authors, context.origin(), metadata);
    String id = url.map(ArticleIds::fromUrl).orElseGet(() -> ArticleIds.fromContent(title, draft.body()));
    return new Article(id, title, blocks, published, source, url, authors, context.origin(), metadata);
  }

  /**
   * The blocks of an HTML fragment that is all article (a feed's content), boilerplate removed.
   *
   * @param fragment the parsed fragment; changed in place
   */
  List<Block> blocks(Document fragment, String title) {
    return withoutBoilerplate(fragment, candidate -> blockReader.read(candidate.body(), title));
  }

  /**
   * Reads the text after removing boilerplate; when that leaves less than {@link #ENOUGH_TEXT}
   * characters, reads the page again removing only structure and ads, not sections, and keeps that reading if
   * the hints had removed most of its text. This is Mozilla Readability's second safeguard: a class
   * hint that was wrong (a story container called {@code comments-wrapper}) must not cost the page
   * its story. "Most" keeps a short story short: a share button removed from a 300-character brief
   * is not a reason to put it back.
   *
   * @param page changed in place: it ends up without the boilerplate of the reading kept
   */
  private List<Block> withoutBoilerplate(Document page, Function<Document, List<Block>> read) {
    Document untouched = page.clone();
    boilerplate.strip(page.body());
    List<Block> stripped = read.apply(page);
    int strippedLength = length(stripped);
    if (strippedLength >= ENOUGH_TEXT) {
      return stripped;
    }
    boilerplate.stripAllButSections(untouched.body());
    List<Block> structural = read.apply(untouched);
    return length(structural) > 2 * strippedLength ? structural : stripped;
  }

  private static int length(List<Block> blocks) {
    return blocks.stream().mapToInt(block -> block.text().length()).sum();
  }

  private static Optional<String> title(Document page, Optional<JsonLdArticle> jsonLd, Optional<String> siteName) {
    return meta(page, "og:title")
        .or(() -> jsonLd.flatMap(JsonLdArticle::headline))
        .or(() -> text(page.selectFirst("h1")))
        .or(() -> nonEmpty(page.title()).map(title -> withoutSiteName(title, siteName)));
  }

  /** "Headline | The Daily Planet" is the headline plus the site's name, which is not headline. */
  private static String withoutSiteName(String title, Optional<String> siteName) {
    if (siteName.isEmpty()) {
      return title;
    }
    for (String separator : List.of(" | ", " - ", " – ", " — ", " :: ")) {
      String suffix = separator + siteName.get();
      if (title.endsWith(suffix) && title.length() > suffix.length()) {
        return title.substring(0, title.length() - suffix.length()).strip();
      }
    }
    return title;
  }

  private static List<String> authors(Document page, Optional<JsonLdArticle> jsonLd) {
    List<String> fromJsonLd = jsonLd.map(JsonLdArticle::authors).orElse(List.of());
    if (!fromJsonLd.isEmpty()) {
      return fromJsonLd;
    }
    Optional<String> metaAuthor = page.select("meta[name=author]").stream()
        .map(element -> element.attr("content")).map(HtmlBlockReader::collapse)
        .filter(name -> !name.isEmpty()).findFirst();
    if (metaAuthor.isPresent()) {
      return names(Stream.of(metaAuthor.get()));
    }
    List<String> linked = names(page.select("a[rel=author]").stream().map(Element::text));
    if (!linked.isEmpty()) {
      return linked;
    }
    return names(page.select(".byline").stream().limit(1)
        .map(element -> BY.matcher(HtmlBlockReader.collapse(element.text())).replaceFirst("")));
  }

  /** Splits "Jane Doe and John Roe" into two bylines; keeps the order, drops repeats. */
  private static List<String> names(Stream<String> bylines) {
    Set<String> names = new LinkedHashSet<>();
    bylines.map(HtmlBlockReader::collapse)
        .flatMap(NAME_SEPARATORS::splitAsStream)
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .forEach(names::add);
    return List.copyOf(names);
  }

  private static Optional<String> publishedText(Document page, Optional<JsonLdArticle> jsonLd) {
    return meta(page, "article:published_time")
        .or(() -> jsonLd.flatMap(JsonLdArticle::datePublished))
        .or(() -> nonEmpty(attr(page.selectFirst("[itemprop=datePublished][content]"), "content")))
        .or(() -> nonEmpty(attr(page.selectFirst("[itemprop=datePublished][datetime]"), "datetime")))
        .or(() -> nonEmpty(attr(page.selectFirst("article time[datetime]"), "datetime")))
        .or(() -> nonEmpty(attr(page.selectFirst("time[datetime]"), "datetime")));
  }

  private static Optional<String> canonicalUrl(Document page, Optional<JsonLdArticle> jsonLd) {
    return absolute(page.selectFirst("link[rel=canonical][href]"), "href")
        .or(() -> meta(page, "og:url").filter(HtmlArticleExtractor::isWebAddress))
        .or(() -> jsonLd.flatMap(JsonLdArticle::url).filter(HtmlArticleExtractor::isWebAddress));
  }

  private static Optional<String> absolute(Element element, String attribute) {
    if (element == null) {
      return Optional.empty();
    }
    String resolved = element.absUrl(attribute);
    String candidate = resolved.isEmpty() ? element.attr(attribute).strip() : resolved;
    return isWebAddress(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /** Only absolute http(s) addresses identify a page; a relative one names nothing on its own. */
  private static boolean isWebAddress(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return (lower.startsWith("http://") || lower.startsWith("https://")) && host(url).isPresent();
  }

  /** The host without a leading {@code www.}: {@code https://www.example.com/x} gives {@code example.com}. */
  static Optional<String> host(String url) {
    try {
      String host = new URI(url.strip()).getHost();
      if (host == null || host.isEmpty()) {
        return Optional.empty();
      }
      String lower = host.toLowerCase(Locale.ROOT);
      return Optional.of(lower.startsWith("www.") ? lower.substring(4) : lower);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Map<String, List<String>> metadata(Document page, PageContext context, Optional<String> canonical) {
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    meta(page, "article:section").ifPresent(section -> metadata.put("section", List.of(section)));
    List<String> tags = page.select("meta[property=article:tag]").stream()
        .map(element -> HtmlBlockReader.collapse(element.attr("content")))
        .filter(tag -> !tag.isEmpty()).distinct().toList();
    if (tags.isEmpty()) {
      tags = meta(page, "keywords").stream().flatMap(keywords -> Stream.of(keywords.split(",")))
          .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    }
    if (!tags.isEmpty()) {
      metadata.put("keywords", tags);
    }
    Element html = page.selectFirst("html[lang]");
    if (html != null && !html.attr("lang").isBlank()) {
      metadata.put("language", List.of(html.attr("lang").strip()));
    }
    // A page archived under one address may call another canonical; keep both, index by the first.
    if (context.fetchedFrom().isPresent() && canonical.isPresent()
        && !canonical.get().equals(context.fetchedFrom().get())) {
      metadata.put("canonical_url", List.of(canonical.get()));
    }
    metadata.putAll(context.metadata());
    return metadata;
  }

  /** The body text, from the first place that holds any. */
  private List<Block> mainText(Document page, String title) {
    List<Element> candidates = new ArrayList<>();
    page.select("article").stream()
        .sorted((a, b) -> Integer.compare(paragraphText(b), paragraphText(a)))
        .forEach(candidates::add);
    candidates.addAll(page.select("[itemprop=articleBody]"));
    densest(page).ifPresent(candidates::add);
    candidates.add(page.body());
    for (Element candidate : candidates) {
      List<Block> blocks = blockReader.read(candidate, title);
      if (!blocks.isEmpty()) {
        return blocks;
      }
    }
    return List.of();
  }

  private static int paragraphText(Element element) {
    return element.select("p").stream().mapToInt(p -> p.text().length()).sum();
  }

  /** The element whose own paragraphs hold the most text: where the story is on a page without markup for it. */
  private static Optional<Element> densest(Document page) {
    Map<Element, Integer> scores = new IdentityHashMap<>();
    for (Element paragraph : page.body().select("p")) {
      Element parent = paragraph.parent();
      if (parent != null) {
        scores.merge(parent, paragraph.text().length(), Integer::sum);
      }
    }
    return scores.entrySet().stream().filter(entry -> entry.getValue() > 0)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  private static Optional<String> meta(Document page, String key) {
    for (Element meta : page.select("meta[property=" + key + "], meta[name=" + key + "]")) {
      Optional<String> content = nonEmpty(meta.attr("content"));
      if (content.isPresent()) {
        return content;
      }
    }
    return Optional.empty();
  }

  private static String attr(Element element, String attribute) {
    return element == null ? "" : element.attr(attribute);
  }

  private static Optional<String> text(Element element) {
    return element == null ? Optional.empty() : nonEmpty(element.text());
  }

  private static Optional<String> nonEmpty(String text) {
    String collapsed = HtmlBlockReader.collapse(text);
    return collapsed.isEmpty() ? Optional.empty() : Optional.of(collapsed);
  }
}
