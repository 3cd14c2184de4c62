package org.morgue.eval;

import java.util.Locale;

/** Which part of an annotated set an item is in: tuned on, or held out and never tuned on. */
public enum Split {
  /** Used to develop and tune the enrichments. */
  DEV,
  /** Held out: measured, never tuned on. */
  TEST,
  /**
   * The second held-out part, annotated on 2026-12-03 from text no set held, after the first had been
   * measured across several tuning rounds: measured once before a round and once after.
   */
  TEST2;

  /** The lower-case name used in the data files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  static Split fromId(String id, String where) {
    return switch (id.strip()) {
      case "dev" -> DEV;
      case "test" -> TEST;
      case "test2" -> TEST2;
      default -> throw new IllegalArgumentException(where + ": split must be dev, test or test2, got '" + id + "'");
    };
  }
}
