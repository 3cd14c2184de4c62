package org.morgue.server.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code Accept} header's media ranges and their qualities (RFC 9110, 12.5.1), read one way for
 * every endpoint: the JSON endpoints ask whether JSON is taken ({@link JsonAnswers}), the exports which
 * file format is named. Jetty's own parser drops ranges refused with {@code q=0}, which is why this
 * reads the header itself. It is lenient, as a server should be with what it receives: a part that is
 * no media range is skipped, and a {@code q} that is not a number counts as 1, as if absent.
 */
public final class AcceptHeader {
  /** One media range, its type lower-cased ({@code text/csv}, {@code application/*}, {@code *}{@code /*}). */
  public record MediaRange(String type, double quality) {}

  private final List<MediaRange> ranges;

  private AcceptHeader(List<MediaRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** The header as sent; null or blank has no ranges. */
  public static AcceptHeader parse(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    if (header != null) {
      for (String range : header.split(",")) {
        String[] parts = range.split(";");
        if (parts.length == 0) {
          continue; // "Accept: ;" splits to nothing (it was once a 500)
        }
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash > 0 && slash < type.length() - 1) {
          ranges.add(new MediaRange(type, quality(parts)));
        }
      }
    }
    return new AcceptHeader(ranges);
  }

  /** No media range at all (no header, an empty one, or nothing readable in it): the client takes anything. */
  public boolean takesAnything() {
    return ranges.isEmpty();
  }

  /**
   * The quality the header gives {@code type}: that of its most specific range matching it (the type
   * itself, then its {@code type/*}, then {@code *}{@code /*}), or of the type itself only when
   * {@code wildcards} is false; empty when no range matches.
   */
  public Optional<Double> quality(String type, boolean wildcards) {
    String family = type.substring(0, type.indexOf('/')) + "/*";
    int bestSpecificity = -1;
    double quality = 0;
    for (MediaRange range : ranges) {
      int specificity = range.type().equals(type) ? 2 : !wildcards ? -1
          : range.type().equals(family) ? 1 : range.type().equals("*/*") ? 0 : -1;
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        quality = range.quality();
      }
    }
    return bestSpecificity < 0 ? Optional.empty() : Optional.of(quality);
  }

  /**
   * Of {@code types}, the one the header names itself with the highest quality above 0, the first
   * named at equal quality; a wildcard chooses none, since a client taking anything has not said which.
   */
  public Optional<String> preferredNamed(Collection<String> types) {
    MediaRange best = null;
    for (MediaRange range : ranges) {
      if (types.contains(range.type()) && range.quality() > 0 && (best == null || range.quality() > best.quality())) {
        best = range;
      }
    }
    return Optional.ofNullable(best).map(MediaRange::type);
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).strip());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
