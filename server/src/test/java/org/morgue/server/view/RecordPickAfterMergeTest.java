package org.morgue.server.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.article.DatePrecision;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;

/**
 * A curator's pick of the record of a story that a later article merged into another (the take's
 * story into the add's, docs/stories.md): the merged story shows it while it is one of its versions.
 */
class RecordPickAfterMergeTest {
  private static final Story MERGED = new Story("crackdown-add", List.of(
      version("crackdown-add"), version("crackdown-full"), version("crackdown-take")));

  private static StoryVersion version(String id) {
    return new StoryVersion(id, "Trump Escalates Venezuela Crackdown", "Morgue Wire",
        Optional.of(LocalDate.of(2025, 3, 14)), DatePrecision.DAY, Optional.empty());
  }

  @Test
  void theAbsorbedStorysPickIsTheMergedStorysRecord() {
    Map<String, String> picks = Map.of("crackdown-take", "crackdown-full");
    assertEquals(Optional.of("crackdown-full"), ApiViews.pickedRecord(MERGED, id -> Optional.ofNullable(picks.get(id))));
    ApiViews.StoryView view = ApiViews.story(MERGED, id -> Optional.ofNullable(picks.get(id)));
    assertEquals("crackdown-full", view.versions().get(0).id());
  }

  @Test
  void theMergedStorysOwnPickComesFirstAndAPickOfNoVersionIsDropped() {
    Map<String, String> both = Map.of("crackdown-take", "crackdown-full", "crackdown-add", "crackdown-take");
    assertEquals(Optional.of("crackdown-take"), ApiViews.pickedRecord(MERGED, id -> Optional.ofNullable(both.get(id))));
    Map<String, String> gone = Map.of("crackdown-take", "crackdown-deleted");
    assertEquals(Optional.empty(), ApiViews.pickedRecord(MERGED, id -> Optional.ofNullable(gone.get(id))));
  }
}
