package org.morgue.article;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a cue weakens, strengthens or attributes a claim. */
public enum CueKind {
  /** Makes a claim less certain: "may", "reportedly", "suspected". */
  HEDGE,
  /** Makes a claim more certain: "clearly", "undoubtedly". */
  BOOSTER,
  /** Puts a claim in someone else's mouth: "officials said". */
  ATTRIBUTION;

  /** The lower-case name used in data files and JSON. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
