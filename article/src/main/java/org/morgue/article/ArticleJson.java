package org.morgue.article;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns an enriched article into the JSON stored with its document, and back.
 *
 * <p>The stored JSON leaves the block texts out and keeps each block's kind and length: the body is
 * stored once, in its own field (the highlighter reads it there), and {@link #read} cuts the blocks
 * back out of it. Storing it twice made stored fields most of the index.
 */
public final class ArticleJson {
  private static final String LENGTH = "length";

  private final ObjectMapper mapper;
  private final ObjectMapper stored;
  private final ObjectReader storedReader;
  private final ObjectReader summaryReader;

  public ArticleJson() {
    this.mapper = mapper();
    this.stored = mapper().registerModule(new SimpleModule().addSerializer(Block.class, new BlockWithoutText()));
    ObjectMapper reading = mapper().registerModule(new SimpleModule().addDeserializer(Block.class, new BlockFromBody()));
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

  /** The JSON bytes stored for an enriched article: everything but the block texts. */
  public byte[] write(EnrichedArticle article) {
    try {
      return stored.writeValueAsBytes(article);
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
      return storedReader.withAttribute(BodyCursor.class, new BodyCursor(body)).readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored article JSON is unreadable", e);
    }
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

  record StoredHedging(HedgeLevel level) {}

  /** Where the next block's text starts in the stored body of the article being read. */
  private static final class BodyCursor {
    private final String body;
    private int at;

    BodyCursor(String body) {
      this.body = body;
    }

    String next(int length) throws IOException {
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
      int length = 0;
      JsonToken token = json.currentToken() == JsonToken.START_OBJECT ? json.nextToken() : json.currentToken();
      for (; token == JsonToken.FIELD_NAME; token = json.nextToken()) {
        String name = json.currentName();
        json.nextToken();
        if (name.equals("kind")) {
          kind = context.readValue(json, BlockKind.class);
        } else if (name.equals(LENGTH)) {
          length = json.getIntValue();
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

  /** A block as stored: its kind and how long its text is in the stored body. */
  private static final class BlockWithoutText extends StdSerializer<Block> {
    private static final long serialVersionUID = 1L;

    BlockWithoutText() {
      super(Block.class);
    }

    @Override
    public void serialize(Block block, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject();
      json.writeStringField("kind", block.kind().id());
      json.writeNumberField(LENGTH, block.text().length());
      json.writeEndObject();
    }
  }
}
