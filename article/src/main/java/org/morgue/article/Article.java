package org.morgue.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One news article as read from a source, before enrichment.
 *
 * @param id stable identifier: the source's own id, else derived from the URL, else from the content
 * @param title the headline
 * @param blocks the body in reading order (lede, key points, headings, paragraphs, quotes)
 * @param published the publication date, when the source gives one
 * @param source the publication or collection the article comes from
 * @param url where the article was published, when known
 * @param authors bylines, possibly empty
 * @param origin where Morgue read it from (a file path, possibly with a record number), for error reports
 * @param metadata whatever else the source says about the article, by key, e.g. {@code section},
 *     {@code language}, Reuters' {@code topics} and {@code places}; kept and stored, not interpreted
 */
public record Article(
    String id,
    String title,
    List<Block> blocks,
    Optional<LocalDate> published,
    String source,
    Optional<String> url,
    List<String> authors,
    String origin,
    Map<String, List<String>> metadata) {

  /** What separates the title and the blocks in {@link #text()}. */
  public static final String BLOCK_SEPARATOR = "\n\n";
  /**
   * The most text, in MB of characters, an article may have to be indexed. A long feature is well
   * under 1 MB; past this it is a dump or an attack, and enriching it would take minutes and the heap.
   * The same bound as a WARC page and a posted request body.
   */
  public static final int MAX_TEXT_MB = 10;
  /** {@link #MAX_TEXT_MB} in characters. */
  public static final long MAX_TEXT_CHARS = MAX_TEXT_MB * 1024L * 1024L;

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(url, "url");
    authors = List.copyOf(authors);
    Objects.requireNonNull(origin, "origin");
    Map<String, List<String>> copy = new TreeMap<>();
    metadata.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    metadata = Collections.unmodifiableMap(copy);
  }

  /** An article with no metadata beyond the named fields. */
  public Article(
      String id,
      String title,
      List<Block> blocks,
      Optional<LocalDate> published,
      String source,
      Optional<String> url,
      List<String> authors,
      String origin) {
    this(id, title, blocks, published, source, url, authors, origin, Map.of());
  }

  /**
   * The same article under another id: the form of its id the archive already holds it under
   * ({@link ArticleIdForms}), so that a write in the other Unicode form replaces it.
   */
  public Article withId(String other) {
    return other.equals(id) ? this : new Article(other, title, blocks, published, source, url, authors, origin, metadata);
  }

  /** The body blocks joined by blank lines: what is indexed as the article body. */
  public String body() {
    StringBuilder body = new StringBuilder();
    for (Block block : blocks) {
      if (!body.isEmpty()) {
        body.append(BLOCK_SEPARATOR);
      }
      body.append(block.text());
    }
    return body.toString();
  }

  /** How many characters of text the article has: its title and blocks, without separators. */
  public long textLength() {
    long length = title.length();
    for (Block block : blocks) {
      length += block.text().length();
    }
    return length;
  }

  /** Why the article is too large to index, in words for a report; empty when it is not. */
  public Optional<String> tooLarge() {
    return tooLarge(textLength());
  }

  /** Why a text of this many characters is too large to be an article; empty when it is not. */
  public static Optional<String> tooLarge(long characters) {
    if (characters <= MAX_TEXT_CHARS) {
      return Optional.empty();
    }
    return Optional.of(String.format(java.util.Locale.ROOT, "article text is %.1f MB; the limit is %d MB",
        characters / (1024.0 * 1024.0), MAX_TEXT_MB));
  }

  /** The title and the body as one text; every enrichment offset points into it. */
  public String text() {
    String body = body();
    return body.isEmpty() ? title : title + BLOCK_SEPARATOR + body;
  }

  /** Where each block starts and ends in {@link #text()}, in block order. */
  public List<Span> blockSpans() {
    List<Span> spans = new ArrayList<>(blocks.size());
    int at = title.length() + BLOCK_SEPARATOR.length();
    for (Block block : blocks) {
      spans.add(new Span(at, at + block.text().length()));
      at += block.text().length() + BLOCK_SEPARATOR.length();
    }
    return spans;
  }

  /** The span of the title in {@link #text()}. */
  public Span titleSpan() {
    return new Span(0, title.length());
  }
}
