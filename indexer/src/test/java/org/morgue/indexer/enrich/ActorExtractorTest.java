package org.morgue.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.article.Actor;
import org.morgue.indexer.article.ActorType;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Block;
import org.morgue.indexer.article.BlockKind;
import org.morgue.indexer.article.Mention;

class ActorExtractorTest {
  /** Immutable and thread-safe, so one instance serves every test, as it serves every indexing thread. */
  private static final ActorExtractor EXTRACTOR = ActorExtractor.fromResources();

  private static final Article CRACKDOWN = SeedArticles.article(SeedArticles.CRACKDOWN);
  private static final Article KILL_CLAIMS = SeedArticles.article(SeedArticles.KILL_CLAIMS);

  private static Article article(String title, String... paragraphs) {
    List<Block> blocks = Arrays.stream(paragraphs).map(p -> new Block(BlockKind.PARAGRAPH, p)).toList();
    return new Article("test", title, blocks, Optional.empty(), "test", Optional.empty(), List.of(), "test");
  }

  private static Actor actor(List<Actor> actors, String name) {
    return actors.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no actor '" + name + "' in " + names(actors)));
  }

  private static Set<String> names(List<Actor> actors) {
    return actors.stream().map(Actor::name).collect(Collectors.toSet());
  }

  private static Set<String> mentionTexts(Actor actor) {
    return actor.mentions().stream().map(Mention::text).collect(Collectors.toSet());
  }

  @Test
  void crackdownArticleNamesTheGangVenezuelaTrumpAndTheUsGovernment() {
    List<Actor> actors = EXTRACTOR.extract(CRACKDOWN);

    assertEquals(ActorType.GROUP, actor(actors, "Tren de Aragua").type());
    assertEquals(ActorType.PLACE, actor(actors, "Venezuela").type());
    assertEquals(ActorType.PERSON, actor(actors, "Donald Trump").type());
    assertEquals(ActorType.PLACE, actor(actors, "United States").type());
    assertEquals(ActorType.PLACE, actor(actors, "Latin America").type());
    assertEquals(ActorType.PLACE, actor(actors, "Western Hemisphere").type());
    Actor government = actor(actors, "U.S. government");
    assertEquals(ActorType.GOVERNMENT, government.type());
    assertEquals(
        Set.of("Washington", "White House", "Trump administration", "the administration"),
        mentionTexts(government));
    assertEquals(Set.of("U.S."), mentionTexts(actor(actors, "United States")));
    // Counted by hand in the seed text: 13 times "Venezuela", twice the demonym "Venezuelan".
    assertEquals(7, actor(actors, "Tren de Aragua").mentionCount());
    assertEquals(15, actor(actors, "Venezuela").mentionCount());
    assertEquals(6, actor(actors, "Donald Trump").mentionCount());
  }

  @Test
  void killClaimsArticleNamesTheGangTheUsAndWashington() {
    List<Actor> actors = EXTRACTOR.extract(KILL_CLAIMS);

    assertEquals(ActorType.GROUP, actor(actors, "Tren de Aragua").type());
    assertEquals(Set.of("US", "America"), mentionTexts(actor(actors, "United States")));
    assertEquals(Set.of("Washington", "the administration"), mentionTexts(actor(actors, "U.S. government")));
    assertEquals(Set.of("US Military", "US military"), mentionTexts(actor(actors, "U.S. armed forces")));
  }

  @Test
  void titleCaseHeadlineYieldsOnlyItsKnownActors() {
    List<Actor> actors = EXTRACTOR.extract(CRACKDOWN);
    int titleEnd = CRACKDOWN.titleSpan().end();

    Set<String> inHeadline = actors.stream()
        .filter(a -> a.mentions().stream().anyMatch(m -> m.start() < titleEnd))
        .map(Actor::name)
        .collect(Collectors.toSet());

    assertEquals(Set.of("Donald Trump", "Venezuela"), inHeadline);
  }

  @Test
  void noCapitalisedWordBecomesAnActorJustForBeingCapitalised() {
    Set<String> forbidden = Set.of(
        "May", "The", "Why", "What", "French", "Venezuelan", "Escalates", "Crackdown", "Trump Escalates",
        "Military", "Kill", "Claims", "Stakes", "Expect", "Either", "Watch", "Legality");
    for (Article article : List.of(CRACKDOWN, KILL_CLAIMS)) {
      for (Actor actor : EXTRACTOR.extract(article)) {
        assertFalse(forbidden.contains(actor.name()), () -> "junk actor " + actor.name());
      }
    }
  }

  @Test
  void everyMentionIsTheTextAtItsOffsets() {
    for (Article article : List.of(CRACKDOWN, KILL_CLAIMS)) {
      String text = article.text();
      for (Actor actor : EXTRACTOR.extract(article)) {
        for (Mention mention : actor.mentions()) {
          assertEquals(mention.text(), text.substring(mention.start(), mention.end()), actor.name());
        }
      }
    }
  }

