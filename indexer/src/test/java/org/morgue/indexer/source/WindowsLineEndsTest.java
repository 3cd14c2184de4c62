package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.indexer.TestFiles;

/**
 * A text written on Windows ends its lines with CR LF, and keeps them where the format does not
 * normalise line ends (a JSON string, a character reference in XML): one such line end joins two
 * lines of a paragraph, as a LF does, and only a blank line starts a new one.
 */
class WindowsLineEndsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seed article's body, after its headline line: its list of points is on single lines. */
  private static String seedBody() throws IOException {
    String text = Files.readString(TestFiles.path("/seed/trump-escalates-venezuela-crackdown.txt"), StandardCharsets.UTF_8);
    return text.substring(text.indexOf('\n') + 1);
  }

  private static long paragraphsOf(String body) {
    return Arrays.stream(body.split("\n[ \t]*\n")).filter(chunk -> !chunk.isBlank()).count();
  }

  @Test
  void aJsonLinesBodyWithWindowsLineEndsHasTheBlocksAndTheIdOfItsUnixTwin(@TempDir Path tmp) throws IOException {
    String unix = seedBody();
    String windows = unix.replace("\n", "\r\n");
    ObjectNode unixRecord = JSON.createObjectNode().put("title", "Trump Escalates Venezuela Crackdown").put("body", unix);
    ObjectNode windowsRecord = unixRecord.deepCopy().put("body", windows);
    Path file = Files.writeString(tmp.resolve("cms.jsonl"),
        JSON.writeValueAsString(unixRecord) + "\n" + JSON.writeValueAsString(windowsRecord) + "\n");

    RecordingSink sink = new RecordingSink();
    ArticleFiles.standard().read(file, sink);

    Article fromUnix = sink.articles.get(0);
    Article fromWindows = sink.articles.get(1);
    assertEquals(paragraphsOf(unix), fromUnix.blocks().size(), "one block a paragraph");
    assertEquals(fromUnix.blocks(), fromWindows.blocks());
    assertEquals(fromUnix.id(), fromWindows.id(), "an id made from the text is the same text's");
    assertEquals(fromUnix.blocks().get(1).text(), fromWindows.blocks().get(1).text(),
        "the list of points is one paragraph, not one a line");
  }

  @Test
  void anAtomTextContentWithEscapedCarriageReturnsHasTheBlocksOfItsUnixTwin(@TempDir Path tmp) throws IOException {
    String unix = seedBody().replace("&", "&amp;").replace("<", "&lt;");
    // XML turns a literal CR LF into LF; a character reference for the CR, as .NET's writers send, stays.
    String windows = unix.replace("\n", "&#13;\n");
    Path feed = Files.writeString(tmp.resolve("desk.atom"), """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Windows desk</title>
          <id>tag:windows-desk.example,2026:/feed</id>
          <updated>2026-11-23T00:00:00Z</updated>
          <author><name>Windows desk staff</name></author>
          <entry>
            <title>Trump Escalates Venezuela Crackdown</title>
            <id>tag:windows-desk.example,2026:/unix</id>
            <updated>2026-11-23T00:00:00Z</updated>
            <content type="text">%s</content>
          </entry>
          <entry>
            <title>Trump Escalates Venezuela Crackdown</title>
            <id>tag:windows-desk.example,2026:/windows</id>
            <updated>2026-11-23T00:00:00Z</updated>
            <content type="text">%s</content>
          </entry>
        </feed>
        """.formatted(unix, windows));

    FormatRun run = FormatRun.read(new FeedFormat(), feed);

    List<Block> fromUnix = run.articles().get(0).blocks();
    assertEquals(paragraphsOf(seedBody()), fromUnix.size(), "one block a paragraph");
    assertEquals(fromUnix, run.articles().get(1).blocks());
  }
}
