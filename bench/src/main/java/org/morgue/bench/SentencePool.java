package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Span;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/**
 * Real sentences from a corpus folder, kept grouped by the article they come from, so a generated
 * article can take runs of neighbouring sentences and read like one story.
 */
final class SentencePool {
  /** Shorter fragments are headings and list debris; longer ones are 18th-century periods. */
  private static final int MIN_CHARS = 40;
  private static final int MAX_CHARS = 400;
  /** A sentence as prose has it: a capital (or an opening quote) first, a full stop or the like last. */
  private static final Pattern PROSE = Pattern.compile("[\"“‘']?\\p{Lu}.*[.?!][\"”’']?", Pattern.DOTALL);

  private final List<List<String>> documents;

  /** The pool's lower-case words, made on first use and shared by every generator of the pool; a race makes the same list twice. */
  private volatile List<String> lowerCaseWords;

  /** A lower-case word: what the generator swaps when it rewords a sentence. */
  static final Pattern LOWER_CASE_WORD = Pattern.compile("\\b\\p{Ll}+\\b");

  private SentencePool(List<List<String>> documents) {
    this.documents = List.copyOf(documents);
  }

  /**
   * Every lower-case word of the pool ({@link #LOWER_CASE_WORD}) as often as it occurs there, in the
   * pool's order: a replacement drawn from it is drawn as often as the word is used, so reworded text
   * keeps the pool's mix of short common words and long rare ones, and about its length.
   */
  List<String> lowerCaseWords() {
    List<String> words = lowerCaseWords;
    if (words == null) {
      List<String> all = new ArrayList<>();
      for (List<String> sentences : documents) {
        for (String sentence : sentences) {
          java.util.regex.Matcher found = LOWER_CASE_WORD.matcher(sentence);
          while (found.find()) {
            all.add(found.group());
          }
        }
      }
      words = List.copyOf(all);
      lowerCaseWords = words;
    }
    return words;
  }

  /**
   * Reads every article under a folder (in any format Morgue reads) and splits its body into
   * sentences with Morgue's own splitter.
   *
   * @throws IllegalStateException when a record cannot be read: the shipped corpus must read cleanly
   */
  static SentencePool read(Path corpus) throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    SentenceSplitter splitter = SentenceSplitter.fromResources();
    List<List<String>> documents = new ArrayList<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        List<String> sentences = new ArrayList<>();
        String text = article.text();
        Span title = article.titleSpan();
        for (Span span : splitter.split(article)) {
          if (span.start() < title.end()) {
            continue;
          }
          String sentence = text.substring(span.start(), span.end()).replaceAll("\\s+", " ");
          if (sentence.length() >= MIN_CHARS && sentence.length() <= MAX_CHARS && PROSE.matcher(sentence).matches()) {
            sentences.add(sentence);
          }
        }
        if (sentences.size() >= 2) {
          documents.add(sentences);
        }
      }

      @Override
      public void reject(MalformedArticleException problem) {
        throw new IllegalStateException("cannot read the corpus the benchmark samples: " + problem.getMessage(),
            problem);
      }
    };
    for (Path file : files.files(List.of(corpus))) {
      files.read(file, sink);
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("no sentences to sample under " + corpus);
    }
    return new SentencePool(documents);
  }

  /** How many articles gave sentences. */
  int documentCount() {
    return documents.size();
  }

  /** The sentences of one article, in text order. */
  List<String> sentences(int document) {
    return documents.get(document);
  }
}
