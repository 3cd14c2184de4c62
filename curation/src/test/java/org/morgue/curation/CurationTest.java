package org.morgue.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Enrichment;
import org.morgue.article.Hedging;
import org.morgue.article.Mention;
import org.morgue.article.Theme;
import org.morgue.curation.journal.CurationJournal;

class CurationTest {
  private static final List<Theme> THEMES = List.of(new Theme("crime", "Crime", "02000000", 0, List.of()));

  @TempDir Path folder;

  private Curation open() throws IOException {
    return Curation.open(folder, THEMES, Clock.systemUTC());
  }

  private static ObjectNode search(String q) {
    ObjectNode search = JsonNodeFactory.instance.objectNode().put("q", q);
    search.putArray("source").add("State of the Union");
    return search;
  }

  @Test
  void aSavedSearchReadsBackAsSavedAndOneStoredAsParametersStillLoads() throws IOException {
    String id;
    try (Curation curation = open()) {
      id = curation.saveSearch("ana", Optional.empty(), Optional.empty(), "Malaga", search("Malaga"), Optional.empty())
          .value().id();
      assertEquals(search("Malaga"), curation.changes().getLast().after().get("search"),
          "the changes record names and shapes it as the API does");
    }
    try (Curation curation = open()) {
      assertEquals(search("Malaga"), curation.savedSearch(id).orElseThrow().search());
    }
    // As the journal kept saved searches before they were named "search": every value a list.
    Path journal = folder.resolve("journal.jsonl");
    List<String> lines = Files.readAllLines(journal);
    String stored = lines.getLast();
    String old = stored.replace("\"search\":{\"q\":\"Malaga\",", "\"parameters\":{\"q\":[\"Malaga\"],");
    assertTrue(old.contains("\"parameters\""), stored);
    lines.set(lines.size() - 1, old);
    Files.write(journal, lines);
    try (Curation curation = open()) {
      ObjectNode loaded = curation.savedSearch(id).orElseThrow().search();
      assertEquals("Malaga", loaded.get("q").get(0).asText(), "kept as stored: the server gives it the API's shape");
      assertEquals("State of the Union", loaded.get("source").get(0).asText());
    }
  }

  @Test
  void aRestartRebuildsTheSameStateFromTheJournal() throws IOException {
    String id;
    try (Curation curation = open()) {
      id = curation.createCollection("ana", "Tren de Aragua file", "the gang's coverage", Optional.empty()).value().id();
      curation.addToCollection("ana", id, Optional.of(1L), List.of(new CollectionEntry("a1", "the strike", null),
          new CollectionEntry("a2", "", null), new CollectionEntry("a3", "", null)), Optional.of("first pass"));
      curation.updateEntry("ana", id, Optional.empty(), "a3", Optional.of("moved up"), Optional.of(0), Optional.empty());
      curation.removeFromCollection("ana", id, Optional.empty(), List.of("a2"), Optional.empty());
      curation.correctActor("ben", "Maduro", Optional.empty(), Optional.of("Nicolás Maduro"), Optional.empty(), Optional.empty());
    }
    try (Curation curation = open()) {
      ArticleCollection file = curation.collection(id).orElseThrow();
      assertEquals("tren-de-aragua-file", id);
      assertEquals(List.of("a3", "a1"), file.entries().stream().map(CollectionEntry::articleId).toList());
      assertEquals("moved up", file.entries().get(0).note());
      assertEquals(4, file.version());
      assertEquals(Set.of(id), curation.collections("a1"));
      assertEquals(Set.of(), curation.collections("a2"));
      assertEquals("Nicolás Maduro", curation.canonicalName("Maduro"));
      assertEquals(5, curation.seq());
      assertEquals("ana", curation.changes().get(1).curator());
      assertEquals(Optional.of("first pass"), curation.changes().get(1).reason());
    }
  }

