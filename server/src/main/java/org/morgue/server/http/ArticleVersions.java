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
  private ArticleVersions() {}

  /** The entity tag of an article version. */
  public static String etag(String fingerprint) {
    return "\"" + Freshness.digest(fingerprint) + "\"";
  }

  /** Whether the {@code If-Match} header admits a write over the article's current version (empty: none). */
  public static boolean admits(String ifMatch, Optional<String> current) {
    return Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(tag ->
        tag.equals("*") ? current.isPresent() : current.map(ArticleVersions::etag).filter(tag::equals).isPresent());
  }
}
