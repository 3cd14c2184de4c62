package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.morgue.article.ActorType;

class GazetteerTest {

  private static DataFile file(String path, String... lines) {
    List<DataFile.Line> numbered = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      numbered.add(new DataFile.Line(i + 1, lines[i]));
    }
    return new DataFile(path, numbered);
  }

  private static String matchAt(Gazetteer gazetteer, String text, int token) {
    return gazetteer
        .longestMatch(Token.split(text, 0, text.length()), token, false, false, Set.of())
        .map(e -> e.actor().name() + "/" + e.tokens().size())
        .orElse("none");
  }

  @Test
  void longestAliasWinsAndAbbreviationsDoNotMatchInsideLongerOnes() {
    Gazetteer gazetteer = Gazetteer.load(List.of(file(
        "test.tsv",
        "United States\tplace\tU.S.|US",
        "Soviet Union\tplace\tU.S.S.R.",
        "U.S. Navy\tgovernment\tUS Navy")));

    assertEquals("U.S. Navy/5", matchAt(gazetteer, "U.S. Navy ships", 0));
    assertEquals("Soviet Union/8", matchAt(gazetteer, "the U.S.S.R. fell", 1));
    Gazetteer withoutSovietUnion = Gazetteer.load(List.of(file("test.tsv", "United States\tplace\tU.S.")));
    assertEquals("none", matchAt(withoutSovietUnion, "the U.S.S.R. fell", 1));
    assertEquals("United States/4", matchAt(gazetteer, "the U.S.-Venezuela talks", 1));
    assertEquals("none", matchAt(gazetteer, "let us go", 1));
  }

  @Test
  void anAliasNamingTwoActorsIsADataErrorNamingBothLines() {
    IllegalStateException error = assertThrows(
        IllegalStateException.class,
        () -> Gazetteer.load(List.of(file("a.tsv", "Georgia\tplace", "Georgia State\tplace\tGeorgia"))));

    assertTrue(error.getMessage().contains("a.tsv:2"), error.getMessage());
    assertTrue(error.getMessage().contains("a.tsv:1"), error.getMessage());
  }

  @Test
  void anUnknownTypeIsADataError() {
    IllegalStateException error = assertThrows(
        IllegalStateException.class, () -> Gazetteer.load(List.of(file("b.tsv", "Acme\tcompany"))));

    assertTrue(error.getMessage().contains("unknown actor type 'company'"), error.getMessage());
  }

  @Test
  void shippedGazetteersLoadWithoutConflicts() {
    ActorExtractor extractor = ActorExtractor.fromResources();
    assertTrue(extractor.knownActors() > 600);
    assertEquals(ActorType.GOVERNMENT, new ActorKey("U.S. government", ActorType.GOVERNMENT).type());
  }
}
