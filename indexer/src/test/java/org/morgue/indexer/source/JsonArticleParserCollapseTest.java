package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written whitespace collapse must give exactly what {@code strip().replaceAll("\\s+", " ")}
 * gave, which every article read from JSON went through before.
 */
class JsonArticleParserCollapseTest {
  private static String reference(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  @Test
  void collapsesAsTheRegexDidOnEdgeCases() {
    List<String> cases = List.of("", " ", "a", " a ", "a  b", "a\tb", "a\r\nb", "a \u000B b", "a\fb",
        "\u2003a\u2003", "a\u00A0\u00A0b", "a\u2003 \u2003b", "  lead and trail \n", "one\n\n\ntwo",
        "x \t\r\n y", "a b c", "a\u0085b", "\u3000a\u3000b\u3000");
    for (String text : cases) {
      assertEquals(reference(text), JsonArticleParser.collapse(text), "for " + text.codePoints().boxed().toList());
    }
  }

  @Test
  void collapsesAsTheRegexDidOnRealArticlesAndLeavesCollapsedTextAsItIs() throws IOException {
    List<String> paragraphs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/seed"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        paragraphs.add(text);
        paragraphs.addAll(List.of(text.split("\n")));
      }
    }
    for (String paragraph : paragraphs) {
      assertEquals(reference(paragraph), JsonArticleParser.collapse(paragraph));
    }
    String collapsed = reference(paragraphs.getFirst());
    assertSame(collapsed.strip(), JsonArticleParser.collapse(collapsed), "collapsed text is not copied");
  }
}
