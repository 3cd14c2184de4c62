package org.morgue.server.problem;

import java.util.List;
import org.morgue.search.InvalidQueryException;
import org.morgue.server.view.ApiViews;

/**
 * A request the API cannot take as sent: the one exception that means "400" in the server, whoever
 * found the fault. The handlers throw it with a {@link ProblemCode} and the parameter (or posted
 * article field) at fault; an invalid search the engine reports ({@link InvalidQueryException}, a kind
 * and the request field it concerns, as plain data) becomes one through SearchParameters.refused,
 * where {@link ProblemCode#of(InvalidQueryException.Kind)} picks the code. Answered as a problem whose
 * status the code decides.
 */
public final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final String parameter;
  private final String field;
  private final String value;
  /** Refused lines of a posted body, or empty. */
  private final transient List<Problem.BodyError> errors;
  private final int errorCount;
  /** The filter values an export named that the archive holds under no name, or empty. */
  private final transient List<ApiViews.UnknownFilter> unknownFilters;

  public BadRequestException(ProblemCode code, String parameter, String message) {
    this(code, parameter, message, null, null);
  }

  /** A posted body refused for the value of one article field, e.g. a {@code url} that is not http. */
  public BadRequestException(ProblemCode code, String parameter, String message, String field, String value) {
    this(code, parameter, message, field, value, List.of(), 0);
  }

  /** A posted body refused for these lines ({@link Problem#errors}), {@code count} of them in all. */
  public BadRequestException(ProblemCode code, String parameter, String message, String field, String value,
      List<Problem.BodyError> errors, int count) {
    super(message);
    this.code = code;
    this.parameter = parameter;
    this.field = field;
    this.value = value;
    this.errors = List.copyOf(errors);
    this.errorCount = count;
    this.unknownFilters = List.of();
  }

  /**
   * A request refused because filter values it names are held under no name in the archive: the
   * problem lists them ({@link Problem#unknownFilters}) as a search's answer does.
   */
  public BadRequestException(ProblemCode code, String message, List<ApiViews.UnknownFilter> unknownFilters) {
    super(message);
    this.code = code;
    this.parameter = unknownFilters.isEmpty() ? null : unknownFilters.get(0).facet();
    this.field = null;
    this.value = null;
    this.errors = List.of();
    this.errorCount = 0;
    this.unknownFilters = List.copyOf(unknownFilters);
  }

  /** The problem answered for this request. */
  public Problem problem() {
    Problem problem = Problem.of(code, getMessage(), parameter, field, value);
    problem = errors.isEmpty() ? problem : problem.withErrors(errors, errorCount);
    return unknownFilters.isEmpty() ? problem : problem.withUnknownFilters(unknownFilters);
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
