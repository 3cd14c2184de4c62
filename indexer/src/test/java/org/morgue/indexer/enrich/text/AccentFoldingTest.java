package org.morgue.indexer.enrich.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AccentFoldingTest {
  @Test
  void lettersThatDoNotDecomposeFoldAsTheIndexsIcuFoldingSpellsThem() {
    // a user trial: these kept their letters, where the search's ICU folding reads "lodz", "soren" ...
    assertEquals("Lodz", AccentFolding.fold("Łódź"));
    assertEquals("Soren", AccentFolding.fold("Søren"));
    assertEquals("Strasse", AccentFolding.fold("Straße"));
    assertEquals("Tromso", AccentFolding.fold("Tromsø"));
    assertEquals("Dordevic", AccentFolding.fold("Đorđević"));
    assertEquals("Thorsson", AccentFolding.fold("Þórsson"));
    assertEquals("Gudmundsdottir", AccentFolding.fold("Guðmundsdóttir"));
    assertEquals("Istanbul", AccentFolding.fold("İstanbul"));
    assertEquals("Diyarbakir", AccentFolding.fold("Diyarbakır"));
    assertEquals("manoeuvre", AccentFolding.fold("manœuvre"));
  }

  @Test
  void aCapitalLigatureIsTitleCaseInATitleCaseWordAndCapitalsInACapitalisedOne() {
    assertEquals("Aethelred", AccentFolding.fold("Æthelred"));
    assertEquals("AETHELRED", AccentFolding.fold("ÆTHELRED"));
    assertEquals("Oeuvre", AccentFolding.fold("Œuvre"));
    assertEquals("Thor", AccentFolding.fold("Þór"));
  }

  @Test
  void marksAndCompatibilityFormsFoldAsBeforeAndAsciiWordsAreKeptThemselves() {
    assertEquals("Malaga", AccentFolding.fold("Málaga"));
    assertEquals("Sao Paulo", AccentFolding.fold("São Paulo"));
    assertEquals("Nicolas", AccentFolding.fold("Ｎｉｃｏｌáｓ"), "fullwidth letters, as the index folds them");
    String ascii = "Malaga";
    assertSame(ascii, AccentFolding.fold(ascii));
  }
}
