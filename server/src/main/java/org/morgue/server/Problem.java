package org.morgue.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error response in RFC 9457 {@code application/problem+json} form.
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title a short, fixed summary of the status
 * @param status the HTTP status
 * @param detail what exactly is wrong, naming the bad value
 * @param parameter the request parameter at fault, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String parameter) {
  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem with the given status. */
  public static Problem of(int status, String title, String detail, String parameter) {
    return new Problem("about:blank", title, status, detail, parameter);
  }
}
