package org.morgue.server.live;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.Article;
import org.morgue.server.api.ArticleViewTags;
import org.morgue.server.api.BodyMediaType;
import org.morgue.server.api.DeleteReason;
import org.morgue.server.http.ArticleVersions;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PathSegment;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * {@code POST /api/articles} and {@code DELETE /api/articles/{id}}: read the body within its limit and
 * hand the change to the {@link LiveIndex}, which has committed it and refreshed the searcher when it
 * returns. Who may write is not checked here: these routes carry the {@link WriteAccess.Role#WRITER}
 * role, and {@link WriteAccess} has admitted the request before either handler runs.
 */
public final class ArticleWriteHandlers {
  private final Optional<LiveUpdates> live;
  private final ArticleViewTags tags;
  private final PostedArticles posted = new PostedArticles();

  public ArticleWriteHandlers(Optional<LiveUpdates> live, ArticleViewTags tags) {
    this.live = live;
    this.tags = tags;
  }

  public void post(Context ctx) throws Exception {
    LiveUpdates updates = admitted();
    PostedArticles.Layout layout = BodyMediaType.of(ctx, Set.of(BodyMediaType.JSON, BodyMediaType.JSON_LINES),
        "application/json (one article) or application/x-ndjson (JSON Lines)") == BodyMediaType.JSON
            ? PostedArticles.Layout.OBJECT : PostedArticles.Layout.LINES;
    List<Article> articles = posted.read(body(ctx, updates.maxBodyBytes()), layout);
    unmodifiedSince(ctx, updates, articles.size() == 1 ? articles.get(0).id() : "");
    String ifMatch = ctx.header("If-Match");
    if (ifMatch != null && articles.size() != 1) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body",
          "If-Match names one article's version, so the body must hold exactly one article; it holds " + articles.size());
    }
    // If-None-Match: * asks to create only (RFC 9110 13.1.2): an article that exists is not replaced.
    boolean createOnly = "*".equals(Optional.ofNullable(ctx.header("If-None-Match")).map(String::strip).orElse(null));
    LiveIndex.Written written;
    try {
      written = updates.index().put(writer(ctx), reason(ctx), articles,
          current -> (!createOnly || current.isEmpty()) && (ifMatch == null || ArticleVersions.admits(ifMatch, current)));
    } catch (LiveIndex.VersionMismatchException e) {
      throw createOnly ? new LiveIndex.VersionMismatchException(e.id(), "article '" + e.id() + "' exists already, and"
          + " If-None-Match: * asks only to create: nothing was written") : e;
    }
    LiveIndex.PutResult result = written.result();
    if (result.changed() && articles.size() == 1) {
      // RFC 9110 (15.3.2): a 201 names what it created; a batch creates many, so names none.
      // The id as the archive holds it, which may be the other Unicode form of the one posted.
      String id = result.ids().get(0);
      ctx.header("Location", "/api/articles/" + PathSegment.of(id));
      // And its validator (RFC 9110, 10.2): the tag a read of the Location answers, so an editor can
      // write again with If-Match without reading first. Only while the article is at the version this
      // write made: a tag read after another write would let this editor overwrite it unseen. A 200
      // wrote nothing, so the tag the editor holds still names the article, and none is sent: that
      // answer's validators would be read as the batch result's, not the article's.
      Optional<String> tag = written.version().isPresent() ? tags.ifAt(id, written.version().get()) : Optional.empty();
      tag.ifPresent(etag -> ctx.header("ETag", etag));
    }
    ctx.status(result.changed() ? 201 : 200).json(result);
  }

  /**
   * Refuses the write, with a 412 and nothing written, when the request names a date in
   * If-Unmodified-Since and the archive was committed after it (RFC 9110, 13.1.4: the API trial's
   * DELETE with a date of 2001 deleted). The date is the one reads give as Last-Modified, the
   * archive's last commit; If-Match, which names the article's own version, wins when both are sent,
   * and a date that is not one is ignored, as the RFC says.
   */
  private static void unmodifiedSince(Context ctx, LiveUpdates updates, String id) throws IOException {
    String since = ctx.header("If-Unmodified-Since");
    if (since == null || ctx.header("If-Match") != null) {
      return;
    }
    Optional<Instant> date = Freshness.httpDate(since);
    Optional<Instant> commit = updates.index().lastCommit();
    if (date.isPresent() && commit.isPresent() && commit.get().truncatedTo(ChronoUnit.SECONDS).isAfter(date.get())) {
      throw new LiveIndex.VersionMismatchException(id, "the archive changed after " + since.strip()
          + ", the date If-Unmodified-Since names: nothing was written");
    }
  }

  public void delete(Context ctx) throws Exception {
    LiveUpdates updates = admitted();
    // The live index deletes the article under whichever Unicode form of the id it holds.
    String id = ctx.pathParam("id");
    unmodifiedSince(ctx, updates, id);
    String ifMatch = ctx.header("If-Match");
    boolean deleted = updates.index().delete(writer(ctx), DeleteReason.of(ctx), id,
        current -> ifMatch == null || ArticleVersions.admits(ifMatch, current));
    if (!deleted) {
      throw new NotFoundResponse("no article with id '" + id + "'");
    }
    ctx.status(204);
  }

  /** The curator {@link WriteAccess} admitted, whom the changes record names. */
  private static String writer(Context ctx) {
    return ctx.attribute(WriteAccess.CURATOR);
  }

  /** The curator's {@code ?reason=} for a post, which the changes record keeps with the write, as it does a curation change's. */
  private static Optional<String> reason(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("reason"));
  }

  /** The live updates {@link WriteAccess} found on before letting the request through. */
  private LiveUpdates admitted() {
    return live.orElseThrow(() -> new IllegalStateException("a write route without the WRITER role"));
  }

  /** The body, refused as soon as it is known to be over the limit, whether it declares its length or not. */
  private static byte[] body(Context ctx, long limit) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared > limit) {
        drain(in, limit);
        throw tooLarge(declared + " bytes", limit);
      }
      byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (body.length > limit) {
        drain(in, limit);
        throw tooLarge("more than " + limit + " bytes", limit);
      }
      return body;
    }
  }

  /**
   * Reads and drops what is left of a refused body, up to a few times the limit, so that a client
   * still sending it gets to read the 413 instead of a connection reset; a larger body is cut off.
   */
  private static void drain(InputStream in, long limit) throws IOException {
    long left = Math.min(4 * limit, 64L * 1024 * 1024);
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read > 0 && left > 0; read = in.read(buffer)) {
      left -= read;
    }
  }

  private static ContentTooLargeResponse tooLarge(String size, long limit) {
    return new ContentTooLargeResponse("the body is " + size + "; the limit is " + limit
        + " bytes: send the articles in several requests");
  }
}
