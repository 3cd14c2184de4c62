package org.morgue.indexer.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.morgue.indexer.article.EnrichedArticle;

/** Turns an enriched article into the JSON stored with its document, and back. */
public final class ArticleJson {
  private final ObjectMapper mapper;

  public ArticleJson() {
    this.mapper =
        new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The JSON bytes of an enriched article. */
  public byte[] write(EnrichedArticle article) {
    try {
      return mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise article " + article.article().id(), e);
    }
  }

  /** The JSON bytes of an article as read, before enrichment: what its fingerprint is taken of. */
  public byte[] write(org.morgue.indexer.article.Article article) {
    try {
      return mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise article " + article.id(), e);
    }
  }

  /** An enriched article read back from the bytes {@link #write} made. */
  public EnrichedArticle read(byte[] json) {
    try {
      return mapper.readValue(json, EnrichedArticle.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored article JSON is unreadable", e);
    }
  }
}
