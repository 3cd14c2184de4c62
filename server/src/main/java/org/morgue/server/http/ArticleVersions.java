package org.morgue.server.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * An article's version as HTTP sees it: a strong {@code ETag} made from the fingerprint the index
 * keeps for it, and the {@code If-Match} test a write must pass (RFC 9110: strong comparison; {@code *}
 * asks only that the article exists). Two editors who read the same version cannot both write it: the
 * second write finds a new version and is refused with a 412.
 */
public final class ArticleVersions {
  /** Between the version's digest and the picked record's in the article view's tag. */
  private static final String RECORD = "-r";

  private ArticleVersions() {}

  /** The entity tag of an article version. */
  public static String etag(String fingerprint) {
    return "\"" + Freshness.digest(fingerprint) + "\"";
  }

  /**
   * The entity tag of the article view of an article version whose story's record a curator picked:
   * the version's tag with the pick's digest after {@code -r}, so a copy cached before the pick (or
   * after its withdrawal) is not answered 304. {@link #admits} reads the version part alone: a write
   * may name either tag.
   */
  public static String etag(String fingerprint, Optional<String> pickedRecord) {
    return pickedRecord.isEmpty() ? etag(fingerprint)
        : "\"" + Freshness.digest(fingerprint) + RECORD + Freshness.digest(pickedRecord.get()) + "\"";
  }

  /** Whether the {@code If-Match} header admits a write over the article's current version (empty: none). */
  public static boolean admits(String ifMatch, Optional<String> current) {
    return Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(tag ->
        tag.equals("*") ? current.isPresent() : current.map(ArticleVersions::etag).filter(versionOf(tag)::equals).isPresent());
  }

  /** A tag without the record part {@link #etag(String, Optional)} adds. */
  private static String versionOf(String tag) {
    int record = tag.indexOf(RECORD);
    return record < 0 || !tag.endsWith("\"") ? tag : tag.substring(0, record) + "\"";
  }
}
