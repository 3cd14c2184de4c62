package org.morgue.server.api;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.morgue.search.IndexedArticle;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.http.ArticleVersions;
import org.morgue.server.view.ApiViews;

/**
 * The entity tag {@code GET /api/articles/{id}} answers, made in one place so that a write can answer
 * the very tag the next read gives: a client that edits again names it in {@code If-Match} without
 * reading first.
 */
public final class ArticleViewTags {
  private final SearchEngine searcher;
  private final ApiViews.RecordPicks picks;

  public ArticleViewTags(SearchEngine searcher, ApiViews.RecordPicks picks) {
    this.searcher = searcher;
    this.picks = picks;
  }

  /** The tag of the view of {@code indexed}, whose story is {@code story}. */
  public String of(IndexedArticle indexed, Story story) {
    // A curator's pick of the story's record changes the view but not the article: the tag names it.
    Optional<String> record = ApiViews.pickedRecord(story, picks);
    // So do the story's other versions, which the view lists: a copy posted or deleted changes it.
    Optional<String> versions = story.versions().size() < 2 ? Optional.empty()
        : Optional.of(story.versions().stream().map(v -> v.articleId() + "\u0000" + v.title() + "\u0000" + v.source()
            + "\u0000" + v.published().map(Object::toString).orElse("")).collect(Collectors.joining("\u0001")));
    return ArticleVersions.viewTag(indexed.version(), indexed.added(), record, versions);
  }

  /**
   * The tag a read of article {@code id} answers now, if the archive holds it at {@code version}:
   * empty when another write has changed or deleted it since, as a tag of that write would let its
   * client overwrite a change it never saw.
   */
  public Optional<String> ifAt(String id, String version) throws IOException {
    Optional<IndexedArticle> indexed = searcher.indexed(id).filter(now -> now.version().equals(version));
    if (indexed.isEmpty()) {
      return Optional.empty();
    }
    Story story = searcher.story(id).orElseGet(() -> Story.single(indexed.get().article().article()));
    return Optional.of(of(indexed.get(), story));
  }
}