  @Test
  void aTornLastLineIsCutOffAndTheRestKept() throws IOException {
    try (Curation curation = open()) {
      curation.createCollection("ana", "One", "", Optional.empty());
      curation.createCollection("ana", "Two", "", Optional.empty());
    }
    Path journal = folder.resolve(CurationJournal.FILE);
    long whole = Files.size(journal);
    Files.writeString(journal, "{\"seq\":3,\"at\":\"2026-12-0", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (Curation curation = open()) {
      assertEquals(2, curation.collections().size());
      assertEquals(whole, Files.size(journal));
      curation.createCollection("ana", "Three", "", Optional.empty());
    }
    try (Curation curation = open()) {
      assertEquals(List.of("one", "two", "three"), curation.collections().stream().map(ArticleCollection::id).toList());
    }
  }

  @Test
  void aNameInAnyScriptGivesAReadableId() throws IOException {
    // A librarian's trial: "日本" had the id collection, "Ünïcødé" unic-de.
    try (Curation curation = open()) {
      assertEquals("ri-ben", curation.createCollection("ana", "日本", "", Optional.empty()).value().id());
      assertEquals("unicode", curation.createCollection("ana", "Ünïcødé", "", Optional.empty()).value().id());
      assertEquals("zurich-lobet", curation.createCollection("ana", "Zürich Løbet", "", Optional.empty()).value().id());
      assertEquals("collection", curation.createCollection("ana", "‽‽", "", Optional.empty()).value().id());
    }
  }

  @Test
  void aDamagedLineBeforeTheEndIsRefused() throws IOException {
    try (Curation curation = open()) {
      curation.createCollection("ana", "One", "", Optional.empty());
    }
    Path journal = folder.resolve(CurationJournal.FILE);
    String good = Files.readString(journal);
    Files.writeString(journal, "not a change\n" + good);
    IOException refused = assertThrows(IOException.class, this::open);
    assertTrue(refused.getMessage().contains("damaged at line 1"), refused.getMessage());
  }

  @Test
  void mergesIntoItselfOrInACycleAreRefusedAndLeaveNoTrace() throws IOException {
    try (Curation curation = open()) {
      CurationException self = assertThrows(CurationException.class, () -> curation.correctActor("ana", "Maduro",
          Optional.empty(), Optional.of("Maduro"), Optional.empty(), Optional.empty()));
      assertEquals(CurationException.Kind.INVALID, self.kind());
      curation.correctActor("ana", "A", Optional.empty(), Optional.of("B"), Optional.empty(), Optional.empty());
      curation.correctActor("ana", "B", Optional.empty(), Optional.of("C"), Optional.empty(), Optional.empty());
      CurationException cycle = assertThrows(CurationException.class, () -> curation.correctActor("ana", "C",
          Optional.empty(), Optional.of("A"), Optional.empty(), Optional.empty()));
      assertEquals(CurationException.Kind.CONFLICT, cycle.kind());
      assertTrue(cycle.getMessage().contains("C \u2192 A \u2192 B \u2192 C"), cycle.getMessage());
      assertEquals(2, curation.seq());
      assertEquals("C", curation.canonicalName("A"));
    }
  }

  @Test
  void aStaleVersionIsRefused() throws IOException {
    try (Curation curation = open()) {
      String id = curation.createCollection("ana", "File", "", Optional.empty()).value().id();
      curation.updateCollection("ben", id, Optional.of(1L), Optional.of("File, renamed"), Optional.empty(), Optional.empty());
      CurationException stale = assertThrows(CurationException.class, () -> curation.updateCollection("ana", id,
          Optional.of(1L), Optional.of("Mine"), Optional.empty(), Optional.empty()));
      assertEquals(CurationException.Kind.STALE_VERSION, stale.kind());
      assertEquals("File, renamed", curation.collection(id).orElseThrow().name());
      curation.updateCollection("ana", id, Optional.of(Curation.ANY_VERSION), Optional.of("Any version"),
          Optional.empty(), Optional.empty());
      CurationException absent = assertThrows(CurationException.class, () -> curation.correctActor("ana", "Maduro",
          Optional.of(Curation.ANY_VERSION), Optional.empty(), Optional.of(org.morgue.article.ActorType.PERSON),
          Optional.empty()));
      assertEquals(CurationException.Kind.STALE_VERSION, absent.kind(), "If-Match: * on a correction that does not exist");
    }
  }

  @Test
  void replacingACorrectionWholeNeedsTheVersionItReplaces() throws IOException {
    try (Curation curation = open()) {
      curation.correctActor("ana", "Maduro", Optional.empty(), Optional.of("Nicolás Maduro"), Optional.empty(),
          Optional.empty());
      CurationException blind = assertThrows(CurationException.class, () -> curation.correctActor("ben", "Maduro",
          Optional.empty(), Optional.empty(), Optional.of(ActorType.GROUP), Optional.empty()));
      assertEquals(CurationException.Kind.VERSION_REQUIRED, blind.kind());
      assertTrue(blind.getMessage().contains("set by ana") && blind.getMessage().contains("\"v1\""), blind.getMessage());
      assertEquals(1, curation.seq(), "the refused write is not recorded");
      assertEquals("Nicolás Maduro", curation.canonicalName("Maduro"), "ana's correction stands");
      curation.correctActor("ben", "Maduro", Optional.of(1L), Optional.of("Nicolás Maduro"),
          Optional.of(org.morgue.article.ActorType.PERSON), Optional.empty());
      curation.correctActor("ben", "Maduro", Optional.of(Curation.ANY_VERSION), Optional.of("Nicolas Maduro"),
          Optional.empty(), Optional.empty());
      assertEquals(3, curation.actorCorrection("Maduro").orElseThrow().version());
      String search = curation.saveSearch("ana", Optional.empty(), Optional.empty(), "Caracas", search("Caracas"),
          Optional.empty()).value().id();
      CurationException replaced = assertThrows(CurationException.class, () -> curation.saveSearch("ben",
          Optional.of(search), Optional.empty(), "Caracas, all", search("Caracas"), Optional.empty()));
      assertEquals(CurationException.Kind.VERSION_REQUIRED, replaced.kind());
      curation.pickStoryRecord("ana", "s", "a", Optional.empty(), Optional.empty());
      assertEquals(CurationException.Kind.VERSION_REQUIRED, assertThrows(CurationException.class,
          () -> curation.pickStoryRecord("ben", "s", "b", Optional.empty(), Optional.empty())).kind());
    }
  }

  @Test
  void correctionsRenameMergeRetypeRemoveAndAddOnEachArticle() throws IOException {
    try (Curation curation = open()) {
      curation.correctActor("ana", "Maduro", Optional.empty(), Optional.of("Nicolás Maduro"), Optional.empty(), Optional.empty());
      curation.correctActor("ana", "Tren de Aragua", Optional.empty(), Optional.empty(), Optional.of(ActorType.GROUP), Optional.empty());
      curation.correctArticle("ana", new ArticleCorrection("a1", Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of("Congress"), List.of(new ActorRef("Venezuela", ActorType.PLACE)), List.of(),
          List.of("crime"), null, null, null, 0), Optional.empty(), new OriginalFields("t", Optional.empty(), "s", List.of()),
          Optional.empty());
      Enrichment found = new Enrichment(List.of(
          new Actor("Nicolás Maduro", ActorType.PERSON, Optional.empty(), List.of(new Mention(10, 16, "Maduro")), 0.4,
              List.of("Moros")),
          new Actor("Maduro", ActorType.PERSON, Optional.empty(), List.of(new Mention(2, 8, "Maduro")), 0.9),
          new Actor("Tren de Aragua", ActorType.ORGANISATION, Optional.empty(), List.of(), 0.3),
          new Actor("Congress", ActorType.GOVERNMENT, Optional.empty(), List.of(), 0.2)), List.of(), new Hedging(0, Optional.of(org.morgue.article.HedgeLevel.LOW), 0, 0, List.of(), List.of()));
      Enrichment corrected = curation.correct("a1", found);
      assertEquals(List.of("Nicolás Maduro", "Venezuela", "Tren de Aragua"),
          corrected.actors().stream().map(Actor::name).toList());
      Actor maduro = corrected.actors().get(0);
      assertEquals(List.of(2, 10), maduro.mentions().stream().map(Mention::start).toList());
      assertEquals(0.9, maduro.salience());
      // The name the curator replaced stays searchable: every other name either part went by, not its own.
      assertEquals(List.of("Moros", "Maduro"), maduro.aliases());
      assertEquals(ActorType.GROUP, corrected.actors().get(2).type());
      assertEquals(List.of("Crime"), corrected.themes().stream().map(Theme::name).toList());
      assertEquals(3, curation.correct("a2", found).actors().size()); // merged; nothing removed or added on a2
    }
  }

  @Test
  void aReadOnlyCurationAddsTheTaxonomysThemesAsTheServersDoes() throws IOException {
    // `morgue index` applies a read-only curation: an added theme must survive a rebuild too.
    try (Curation curation = Curation.open(folder)) {
      curation.correctArticle("ana", new ArticleCorrection("a1", Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of(), List.of(), List.of(), List.of("Corruption"), null, null, null, 0), Optional.empty(),
          new OriginalFields("t", Optional.empty(), "s", List.of()), Optional.empty());
    }
    Enrichment found = new Enrichment(List.of(), List.of(),
        new Hedging(0, Optional.of(org.morgue.article.HedgeLevel.LOW), 0, 0, List.of(), List.of()));
    assertEquals(List.of("Corruption"),
        Curation.readOnly(folder).correct("a1", found).themes().stream().map(Theme::name).toList());
  }

  @Test
  void theSourceOfAnArticleKeepsWhatTheSourceChangedSinceItWasCorrected() throws IOException {
    try (Curation curation = open()) {
      curation.correctArticle("ana", new ArticleCorrection("a1", Optional.of("Corrected"), Optional.empty(),
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), null, null, null, 0),
          Optional.empty(), new OriginalFields("Original", Optional.of(java.time.LocalDate.of(2025, 1, 1)), "desk",
              List.of("A. Writer")), Optional.empty());
      // The source sends the article again, with a new date: the index holds it as corrected.
      org.morgue.article.Article reposted = new org.morgue.article.Article("a1", "Original", List.of(),
          Optional.of(java.time.LocalDate.of(2025, 2, 2)), "desk", Optional.empty(), List.of("A. Writer"), "", java.util.Map.of());
      org.morgue.article.Article stored = curation.correct(reposted);
      assertEquals("Corrected", stored.title());
      org.morgue.article.Article source = curation.source(stored);
      assertEquals("Original", source.title());
      assertEquals(Optional.of(java.time.LocalDate.of(2025, 2, 2)), source.published(), "the source's new date is kept");
      // The source renames it, then the correction is withdrawn: the source's new title is the one to show.
      org.morgue.article.Article retitled = new org.morgue.article.Article("a1", "Retitled", List.of(),
          Optional.of(java.time.LocalDate.of(2025, 2, 2)), "desk", Optional.empty(), List.of("A. Writer"), "", java.util.Map.of());
      stored = curation.correct(retitled);
      curation.withdrawArticleCorrection("ana", "a1", Optional.empty(), Optional.empty());
      assertEquals("Retitled", curation.source(stored).title());
    }
  }

