package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Brown Corpus samples in the tagged "form C" layout: every token written {@code word/tag}, one
 * sentence per line, sentences separated by blank lines (files named like {@code ca01}, no
 * extension). Recognised by content: nearly every token of the first lines carries a tag. Tags are
 * stripped and the tokens re-joined as running text (the corpus writes quotes as {@code ``} and
 * {@code ''}). A sample has no headline, so the title is the sample name and its opening words; all
 * of section A is 1961 press reportage, so the date is 1961 with {@code date_precision} {@code year}.
 */
public final class BrownCorpusFormat implements ArticleFormat {
  /** The source every sample is filed under. */
  public static final String SOURCE = "Brown Corpus (1961)";

  private static final Pattern TAGGED = Pattern.compile("\\S+/[a-z$*+\\-'`.,:()]+(?:-tl|-hl|-nc)?");
  private static final Pattern SAMPLE_NAME = Pattern.compile("c[a-r]\\d\\d");
  private static final int TITLE_WORDS = 8;

  @Override
  public String name() {
    return "brown-corpus";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    String name = input.name();
    if (!SAMPLE_NAME.matcher(name).matches() && !name.endsWith(".pos")) {
      return false;
    }
    String[] tokens = input.headText().strip().split("\\s+");
    int tagged = 0;
    for (String token : tokens) {
      if (TAGGED.matcher(token).matches()) {
        tagged++;
      }
    }
    return tokens.length >= 5 && tagged >= tokens.length * 0.9;
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    String raw;
    try (InputStream in = input.open()) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder text = new StringBuilder();
    for (String line : raw.split("\\R")) {
      if (!line.isBlank()) {
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(detag(line.strip()));
      }
    }
    if (text.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.NO_TEXT, input.origin(), "no tagged text"));
      return;
    }
    List<Block> blocks = new ArrayList<>();
    for (String chunk : SentenceChunks.of(text.toString())) {
      blocks.add(new Block(blocks.isEmpty() ? BlockKind.LEDE : BlockKind.PARAGRAPH, chunk));
    }
    String sample = input.name().replaceFirst("\\.pos$", "");
    String[] words = text.toString().split("\\s+");
    String opening = String.join(" ", java.util.Arrays.copyOf(words, Math.min(TITLE_WORDS, words.length)));
    // "ca01" is section A, sample 01: the corpus's own name for it is A01.
    String title = "Brown Corpus " + sample.substring(1).toUpperCase(java.util.Locale.ROOT) + ": " + opening + "…";
    sink.accept(new Article("brown-" + sample, title, blocks, Optional.of(LocalDate.of(1961, 1, 1)), SOURCE,
        Optional.empty(), List.of(), input.origin(), Map.of("date_precision", List.of("year"))));
  }

  /** Strips the tags of one tagged sentence and joins the words the way print would. */
  static String detag(String sentence) {
    StringBuilder out = new StringBuilder();
    boolean glueNext = true;
    for (String token : sentence.split("\\s+")) {
      int slash = token.lastIndexOf('/');
      String word = slash > 0 ? token.substring(0, slash) : token;
      switch (word) {
        case "``" -> {
          space(out, glueNext);
          out.append('“');
          glueNext = true;
        }
        case "''" -> {
          out.append('”');
          glueNext = false;
        }
        case ",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'" -> {
          out.append(word);
          glueNext = false;
        }
        case "(", "[" -> {
          space(out, glueNext);
          out.append(word);
          glueNext = true;
        }
        default -> {
          space(out, glueNext);
          out.append(word);
          glueNext = false;
        }
      }
    }
    return out.toString();
  }

  private static void space(StringBuilder out, boolean glue) {
    if (!glue && !out.isEmpty()) {
      out.append(' ');
    }
  }
}
