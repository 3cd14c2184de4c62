package org.morgue.server.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * An article's version as HTTP sees it: a strong {@code ETag} made from the fingerprint the index
 * keeps for it, and the {@code If-Match} test a write must pass (RFC 9110: strong comparison; {@code *}
 * asks only that the article exists). Two editors who read the same version cannot both write it: the
 * second write finds a new version and is refused with a 412.
 */
public final class ArticleVersions {
  /** Before the digest of when the article was added, in the article view's tag. */
  private static final String ADDED = "-a";
  /** Before the digest of the picked record, in the article view's tag. */
  private static final String RECORD = "-r";
  /** Before the digest of the story's other versions in the article view's tag. */
  private static final String STORY = "-s";

  private ArticleVersions() {}

  /** The entity tag of an article version. */
  public static String etag(String fingerprint) {
    return "\"" + Freshness.digest(fingerprint) + "\"";
  }

  /**
   * The entity tag of the article view: the version's tag, then what else the view shows that can
   * change while the article does not, each as a digest after a mark of its own: when the archive
   * took it in ({@code -a}: deleted and posted again unchanged, it has a new time), the record a
   * curator picked for its story ({@code -r}), and the story's other versions when it has copies
   * ({@code -s}: a copy posted, changed or deleted changes the list). A view cached before any of
   * these changed is not answered 304. {@link #admits} reads the version part alone: a write may
   * name either tag, since the article it replaces is the same.
   */
  public static String viewTag(String fingerprint, Optional<Instant> added, Optional<String> pickedRecord,
      Optional<String> storyVersions) {
    return "\"" + Freshness.digest(fingerprint) + added.map(time -> ADDED + Freshness.digest(time.toString())).orElse("")
        + pickedRecord.map(pick -> RECORD + Freshness.digest(pick)).orElse("")
        + storyVersions.map(versions -> STORY + Freshness.digest(versions)).orElse("") + "\"";
  }

  /** Whether the {@code If-Match} header admits a write over the article's current version (empty: none). */
  public static boolean admits(String ifMatch, Optional<String> current) {
    return Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(tag ->
        tag.equals("*") ? current.isPresent() : current.map(ArticleVersions::etag).filter(versionOf(tag)::equals).isPresent());
  }

  /**
   * A tag without the parts {@link #viewTag} adds or its coding's mark: the version's digest is hex,
   * so the first {@code -} starts them.
   */
  private static String versionOf(String sent) {
    String tag = CodedTags.withoutCoding(sent);
    int parts = tag.indexOf('-');
    return parts < 0 || !tag.endsWith("\"") ? tag : tag.substring(0, parts) + "\"";
  }
}
