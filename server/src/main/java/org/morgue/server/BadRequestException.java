package org.morgue.server;

/** A request the API cannot take as sent; becomes a 4xx problem with its code, naming the parameter. */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final String parameter;

  BadRequestException(ProblemCode code, String parameter, String message) {
    super(message);
    this.code = code;
    this.parameter = parameter;
  }

  /** What kind of problem it is. */
  ProblemCode code() {
    return code;
  }

  /** The parameter at fault. */
  String parameter() {
    return parameter;
  }
}
