package org.morgue.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail, String parameter,
    String field, String value) {
  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem of a kind, whose status and title the kind decides. */
  public static Problem of(ProblemCode code, String detail, String parameter) {
    return of(code, detail, parameter, null, null);
  }

  /** A problem with a posted article's field and its refused value. */
  public static Problem of(ProblemCode code, String detail, String parameter, String field, String value) {
    return new Problem(code.type(), code.title(), code.status(), code.code(), detail, parameter, field, value);
  }
}
