package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a text that has no paragraph breaks (a speech transcript, a tagged corpus sample) into
 * paragraph-sized chunks of a few sentences, so a reader is not faced with one wall of text. The
 * sentence split is deliberately simple: a chunk boundary in a slightly wrong place costs nothing.
 */
final class SentenceChunks {
  /** A sentence ends at . ! or ? (maybe closed by a quote or bracket) followed by a capital. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’')\\]]?)\\s+(?=[\"“‘(\\[]?[A-Z])");
  private static final int SENTENCES_PER_CHUNK = 6;

  private SentenceChunks() {}

  /** The text in chunks of about {@value #SENTENCES_PER_CHUNK} sentences. */
  static List<String> of(String text) {
    String[] sentences = SENTENCE_END.split(text.strip());
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int count = 0;
    for (String sentence : sentences) {
      if (sentence.isBlank()) {
        continue;
      }
      if (!chunk.isEmpty()) {
        chunk.append(' ');
      }
      chunk.append(sentence.strip());
      if (++count == SENTENCES_PER_CHUNK) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
        count = 0;
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }
}
