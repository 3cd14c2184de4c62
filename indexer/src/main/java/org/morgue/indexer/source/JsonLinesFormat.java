package org.morgue.indexer.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import org.morgue.article.Article;
import org.morgue.article.JsonProblems;
import org.morgue.article.PublishedTime;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}): one article per line in the schema of {@link
 * JsonArticleParser}. Every line stands alone, so a bad line (broken JSON, invalid UTF-8, a missing
 * title and body, a wrong field type) is rejected with its line number and the rest of the file is
 * still read. Blank lines are layout, not records, and are skipped silently.
 */
public final class JsonLinesFormat implements ArticleFormat {
  /** What {@link #nextLine} returns for a line over {@link ArticleInput#MAX_DECOMPRESSED_MB}; compared by identity. */
  private static final byte[] TOO_LONG = new byte[0];

  private final ObjectMapper mapper = new ObjectMapper()
      // "{...} trailing" on one line is two values or garbage, never one article.
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // A key given twice is ambiguous; the last one winning silently would hide the mistake.
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final JsonArticleParser parser = new JsonArticleParser();
  private final PublicationDateParser dates = new PublicationDateParser();
  /** The API's reading: a date that is no ISO-8601 date refuses the line, and a missing title is not warned of. */
  private final boolean strict;

  /** For files: a line whose date cannot be read is indexed, as a feed item is ({@link #strict()} for the API). */
  public JsonLinesFormat() {
    this(false);
  }

  private JsonLinesFormat(boolean strict) {
    this.strict = strict;
  }

  /**
   * Lines whose {@code published} is no ISO-8601 date are refused, as the HTTP API refuses them
   * ({@code invalid_article_published}): a program posting articles is told at once, where a
   * librarian importing a file would rather keep the article and read the warning.
   */
  public static JsonLinesFormat strict() {
    return new JsonLinesFormat(true);
  }

  @Override
  public String name() {
    return "json-lines";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    return input.name().endsWith(".jsonl") || input.name().endsWith(".ndjson");
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    try (InputStream in = input.openStream()) {
      read(in, input.folderName(), input::origin, sink);
    }
  }

  /**
   * Reads JSON Lines that do not come from a file, such as a request body.
   *
   * @param content the lines; not closed here
   * @param source the source of articles that name none
   * @param origin where line n came from, for reports and {@link org.morgue.article.Article#origin()}
   */
  public void read(InputStream content, String source, IntFunction<String> origin, ArticleSink sink)
      throws IOException {
    // Lines are read byte by byte; the buffer keeps that cheap behind a gzip stream too.
    InputStream in = new BufferedInputStream(content, 1 << 16);
    int lineNumber = 0;
    byte[] line;
    while ((line = nextLine(in)) != null) {
      lineNumber++;
      if (line == TOO_LONG) {
        // Finding the end of a line this long could mean inflating gigabytes more: stop here.
        sink.reject(new MalformedArticleException(SkipReason.TOO_LARGE, origin.apply(lineNumber), "line is larger than "
            + ArticleInput.MAX_DECOMPRESSED_MB + " MB; the rest of the file was not read"));
        return;
      }
      readLine(line, lineNumber, origin.apply(lineNumber), source, sink);
    }
  }

