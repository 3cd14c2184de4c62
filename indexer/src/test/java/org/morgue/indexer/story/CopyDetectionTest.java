package org.morgue.indexer.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/** Copies of a real article with each kind of wire edit are found and matched; different stories are not. */
class CopyDetectionTest {
  private static final CopyDetection DETECTION = CopyDetection.STANDARD;
  private static final StorySigner SIGNER = new StorySigner(DETECTION);
  private static final CopyDecision DECISION = new CopyDecision(DETECTION);
  private static Article original;
  private static Article otherStory;
  private static List<Article> brown;

  @BeforeAll
  static void read() throws Exception {
    original = SeedArticles.article(SeedArticles.CRACKDOWN);
    otherStory = SeedArticles.article(SeedArticles.KILL_CLAIMS);
    brown = new ArrayList<>();
    ArticleFiles files = ArticleFiles.standard();
    for (Path file : files.files(List.of(Path.of("..", "corpus", "articles", "brown-press-reportage")))) {
      files.read(file, new ArticleSink() {
        @Override
        public void accept(Article article) {
          brown.add(article);
        }

        @Override
        public void reject(MalformedArticleException problem) {
          throw new IllegalStateException(problem);
        }
      });
    }
  }

  @Test
  void aCopyWithANewHeadlineMatches() {
    List<String> paragraphs = paragraphs(original);
    paragraphs.set(0, "WASHINGTON (AP) - " + paragraphs.get(0));
    assertSameStory(copy("Venezuela: Trump turns up the heat", paragraphs));
  }

  @Test
  void aCopyWithItsLastParagraphsCutMatches() {
    List<String> paragraphs = paragraphs(original);
    assertSameStory(copy(original.title(), paragraphs.subList(0, paragraphs.size() * 55 / 100)));
  }

  @Test
  void aCopyWithAChangedFigureAndACorrectionLineMatches() {
    // The seed articles give no figures; Brown A01 (the Fulton County grand jury) does.
    Article story = brown.get(0);
    List<String> paragraphs = paragraphs(story);
    int at = firstParagraphWithAFigure(paragraphs);
    Matcher figure = Pattern.compile("\\d+").matcher(paragraphs.get(at));
    assertTrue(figure.find(), story.id() + " has a figure to change");
    paragraphs.set(at, paragraphs.get(at).substring(0, figure.start()) + "17" + paragraphs.get(at).substring(figure.end()));
    paragraphs.add("Correction: an earlier version of this story gave a wrong figure; it is 17.");
    assertSameStory(story, copy(story, story.title(), paragraphs));
  }

  @Test
  void aReissueWithOneParagraphRewrittenMatches() {
    List<String> paragraphs = paragraphs(original);
    int middle = paragraphs.size() / 2;
    paragraphs.set(middle, "Officials did not immediately respond to requests for comment on Tuesday, and the"
        + " White House declined to say when the next operation would take place.");
    assertSameStory(copy(original.title(), paragraphs));
  }

  @Test
  void twoDifferentStoriesOnTheSameEventsDoNotMatch() {
    StorySignature a = SIGNER.sign(original);
    StorySignature b = SIGNER.sign(otherStory);
    assertFalse(DECISION.sameStory(a, b), "containment " + a.containment(b));
  }

  @Test
  void aBodyWithoutWordsIsNobodysCopy() {
    StorySignature empty = SIGNER.sign("  -- ");
    assertEquals(0, empty.shingles());
    assertFalse(DECISION.sameStory(empty, SIGNER.sign("")));
    assertEquals(0, BandKeys.of(empty, DETECTION).length);
  }

  @Test
  void signaturesAreTheSameFromEverySigner() {
    StorySignature first = new StorySigner(DETECTION).sign(original);
    StorySignature second = new StorySigner(DETECTION).sign(SeedArticles.article(SeedArticles.CRACKDOWN));
    assertEquals(first, second);
    assertTrue(java.util.Arrays.equals(BandKeys.of(first, DETECTION), BandKeys.of(second, DETECTION)));
    assertNotEquals(first, SIGNER.sign(otherStory));
  }

  @Test
  void caseAccentsAndPunctuationAreFoldedAway() {
    assertEquals(SIGNER.sign("The café said, “No comment” on Friday."),
        SIGNER.sign("THE CAFE SAID NO COMMENT ON FRIDAY"));
  }

  @Test
  void theLookupFindsACopyAmongManyArticlesWithoutOfferingThemAll() {
    CopyCandidates lookup = new CopyCandidates(DETECTION);
    for (Article article : brown) {
      lookup.add(article.id(), SIGNER.sign(article));
    }
    lookup.add(otherStory.id(), SIGNER.sign(otherStory));
    lookup.add(original.id(), SIGNER.sign(original));
    List<String> paragraphs = paragraphs(original);
    paragraphs.set(0, "LONDON (Reuters) - " + paragraphs.get(0));
    Set<String> candidates = lookup.candidates(SIGNER.sign(copy("New headline", paragraphs.subList(0, paragraphs.size() * 7 / 10))));
    assertTrue(candidates.contains(original.id()), "the original is a candidate: " + candidates);
    assertTrue(candidates.size() <= 2, "offered " + candidates.size() + " of " + (brown.size() + 2) + ": " + candidates);
  }

  @Test
  void theCandidateCurveRisesWithSimilarity() {
    assertTrue(DETECTION.candidateProbability(0.5) > 0.99);
    assertTrue(DETECTION.candidateProbability(0.02) < 0.001);
  }

  private static void assertSameStory(Article copy) {
    assertSameStory(original, copy);
  }

  private static void assertSameStory(Article original, Article copy) {
    StorySignature a = SIGNER.sign(original);
    StorySignature b = SIGNER.sign(copy);
    assertTrue(DECISION.sameStory(a, b), "containment " + a.containment(b));
    CopyCandidates lookup = new CopyCandidates(DETECTION);
    lookup.add(original.id(), a);
    assertEquals(Set.of(original.id()), lookup.candidates(b), "the copy finds its original by band keys");
  }

  private static List<String> paragraphs(Article article) {
    return new ArrayList<>(article.blocks().stream().map(Block::text).toList());
  }

  private static int firstParagraphWithAFigure(List<String> paragraphs) {
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).matches("(?s).*\\d.*")) {
        return i;
      }
    }
    return 0;
  }

  private static Article copy(String title, List<String> paragraphs) {
    return copy(original, title, paragraphs);
  }

  private static Article copy(Article original, String title, List<String> paragraphs) {
    return new Article(original.id() + "-copy", title,
        paragraphs.stream().map(p -> new Block(BlockKind.PARAGRAPH, p)).toList(), original.published(),
        "Morgue Wire", original.url(), original.authors(), "test");
  }
}
