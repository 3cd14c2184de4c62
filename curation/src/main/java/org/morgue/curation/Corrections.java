package org.morgue.curation;

import java.util.List;

/**
 * Every correction at once: the authority file a newsroom versions and backs up, exported and imported
 * as one JSON document.
 *
 * @param actors decisions about actor names, by name
 * @param sources decisions about source names, by name (none in a file made before 2026-12-07, when
 *     source renames joined the file: importing one withdraws every source rename, as it does every
 *     other decision)
 * @param articles corrections to single articles, by article id
 * @param stories the versions curators picked as stories' records, by story id (none in a file made
 *     before story records: importing one withdraws every pick, as it withdraws every other decision)
 * @param filings the articles curators filed in a story or apart, by article id (none in a file made
 *     before 2026-12-07, when filings joined the file: importing one withdraws every filing, as it does
 *     every pick)
 */
public record Corrections(List<ActorCorrection> actors, List<SourceCorrection> sources, List<ArticleCorrection> articles, List<StoryRecord> stories,
    List<ArticleFiling> filings) {
  public Corrections {
    actors = actors == null ? List.of() : List.copyOf(actors);
    sources = sources == null ? List.of() : List.copyOf(sources);
    articles = articles == null ? List.of() : List.copyOf(articles);
    stories = stories == null ? List.of() : List.copyOf(stories);
    filings = filings == null ? List.of() : List.copyOf(filings);
  }
}
