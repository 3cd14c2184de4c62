package org.morgue.indexer.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.DatePrecision;
import org.morgue.article.FieldLengths;
import org.morgue.article.PublishedTime;

/**
 * Turns one JSON object in Morgue's article schema (see {@code docs/formats.md}, "JSON Lines") into an
 * {@link Article}. The schema is loose where exports differ harmlessly (authors as one string or a
 * list, dates with or without a time) and strict where guessing would store something wrong (a
 * number where text belongs, a date that does not parse).
 */
public final class JsonArticleParser {
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  /** Where the metadata keeps a date the source gave more of than it vouched for ("1988-11-02", "year"). */
  static final String PUBLISHED_AS_WRITTEN = "published_as_written";
  /** An absolute http or https URL with a host, and no space or control character anywhere. */
  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s\\p{Cc}/?#@]+(?:@[^\\s\\p{Cc}/?#@]+)?(?:[/?#][^\\s\\p{Cc}]*)?");
  /** Keys the schema gives a meaning; every other key is kept as metadata under its own name. */
  private static final Set<String> KNOWN = Set.of(
      "id", "title", "body", "blocks", "lede", "published", "source", "url", "authors", "section", "language", "metadata");
  /**
   * What Morgue's own JSON Lines export adds to an article that is Morgue's reading of it, not the
   * source's (the enrichment summary, the story, a collection's note): read back, it would become
   * metadata the source never gave. A line is taken for an export's when it has an object
   * {@code metadata} and an object {@code hedging}, as the export writes them.
   */
  private static final Set<String> EXPORTED = Set.of("actors", "themes", "hedging", "story", "versionCount", "added", "note");

  /**
   * Reads one article.
   *
   * @param object the parsed line, already known to be a JSON object
   * @param defaultSource the source when the object names none
   * @param origin where the object came from, for error reports and {@link Article#origin()}
   * @throws MalformedArticleException when a field has the wrong type or value, or there is no text
   */
  public Article parse(JsonNode given, String defaultSource, String origin)
      throws MalformedArticleException {
    return read(withFieldsNamedOtherwise(given), defaultSource, origin);
  }

  /**
   * The names other systems' exports and news APIs give the article's fields, each read as the field
   * when the object does not give the field itself: a CMS posting {@code headline}, {@code date} and
   * {@code author} got an undated article without byline, titled by its first sentence, with the three
   * kept as metadata (a developer's trial, session 43). The field's own name wins where both are given.
   */
  static final Map<String, List<String>> OTHER_NAMES = Map.of(
      "title", List.of("headline"),
      "body", List.of("text", "content"),
      "published", List.of("date", "datePublished", "published_at", "publishedAt", "pubDate", "pub_date"),
      "authors", List.of("author", "byline"),
      "url", List.of("link"));

  private static JsonNode withFieldsNamedOtherwise(JsonNode object) {
    if (!(object instanceof ObjectNode fields)) {
      return object;
    }
    ObjectNode read = null;
    for (Map.Entry<String, List<String>> field : OTHER_NAMES.entrySet()) {
      JsonNode own = fields.get(field.getKey());
      if (own != null && !own.isNull()) {
        continue;
      }
      for (String other : field.getValue()) {
        JsonNode value = fields.get(other);
        if (value != null && !value.isNull()) {
          read = read == null ? fields.deepCopy() : read;
          read.set(field.getKey(), !value.isTextual() ? value
              : field.getKey().equals("authors") ? bylines(value.asText())
              : field.getKey().equals("published") ? TextNode.valueOf(isoDate(value.asText()))
              : value);
          read.remove(other);
          break;
        }
      }
    }
    return read == null ? object : read;
  }

