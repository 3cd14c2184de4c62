package org.morgue.indexer.enrich.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.Mention;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;

/** Who the enrichment says an article quotes, on real wire and newspaper text. */
class SpeakerLinkerTest {
  private final ArticleEnricher enricher = ArticleEnricher.standard();

  private static List<Article> read(String resource) throws IOException {
    RecordingSink sink = new RecordingSink();
    ArticleFiles.standard().read(RecordingSink.resource(resource), sink);
    if (!sink.rejected.isEmpty()) {
      throw new AssertionError(resource + ": " + sink.rejected);
    }
    return sink.articles;
  }

  private Map<String, Actor> actors(Article article) {
    return enricher.enrich(article).enrichment().actors().stream()
        .collect(Collectors.toMap(Actor::name, actor -> actor, (a, b) -> a));
  }

  @Test
  void theCompanyThatSpeaksIsQuotedAndTheCompaniesItNamesAreNot() throws IOException {
    // "Computer Terminal Systems Inc said it has completed the sale ... to <Sedio N.V.> ... The company
    // said ...": "the company" is the one that spoke, not Sedio, named last before it.
    Map<String, Actor> actors = actors(read("formats/reuters/reut-00001.xml").get(0));

    Actor speaker = actors.get("Computer Terminal Systems Inc");
    assertTrue(speaker.quoted(), actors.toString());
    List<String> words = speaker.quotes().stream().map(Mention::text).toList();
    assertTrue(words.size() >= 5, "every 'said' of the story is the company's: " + words);
    assertTrue(words.stream().allMatch(w -> w.equalsIgnoreCase("said")), words.toString());
    actors.values().stream().filter(a -> !a.name().equals(speaker.name()))
        .forEach(a -> assertFalse(a.quoted(), a.name() + " is named, not quoted: " + a.quotes()));
  }

  @Test
  void theJuryIsQuotedWhereverTheTextSaysTheJurySaidAndNoBodyItNamesIs() throws IOException {
    // Brown A01: "The Fulton County Grand Jury said Friday ...", then "the jury said" many times, with
    // the State Welfare Department and the Atlanta Bar Association named between.
    Map<String, Actor> actors = actors(read("formats/brown/ca01").get(0));

    Actor jury = actors.values().stream().filter(a -> a.name().contains("Grand Jury")).findFirst().orElseThrow();
    assertTrue(jury.quotes().size() >= 4, "the jury speaks throughout: " + jury.quotes());
    for (String named : List.of("State Welfare Department", "Atlanta Bar Association")) {
      Actor actor = actors.get(named);
      assertTrue(actor == null || !actor.quoted(), named + " is talked about, not quoted: " + actor);
    }
  }

  @Test
  void aPlaceNeverSpeaks() throws IOException {
    for (String file : List.of("formats/reuters/reut-00001.xml", "formats/reuters/reut-00007.xml",
        "formats/reuters/reut-00018.xml", "formats/reuters/reut-00021.xml", "formats/brown/ca01")) {
      for (Article article : read(file)) {
        actors(article).values().stream().filter(a -> a.type() == ActorType.PLACE)
            .forEach(place -> assertEquals(List.of(), place.quotes(), file + ": " + place.name()));
      }
    }
  }

  @Test
  void anAnalystNamedAfterHisFirmSpeaksForHimselfNotTheFirm() throws IOException {
    // reut-00007: '... down the road," said E.F. Hutton Group analyst Michael ...'.
    Map<String, Actor> actors = actors(read("formats/reuters/reut-00007.xml").get(0));

    actors.values().stream().filter(a -> a.name().startsWith("E.F. Hutton"))
        .forEach(firm -> assertFalse(firm.quoted(), firm.name() + ": " + firm.quotes()));
  }
}