  @Test
  void aSourceRenameReachesEveryWriteAndARebuildAndAnArticlesOwnSourceWins() throws IOException {
    org.morgue.article.Article page = new org.morgue.article.Article("p1", "Harbour fire spreads", List.of(),
        Optional.empty(), "The Bayside Gazette", Optional.empty(), List.of(), "", Map.of());
    org.morgue.article.Article text = new org.morgue.article.Article("t1", "Harbour fire out", List.of(),
        Optional.empty(), "desk", Optional.empty(), List.of(), "", Map.of());
    try (Curation curation = open()) {
      curation.correctSource("ana", "The Bayside Gazette", Optional.empty(), "Bayside Gazette", Optional.of("one paper"));
      // A chain: the desk folder's texts are the Gazette's, which is Bayside Gazette.
      curation.correctSource("ana", "desk", Optional.empty(), "The Bayside Gazette", Optional.empty());
      assertThrows(CurationException.class, () -> curation.correctSource("ana", "Bayside Gazette", Optional.empty(),
          "desk", Optional.empty()), "a cycle");
      org.morgue.article.Article stored = curation.correct(page);
      assertEquals("Bayside Gazette", stored.source());
      assertEquals("Bayside Gazette", curation.correct(text).source());
      assertEquals("The Bayside Gazette", curation.source(stored).source(), "rewritten, it starts from its own name");
      curation.correctArticle("ana", new ArticleCorrection("t1", Optional.empty(), Optional.empty(),
          Optional.of("Bayside Gazette (print)"), Optional.empty(), List.of(), List.of(), List.of(), List.of(), null, null,
          null, 0), Optional.empty(), OriginalFields.of(text), Optional.empty());
      assertEquals("Bayside Gazette (print)", curation.correct(text).source(), "the article's own correction wins");
    }
    // A rebuild or `morgue index` reads the journal as it stands.
    Curation rebuilt = Curation.readOnly(folder);
    assertEquals("Bayside Gazette", rebuilt.correct(page).source());
    assertEquals(List.of("The Bayside Gazette", "desk"),
        rebuilt.corrections().sources().stream().map(SourceCorrection::source).toList());
    try (Curation curation = open()) {
      curation.withdrawSourceCorrection("ben", "The Bayside Gazette", Optional.empty(), Optional.empty());
      assertEquals("The Bayside Gazette", curation.correct(page).source());
      assertEquals("The Bayside Gazette", curation.correct(new org.morgue.article.Article("t2", "Another", List.of(),
          Optional.empty(), "desk", Optional.empty(), List.of(), "", Map.of())).source(), "the chain ends earlier");
    }
  }

