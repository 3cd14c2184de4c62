package org.morgue.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.text.ArticleDiff.Change;
import org.morgue.article.text.ArticleDiff.Sentence;
import org.morgue.article.text.ArticleDiff.Word;

/** Comparing versions of the wire-copies fixture's stories finds the edits its README lists. */
class VersionDiffTest {
  /** Surefire runs in the article module; the corpus folder is its sibling. */
  private static final Path COPIES = Path.of("..", "corpus", "wire-copies", "wire-copies.jsonl");
  private static final Map<String, Article> ARTICLES = new HashMap<>();

  private final VersionDiff diff = new VersionDiff(SentenceSplitter.fromResources());

  /**
   * The fixture's articles, their bodies cut into paragraphs at blank lines. The real JSON Lines
   * reader lives in the indexer, which this module cannot see; paragraphs are all a sentence diff needs.
   */
  @BeforeAll
  static void readFixture() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    for (String line : Files.readAllLines(COPIES)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode json = mapper.readTree(line);
      List<Block> blocks = Arrays.stream(json.get("body").asText().split("\n\\s*\n"))
          .filter(text -> !text.isBlank())
          .map(text -> new Block(BlockKind.PARAGRAPH, text.strip()))
          .toList();
      ARTICLES.put(json.get("id").asText(), new Article(json.get("id").asText(), json.get("title").asText(), blocks,
          Optional.of(LocalDate.parse(json.get("published").asText())), json.get("source").asText(),
          Optional.empty(), List.of(), COPIES.toString()));
    }
  }

  private ArticleDiff compare(String from, String to) {
    return diff.compare(ARTICLES.get(from), ARTICLES.get(to));
  }

  private static List<Sentence> changes(ArticleDiff diff) {
    return diff.sentences().stream().filter(sentence -> sentence.change() != Change.SAME).toList();
  }

  @Test
  void aCorrectionIsOneAddedSentenceAndEveryOtherSentenceIsTheSame() {
    ArticleDiff corrected = compare("crackdown-original", "crackdown-corrected");

    List<Sentence> changes = changes(corrected);
    assertEquals(1, changes.size(), changes.toString());
    assertEquals(Change.ADDED, changes.get(0).change());
    assertTrue(changes.get(0).text().toLowerCase().contains("correct"), changes.get(0).text());
    assertEquals(1, corrected.count(Change.ADDED));
    assertEquals(0, corrected.count(Change.REMOVED) + corrected.count(Change.CHANGED));
    assertEquals(compare("crackdown-original", "crackdown-original").count(Change.SAME),
        corrected.count(Change.SAME), "every sentence of the original is kept");
  }

  @Test
  void aChangedFigureIsOneChangedSentenceWhoseWordsDifferInThatFigure() {
    ArticleDiff reissue = compare("reuters-1-original", "reuters-1-reissue");

    List<Sentence> changes = changes(reissue);
    assertEquals(1, changes.size(), changes.toString());
    Sentence changed = changes.get(0);
    assertEquals(Change.CHANGED, changed.change());
    assertTrue(changed.from().contains("200,000") && changed.to().contains("300,000"), changed.toString());
    List<Word> edits = changed.words().stream().filter(word -> word.change() != Change.SAME).toList();
    assertEquals(List.of(new Word(Change.REMOVED, "200,000"), new Word(Change.ADDED, "300,000")), edits);
    assertEquals(changed.from(), read(changed.words(), Change.ADDED), "the kept and removed words read as the old sentence");
    assertEquals(changed.to(), read(changed.words(), Change.REMOVED), "the kept and added words read as the new one");
    assertFalse(reissue.title().changed());
  }

  @Test
  void aCutEndingIsTheOriginalsLastSentencesRemovedAndANewHeadline() {
    ArticleDiff courier = compare("crackdown-original", "crackdown-courier");

    assertTrue(courier.title().changed());
    assertEquals("Trump Escalates Venezuela Crackdown", courier.title().from());
    assertEquals(ARTICLES.get("crackdown-courier").title(), courier.title().to());
    List<Sentence> sentences = courier.sentences();
    int firstRemoved = sentences.indexOf(changes(courier).get(0));
    assertTrue(firstRemoved > 0, "the story opens the same");
    for (Sentence sentence : sentences.subList(firstRemoved, sentences.size())) {
      assertEquals(Change.REMOVED, sentence.change(), "only removals from the first one on: " + sentence);
    }
    assertTrue(courier.count(Change.REMOVED) >= 3, "three paragraphs were cut: " + courier.count(Change.REMOVED));
    assertEquals(0, courier.count(Change.ADDED) + courier.count(Change.CHANGED));
    // Read backwards, the comparison shows the same sentences added.
    assertEquals(courier.count(Change.REMOVED), compare("crackdown-courier", "crackdown-original").count(Change.ADDED));
  }

  @Test
  void sentencesAreAlikeWhenTheyShareHalfTheWordsOfTheLongerOne() {
    assertTrue(VersionDiff.alike("The company sold 200,000 shares.", "The company sold 300,000 shares."));
    assertFalse(VersionDiff.alike("The company sold shares.", "Prices fell sharply on Monday in Caracas."));
    assertFalse(VersionDiff.alike("The vote.", "The vote was postponed until after the holidays, officials said."));
  }

  /** The sentence a word diff reads as without one kind of run. */
  private static String read(List<Word> words, Change without) {
    return String.join(" ", words.stream().filter(word -> word.change() != without).map(Word::text).toList());
  }
}