  @Test
  void possessiveWithCurlyApostropheIsAMentionOfTheName() {
    Actor government = actor(EXTRACTOR.extract(CRACKDOWN), "U.S. government");
    Mention first = government.mentions().get(0);
    int lede = CRACKDOWN.blockSpans().get(0).start();

    assertEquals(new Mention(lede, lede + "Washington".length(), "Washington"), first);
    assertTrue(CRACKDOWN.text().startsWith("Washington’s", lede));
  }

  @Test
  void trumpBeforeAPolicyIsThePersonButTheTrumpAdministrationIsTheGovernment() {
    List<Actor> actors = EXTRACTOR.extract(article("Policy", "Trump Venezuela policy hardened as the Trump administration struck."));

    assertEquals(List.of("Trump"), actor(actors, "Donald Trump").mentions().stream().map(Mention::text).toList());
    assertEquals(
        List.of("Trump administration"),
        actor(actors, "U.S. government").mentions().stream().map(Mention::text).toList());
  }

  @Test
  void longestMatchMakesGeorgeWashingtonAPersonAndWashingtonTheGovernment() {
    List<Actor> actors = EXTRACTOR.extract(article(
        "Annual Message", "George Washington warned that Washington must not entangle the Republic."));

    assertEquals(Set.of("George Washington"), mentionTexts(actor(actors, "George Washington")));
    assertEquals(ActorType.PERSON, actor(actors, "George Washington").type());
    assertEquals(Set.of("Washington"), mentionTexts(actor(actors, "U.S. government")));
  }

  @Test
  void theAdministrationIsTheUsGovernmentOnlyAfterAUsBodyWasNamed() {
    assertEquals(List.of(), EXTRACTOR.extract(article("Budget", "The administration said the budget would pass.")));

    List<Actor> actors = EXTRACTOR.extract(article(
        "Budget", "The Pentagon asked for more. The administration said the budget would pass."));
    assertEquals(Set.of("The administration"), mentionTexts(actor(actors, "U.S. government")));
  }

  @Test
  void matchingIsCaseSensitiveAndDemonymsNameTheirCountryNeverAnOrganisation() {
    List<Actor> actors = EXTRACTOR.extract(article(
        "Talks",
        "May brought new talks. Venezuelan and French officials told us they may meet in the US."));

    assertEquals(Set.of("United States", "Venezuela", "France"), names(actors));
    assertEquals(Set.of("US"), mentionTexts(actor(actors, "United States")));
    assertEquals(Set.of("French"), mentionTexts(actor(actors, "France")));
    assertEquals(ActorType.PLACE, actor(actors, "France").type());
  }

  @Test
  void titleBeforeAnUnknownNameFindsThePersonAndLaterSurnamesResolveToIt() {
    String sentence = "Gov. Greg Abbott said Tuesday that Texas would deploy the National Guard to the border."
        + " Abbott’s order drew criticism from Mr. Beto O’Rourke.";
    List<Actor> actors = EXTRACTOR.extract(article("Texas Sends Troops To Border", sentence));

    Actor abbott = actor(actors, "Greg Abbott");
    assertEquals(ActorType.PERSON, abbott.type());
    assertEquals(List.of("Greg Abbott", "Abbott"), abbott.mentions().stream().map(Mention::text).toList());
    assertEquals(ActorType.PERSON, actor(actors, "Beto O'Rourke").type());
    assertFalse(names(actors).contains("Tuesday"));
  }

  @Test
  void stateOfTheUnionTitlesFindPeopleAndSurnamesFollowFullNames() {
    List<Actor> actors = EXTRACTOR.extract(article(
        "Address Before a Joint Session of the Congress on the State of the Union",
        "Last month Secretary of State Dean Rusk met President Nicolás Maduro of Venezuela,"
            + " and Franklin D. Roosevelt's example guided us. Roosevelt knew that Rusk would report to Congress."));

    assertEquals(List.of("Dean Rusk", "Rusk"), actor(actors, "Dean Rusk").mentions().stream().map(Mention::text).toList());
    assertEquals(
        List.of("Franklin D. Roosevelt", "Roosevelt"),
        actor(actors, "Franklin D. Roosevelt").mentions().stream().map(Mention::text).toList());
    assertEquals(ActorType.GOVERNMENT, actor(actors, "U.S. Congress").type());
    assertFalse(names(actors).contains("Last"));
  }

  @Test
  void legalFormAfterCapitalisedWordsFindsACompany() {
    List<Actor> actors = EXTRACTOR.extract(article(
        "Deal", "Shares of Globex, Inc. rose after Initech Holdings agreed to buy Vandelay Industries Ltd."));

    assertEquals(Set.of("Globex Inc", "Initech Holdings", "Vandelay Industries Ltd"), names(actors));
    actors.forEach(a -> assertEquals(ActorType.ORGANISATION, a.type()));
  }

