package org.morgue.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of actor a name refers to; the values of the actor-type facet. */
public enum ActorType {
  /** A named individual. */
  PERSON,
  /** A company, party, international or non-governmental organisation. */
  ORGANISATION,
  /** A country, region or city named as a place or as its people. */
  PLACE,
  /** A government or one of its bodies: "the White House", "the Pentagon", "Congress". */
  GOVERNMENT,
  /** An armed, militant or criminal group: cartels, gangs, militias. */
  GROUP;

  /** The lower-case name used in data files, JSON and facets. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}, case-insensitively. */
  @JsonCreator
  public static ActorType fromId(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown actor type '" + id + "'", e);
    }
  }
}
