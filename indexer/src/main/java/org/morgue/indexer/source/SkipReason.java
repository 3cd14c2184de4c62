package org.morgue.indexer.source;

/**
 * Why a file or record was not indexed, as a kind: the index report counts skips by these names, so a
 * run over a million records says "12 malformed, 3 too-large" however varied the detailed reasons
 * (which name the value, the line or the parser's message) are. Every {@link MalformedArticleException}
 * carries one.
 */
public enum SkipReason {
  /** The file, a folder or a link could not be read at all (permissions, I/O, a broken or looping link). */
  UNREADABLE("unreadable"),
  /** An empty file, or an empty record where one was expected. */
  EMPTY("empty"),
  /** No format accepts the file. */
  UNKNOWN_FORMAT("unknown-format"),
  /** Not text in the encoding its format requires: not UTF-8, binary data, lone surrogates. */
  NOT_TEXT("not-text"),
  /** Not the structure its format requires: not valid JSON, XML, HTTP or feed, or a required element or id missing. */
  MALFORMED("malformed"),
  /** Well-formed, but with no headline or no text to index. */
  NO_TEXT("no-text"),
  /** One field's value is refused: a date that does not parse, a url that is not http, an id with control characters. */
  INVALID_VALUE("invalid-value"),
  /** Larger than Morgue reads: a line, a record or an article's text over its limit. */
  TOO_LARGE("too-large"),
  /**
   * Its id is that of another file read earlier in the same run (two desks' {@code bridge.txt}): one
   * id names one article, so the later file is not indexed rather than silently replacing the other.
   */
  DUPLICATE_ID("duplicate-id"),
  /** Read, but the index refused to write it. */
  NOT_INDEXABLE("not-indexable");

  private final String id;

  SkipReason(String id) {
    this.id = id;
  }

  /** The kind's name in reports, e.g. {@code too-large}. */
  public String id() {
    return id;
  }
}
