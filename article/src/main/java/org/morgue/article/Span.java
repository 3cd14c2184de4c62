package org.morgue.article;

/** A half-open character range [start, end) in an article's text. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** Whether the offset lies inside this span. */
  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
