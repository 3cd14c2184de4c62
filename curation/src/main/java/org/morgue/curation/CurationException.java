package org.morgue.curation;

/**
 * A curation change refused, with what was wrong in the curator's words; nothing of it was kept.
 * The HTTP layer picks the status from the kind.
 */
public final class CurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it was refused. */
  public enum Kind {
    /** No collection, saved search, correction or article with that id. */
    NOT_FOUND,
    /** A value outside what is allowed: blank, too long, unknown type or theme, over a limit. */
    INVALID,
    /** The change contradicts the authority file as it stands: a merge cycle. */
    CONFLICT,
    /** The version named (If-Match) is not the current one: someone changed it since it was read. */
    STALE_VERSION,
    /**
     * A write that replaces something whole named no version (no If-Match): it would silently replace
     * what another curator set since this one read it.
     */
    VERSION_REQUIRED
  }

  private final Kind kind;
  private final String field;

  public CurationException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
