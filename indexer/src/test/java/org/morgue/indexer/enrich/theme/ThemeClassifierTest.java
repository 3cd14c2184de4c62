package org.morgue.indexer.enrich.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.source.RecordingSink;
import org.morgue.indexer.source.SotuJsonFormat;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Theme;

class ThemeClassifierTest {
  private static final ThemeClassifier CLASSIFIER = ThemeClassifier.fromResources();

  private static List<String> names(List<Theme> themes) {
    return themes.stream().map(Theme::name).toList();
  }

  private static Article article(String title, String body) {
    return new Article("t", title, List.of(new Block(BlockKind.PARAGRAPH, body)), Optional.empty(), "test",
        Optional.empty(), List.of(), "test");
  }

  @Test
  void crackdownArticleIsAboutOrganisedCrimeMigrationDiplomacyAndIntelligence() {
    List<String> names = names(CLASSIFIER.classify(SeedArticles.article(SeedArticles.CRACKDOWN)));
    assertTrue(names.containsAll(List.of("Organised crime", "Migration and borders", "Diplomacy", "Intelligence")),
        names.toString());
    assertFalse(names.contains("Sport"), names.toString());
  }

  @Test
  void killClaimsArticleIsAboutMilitaryForceAndOrganisedCrime() {
    List<Theme> themes = CLASSIFIER.classify(SeedArticles.article(SeedArticles.KILL_CLAIMS));
    assertTrue(names(themes).containsAll(List.of("Military force", "Organised crime")), names(themes).toString());
    Theme military = themes.stream().filter(t -> t.id().equals("military-force")).findFirst().orElseThrow();
    assertEquals("16000000", military.iptc());
    assertTrue(military.triggers().contains("military force"), military.triggers().toString());
  }

  @Test
  void aSentenceAboutTariffsAndInflationIsEconomyNotMilitaryForce() {
    List<Theme> themes = CLASSIFIER.classify(
        article("Tariffs bite", "New tariffs on imported steel pushed inflation to its highest level in a decade."));
    assertTrue(names(themes).contains("Economy"), names(themes).toString());
    assertTrue(names(themes).contains("Trade"), names(themes).toString());
    assertFalse(names(themes).contains("Military force"));
    Theme economy = themes.stream().filter(t -> t.name().equals("Economy")).findFirst().orElseThrow();
    assertEquals("04000000", economy.iptc());
    assertTrue(economy.triggers().containsAll(List.of("tariffs", "inflation")), economy.triggers().toString());
  }

  /**
   * Nixon's 1974 address names the energy crisis, energy needs and the oil embargo (17 times
   * "energy"): a journalist's trial found it without the Energy theme, since its phrases counted as the
   * one word "energy", whose repeats add little.
   */
  @Test
  void anAddressOnTheEnergyCrisisIsAboutEnergy() throws IOException {
    Article address = RecordingSink.read(new SotuJsonFormat(),
        RecordingSink.resource("formats/sotu/1974_richard_nixon_r.json")).articles.get(0);
    List<Theme> themes = CLASSIFIER.classify(address);
    Theme energy = themes.stream().filter(t -> t.name().equals("Energy")).findFirst()
        .orElseThrow(() -> new AssertionError("no Energy: " + names(themes)));
    assertTrue(energy.triggers().contains("energy crisis"), energy.triggers().toString());
    assertFalse(names(CLASSIFIER.classify(SeedArticles.article(SeedArticles.CRACKDOWN))).contains("Energy"));
  }

  /**
   * Taft's 1909 address gives three paragraphs of 14,000 words to the new tariff: over the whole
   * text Trade scores below the threshold, over its best passage above it. The same address's
   * passing mentions of farms or schools stay under the passage's doubled threshold.
   */
  @Test
  void aLongAddressIsAboutTradeWhereAPassageDiscussesTheTariff() throws IOException {
    Article address = RecordingSink.read(new SotuJsonFormat(),
        RecordingSink.resource("formats/sotu/1909_william_h_taft_r.json")).articles.get(0);
    List<Theme> themes = CLASSIFIER.classify(address);
    Theme trade = themes.stream().filter(t -> t.name().equals("Trade")).findFirst()
        .orElseThrow(() -> new AssertionError("no Trade: " + names(themes)));
    assertTrue(trade.triggers().contains("tariff"), trade.triggers().toString());
    assertTrue(trade.score() >= 4.0, "at or above the threshold: " + trade.score());
    assertEquals("Economy", themes.get(0).name(), "the whole text still leads: " + names(themes));
    assertFalse(names(themes).contains("Agriculture"), names(themes).toString());
    assertFalse(names(themes).contains("Education"), names(themes).toString());
  }

  @Test
  void triggersAreWordsOfTheTextAndThemesComeHighestFirst() {
    for (String seed : List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS)) {
      Article article = SeedArticles.article(seed);
      String text = article.text().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
      List<Theme> themes = CLASSIFIER.classify(article);
      for (int i = 0; i < themes.size(); i++) {
        Theme theme = themes.get(i);
        assertTrue(theme.iptc().matches("\\d{8}"), theme.iptc());
        assertFalse(theme.triggers().isEmpty());
        theme.triggers().forEach(t -> assertTrue(text.contains(t), "'" + t + "' is in " + seed));
        if (i > 0) {
          assertTrue(themes.get(i - 1).score() >= theme.score());
        }
      }
    }
  }

  @Test
  void aTextWithNoThemeWordsGetsNoThemes() {
    assertEquals(List.of(), CLASSIFIER.classify(article("Hello", "The cat sat on the mat and looked at the sky.")));
  }
}
