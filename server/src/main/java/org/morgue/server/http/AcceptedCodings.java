package org.morgue.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Reads Accept-Encoding as RFC 9110 (12.5.3) says, for the compression: {@code *} stands for every
 * coding the header does not name, a coding with {@code q=0} is refused, any other q accepts it, and
 * {@code x-gzip} is gzip. Javalin's compression (and {@link CodedTags}, which must agree with it)
 * matches the header's items as exact words, so {@code *} and {@code gzip;q=0.8} were answered
 * uncompressed; this filter hands both the header as that reading decides: {@code gzip}, or {@code
 * identity} when gzip is refused.
 */
public final class AcceptedCodings implements Filter {
  private static final String HEADER = "Accept-Encoding";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && http.getHeader(HEADER) != null) {
      String read = acceptsGzip(Collections.list(http.getHeaders(HEADER))) ? "gzip" : "identity";
      chain.doFilter(new HttpServletRequestWrapper(http) {
        @Override
        public String getHeader(String name) {
          return HEADER.equalsIgnoreCase(name) ? read : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
          return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(read)) : super.getHeaders(name);
        }
      }, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the Accept-Encoding fields (each a list of codings with optional q-values) accept gzip:
   * its own q when named (as gzip or x-gzip; the highest when named twice), else the wildcard's.
   */
  static boolean acceptsGzip(Iterable<String> fields) {
    double named = -1; // -1: not named
    double any = -1;
    for (String field : fields) {
      for (String item : field.split(",")) {
        String[] parts = item.split(";");
        String coding = parts[0].strip().toLowerCase(Locale.ROOT);
        double q = quality(parts);
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          named = Math.max(q, named);
        } else if (coding.equals("*")) {
          any = Math.max(q, any);
        }
      }
    }
    return (named >= 0 ? named : any) > 0;
  }

  /** The q parameter of an item's parts after the coding; 1 when there is none, 0 when it is not a number. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(parameter[1].strip());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0; // not a weight RFC 9110 allows: the item accepts nothing rather than everything
        }
      }
    }
    return 1;
  }

  @Override
  public void destroy() {}
}
