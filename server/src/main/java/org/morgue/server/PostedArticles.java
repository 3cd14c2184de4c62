package org.morgue.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.JsonLinesFormat;
import org.morgue.indexer.source.MalformedArticleException;

/**
 * Reads the body of {@code POST /api/articles} with the JSON Lines reader: one JSON object, or JSON
 * Lines. Every line is checked before anything is accepted, so a body is taken whole or not at all,
 * and the 400 lists every bad line rather than only the first.
 */
final class PostedArticles {
  /** The source of posted articles that name none. */
  static final String DEFAULT_SOURCE = "api";
  /** Bad lines listed in one error; the count says how many more there were. */
  private static final int MAX_LISTED = 10;

  /** How a body holds its articles, by media type. */
  enum Layout {
    /** {@code application/json}: one article object, which may span lines. */
    OBJECT,
    /** {@code application/x-ndjson}, {@code application/jsonl}: one article object per line. */
    LINES;

    /** The layout of a {@code Content-Type}, ignoring parameters such as {@code charset}. */
    static Optional<Layout> of(String contentType) {
      if (contentType == null) {
        return Optional.empty();
      }
      String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      return switch (media) {
        case "application/json" -> Optional.of(OBJECT);
        case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" ->
            Optional.of(LINES);
        default -> Optional.empty();
      };
    }
  }

  private final JsonLinesFormat format = new JsonLinesFormat();

  /**
   * The articles in a body.
   *
   * @throws BadRequestException (parameter {@code body}) naming each bad line and why, when any line
   *     is not an article, an id is given twice, or there are no articles at all
   */
  List<Article> read(byte[] body, Layout layout) throws BadRequestException {
    List<Article> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (layout == Layout.OBJECT) {
      try {
        articles.add(format.readObject(body, DEFAULT_SOURCE, "body"));
      } catch (MalformedArticleException e) {
        problems.add(e.getMessage());
      }
    } else {
      readLines(body, articles, problems);
    }
    if (problems.isEmpty() && articles.isEmpty()) {
      problems.add("the body holds no articles");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", summary(problems));
    }
    return articles;
  }

  private void readLines(byte[] body, List<Article> articles, List<String> problems) {
    Map<String, String> firstLineOfId = new HashMap<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        String earlier = firstLineOfId.putIfAbsent(article.id(), article.origin());
        if (earlier != null) {
          // Two versions of one article in one request: which should win is anyone's guess.
          problems.add(article.origin() + ": id '" + article.id() + "' was already given on " + earlier);
        } else {
          articles.add(article);
        }
      }

      @Override
      public void reject(MalformedArticleException problem) {
        problems.add(problem.getMessage());
      }
    };
    try {
      format.read(new ByteArrayInputStream(body), DEFAULT_SOURCE, line -> "line " + line, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private static String summary(List<String> problems) {
    String listed = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
    String more = problems.size() > MAX_LISTED ? "; and " + (problems.size() - MAX_LISTED) + " more" : "";
    String count = problems.size() == 1 ? "" : problems.size() + " problems: ";
    return "nothing was written; " + count + listed + more;
  }
}