  /**
   * Reads one JSON object in the same schema, which unlike a line may span several lines (a request
   * body of {@code application/json}).
   *
   * @throws MalformedArticleException when it is not one valid JSON object, or not an article
   */
  public Article readObject(byte[] json, String source, String origin) throws MalformedArticleException {
    String text;
    try {
      text = strictUtf8().decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedArticleException(SkipReason.NOT_TEXT, origin, "not valid UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark some Windows tools write
    }
    if (text.isBlank()) {
      throw new MalformedArticleException(SkipReason.EMPTY, origin, "empty: expected one JSON object");
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "not valid JSON: " + JsonProblems.inWords(e));
    }
    if (!node.isObject()) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "JSON but not an object: " + kind(node));
    }
    if (holdsLoneSurrogate(node)) {
      throw new MalformedArticleException(SkipReason.NOT_TEXT, origin + ", line " + lineOfLoneSurrogate(text), LONE_SURROGATE)
          .about(givenId(node));
    }
    try {
      return parser.parse(node, source, origin);
    } catch (MalformedArticleException e) {
      throw e.about(givenId(node));
    }
  }

  /** The id an object gives as written, a string or a whole number, when it gives one. */
  private static Optional<String> givenId(JsonNode node) {
    JsonNode id = node.path("id");
    return id.isTextual() || id.isIntegralNumber() ? Optional.of(id.asText()) : Optional.empty();
  }

  private void readLine(byte[] bytes, int lineNumber, String origin, String source, ArticleSink sink) {
    String line;
    try {
      line = strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      sink.reject(new MalformedArticleException(SkipReason.NOT_TEXT, origin, "line is not valid UTF-8 text"));
      return;
    }
    if (lineNumber == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1); // a byte-order mark some Windows tools write
    }
    if (line.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, origin, "line is not valid JSON: " + JsonProblems.inLine(e)));
      return;
    }
    if (!node.isObject()) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, origin, "line is JSON but not an object: " + kind(node)));
      return;
    }
    if (lineNumber == 1 && node.size() == 1 && node.path("provenance").isObject()) {
      return; // the first line of Morgue's own export says where it came from: no article
    }
    if (holdsLoneSurrogate(node)) {
      sink.reject(new MalformedArticleException(SkipReason.NOT_TEXT, origin, LONE_SURROGATE).about(givenId(node)));
      return;
    }
    try {
      sink.accept(parse((ObjectNode) node, source, origin, sink));
    } catch (MalformedArticleException e) {
      sink.reject(e.about(givenId(node)));
    }
  }

  /**
   * The line's article. From a file, a {@code published} that is no ISO-8601 date is read as feeds'
   * dates are read ("5 March 2021", "Mon, 06 Mar 2021"), else left out, with a warning either way: a
   * librarian's trial (session 38) lost whole articles to "03/04/2021" (which day is anyone's guess)
   * while feed items with such dates were kept. The date as written stays in the metadata.
   */
  private Article parse(ObjectNode node, String source, String origin, ArticleSink sink) throws MalformedArticleException {
    try {
      Article article = parser.parse(node, source, origin);
      if (!strict && node.path("title").asText("").isBlank()) {
        // Shown in results, exports and citations as if the source had written it: said.
        sink.warn(new ReadWarning(origin, "no title: its first sentence is its headline"));
      }
      if (!strict && article.blocks().stream().allMatch(block -> block.text().isBlank())) {
        sink.warn(new ReadWarning(origin, ReadWarning.TITLE_ALONE));
      }
      return article;
    } catch (MalformedArticleException e) {
      if (strict || !e.field().equals(java.util.Optional.of("published")) || !node.path("published").isTextual()) {
        throw e;
      }
      String written = node.path("published").asText().strip();
      ObjectNode retried = node.deepCopy();
      retried.remove("published");
      retried.put(JsonArticleParser.PUBLISHED_AS_WRITTEN, written);
      String warning;
      try {
        PublishedDate read = dates.parse(written, origin);
        retried.put("published", read.precision().iso(read.day()));
        // "Mon, 23 Nov 2026 23:40:00 -0500" keeps its time as a date-time in ISO form would.
        read.time().ifPresent(time -> retried.put(PublishedTime.METADATA_KEY, time.iso()));
        warning = "published '" + written + "' is not an ISO-8601 date: read as " + read.precision().iso(read.day());
      } catch (MalformedArticleException unread) {
        // "2019-02-30" is ISO 8601 in form; saying it is not would send the librarian looking for the wrong mistake.
        warning = (PublicationDateParser.namesNoDay(written)
            ? "published '" + written + "'" + PublicationDateParser.NO_SUCH_DAY : e.reason()) + "; indexed undated";
      }
      Article article = parser.parse(retried, source, origin);
      sink.warn(new ReadWarning(origin, warning));
      return article;
    }
  }

  private static final String LONE_SURROGATE = "holds a lone surrogate (a \\uD800-\\uDFFF escape without its"
      + " pair), which is not text; it would be stored as '?'";
  /** A \\u escape of a high surrogate not followed by a low one, or of a low one not preceded by a high one. */
  private static final java.util.regex.Pattern LONE_SURROGATE_ESCAPE = java.util.regex.Pattern.compile(
      "(?i)\\\\ud[89ab][0-9a-f]{2}(?!\\\\ud[c-f][0-9a-f]{2})|(?<!\\\\ud[89ab][0-9a-f]{2})\\\\ud[c-f][0-9a-f]{2}");

  /**
   * Whether any string in a JSON value holds half a surrogate pair: JSON escapes can spell one
   * ({@code "\\ud800"}), Jackson decodes it silently, and it could never be written as UTF-8.
   */
  private static boolean holdsLoneSurrogate(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))) {
          return true;
        }
        if (Character.isLowSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode child : node) {
      if (holdsLoneSurrogate(child)) {
        return true;
      }
    }
    var names = node.fieldNames();
    while (names.hasNext()) {
      if (holdsLoneSurrogate(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.next()))) {
        return true;
      }
    }
    return false;
  }

  /** The line (from 1) of a multi-line JSON text where its first lone surrogate escape stands. */
  private static int lineOfLoneSurrogate(String text) {
    java.util.regex.Matcher escape = LONE_SURROGATE_ESCAPE.matcher(text);
    int end = escape.find() ? escape.start() : text.length();
    return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * The next line's bytes without its terminator ({@code \n} or {@code \r\n}); null at the end;
   * {@link #TOO_LONG} for a line over the limit.
   */
  private static byte[] nextLine(InputStream in) throws IOException {
    // Room for a whole article line at once: growing the buffer byte by byte showed in profiles.
    ByteArrayOutputStream line = new ByteArrayOutputStream(16 * 1024);
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (line.size() >= ArticleInput.MAX_DECOMPRESSED_BYTES) {
        return TOO_LONG;
      }
      line.write(b);
    }
    if (b == -1 && line.size() == 0) {
      return null;
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  /** A fresh decoder per line: decoders carry state, and a lenient one would hide broken bytes. */
  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    return node.isBoolean() ? "a boolean" : "null";
  }
}
