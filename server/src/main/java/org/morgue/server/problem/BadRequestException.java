package org.morgue.server.problem;

import org.morgue.search.InvalidQueryException;

/**
 * A request the API cannot take as sent: the one exception that means "400" in the server, whoever
 * found the fault. The handlers throw it with a {@link ProblemCode} and the parameter (or posted
 * article field) at fault; an invalid search the engine reports ({@link InvalidQueryException}, a kind
 * and the parameter it concerns, as plain data) becomes one through {@link #of(InvalidQueryException)},
 * where {@link ProblemCode#of(InvalidQueryException.Kind)} picks the code. Answered as a problem whose
 * status the code decides.
 */
public final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final String parameter;
  private final String field;
  private final String value;

  public BadRequestException(ProblemCode code, String parameter, String message) {
    this(code, parameter, message, null, null);
  }

  /** A posted body refused for the value of one article field, e.g. a {@code url} that is not http. */
  public BadRequestException(ProblemCode code, String parameter, String message, String field, String value) {
    super(message);
    this.code = code;
    this.parameter = parameter;
    this.field = field;
    this.value = value;
  }

  /** An invalid search as the API answers it: the code for its kind, the parameter it names, its message. */
  public static BadRequestException of(InvalidQueryException e) {
    return of(e, e.parameter());
  }

  /**
   * An invalid search reported while reading one request parameter, which the API, not the search
   * module, names: e.g. {@code sort} for an unknown sort order.
   */
  public static BadRequestException of(InvalidQueryException e, String parameter) {
    BadRequestException refused = new BadRequestException(ProblemCode.of(e.kind()), parameter, e.getMessage());
    refused.initCause(e);
    return refused;
  }

  /** The problem answered for this request. */
  public Problem problem() {
    return Problem.of(code, getMessage(), parameter, field, value);
  }

  /** The article field at fault in a posted body, or null. */
  public String field() {
    return field;
  }

  /** The refused value of {@link #field()} as posted, or null. */
  public String value() {
    return value;
  }

  /** What kind of problem it is. */
  public ProblemCode code() {
    return code;
  }

  /** The parameter at fault. */
  public String parameter() {
    return parameter;
  }
}