  @Test
  void aCuratorsDateIsADayAndWithdrawingItGivesBackTheSourcesYear() throws IOException {
    try (Curation curation = open()) {
      java.time.LocalDate year = java.time.LocalDate.of(1961, 1, 1);
      org.morgue.article.Article read = new org.morgue.article.Article("b1", "Jury report", List.of(), Optional.of(year),
          "Brown", Optional.empty(), List.of(), "", Map.of("date_precision", List.of("year")));
      assertEquals(org.morgue.article.DatePrecision.YEAR, org.morgue.article.DatePrecision.of(curation.correct(read)));
      curation.correctArticle("ana", new ArticleCorrection("b1", Optional.empty(),
          Optional.of(CorrectedDate.parse("1961-03-04")), Optional.empty(), Optional.empty(), List.of(), List.of(),
          List.of(), List.of(), null, null, null, 0), Optional.empty(),
          OriginalFields.of(read), Optional.empty());
      // The record says the source gave the year, not 1 January (a librarian's trial read it so).
      com.fasterxml.jackson.databind.JsonNode original = curation.changes().getLast().after().get("original");
      assertEquals("year", original.get("publishedPrecision").asText(), original.toString());
      org.morgue.article.Article stored = curation.correct(read);
      assertEquals(Optional.of(java.time.LocalDate.of(1961, 3, 4)), stored.published());
      assertEquals(org.morgue.article.DatePrecision.DAY, org.morgue.article.DatePrecision.of(stored));
      org.morgue.article.Article source = curation.source(stored);
      assertEquals(Optional.of(year), source.published());
      assertEquals(org.morgue.article.DatePrecision.YEAR, org.morgue.article.DatePrecision.of(source));
      assertEquals(read.metadata(), source.metadata(), "nothing of the correction is left in the source's metadata");
    }
  }

