package org.morgue.server.curation;

import static org.morgue.server.curation.CurationRequests.body;
import static org.morgue.server.curation.CurationRequests.curator;
import static org.morgue.server.curation.CurationRequests.etag;
import static org.morgue.server.curation.CurationRequests.expectedVersion;
import static org.morgue.server.curation.CurationRequests.reason;
import static org.morgue.server.curation.CurationRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PathSegment;
import org.morgue.server.http.StoredIds;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Optional;
import org.morgue.curation.Applied;
import org.morgue.curation.Curation;
import org.morgue.curation.CurationException;
import org.morgue.curation.StoryRecord;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code /api/stories/{storyId}}: a story by its id with its record first, and ({@code /record}) a
 * curator's pick of the version that is the story's record instead of the earliest.
 */
public final class StoryHandlers {
  private final Freshness freshness;
  private final CurationRequests requests;
  private final SearchEngine searcher;
  private final ApiViews.RecordPicks picks;

  public StoryHandlers(CurationRequests requests, SearchEngine searcher, ApiViews.RecordPicks picks, Freshness freshness) {
    this.freshness = freshness;
    this.requests = requests;
    this.searcher = searcher;
    this.picks = picks;
  }

  /**
   * A story as hits and articles show it: the record first. An id that names no story but an article
   * leads to that article's story (308): a story merged into another keeps no version under its id,
   * and its id is that of its first version, so a link to it still reaches the story it is part of.
   */
  public void get(Context ctx) throws IOException {
    String storyId = storyId(ctx);
    Optional<Story> found = searcher.storyById(storyId);
    if (found.isEmpty()) {
      Optional<Story> merged = searcher.story(StoredIds.of(searcher, storyId));
      if (merged.isPresent() && !merged.get().id().equals(storyId)) {
        ctx.redirect("/api/stories/" + PathSegment.of(merged.get().id()), io.javalin.http.HttpStatus.PERMANENT_REDIRECT);
        return;
      }
    }
    Story story = found.orElseThrow(() -> new NotFoundResponse("no story with id '" + storyId + "'"));
    // Validated as every other read of the index is: a story changes with the index and with the
    // record curators pick (an API trial, session 38, found it alone without ETag or Cache-Control).
    if (freshness.notModified(ctx)) {
      return;
    }
    ctx.json(ApiViews.story(story, picks));
  }

  /** The record a curator picked: {@code articleId}, which must be a version of the story now. */
  public void getRecord(Context ctx) throws IOException {
    String storyId = storyId(ctx);
    Optional<StoryRecord> picked = requests.curation().storyRecord(storyId);
    if (picked.isEmpty()) {
      existing(storyId); // a story that is not there says so, rather than that nobody picked its record
    }
    StoryRecord record = picked
        .orElseThrow(() -> new NotFoundResponse("no curator picked the record of story '" + storyId
            + "'; its earliest version is the record"));
    ctx.header("ETag", etag(record.version())).json(record);
  }

  /** Picks the story's record: {@code articleId}, {@code reason}. */
  public void putRecord(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "articleId");
    String storyId = storyId(ctx);
    Optional<Long> expected = expectedVersion(ctx);
    String sentArticleId = text(body, "articleId").filter(id -> !id.isBlank()).orElseThrow(() ->
        new BadRequestException(ProblemCode.INVALID_BODY, "articleId", "say which version is the record of story '"
            + storyId + "': {\"articleId\": \"...\"}"));
    String articleId = StoredIds.of(searcher, sentArticleId);
    Story story = existing(storyId);
    if (story.versions().stream().noneMatch(version -> version.articleId().equals(articleId))) {
      if (searcher.article(articleId).isEmpty()) {
        throw new BadRequestException(ProblemCode.UNKNOWN_ARTICLE, "articleId", "no article with id '" + articleId + "'");
      }
      throw new CurationException(CurationException.Kind.CONFLICT, "articleId", "article '" + articleId
          + "' is not a version of story '" + storyId + "', so it cannot be its record; the story's versions are "
          + String.join(", ", story.versions().stream().limit(10).map(v -> "'" + v.articleId() + "'").toList())
          + (story.versions().size() > 10 ? " and " + (story.versions().size() - 10) + " more" : ""));
    }
    Applied<StoryRecord> applied = requests.index().curate(() ->
        requests.curation().pickStoryRecord(curator(ctx), storyId, articleId, expected, reason(ctx, body)));
    CurationRequests.createdOrChanged(ctx, applied.created());
    ctx.header("ETag", etag(applied.value().version())).json(applied.value());
  }

  /** Withdraws the pick: the earliest version is the record again. */
  public void deleteRecord(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, storyId(ctx), Curation::withdrawStoryRecord);
  }

  /**
   * The story id of the path in the form the archive files it under ({@link StoredIds}): a record
   * picked or withdrawn by an accented id sent decomposed is the stored story's, not a second one.
   */
  private String storyId(Context ctx) throws IOException {
    return StoredIds.ofStory(searcher, ctx.pathParam("storyId"));
  }

  private Story existing(String storyId) throws IOException {
    return searcher.storyById(storyId)
        .orElseThrow(() -> new NotFoundResponse("no story with id '" + storyId + "'"));
  }
}
