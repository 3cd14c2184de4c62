package org.morgue.server.problem;

/** A request the API cannot take as sent; becomes a 4xx problem with its code, naming the parameter. */
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
