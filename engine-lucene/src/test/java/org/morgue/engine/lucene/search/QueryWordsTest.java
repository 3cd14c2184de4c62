package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Span;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;

/** Where a search's words stand in a seed article's text, as the reader marks them. */
class QueryWordsTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static String text;

  @BeforeAll
  static void index() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.put(enricher.enrich(SeedArticles.article(SeedArticles.CRACKDOWN)), "f0");
      writer.put(enricher.enrich(new org.morgue.article.Article("late-vote", "A late vote", List.of(new org.morgue.article.Block(
          org.morgue.article.BlockKind.PARAGRAPH, "The council voted at 9 P.M. on Tuesday, after the hearing ran long.")),
          Optional.empty(), "test", Optional.empty(), List.of(), "test")), "f1");
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
    text = searcher.article(SeedArticles.CRACKDOWN).orElseThrow().article().text();
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static List<Span> words(String query) throws Exception {
    return searcher.queryWords(SeedArticles.CRACKDOWN, query).orElseThrow().matches();
  }

  static List<String> marked(List<Span> spans) {
    return spans.stream().map(span -> text.substring(span.start(), span.end())).toList();
  }

  static int occurrences(String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  @Test
  void aWordIsMarkedInTheTitleAndTheBodyByItsStem() throws Exception {
    List<Span> spans = words("crackdowns");
    assertEquals(List.of("Crackdown", "crackdown"), marked(spans));
    assertEquals(text.indexOf("Crackdown"), spans.getFirst().start(), "the title's word, at its offset in the text");
    assertTrue(spans.getLast().start() > text.indexOf("\n\n"), "the body's word, past the title");
  }

  @Test
  void aDottedAcronymIsMarkedWithItsLastFullStop() throws Exception {
    // The tokenizer ends "P.M." at "P.M"; no actor's mention stands there to cover the stop.
    List<Span> spans = searcher.queryWords("late-vote", "PM").orElseThrow().matches();
    String late = searcher.article("late-vote").orElseThrow().article().text();
    assertEquals(List.of("P.M."), spans.stream().map(span -> late.substring(span.start(), span.end())).toList());
  }

  @Test
  void aQuotedPhraseMarksOnlyThePhraseAndLooseWordsMarkEachWord() throws Exception {
    List<String> phrase = marked(words("\"Venezuela policy\""));
    assertEquals(occurrences("venezuela\\s+policy"), phrase.size());
    assertTrue(phrase.size() >= 2, "the crackdown piece writes the phrase more than once: " + phrase);
    phrase.forEach(words -> assertEquals("venezuela policy", words.toLowerCase(Locale.ROOT)));

    List<String> loose = marked(words("Venezuela policy"));
    // The stem marks "Venezuelan" too, as the search matches it.
    assertEquals(occurrences("\\bvenezuelan?\\b") + occurrences("\\bpolicy\\b"), loose.size(), loose.toString());
  }

  @Test
  void anActorTheQueryNamesInFullIsMarkedWhereverTheArticleMentionsIt() throws Exception {
    // The search found the article through the actor: its mentions, by any of its names, are why.
    var government = searcher.article(SeedArticles.CRACKDOWN).orElseThrow().enrichment().actors().stream()
        .filter(actor -> actor.name().equals("U.S. government")).findFirst().orElseThrow();
    List<String> mentions = government.mentions().stream().map(mention -> text.substring(mention.start(), mention.end())).toList();
    assertTrue(mentions.contains("White House") && mentions.contains("Washington"), mentions.toString());
    assertEquals(mentions, marked(words("actor:\"U.S. government\"")));
    assertEquals(7, words("actor:\"Tren de Aragua\"").size(), "the gang's seven mentions");
    // A word of a name is not the name: "government" alone marks the word where the text writes it.
    assertTrue(marked(words("government")).stream().allMatch(word -> word.toLowerCase(java.util.Locale.ROOT).startsWith("government")), marked(words("government")).toString());
  }

  @Test
  void whatAQueryAsksOfOtherFieldsMarksNothing() throws Exception {
    assertEquals(List.of(), words("theme:\"Organised crime\""));
    assertEquals(List.of(), words("wolverines"));
    // A required word the body lacks still leaves the others marked, as a snippet's are.
    assertFalse(words("+crackdown +wolverines").isEmpty());
  }

  @Test
  void aQueryIsReadAndRefusedAsASearchReadsIt() throws Exception {
    // Unreadable syntax is searched as its plain words, as the search does, and the answer says so.
    assertTrue(marked(words("Trump's \"border")).stream().anyMatch(word -> word.equalsIgnoreCase("border")));
    var interpretation = searcher.queryWords(SeedArticles.CRACKDOWN, "Trump's \"border").orElseThrow().interpretation();
    assertEquals("Trump's border", interpretation.orElseThrow().query());
    assertEquals(Optional.empty(), searcher.queryWords(SeedArticles.CRACKDOWN, "border").orElseThrow().interpretation());
    InvalidQueryException refused = assertThrows(InvalidQueryException.class,
        () -> words("x".repeat(SearchEngine.MAX_QUERY_LENGTH + 1)));
    assertTrue(refused.getMessage().contains("the limit is"), refused.getMessage());
    // Refused before the article is looked for: a bad query is the request's fault whatever the id.
    assertThrows(InvalidQueryException.class, () -> searcher.queryWords("no-such-article", "title:[a TO"));
    assertEquals(Optional.empty(), searcher.queryWords("no-such-article", "crackdown"));
  }
}