  @Test
  void titleCaseHeadlineWithATitleWordYieldsNoInventedPerson() {
    List<Actor> actors = EXTRACTOR.extract(article("President Visits Caracas As Tensions Rise", "Talks begin."));

    assertEquals(Set.of("Venezuelan government"), names(actors));
  }

  @Test
  void actorsComeMostSalientFirstWithTheTopAtOne() {
    for (Article article : List.of(CRACKDOWN, KILL_CLAIMS)) {
      List<Actor> actors = EXTRACTOR.extract(article);
      assertEquals(1.0, actors.get(0).salience());
      for (int i = 1; i < actors.size(); i++) {
        assertTrue(actors.get(i - 1).salience() >= actors.get(i).salience());
        assertTrue(actors.get(i).salience() > 0 && actors.get(i).salience() <= 1);
      }
    }
    List<Actor> crackdown = EXTRACTOR.extract(CRACKDOWN);
    assertEquals("Venezuela", crackdown.get(0).name());
    assertTrue(actor(crackdown, "Donald Trump").salience() > actor(crackdown, "Latin America").salience());
  }

  @Test
  void headlineAndLedeMentionsWeighMoreThanBodyMentions() {
    List<Actor> actors = EXTRACTOR.extract(article(
        "Cuba Talks", "Talks on Cuba resumed.", "Officials from Peru and Peru's neighbours attended."));

    // Cuba: headline 3 + body 1 = 4; Peru: two body mentions = 2.
    assertEquals(1.0, actor(actors, "Cuba").salience());
    assertEquals(0.5, actor(actors, "Peru").salience());
  }

  @Test
  void gazetteersCoverEveryPresidentAndTheCountries() {
    assertTrue(EXTRACTOR.knownActors() > 600, "known actors: " + EXTRACTOR.knownActors());
    List<Actor> actors = EXTRACTOR.extract(article(
        "Presidents", "Calvin Coolidge, Harry S. Truman and Joe Biden spoke of Bhutan, Eswatini and the U.K."));
    assertEquals(
        Set.of("Calvin Coolidge", "Harry S. Truman", "Joe Biden", "Bhutan", "Eswatini", "United Kingdom"),
        names(actors));
  }

  @Test
  void aStateAbbreviationMakesItsCountryAnActorWithThePlaceMentionsAtHalfWeight() {
    Article story = article("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE",
        "Computer Terminal also said it sold the technolgy rights to its Dot Matrix impact technology, including"
            + " any future improvements, to <Woodco Inc> of Houston, Tex. for 200,000 dlrs.");
    List<Actor> actors = EXTRACTOR.extract(story);
    Actor texas = actors.stream().filter(a -> a.name().equals("Texas")).findFirst().orElseThrow();
    Actor usa = actors.stream().filter(a -> a.name().equals("United States")).findFirst().orElseThrow();
    assertEquals(ActorType.PLACE, usa.type());
    assertEquals(List.of("Houston", "Tex."), usa.mentions().stream().map(Mention::text).toList());
    // Two place mentions at half weight: no more salient than one place named outright.
    assertTrue(usa.salience() <= texas.salience(), actors.toString());
  }

  @Test
  void aReutersDatelineNamesItsPlaceAndCountryWithoutOffsets() {
    Article story = new Article("reuters-10", "COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE",
        List.of(new Block(BlockKind.LEDE, "Computer Terminal Systems Inc said it has completed the sale of 200,000 shares.")),
        Optional.empty(), "Reuters", Optional.empty(), List.of(), "test",
        java.util.Map.of("dateline", List.of("COMMACK, N.Y., Feb 26 -")));
    Set<String> names = EXTRACTOR.extract(story).stream().map(Actor::name).collect(Collectors.toSet());
    assertTrue(names.containsAll(Set.of("New York", "United States")), names.toString());
    Actor usa = EXTRACTOR.extract(story).stream().filter(a -> a.name().equals("United States")).findFirst().orElseThrow();
    assertEquals(List.of(), usa.mentions());
  }

  @Test
  void aNameWithAMiddleInitialIsAPersonWithoutATitle() {
    Article story = article("",
        "Appointment of William S. Pfaff Jr., 41, as promotion manager of The Times-Picayune Publishing Company"
            + " was announced Saturday by John F. Tims, president of the company.");
    Set<String> people = EXTRACTOR.extract(story).stream().filter(a -> a.type() == ActorType.PERSON)
        .map(Actor::name).collect(Collectors.toSet());
    assertEquals(Set.of("William S. Pfaff Jr", "John F. Tims"), people);
  }
}