  /**
   * A date under another name as its system writes it: RSS's {@code pubDate} is RFC 822 ("Tue, 01 Dec
   * 2026 10:00:00 GMT"), which a posted {@code published} may not be, so it is read as feeds' dates
   * are and given as the ISO date-time it means; an ISO date (or a year or month alone) stays as
   * written, and a date no reading fits stays too, to be refused naming what was sent.
   */
  private static String isoDate(String written) {
    String text = written.strip();
    if (text.matches("\\d{4}(?:-.*)?")) {
      return text;
    }
    try {
      PublishedDate date = new PublicationDateParser().parse(text, "");
      return date.precision() != DatePrecision.DAY ? text
          : date.day() + date.time().map(time -> "T" + time.iso()).orElse("");
    } catch (MalformedArticleException noReadingFits) {
      return text;
    }
  }

  /** "By" opening a byline as a paper sets it, and what joins two names in one. */
  private static final Pattern BY = Pattern.compile("(?i)^by\\s+");
  private static final Pattern NAMES_JOINED = Pattern.compile("\\s*(?:;|\\band\\b|&)\\s*");

  /**
   * A byline written as one text ("By Maria Lopez and Juan Perez") as the names it gives, without
   * the "By", as a page's byline is read; commas are left alone, since an export may write "Lopez, Maria".
   */
  private static ArrayNode bylines(String byline) {
    ArrayNode names = JsonNodeFactory.instance.arrayNode();
    for (String name : NAMES_JOINED.split(BY.matcher(byline.strip()).replaceFirst(""))) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  private Article read(JsonNode object, String defaultSource, String origin)
      throws MalformedArticleException {
    String given = readable(text(object, "title", origin).orElse(""));
    List<Block> blocks = blocks(object, origin);
    if (blocks.isEmpty()) {
      text(object, "lede", origin).map(JsonArticleParser::readable).filter(lede -> !lede.isEmpty())
          .ifPresent(lede -> blocks.add(new Block(BlockKind.LEDE, lede)));
      for (String paragraph : BlankLineParagraphs.split(text(object, "body", origin).orElse(""))) {
        String collapsed = readable(paragraph);
        if (!collapsed.isEmpty()) {
          blocks.add(new Block(BlockKind.PARAGRAPH, collapsed));
        }
      }
    }
    if (given.isEmpty() && blocks.isEmpty()) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "no title and no body");
    }
    // Without one, the first sentence, as a feed item without one is named.
    String title = given.isEmpty() ? DerivedTitles.of(blocks.get(0).text()) : given;
    Optional<String> url = url(object, origin);
    Article draft = new Article("", given, blocks, Optional.empty(), "", url, List.of(), origin);
    // From the title as given, so an id made before titles were derived stays the article's.
    String id = id(object, origin).orElseGet(
        () -> url.map(ArticleIds::fromUrl).orElseGet(() -> ArticleIds.fromContent(given, draft.body())));
    String source = text(object, "source", origin).map(JsonArticleParser::readable).filter(s -> !s.isEmpty())
        .orElse(defaultSource);
    Map<String, List<String>> metadata = metadata(object, origin);
    Optional<LocalDate> published = published(object, metadata, origin);
    Article article = new Article(id, title, blocks, published, source, url, authors(object, origin), origin, metadata);
    Optional<FieldLengths.TooLong> tooLong = FieldLengths.of(article);
    if (tooLong.isPresent()) {
      throw MalformedArticleException.tooLong(origin, tooLong.get());
    }
    return article;
  }

  /**
   * The body as blocks of a kind ({@code [{"kind": "lede", "text": "..."}, ...]}), as Morgue's own
   * export writes it beside {@code body}: read back, the article keeps its lede, key points, headings
   * and quotes, and so its hedging and actors, where the body's paragraphs alone flattened them (a
   * librarian's trial, session 39). Given, it wins over {@code body} and {@code lede}.
   */
  private static List<Block> blocks(JsonNode object, String origin) throws MalformedArticleException {
    List<Block> blocks = new ArrayList<>();
    JsonNode node = object.get("blocks");
    if (node == null || node.isNull()) {
      return blocks;
    }
    if (!node.isArray()) {
      throw wrongType("blocks", "a list of {\"kind\", \"text\"} objects", node, origin);
    }
    for (JsonNode block : node) {
      JsonNode kind = block.path("kind");
      JsonNode text = block.path("text");
      if (!block.isObject() || !kind.isTextual() || !text.isTextual()) {
        throw wrongType("blocks", "a list of {\"kind\", \"text\"} objects", block, origin);
      }
      BlockKind known = java.util.Arrays.stream(BlockKind.values()).filter(k -> k.id().equals(kind.asText()))
          .findFirst().orElseThrow(() -> MalformedArticleException.badField(origin, "blocks", kind.asText(),
              "block kind '" + visible(kind.asText()) + "' is not one of " + java.util.Arrays.stream(BlockKind.values())
                  .map(BlockKind::id).collect(java.util.stream.Collectors.joining(", "))));
      String collapsed = readable(text.asText());
      if (!collapsed.isEmpty()) {
        blocks.add(new Block(known, collapsed));
      }
    }
    return blocks;
  }

  /** The source's own id: text, or a whole number as many database exports write it. */
  private static Optional<String> id(JsonNode object, String origin) throws MalformedArticleException {
    JsonNode node = object.get("id");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual() || node.isIntegralNumber()) {
      if (CONTROL.matcher(node.asText()).find()) {
        // Stripping them would merge ids that differ, and keeping them breaks every id-bearing URL and feed.
        throw MalformedArticleException.badField(origin, "id", node.asText(),
            "id '" + visible(node.asText()) + "' holds control characters");
      }
      String id = ArticleIds.own(node.asText());
      if (id.isEmpty()) {
        // An id the client wrote and Morgue replaced with one of its own is an id the client cannot
        // find the article under again; leaving the field out is how to ask for a made one.
        throw MalformedArticleException.badField(origin, "id", node.asText(),
            "id is empty; leave \"id\" out to have Morgue make one from the url or the text");
      }
      return Optional.of(id);
    }
    throw wrongType("id", "a string or a whole number", node, origin);
  }

  /**
   * The article's own address: absolute http or https with a host. Anything else ({@code javascript:},
   * {@code data:}, a relative path) is no place a reader can be sent, and would be republished as a
   * link in feeds and exports.
   */
  private static Optional<String> url(JsonNode object, String origin) throws MalformedArticleException {
    Optional<String> url = text(object, "url", origin).map(String::strip).filter(u -> !u.isEmpty());
    if (url.isPresent() && !WEB_URL.matcher(url.get()).matches()) {
      throw MalformedArticleException.badField(origin, "url", url.get(),
          "url '" + visible(url.get()) + "' is not an http or https URL");
    }
    return url;
  }

  /**
   * The publication date, to the precision the source gives, which the metadata then states: as
   * written ("1961" is a year's), or coarser where {@code date_precision} says so, since a source
   * that calls "1988-11-02" a year's date does not vouch for the day. Kept as the first day of its
   * year or month, so that it sorts and filters as one; the date as written stays in the metadata
   * when that moved it.
   */
  private static Optional<LocalDate> published(JsonNode object, Map<String, List<String>> metadata, String origin)
      throws MalformedArticleException {
    Optional<LocalDate> written = writtenInYearsOneTo9999(object, origin);
    if (written.isEmpty()) {
      return written;
    }
    String asWritten = object.get("published").asText().strip();
    DatePrecision precision = PublicationDateParser.yearOrMonth(asWritten).map(PublishedDate::precision)
        .orElse(DatePrecision.DAY);
    // An empty value says nothing, as an absent one does.
    List<String> stated = metadata.getOrDefault(DatePrecision.METADATA_KEY, List.of()).stream()
        .filter(value -> !value.isBlank()).toList();
    Optional<DatePrecision> given = Optional.empty();
    if (!stated.isEmpty()) {
      given = stated.size() == 1 ? DatePrecision.fromId(stated.get(0)) : Optional.empty();
      if (given.isEmpty()) {
        String value = String.join(", ", stated);
        throw MalformedArticleException.badField(origin, DatePrecision.METADATA_KEY, value,
            DatePrecision.METADATA_KEY + " '" + visible(value) + "' is not day, month or year");
      }
      precision = precision.coarser(given.get());
    }
    PublishedDate date = new PublishedDate(written.get(), precision, time(asWritten, metadata, origin));
    date.describe(metadata, given.isPresent());
    if (!date.day().equals(written.get())) {
      metadata.put(PUBLISHED_AS_WRITTEN, List.of(asWritten));
    }
    return Optional.of(date.day());
  }

  /**
   * The time of day: the one the date-time gives ("2026-11-23T10:00:00+01:00"), else the one the
   * record states under {@code published_time}, as Morgue's own JSON Lines export writes it beside a
   * date.
   */
  private static Optional<PublishedTime> time(String asWritten, Map<String, List<String>> metadata, String origin)
      throws MalformedArticleException {
    int clock = asWritten.indexOf('T');
    if (clock > 0) {
      Optional<PublishedTime> written = PublishedTime.parse(asWritten.substring(clock + 1));
      if (written.isPresent()) {
        return written;
      }
    }
    List<String> stated = metadata.getOrDefault(PublishedTime.METADATA_KEY, List.of()).stream()
        .filter(value -> !value.isBlank()).toList();
    if (stated.isEmpty()) {
      return Optional.empty();
    }
    Optional<PublishedTime> time = stated.size() == 1 ? PublishedTime.parse(stated.get(0)) : Optional.empty();
    if (time.isEmpty()) {
      String value = String.join(", ", stated);
      throw MalformedArticleException.badField(origin, PublishedTime.METADATA_KEY, value,
          PublishedTime.METADATA_KEY + " '" + visible(value) + "' is not a time of day such as 15:05:00 or 10:00:00+01:00");
    }
    return time;
  }

  private static Optional<LocalDate> writtenInYearsOneTo9999(JsonNode object, String origin)
      throws MalformedArticleException {
    Optional<LocalDate> date = publishedAsWritten(object, origin);
    if (date.isPresent() && (date.get().getYear() < 1 || date.get().getYear() > 9999)) {
      String value = object.get("published").asText().strip();
      throw MalformedArticleException.badField(origin, "published", value,
          "published '" + visible(value) + "' is not a date in the years 1-9999");
    }
    return date;
  }

  private static Optional<LocalDate> publishedAsWritten(JsonNode object, String origin)
      throws MalformedArticleException {
    Optional<String> value = text(object, "published", origin).map(String::strip).filter(p -> !p.isEmpty());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String date = value.get();
    try {
      return Optional.of(LocalDate.parse(date));
    } catch (DateTimeParseException notADate) {
      // fall through to the date-time forms
    }
    Optional<PublishedDate> reduced = PublicationDateParser.yearOrMonth(date);
    if (reduced.isPresent()) {
      return reduced.map(PublishedDate::day);
    }
    try {
      // The date where the article was published, at the offset it was given with.
      return Optional.of(OffsetDateTime.parse(date).toLocalDate());
    } catch (DateTimeParseException notAnOffsetDateTime) {
      // fall through
    }
    try {
      return Optional.of(LocalDateTime.parse(date).toLocalDate());
    } catch (DateTimeParseException e) {
      throw MalformedArticleException.badField(origin, "published", date,
          "published '" + visible(date) + "' is not an ISO-8601 date");
    }
  }

  private static List<String> authors(JsonNode object, String origin) throws MalformedArticleException {
    JsonNode node = object.get("authors");
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> authors = new ArrayList<>();
    if (node.isTextual()) {
      authors.add(readable(node.asText()));
    } else if (node.isArray()) {
      for (JsonNode author : node) {
        if (!author.isTextual()) {
          throw wrongType("authors", "a string or an array of strings", node, origin);
        }
        authors.add(readable(author.asText()));
      }
    } else {
      throw wrongType("authors", "a string or an array of strings", node, origin);
    }
    authors.removeIf(String::isEmpty);
    return authors;
  }

  /**
   * {@code section}, {@code language}, the entries of a {@code metadata} object (as Morgue's export
   * writes them), and every unknown key whose value is a scalar or an array of scalars. Other nested
   * objects have no flat reading that would mean the same thing in every export, so they are left out
   * rather than flattened by a guess.
   */
  private static Map<String, List<String>> metadata(JsonNode object, String origin)
      throws MalformedArticleException {
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    // Morgue's export writes the metadata an article had as one object: read it back as it was.
    boolean exported = object.path("metadata").isObject() && object.path("hedging").isObject();
    for (Map.Entry<String, JsonNode> field : object.path("metadata").properties()) {
      List<String> values = scalars(field.getValue());
      if (!values.isEmpty()) {
        metadata.put(field.getKey(), values);
      }
    }
    for (String key : List.of("section", "language")) {
      Optional<String> value = text(object, key, origin).map(JsonArticleParser::collapse);
      value.filter(v -> !v.isEmpty()).ifPresent(v -> metadata.put(key, List.of(v)));
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (KNOWN.contains(field.getKey()) || exported && EXPORTED.contains(field.getKey())) {
        continue;
      }
      List<String> values = scalars(field.getValue());
      if (!values.isEmpty()) {
        metadata.put(field.getKey(), values);
      }
    }
    return metadata;
  }

  /** A scalar or an array of scalars as text; empty for null, objects and arrays holding either. */
  private static List<String> scalars(JsonNode node) {
    if (node.isValueNode() && !node.isNull()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isValueNode()) {
        return List.of();
      }
      if (!item.isNull()) {
        values.add(item.asText());
      }
    }
    return values;
  }

  /** A field that must be text when present; absent and null both read as absent. */
  private static Optional<String> text(JsonNode object, String key, String origin)
      throws MalformedArticleException {
    JsonNode node = object.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(key, "a string", node, origin);
    }
    return Optional.of(node.asText());
  }

  private static MalformedArticleException wrongType(String key, String expected, JsonNode node, String origin) {
    return new MalformedArticleException(SkipReason.MALFORMED, origin,
        key + " must be " + expected + ", not " + describe(node.getNodeType()) + " (" + abbreviate(node.toString()) + ")");
  }

  private static String describe(JsonNodeType type) {
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** A value for a message: control characters shown as {@code \\uXXXX} escapes, so the message stays one line. */
  private static String visible(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : abbreviate(value).toCharArray()) {
      out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /**
   * Text as a reader sees it: {@link #collapse collapsed}, without control characters (a NUL, an
   * escape, a bell) that no one wrote to be read and that went on raw into every export.
   */
  static String readable(String text) {
    return collapse(withoutControls(text));
  }

  private static String withoutControls(String text) {
    int first = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** A control character other than the whitespace {@link #collapse} makes a space. */
  private static boolean isControl(char c) {
    return Character.getType(c) == Character.CONTROL && !isSpace(c);
  }

  /**
   * The text stripped, with every run of whitespace ({@code \\s}: space, tab, line breaks, form feed)
   * made one space. By hand rather than {@code replaceAll("\\s+", " ")}, which compiled its pattern
   * and copied every paragraph of every article (2.4% of bulk indexing's CPU); text already collapsed,
   * most of it, is returned as it is.
   */
  static String collapse(String text) {
    String stripped = text.strip();
    StringBuilder out = null;
    int length = stripped.length();
    for (int i = 0; i < length; i++) {
      char c = stripped.charAt(i);
      if (!isSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < length && isSpace(stripped.charAt(end))) {
        end++;
      }
      if (out == null && (c != ' ' || end > i + 1)) {
        out = new StringBuilder(length).append(stripped, 0, i);
      }
      if (out != null) {
        out.append(' ');
      }
      i = end - 1;
    }
    return out == null ? stripped : out.toString();
  }

  /** What {@code \\s} matches in a Java pattern without Unicode classes. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
