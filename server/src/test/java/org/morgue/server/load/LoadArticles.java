package org.morgue.server.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/**
 * The articles the writer posts: sentences of the shipped corpus, so enrichment has real text to
 * work on, each article with a unique id and a unique marker word that no other article contains,
 * which a search can look for.
 */
final class LoadArticles {
  /** Where sentences end well enough for making up articles. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> sentences;
  private final long seed;

  /** One article to post. */
  record LoadArticle(String id, String marker, String json) {}

  private LoadArticles(List<String> sentences, long seed) {
    this.sentences = List.copyOf(sentences);
    this.seed = seed;
  }

  /**
   * Sentences of every article under a corpus folder, in the order the files are read.
   *
   * @throws IOException when the folder cannot be walked
   * @throws IllegalStateException when a file in it cannot be read, or it holds too few sentences
   */
  static LoadArticles fromCorpus(Path corpus, long seed) throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    List<String> sentences = new ArrayList<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        for (String sentence : SENTENCE_END.split(article.body())) {
          String clean = sentence.strip().replaceAll("\\s+", " ");
          if (clean.length() >= 40 && clean.length() <= 240) {
            sentences.add(clean);
          }
        }
      }

      @Override
      public void reject(MalformedArticleException problem) {
        throw new IllegalStateException("the load test's corpus must read cleanly: " + problem.getMessage(), problem);
      }
    };
    for (Path file : files.files(List.of(corpus))) {
      files.read(file, sink);
    }
    if (sentences.size() < 100) {
      throw new IllegalStateException(corpus + " gives only " + sentences.size() + " sentences; the load test needs 100");
    }
    return new LoadArticles(sentences, seed);
  }

  /** The same sentences with another seed: reading the shipped corpus's files takes seconds. */
  LoadArticles withSeed(long other) {
    return new LoadArticles(sentences, other);
  }

  /** The n-th article of the run: the same n and seed always give the same article. */
  LoadArticle article(long n) {
    Random random = new Random(seed * 1_000_003L + n);
    // The seed is part of both, so runs with different seeds can share one index.
    String id = "load-%d-%06d".formatted(seed, n);
    // Digits end the word, so no stemmer shortens it and no two markers become one term.
    String marker = "loadmark%dn%06d".formatted(seed, n);
    String title = sentence(random);
    String body = sentence(random) + " " + sentence(random) + "\n\n" + sentence(random)
        + " The desk filed this as " + marker + ".";
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("id", id);
    article.put("title", shortened(title, 120));
    article.put("published", LocalDate.of(1790 + random.nextInt(232), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
    article.put("source", "load-test");
    article.put("authors", List.of("Load Desk"));
    article.put("body", body);
    try {
      return new LoadArticle(id, marker, JSON.writeValueAsString(article));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises: " + article, e);
    }
  }

  /** At most {@code length} characters, cut at a space where there is one. */
  private static String shortened(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int space = text.lastIndexOf(' ', length);
    return text.substring(0, space > 0 ? space : length);
  }

  private String sentence(Random random) {
    return sentences.get(random.nextInt(sentences.size()));
  }
}
