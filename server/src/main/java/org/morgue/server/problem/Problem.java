package org.morgue.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.morgue.server.view.ApiViews;

/**
 * An error response in RFC 9457 {@code application/problem+json} form.
 *
 * @param type the kind of problem as a URI reference, {@code /api/problems/<code>} ({@link ProblemCode#type()}),
 *     where a GET describes it
 * @param title a short, fixed summary of the kind of problem
 * @param status the HTTP status
 * @param code the stable, machine-readable kind of problem, e.g. {@code query_syntax} ({@link ProblemCode})
 * @param detail what exactly is wrong, naming the bad value
 * @param parameter the request parameter at fault, when there is one
 * @param field the article field at fault in a posted body ({@code id}, {@code url}, {@code published}),
 *     when one field's value is what was refused
 * @param value the refused value of {@code field}, as posted
 * @param errors an RFC 9457 extension member of a refused POST /api/articles body: each refused line
 *     (or the one object) as data, up to {@link #MAX_ERRORS}, so a client can drop those items and
 *     send the rest without parsing {@code detail}'s prose, which names only the first ten
 * @param errorCount with {@code errors}: how many were refused, listed or not
 * @param unknownFilters an extension member of a refused export: the filter values the archive holds
 *     under no name, each with the one it holds nearest, as a search's answer lists them, so a script
 *     can correct them without parsing {@code detail}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail, String parameter,
    String field, String value, List<BodyError> errors, Integer errorCount, List<ApiViews.UnknownFilter> unknownFilters) {
  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";
  /**
   * The most refused lines {@code errors} lists: a 10 MiB body of bad lines would otherwise answer
   * megabytes; past it the client fixes what is listed and sends again.
   */
  public static final int MAX_ERRORS = 1_000;

  public Problem {
    errors = errors == null ? null : List.copyOf(errors);
    unknownFilters = unknownFilters == null ? null : List.copyOf(unknownFilters);
  }

  /**
   * One refused line of a posted body.
   *
   * @param line its line in a JSON Lines body, from 1; none for a body of one JSON object
   * @param id the id it gives, when it gives one
   * @param field the article field whose value was refused, when that is why
   * @param value that field's value as posted
   * @param detail why, in words, without the line
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BodyError(Integer line, String id, String field, String value, String detail) {}

  /** The same problem with refused lines listed: the first {@link #MAX_ERRORS} of {@code count}. */
  public Problem withErrors(List<BodyError> refused, int count) {
    return new Problem(type, title, status, code, detail, parameter, field, value,
        refused.subList(0, Math.min(refused.size(), MAX_ERRORS)), count, unknownFilters);
  }

  /** The same problem naming the filter values the archive holds under no name. */
  public Problem withUnknownFilters(List<ApiViews.UnknownFilter> unknown) {
    return new Problem(type, title, status, code, detail, parameter, field, value, errors, errorCount, unknown);
  }

  /** A problem of a kind, whose status and title the kind decides. */
  public static Problem of(ProblemCode code, String detail, String parameter) {
    return of(code, detail, parameter, null, null);
  }

  /** A problem with a posted article's field and its refused value. */
  public static Problem of(ProblemCode code, String detail, String parameter, String field, String value) {
    return new Problem(code.type(), code.title(), code.status(), code.code(), detail, parameter, field, value, null,
        null, null);
  }
}
