package org.morgue.article;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The role a block plays in an article's layout. */
public enum BlockKind {
  /** The opening paragraph that sums up the story. */
  LEDE,
  /** A bullet in the list of key points. */
  KEY_POINT,
  /** A section heading. */
  HEADING,
  /** An ordinary paragraph. */
  PARAGRAPH,
  /** An item of a bulleted list inside the body (the key points are {@link #KEY_POINT}). */
  LIST_ITEM,
  /** A pull quote set apart from the running text. */
  QUOTE;

  /** The lower-case name used in JSON, e.g. {@code key_point}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
