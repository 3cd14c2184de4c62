package org.morgue.server.curation;

import static org.morgue.server.curation.CurationRequests.body;
import static org.morgue.server.curation.CurationRequests.curator;
import static org.morgue.server.curation.CurationRequests.etag;
import static org.morgue.server.curation.CurationRequests.expectedVersion;
import static org.morgue.server.curation.CurationRequests.reason;
import static org.morgue.server.curation.CurationRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Optional;
import org.morgue.curation.Applied;
import org.morgue.curation.ArticleFiling;
import org.morgue.curation.Curation;
import org.morgue.curation.CurationException;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;
import org.morgue.server.http.StoredIds;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * {@code /api/articles/{id}/story}: a curator's filing of an article in a story ({@code {"story":
 * "<story or article id>"}}) or apart ({@code {"story": null}}), which indexing takes instead of copy
 * detection for that article from then on; {@code DELETE} withdraws it.
 */
public final class StoryFilingHandlers {
  private final CurationRequests requests;
  private final SearchEngine searcher;

  public StoryFilingHandlers(CurationRequests requests, SearchEngine searcher) {
    this.requests = requests;
    this.searcher = searcher;
  }

  /** The filing, if a curator made one. */
  public void get(Context ctx) throws IOException {
    String articleId = existing(ctx);
    ArticleFiling filing = requests.curation().filing(articleId).orElseThrow(() -> new NotFoundResponse(
        "no curator filed the story of article '" + articleId + "'; copy detection decides it"));
    ctx.header("ETag", etag(filing.version())).json(filing);
  }

  /**
   * Files the article: {@code story} is a story's id or an article's id (the article's story), or null
   * for apart. The article is filed with the article named, or with a version of the story named
   * other than itself, so that the filing follows that story through merges and rebuilds.
   */
  public void put(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "story");
    String articleId = existing(ctx);
    if (!body.has("story")) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "story", "say which story article '" + articleId
          + "' is a version of: {\"story\": \"<story id or article id>\"}, or {\"story\": null} to file it apart");
    }
    Optional<String> named = text(body, "story").filter(id -> !id.isBlank());
    Optional<String> story = Optional.empty();
    Optional<String> with = Optional.empty();
    if (named.isPresent()) {
      Optional<Story> found = searcher.storyById(StoredIds.ofStory(searcher, named.get()));
      if (found.isPresent()) {
        story = Optional.of(found.get().id());
        with = found.get().versions().stream().map(StoryVersion::articleId).filter(id -> !id.equals(articleId))
            .findFirst();
        if (with.isEmpty()) {
          throw new CurationException(CurationException.Kind.CONFLICT, "story", "article '" + articleId
              + "' is the only version of story '" + story.get() + "': name another story, or file it apart with"
              + " {\"story\": null}");
        }
      } else {
        String other = StoredIds.of(searcher, named.get());
        Optional<Story> ofArticle = searcher.article(other).isPresent() ? searcher.story(other) : Optional.empty();
        if (ofArticle.isEmpty()) {
          throw new BadRequestException(ProblemCode.UNKNOWN_ARTICLE, "story", "no story and no article with id '"
              + named.get() + "'");
        }
        story = Optional.of(ofArticle.get().id());
        with = Optional.of(other);
      }
    }
    Optional<Long> expected = expectedVersion(ctx);
    Optional<String> storyNamed = story;
    Optional<String> filedWith = with;
    // What the filing moves it from, kept with it: the corrections file says from-to as for a field.
    Optional<String> from = searcher.story(articleId).map(Story::id);
    Applied<ArticleFiling> applied = requests.index().curate(() -> requests.curation().fileStory(curator(ctx),
        articleId, storyNamed, filedWith, from, expected, reason(ctx, body)));
    CurationRequests.createdOrChanged(ctx, applied.created());
    ctx.header("ETag", etag(applied.value().version())).json(applied.value());
  }

  /** Withdraws the filing: copy detection decides the article's story again. */
  public void delete(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, existing(ctx), Curation::withdrawStoryFiling);
  }

  /** The path's article in the form the archive holds it ({@link StoredIds}); a 404 when it holds none. */
  private String existing(Context ctx) throws IOException {
    String articleId = StoredIds.of(searcher, ctx.pathParam("id"));
    if (searcher.article(articleId).isEmpty()) {
      throw new NotFoundResponse("no article with id '" + articleId + "'");
    }
    return articleId;
  }
}
