package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;

/**
 * A headline with no text, as a catalogue card gives it, is the same entry in every format that can
 * hold one: kept with an empty body and said in the report, in the same words. A librarian's trial
 * found the JSON Lines record kept and the text file with the same headline refused.
 */
class HeadlineAloneTest {
  static final String HEADLINE = "Mill workers walk out over Sunday shifts";

  @Test
  void aTextFileWithAHeadlineAloneIsKeptAndSaidAsAJsonLinesRecordWithATitleAloneIs(@TempDir Path tmp) throws IOException {
    Path desk = Files.createDirectories(tmp.resolve("desk"));
    Path text = Files.writeString(desk.resolve("mill-strike.txt"), HEADLINE + "\n\n");
    Path lines = Files.writeString(desk.resolve("cards.jsonl"), "{\"id\": \"mill-strike-card\", \"title\": \"" + HEADLINE + "\"}\n");

    RecordingSink fromText = read(text);
    RecordingSink fromLines = read(lines);

    for (RecordingSink sink : List.of(fromText, fromLines)) {
      assertEquals(List.of(), sink.reasons());
      Article article = sink.articles.get(0);
      assertEquals(HEADLINE, article.title());
      assertEquals(List.of(), article.blocks());
      assertEquals("", article.body());
      assertEquals(List.of("no text: indexed with its title alone"), sink.warnings.stream().map(ReadWarning::reason).toList());
    }
    assertEquals("mill-strike", fromText.articles.get(0).id());
    assertEquals("desk", fromText.articles.get(0).source());
    assertEquals(text.toString(), fromText.warnings.get(0).origin());
  }

  @Test
  void aLoneLineThatIsNoHeadlineIsStillRefusedSayingWhy(@TempDir Path tmp) throws IOException {
    Path desk = Files.createDirectories(tmp.resolve("desk"));
    Path version = Files.writeString(desk.resolve("version.txt"), "1.4.2\n");
    Path word = Files.writeString(desk.resolve("draft.txt"), "DRAFT\n");
    Path paragraph = Files.writeString(desk.resolve("lost-headline.txt"), ("The mill's owners said on Monday that"
        + " Sunday shifts would go on, and the union said its members would not work them. ").repeat(2).strip() + "\n");

    assertEquals(List.of("one line, '1.4.2', and no text after it: a headline alone is kept, but this is no headline"
        + " (two words or more, most of them of letters); not an article in the plain-text layout"), read(version).reasons());
    assertEquals(List.of("one line, 'DRAFT', and no text after it: a headline alone is kept, but this is no headline"
        + " (two words or more, most of them of letters); not an article in the plain-text layout"), read(word).reasons());
    assertEquals(List.of("one line of 233 characters and no text after it: too long for a headline alone (at most 200);"
        + " put the headline on line 1 and the text after a blank line"), read(paragraph).reasons());
  }

  private static RecordingSink read(Path file) {
    RecordingSink sink = new RecordingSink();
    ArticleFiles.standard().read(file, sink);
    return sink;
  }
}
