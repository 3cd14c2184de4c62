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
  /** Before the digest of the story's other versions in the article view's tag. */
  private static final String STORY = "-s";

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
    return etag(fingerprint, pickedRecord, Optional.empty());
  }

  /**
   * The same, with a digest of the story's versions after {@code -s} when the article has copies:
   * the view lists them, so a copy posted, changed or deleted changes the answer though not the
   * article, and a view cached before must not be answered 304.
   */
  public static String etag(String fingerprint, Optional<String> pickedRecord, Optional<String> storyVersions) {
    if (pickedRecord.isEmpty() && storyVersions.isEmpty()) {
      return etag(fingerprint);
    }
    return "\"" + Freshness.digest(fingerprint) + pickedRecord.map(pick -> RECORD + Freshness.digest(pick)).orElse("")
        + storyVersions.map(versions -> STORY + Freshness.digest(versions)).orElse("") + "\"";
  }

  /** Whether the {@code If-Match} header admits a write over the article's current version (empty: none). */
  public static boolean admits(String ifMatch, Optional<String> current) {
    return Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(tag ->
        tag.equals("*") ? current.isPresent() : current.map(ArticleVersions::etag).filter(versionOf(tag)::equals).isPresent());
  }

  /** A tag without the record and story parts {@link #etag(String, Optional, Optional)} adds, or its coding's mark. */
  private static String versionOf(String sent) {
    String tag = CodedTags.withoutCoding(sent);
    int record = tag.indexOf(RECORD);
    int story = tag.indexOf(STORY);
    int cut = record < 0 ? story : story < 0 ? record : Math.min(record, story);
    return cut < 0 || !tag.endsWith("\"") ? tag : tag.substring(0, cut) + "\"";
  }
}
