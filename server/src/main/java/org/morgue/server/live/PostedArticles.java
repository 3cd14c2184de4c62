package org.morgue.server.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.ArticleIdForms;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.JsonLinesFormat;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.Problem;
import org.morgue.server.problem.ProblemCode;

/**
 * Reads the body of {@code POST /api/articles} with the JSON Lines reader: one JSON object, or JSON
 * Lines. Every line is checked before anything is accepted, so a body is taken whole or not at all,
 * and the 400 lists every bad line rather than only the first.
 */
final class PostedArticles {
  /** The source of posted articles that name none. */
  static final String DEFAULT_SOURCE = "api";
  /** Bad lines the prose detail lists; the count says how many more there were, {@code errors} lists them. */
  private static final int MAX_LISTED = 10;
  /** The origin the reader gives a line of a JSON Lines body: its number, from 1. */
  private static final Pattern LINE = Pattern.compile("line (\\d{1,9})");

  /** How a body holds its articles, as its media type says ({@code BodyMediaType}). */
  enum Layout {
    /** JSON: one article object, which may span lines. */
    OBJECT,
    /** JSON Lines: one article object per line. */
    LINES
  }

  private final JsonLinesFormat format = JsonLinesFormat.strict();

  /**
   * The articles in a body.
   *
   * @throws BadRequestException (parameter {@code body}) naming each bad line and why, when any line
   *     is not an article, an id is given twice, or there are no articles at all
   */
  List<Article> read(byte[] body, Layout layout) throws BadRequestException {
    List<Article> articles = new ArrayList<>();
    List<Refusal> problems = new ArrayList<>();
    if (layout == Layout.OBJECT) {
      try {
        articles.add(format.readObject(body, DEFAULT_SOURCE, "body"));
      } catch (MalformedArticleException e) {
        problems.add(Refusal.of(e));
      }
    } else {
      readLines(body, articles, problems);
    }
    if (problems.isEmpty() && articles.isEmpty()) {
      problems.add(Refusal.of("", "the body holds no articles", Optional.empty()));
    }
    if (!problems.isEmpty()) {
      // A field's own code only when every refusal is about that field, so a client switching on it
      // knows what to fix; a mix is a bad body, and the detail lists each line either way.
      ProblemCode code = problems.stream().map(Refusal::code).distinct().count() == 1
          ? problems.getFirst().code() : ProblemCode.INVALID_BODY;
      Refusal first = problems.getFirst();
      List<Problem.BodyError> errors = problems.stream().limit(Problem.MAX_ERRORS).map(Refusal::error).toList();
      throw code == ProblemCode.INVALID_BODY
          ? new BadRequestException(code, "body", summary(problems), null, null, errors, problems.size())
          : new BadRequestException(code, "body", summary(problems), first.field().orElseThrow(),
              first.value().orElseThrow(), errors, problems.size());
    }
    return articles;
  }

  /**
   * Why one line or object was refused, and which field's value, when that is the reason.
   *
   * @param message the reason with where, as the prose detail lists it ("line 4: published ...")
   * @param origin where: "line 4", or "body" for a body of one object (a lone surrogate adds the
   *     object's own line: "body, line 3")
   * @param reason the reason alone
   */
  private record Refusal(String message, String origin, String reason, Optional<String> id, Optional<String> field,
      Optional<String> value) {
    static Refusal of(String origin, String reason, Optional<String> id) {
      return new Refusal(origin.isEmpty() ? reason : origin + ": " + reason, origin, reason, id, Optional.empty(),
          Optional.empty());
    }

    static Refusal of(MalformedArticleException e) {
      return new Refusal(e.getMessage(), e.origin(), e.reason(), e.id(), e.field(), e.value());
    }

    /** The refusal as the problem's {@code errors} lists it. */
    Problem.BodyError error() {
      Matcher line = LINE.matcher(origin);
      return new Problem.BodyError(line.matches() ? Integer.valueOf(line.group(1)) : null, id.orElse(null),
          field.orElse(null), value.orElse(null), reason);
    }

    /**
     * The code of this refusal alone: a field's own when its value is refused for what it is; a
     * value refused for its length alone (the refusal then names no value) makes a bad body.
     */
    ProblemCode code() {
      return field.filter(name -> value.isPresent()).map(name -> switch (name) {
        case "id" -> ProblemCode.INVALID_ARTICLE_ID;
        case "url" -> ProblemCode.INVALID_ARTICLE_URL;
        case "published" -> ProblemCode.INVALID_ARTICLE_PUBLISHED;
        default -> ProblemCode.INVALID_BODY;
      }).orElse(ProblemCode.INVALID_BODY);
    }
  }

  private void readLines(byte[] body, List<Article> articles, List<Refusal> problems) {
    Map<String, String> firstLineOfId = new HashMap<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        // Keyed by the id's NFC form: "José" precomposed and decomposed name one article.
        String earlier = firstLineOfId.putIfAbsent(ArticleIdForms.key(article.id()), article.origin());
        if (earlier != null) {
          // Two versions of one article in one request: which should win is anyone's guess.
          problems.add(Refusal.of(article.origin(), "id '" + article.id() + "' was already given on " + earlier,
              Optional.of(article.id())));
        } else {
          articles.add(article);
        }
      }

      @Override
      public void reject(MalformedArticleException problem) {
        problems.add(Refusal.of(problem));
      }
    };
    try {
      format.read(new ByteArrayInputStream(body), DEFAULT_SOURCE, line -> "line " + line, sink); // as LINE reads it
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private static String summary(List<Refusal> problems) {
    String listed = String.join("; ",
        problems.subList(0, Math.min(problems.size(), MAX_LISTED)).stream().map(Refusal::message).toList());
    String more = problems.size() > MAX_LISTED ? "; and " + (problems.size() - MAX_LISTED) + " more" : "";
    String count = problems.size() == 1 ? "" : problems.size() + " problems: ";
    return "nothing was written; " + count + listed + more;
  }
}