  @Test
  void aCuratorsDateDropsTheSourcesTimeOfDayAndWithdrawingItGivesItBack() throws IOException {
    try (Curation curation = open()) {
      java.time.LocalDate day = java.time.LocalDate.of(1987, 2, 26);
      org.morgue.article.Article read = new org.morgue.article.Article("reuters-10", "Sale completed", List.of(),
          Optional.of(day), "Reuters", Optional.empty(), List.of(), "", Map.of("published_time", List.of("15:18:06")));
      curation.correctArticle("ana", new ArticleCorrection("reuters-10", Optional.empty(),
          Optional.of(CorrectedDate.parse("1987-02-27")), Optional.empty(), Optional.empty(), List.of(), List.of(),
          List.of(), List.of(), null, null, null, 0), Optional.empty(),
          OriginalFields.of(read), Optional.empty());
      // 15:18 was the source's time on the 26th; the curator's 27th has none.
      org.morgue.article.Article stored = curation.correct(read);
      assertEquals(Optional.of(day.plusDays(1)), stored.published());
      assertEquals(Optional.empty(), org.morgue.article.PublishedTime.of(stored));
      org.morgue.article.Article source = curation.source(stored);
      assertEquals(Optional.of(day), source.published());
      assertEquals(read.metadata(), source.metadata(), "the source's time comes back with its date");
    }
  }

  @Test
  void aCuratorMayGiveOnlyTheYearOrTheMonthAndTheArticleSaysSo() throws IOException {
    // A librarian's trial: an address the source dated wrongly, known only by its year, could not be
    // corrected to "1790" ("'published' must be a date such as 2025-03-14").
    try (Curation curation = open()) {
      java.time.LocalDate day = java.time.LocalDate.of(1790, 12, 8);
      org.morgue.article.Article read = new org.morgue.article.Article("s1", "An address", List.of(), Optional.of(day),
          "State of the Union", Optional.empty(), List.of(), "", Map.of());
      for (String given : List.of("1790", "1791-01", "1791-01-08")) {
        CorrectedDate date = CorrectedDate.parse(given);
        Optional<Long> replacing = curation.articleCorrection("s1").map(before -> Curation.ANY_VERSION);
        curation.correctArticle("ana", new ArticleCorrection("s1", Optional.empty(), Optional.of(date), Optional.empty(),
            Optional.empty(), List.of(), List.of(), List.of(), List.of(), null, null, null, 0), replacing,
            new OriginalFields("An address", Optional.of(day), "State of the Union", List.of()), Optional.empty());
        org.morgue.article.Article stored = curation.correct(read);
        assertEquals(given, org.morgue.article.DatePrecision.of(stored).iso(stored.published().orElseThrow()));
        assertEquals(given, curation.articleCorrection("s1").orElseThrow().published().orElseThrow().iso());
        assertEquals(Optional.of(day), curation.source(stored).published());
      }
    }
    try (Curation curation = open()) {
      assertEquals("1791-01-08", curation.articleCorrection("s1").orElseThrow().published().orElseThrow().iso(),
          "read back from the journal");
    }
    assertEquals(CorrectedDate.parse("2025-10-05"), new CorrectedDate(java.time.LocalDate.of(2025, 10, 5),
        org.morgue.article.DatePrecision.DAY), "a day, as every correction made before could only be");
    assertThrows(IllegalArgumentException.class, () -> CorrectedDate.parse("1790-13"));
    assertThrows(IllegalArgumentException.class, () -> CorrectedDate.parse("December 1790"));
  }

