package org.morgue.server;

/** A request parameter that cannot be understood; becomes a 400 naming the parameter. */
public final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public BadRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter at fault. */
  public String parameter() {
    return parameter;
  }
}
