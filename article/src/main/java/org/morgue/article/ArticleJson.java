package org.morgue.article;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns an enriched article into the JSON stored with its document, and back.
 *
 * <p>The stored JSON leaves the block texts out and keeps each block's kind, and its length only where
 * the separator joining the blocks in the body does not give it: the body is stored once, in its own
 * field (the highlighter reads it there), and {@link #read} cuts the blocks back out of it. Storing it
 * twice made stored fields most of the index.
 *
 * <p>For the same reason it leaves out what the article's text already holds and writes offsets as
 * short numbers (issue #21: about 10% of the stored bytes of the generated 100k index after
 * compression): an actor mention is stored as {@code [start, length]}, its words cut back out of the
 * text on reading; a cue as its start and length, without its words or its sentence's index where the
 * text and the sentence spans give them, and without {@code quoted} when it is false; and each
 * sentence span as {@code [gap, length]}, the gap counted from the end of the one before. JSON stored
 * in the earlier forms (every block with its length; cues with their end and {@code quoted}; mentions
 * as {@code {"start", "end"}}, with their text before that; cues with their words and sentence; spans
 * as {@code {"start", "end"}}) reads as before.
 */
public final class ArticleJson {
  private static final String LENGTH = "length";

  private final ObjectMapper mapper;
  private final ObjectMapper stored;
  private final ObjectReader storedReader;
  private final ObjectReader summaryReader;

  public ArticleJson() {
    this.mapper = mapper();
    this.stored = mapper().registerModule(new SimpleModule()
        .addSerializer(Block.class, new BlockWithoutText())
        .addSerializer(Mention.class, new MentionWithoutText())
        .addSerializer(Cue.class, new CueWithoutWhatTheTextHolds())
        .addSerializer(Span.class, new SpanAsGapAndLength()));
    ObjectMapper reading = mapper().registerModule(new SimpleModule()
        .addDeserializer(Block.class, new BlockFromBody())
        .addDeserializer(EnrichedArticle.class, new ArticleThenEnrichment())
        .addDeserializer(Mention.class, new MentionFromText())
        .addDeserializer(Cue.class, new CueFromText())
        .addDeserializer(Span.class, new SpanFromGapAndLength()));
    this.storedReader = reading.readerFor(EnrichedArticle.class);
    this.summaryReader = reading.readerFor(StoredSummary.class);
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Where the article of these stored JSON bytes was read from ({@link Article#origin}), empty when not
   * said. Read as a stream that stops at the field: the article's own fields come before its
   * enrichment (actors, cues), which is most of the bytes, and a run over a folder reads this for
   * every stored article.
   */
  public String origin(byte[] json) {
    try (JsonParser parser = mapper.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean article = "article".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (!article || value != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          boolean origin = "origin".equals(parser.currentName());
          parser.nextToken();
          if (origin) {
            return parser.getValueAsString("");
          }
          parser.skipChildren();
        }
        return "";
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("stored article JSON is unreadable", e);
    }
  }

  /** The JSON bytes stored for an enriched article: everything but the words its text already holds. */
  public byte[] write(EnrichedArticle article) {
    try {
      return stored.writer()
          .withAttribute(WrittenText.class, new WrittenText(article))
          .writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise article " + article.article().id(), e);
    }
  }

  /** The JSON bytes of an article as read, before enrichment: what its fingerprint is taken of. */
  public byte[] write(Article article) {
    try {
      return mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise article " + article.id(), e);
    }
  }

  /**
   * An enriched article read back from the bytes {@link #write(EnrichedArticle)} made and the
   * article's {@link Article#body()}, which holds the block texts.
   */
  public EnrichedArticle read(byte[] json, String body) {
    try {
      // One pass: each block takes its text from the body as it is parsed (every search hit is read
      // here, and building a tree first and binding it after cost twice as much).
      return storedReader.withAttribute(BodyCursor.class, new BodyCursor(body))
          .withAttribute(TextCursor.class, new TextCursor())
          .readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored article JSON is unreadable", e);
    }
  }

  /**
   * Stored JSON with its properties in the order {@link #read} needs them, for a store that keeps it
   * as an object and may give the properties back in another order (an OpenSearch source filtered by
   * its fields comes back as a hash map): the article before its enrichment, whose mentions are cut
   * from the article's text, and the sentence spans before the cues that may point into them.
   */
  public static JsonNode inReadingOrder(JsonNode stored) {
    if (!(stored instanceof ObjectNode object)) {
      return stored;
    }
    ObjectNode ordered = first(object, "article");
    if (ordered.get("enrichment") instanceof ObjectNode enrichment
        && enrichment.get("hedging") instanceof ObjectNode hedging) {
      enrichment.set("hedging", first(hedging, "sentenceSpans"));
    }
    return ordered;
  }

  private static ObjectNode first(
      ObjectNode object, String key) {
    ObjectNode ordered = object.objectNode();
    if (object.has(key)) {
      ordered.set(key, object.get(key));
    }
    object.properties().forEach(property -> {
      if (!property.getKey().equals(key)) {
        ordered.set(property.getKey(), property.getValue());
      }
    });
    return ordered;
  }

  /**
   * The summary of an article from the same bytes as {@link #read}: the mentions, cues and spans that
   * make up most of the stored JSON are skipped over, not built, which is most of the cost of a search
   * hit.
   */
  public ArticleSummary readSummary(byte[] json, String body) {
    try {
      StoredSummary stored = summaryReader.withAttribute(BodyCursor.class, new BodyCursor(body)).readValue(json);
      return new ArticleSummary(stored.article(),
          stored.enrichment().actors().stream().map(a -> new ArticleSummary.NamedActor(a.name(), a.type())).toList(),
          stored.enrichment().themes().stream().map(StoredTheme::name).toList(),
          stored.enrichment().hedging().level());
    } catch (IOException e) {
      throw new UncheckedIOException("stored article JSON is unreadable", e);
    }
  }

  /** The parts of the stored JSON a summary is made of; every other property is skipped. */
  record StoredSummary(Article article, StoredEnrichment enrichment) {}

  record StoredEnrichment(List<StoredActor> actors, List<StoredTheme> themes, StoredHedging hedging) {}

  record StoredActor(String name, ActorType type) {}

  record StoredTheme(String name) {}

  record StoredHedging(java.util.Optional<HedgeLevel> level) {
    StoredHedging {
      level = level == null ? java.util.Optional.empty() : level;
    }
  }

  /**
   * The name of the first property of the object a deserializer is given, the parser moved onto its
   * value; null for an empty object. Jackson hands a deserializer the object's start, or its first
   * property's name when it has looked ahead.
   */
  private static String firstProperty(JsonParser json) throws IOException {
    JsonToken token = json.currentToken() == JsonToken.START_OBJECT ? json.nextToken() : json.currentToken();
    return onValue(json, token);
  }

  /** The name of the next property, the parser moved onto its value; null at the object's end. */
  private static String nextProperty(JsonParser json) throws IOException {
    return onValue(json, json.nextToken());
  }

  private static String onValue(JsonParser json, JsonToken token) throws IOException {
    if (token != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = json.currentName();
    json.nextToken();
    return name;
  }

  /** Where the next block's text starts in the stored body of the article being read. */
  private static final class BodyCursor {
    private final String body;
    private int at;

    BodyCursor(String body) {
      this.body = body;
    }

    /** The next block's text: up to the next separator (or the body's end) when no length is given. */
    String next(OptionalInt stored) throws IOException {
      int length;
      if (stored.isPresent()) {
        length = stored.getAsInt();
      } else {
        int separator = body.indexOf(Article.BLOCK_SEPARATOR, at);
        length = (separator < 0 ? body.length() : separator) - at;
      }
      if (length < 0 || at + length > body.length()) {
        throw new IOException("stored block lengths overrun the stored body (" + body.length() + " chars)");
      }
      String text = body.substring(at, at + length);
      at += length + Article.BLOCK_SEPARATOR.length();
      return text;
    }
  }

  /** A block read back: its kind from the JSON, its text cut from the body by its stored length. */
  private static final class BlockFromBody extends StdDeserializer<Block> {
    private static final long serialVersionUID = 1L;

    BlockFromBody() {
      super(Block.class);
    }

    @Override
    public Block deserialize(JsonParser json, DeserializationContext context) throws IOException {
      BlockKind kind = null;
      OptionalInt length = OptionalInt.empty();
      for (String name = firstProperty(json); name != null; name = nextProperty(json)) {
        if (name.equals("kind")) {
          kind = context.readValue(json, BlockKind.class);
        } else if (name.equals(LENGTH)) {
          length = OptionalInt.of(json.getIntValue());
        } else {
          json.skipChildren();
        }
      }
      if (kind == null) {
        throw new IOException("a stored block has no kind");
      }
      return new Block(kind, ((BodyCursor) context.getAttribute(BodyCursor.class)).next(length));
    }
  }

  /**
   * A block as stored: its kind, and how long its text is in the stored body only when the body does
   * not say it, that is when the text holds the separator that joins the blocks (or ends with the
   * first half of it). The lengths were about 16 compressed bytes an article (issue #21).
   */
  private static final class BlockWithoutText extends StdSerializer<Block> {
    private static final long serialVersionUID = 1L;

    BlockWithoutText() {
      super(Block.class);
    }

    @Override
    public void serialize(Block block, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject();
      json.writeStringField("kind", block.kind().id());
      String text = block.text();
      // An empty block keeps its length too: the body puts no separator after an empty first block.
      if (text.isEmpty() || (text + Article.BLOCK_SEPARATOR).indexOf(Article.BLOCK_SEPARATOR) != text.length()) {
        json.writeNumberField(LENGTH, text.length());
      }
      json.writeEndObject();
    }
  }

  /**
   * The article being read, known once its part of the JSON is read, and where the last sentence span
   * read ended: what mentions and spans stored in the lean form are read back from. The article's
   * text (its title and body joined, a copy of the body) is made only when a mention needs it: an
   * article naming no actor, or stored before the lean form, never has it made.
   */
  private static final class TextCursor {
    private Article article;
    private String text;
    private int spanEnd;
    private final List<Span> spans = new ArrayList<>();

    /** The sentence a stored cue without its index lies in, from the spans (written before cues). */
    int sentenceAt(int offset) {
      return sentenceHolding(spans, offset);
    }

    String cut(int start, int end) throws IOException {
      if (text == null) {
        if (article == null) {
          throw new IOException("a mention or cue without its text was read before its article");
        }
        text = article.text();
      }
      if (start < 0 || end < start || end > text.length()) {
        throw new IOException("a stored mention or cue [" + start + ", " + end + ") lies outside the article's "
            + text.length() + " chars");
      }
      return text.substring(start, end);
    }
  }

  /**
   * Reads the article before its enrichment, so that the enrichment's mentions can take their words
   * from the article's text. {@link #write} always writes them in that order (the record's).
   */
  private static final class ArticleThenEnrichment extends StdDeserializer<EnrichedArticle> {
    private static final long serialVersionUID = 1L;

    ArticleThenEnrichment() {
      super(EnrichedArticle.class);
    }

    @Override
    public EnrichedArticle deserialize(JsonParser json, DeserializationContext context) throws IOException {
      TextCursor cursor = (TextCursor) context.getAttribute(TextCursor.class);
      Article article = null;
      Enrichment enrichment = null;
      for (String name = firstProperty(json); name != null; name = nextProperty(json)) {
        if (name.equals("article")) {
          article = context.readValue(json, Article.class);
          cursor.article = article;
        } else if (name.equals("enrichment")) {
          enrichment = context.readValue(json, Enrichment.class);
        } else {
          json.skipChildren();
        }
      }
      if (article == null || enrichment == null) {
        throw new IOException("a stored article lacks its " + (article == null ? "article" : "enrichment"));
      }
      return new EnrichedArticle(article, enrichment);
    }
  }

  /**
   * A mention as stored: {@code [start, length]} in the article's text, which holds its words. The
   * length is a digit or two where the end would be as long as the start.
   */
  private static final class MentionWithoutText extends StdSerializer<Mention> {
    private static final long serialVersionUID = 1L;

    MentionWithoutText() {
      super(Mention.class);
    }

    @Override
    public void serialize(Mention mention, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartArray();
      json.writeNumber(mention.start());
      json.writeNumber(mention.end() - mention.start());
      json.writeEndArray();
    }
  }

  /**
   * A mention read back, from {@code [start, length]} or the earlier {@code {start, end}} (with its
   * {@code text} before that): its words from the stored JSON where they are there, else from the text.
   */
  private static final class MentionFromText extends StdDeserializer<Mention> {
    private static final long serialVersionUID = 1L;

    MentionFromText() {
      super(Mention.class);
    }

    @Override
    public Mention deserialize(JsonParser json, DeserializationContext context) throws IOException {
      int start = -1;
      int end = -1;
      String text = null;
      if (json.currentToken() == JsonToken.START_ARRAY) {
        start = nextInt(json, "mention's start or length");
        end = start + nextInt(json, "mention's start or length");
        if (json.nextToken() != JsonToken.END_ARRAY) {
          throw new IOException("a stored mention has more than a start and a length");
        }
      } else {
        for (String name = firstProperty(json); name != null; name = nextProperty(json)) {
          switch (name) {
            case "start" -> start = json.getIntValue();
            case "end" -> end = json.getIntValue();
            case "text" -> text = json.getText();
            default -> json.skipChildren();
          }
        }
      }
      if (text == null) {
        text = ((TextCursor) context.getAttribute(TextCursor.class)).cut(start, end);
      }
      return new Mention(start, end, text);
    }
  }

  /**
   * The article being written, which its cues are written against. Its text (the title and body
   * joined, a copy) is made once, and only when it has a cue.
   */
  private static final class WrittenText {
    private final EnrichedArticle article;
    private String text;

    WrittenText(EnrichedArticle article) {
      this.article = article;
    }

    List<Span> sentenceSpans() {
      return article.enrichment().hedging().sentenceSpans();
    }

    /** Whether the cue's offsets cut exactly its words out of the text. */
    boolean holds(Cue cue) {
      if (text == null) {
        text = article.article().text();
      }
      return cue.start() >= 0 && cue.start() <= cue.end() && cue.end() <= text.length()
          && cue.end() - cue.start() == cue.text().length()
          && text.startsWith(cue.text(), cue.start());
    }
  }

  /** The first of these spans holding an offset; -1 for none. Cues are written and read by it alike. */
  private static int sentenceHolding(List<Span> spans, int offset) {
    for (int i = 0; i < spans.size(); i++) {
      if (spans.get(i).start() <= offset && offset < spans.get(i).end()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A cue as stored: its start and length (a digit or two where the end would be as long as the
   * start), {@code quoted} only when true, and its words and its sentence's index only where the
   * article's text and sentence spans do not already give them (its offsets cut the words out; the
   * span holding its start is its sentence), which no cue of the shipped corpus needs.
   */
  private static final class CueWithoutWhatTheTextHolds extends StdSerializer<Cue> {
    private static final long serialVersionUID = 1L;

    CueWithoutWhatTheTextHolds() {
      super(Cue.class);
    }

    @Override
    public void serialize(Cue cue, JsonGenerator json, SerializerProvider provider) throws IOException {
      WrittenText written = (WrittenText) provider.getAttribute(WrittenText.class);
      json.writeStartObject();
      provider.defaultSerializeField("kind", cue.kind(), json);
      json.writeStringField("category", cue.category());
      if (!written.holds(cue)) {
        json.writeStringField("text", cue.text());
      }
      json.writeNumberField("start", cue.start());
      json.writeNumberField(LENGTH, cue.end() - cue.start());
      if (sentenceHolding(written.sentenceSpans(), cue.start()) != cue.sentence()) {
        json.writeNumberField("sentence", cue.sentence());
      }
      if (cue.quoted()) {
        json.writeBooleanField("quoted", true);
      }
      json.writeEndObject();
    }
  }

  /** A cue read back, its words and sentence from the article's text and spans where not stored. */
  private static final class CueFromText extends StdDeserializer<Cue> {
    private static final long serialVersionUID = 1L;

    CueFromText() {
      super(Cue.class);
    }

    @Override
    public Cue deserialize(JsonParser json, DeserializationContext context) throws IOException {
      CueKind kind = null;
      String category = null;
      String text = null;
      int start = -1;
      int end = -1;
      int length = -1;
      Integer sentence = null;
      boolean quoted = false;
      for (String name = firstProperty(json); name != null; name = nextProperty(json)) {
        switch (name) {
          case "kind" -> kind = context.readValue(json, CueKind.class);
          case "category" -> category = json.getText();
          case "text" -> text = json.getText();
          case "start" -> start = json.getIntValue();
          case "end" -> end = json.getIntValue();
          case LENGTH -> length = json.getIntValue();
          case "sentence" -> sentence = json.getIntValue();
          case "quoted" -> quoted = json.getBooleanValue();
          default -> json.skipChildren();
        }
      }
      if (length >= 0) {
        end = start + length;
      }
      TextCursor cursor = (TextCursor) context.getAttribute(TextCursor.class);
      if (text == null) {
        text = cursor.cut(start, end);
      }
      if (sentence == null) {
        sentence = cursor.sentenceAt(start);
      }
      return new Cue(kind, category, text, start, end, sentence, quoted);
    }
  }

  /**
   * A sentence span as stored: {@code [gap, length]}, the gap from where the span before it ended.
   * Sentence spans are the only spans stored, and they follow one another in text order.
   */
  private static final class SpanAsGapAndLength extends StdSerializer<Span> {
    private static final long serialVersionUID = 1L;

    SpanAsGapAndLength() {
      super(Span.class);
    }

    @Override
    public void serialize(Span span, JsonGenerator json, SerializerProvider provider) throws IOException {
      Object previous = provider.getAttribute(SpanAsGapAndLength.class);
      int previousEnd = previous == null ? 0 : (Integer) previous;
      // A span that starts before the last one ended (never so for sentences) has a negative gap.
      json.writeStartArray();
      json.writeNumber(span.start() - previousEnd);
      json.writeNumber(span.end() - span.start());
      json.writeEndArray();
      provider.setAttribute(SpanAsGapAndLength.class, span.end());
    }
  }

  /** A sentence span read back, from {@code [gap, length]} or from the earlier {@code {start, end}}. */
  private static final class SpanFromGapAndLength extends StdDeserializer<Span> {
    private static final long serialVersionUID = 1L;

    SpanFromGapAndLength() {
      super(Span.class);
    }

    @Override
    public Span deserialize(JsonParser json, DeserializationContext context) throws IOException {
      TextCursor cursor = (TextCursor) context.getAttribute(TextCursor.class);
      Span span;
      if (json.currentToken() == JsonToken.START_ARRAY) {
        int gap = nextInt(json, "sentence span's gap or length");
        int length = nextInt(json, "sentence span's gap or length");
        if (json.nextToken() != JsonToken.END_ARRAY) {
          throw new IOException("a stored sentence span has more than a gap and a length");
        }
        int start = cursor.spanEnd + gap;
        span = new Span(start, start + length);
      } else {
        int start = -1;
        int end = -1;
        for (String name = firstProperty(json); name != null; name = nextProperty(json)) {
          switch (name) {
            case "start" -> start = json.getIntValue();
            case "end" -> end = json.getIntValue();
            default -> json.skipChildren();
          }
        }
        span = new Span(start, end);
      }
      cursor.spanEnd = span.end();
      cursor.spans.add(span);
      return span;
    }
  }

  private static int nextInt(JsonParser json, String what) throws IOException {
    if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new IOException("a stored " + what + " is not a whole number");
    }
    return json.getIntValue();
  }
}