  /**
   * Runs were one per saved search until 2026-12-05, shared by every curator: that run stands for each
   * curator until they run it themselves, and a curator's run is theirs alone.
   */
  @Test
  void eachCuratorsRunIsTheirOwnAndTheRunSharedBeforeStandsForThoseWhoHaveNotRun() throws IOException {
    SavedSearchRun shared = new SavedSearchRun(Instant.parse("2026-12-01T10:00:00Z"), 2, List.of("a", "b"), true);
    Files.createDirectories(folder.resolve("runs"));
    Files.writeString(folder.resolve("runs").resolve(HexFormat.of()
        .formatHex("caracas".getBytes(StandardCharsets.UTF_8)) + ".json"),
        "{\"at\": \"2026-12-01T10:00:00Z\", \"total\": 2, \"ids\": [\"a\", \"b\"], \"complete\": true}");
    try (Curation curation = open()) {
      assertEquals(Optional.of(shared), curation.lastRun("caracas", "ana"));
      assertEquals(Optional.of(shared), curation.lastRun("caracas"));
      SavedSearchRun anas = new SavedSearchRun(Instant.parse("2026-12-05T08:00:00Z"), 3, List.of("a", "b", "c"), true);
      curation.recordRun("caracas", "ana", anas);
      assertEquals(Optional.of(anas), curation.lastRun("caracas", "ana"));
      assertEquals(Optional.of(shared), curation.lastRun("caracas", "ben"), "Ana's run is not Ben's");
      assertEquals(Optional.of(anas), curation.lastRun("caracas"), "the latest of anyone's");
      assertEquals(Optional.empty(), curation.lastRun("never-run", "ana"));
    }
    try (Curation curation = open()) {
      assertEquals(3, curation.lastRun("caracas", "ana").orElseThrow().total(), "kept on disk");
    }
  }

  @Test
  void filingsAreInTheCorrectionsFileAndAnImportRecordedBeforeTheyWereLeavesThemAsTheyWere() throws IOException {
    try (Curation curation = open()) {
      curation.fileStory("ana", "a1", Optional.of("s2"), Optional.of("a2"), Optional.of("a1"), Optional.empty(),
          Optional.of("the same events"));
      ArticleFiling filing = curation.corrections().filings().get(0);
      assertEquals(List.of("a1", "s2", "a2", "a1", "the same events", "ana"), List.of(filing.articleId(),
          filing.story().orElseThrow(), filing.with().orElseThrow(), filing.from().orElseThrow(),
          filing.reason().orElseThrow(), filing.curator()));
      assertEquals(curation.seq(), curation.correctionsVersion(), "a filing changes the corrections file");
      Applied<Corrections> imported = curation.importCorrections("ben", new Corrections(List.of(), List.of(), List.of(),
          List.of(), List.of()), Optional.of(Curation.ANY_VERSION), Optional.empty());
      assertEquals(Set.of("a1"), imported.affected().refiledIds(), "the withdrawn filing's article is filed again");
      assertTrue(curation.filing("a1").isEmpty());
    }
    // As an import made before filings were in the file recorded it: without them, they stay.
    Path journal = folder.resolve("journal.jsonl");
    List<String> lines = Files.readAllLines(journal);
    String last = lines.getLast();
    assertTrue(last.contains("\"filings\":[]"), last);
    lines.set(lines.size() - 1, last.replace(",\"filings\":[]", ""));
    Files.write(journal, lines);
    try (Curation curation = open()) {
      assertEquals(Optional.of("a2"), curation.filing("a1").flatMap(ArticleFiling::with));
      assertEquals(Set.of("a1"), curation.filedWith("a2"));
    }
  }
}
