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
    assertFalse(DECISION.sameStory(sketch(original), sketch(otherStory)),
        "containment " + sketch(original).containment(sketch(otherStory)));
  }

  /**
   * A wire service's first take, or a paper's brief cut from the top of a story, is the story's first
   * paragraphs: all of its own text is in the story, a tenth or less of the story's is in it, so band
   * keys, which meet at Jaccard similarity, almost never bring the two together. The lead keys do,
   * whichever comes first, and the count of shared shingles decides.
   */
  @Test
  void aFirstTakeOfTwoParagraphsFindsItsStoryAndNoOther() {
    CopyCandidates all = new CopyCandidates();
    CopyCandidates byBands = new CopyCandidates();
    for (Article article : brown) {
      all.add(article.id(), keys(article));
      byBands.add(article.id(), BandKeys.of(SIGNER.sign(article), DETECTION));
    }
    int foundByBands = 0;
    for (Article story : brown) {
      Article take = copy(story, "URGENT: " + story.title(), firstTake(paragraphs(story)));
      Set<String> candidates = all.candidates(keys(take));
      assertTrue(candidates.contains(story.id()), story.id() + "'s first take finds it: " + candidates);
      assertTrue(candidates.size() <= 2, story.id() + "'s take is offered " + candidates);
      assertTrue(DECISION.sameStory(sketch(take), sketch(story)), story.id() + ": containment "
          + sketch(take).containment(sketch(story)) + " of " + sketch(take).shingles() + " shingles");
      for (Article other : brown) {
        if (other != story) {
          assertFalse(DECISION.sameStory(sketch(take), sketch(other)), story.id() + "'s take against " + other.id());
        }
      }
      // The other order: the take indexed first, the story looking it up.
      CopyCandidates takeFirst = new CopyCandidates();
      takeFirst.add(take.id(), keys(take));
      assertEquals(Set.of(take.id()), takeFirst.candidates(keys(story)), story.id());
      // A one-sentence URGENT bulletin, 20 words or more, as often filed before the story as after.
      Article bulletin = copy(story, "URGENT", List.of(bulletin(take.blocks().get(0).text())));
      assertTrue(all.candidates(keys(bulletin)).contains(story.id()), story.id() + "'s bulletin finds it");
      assertTrue(DECISION.sameStory(sketch(bulletin), sketch(story)), story.id() + "'s bulletin");
      CopyCandidates bulletinFirst = new CopyCandidates();
      bulletinFirst.add(bulletin.id(), keys(bulletin));
      assertEquals(Set.of(bulletin.id()), bulletinFirst.candidates(keys(story)), story.id());
      foundByBands += byBands.candidates(BandKeys.of(SIGNER.sign(take), DETECTION)).contains(story.id()) ? 1 : 0;
    }
    assertTrue(foundByBands < brown.size() / 4, "band keys alone found " + foundByBands + " of " + brown.size());
  }

  @Test
  void aBodyWithoutWordsIsNobodysCopy() {
    StorySignature empty = SIGNER.sign("  -- ");
    assertEquals(0, empty.shingles());
    assertFalse(DECISION.sameStory(ShingleSketch.of(Shingles.of("  -- ", 5)), ShingleSketch.of(Shingles.of("", 5))));
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
    CopyCandidates lookup = new CopyCandidates();
    for (Article article : brown) {
      lookup.add(article.id(), keys(article));
    }
    lookup.add(otherStory.id(), keys(otherStory));
    lookup.add(original.id(), keys(original));
    List<String> paragraphs = paragraphs(original);
    paragraphs.set(0, "LONDON (Reuters) - " + paragraphs.get(0));
    Set<String> candidates = lookup.candidates(keys(copy("New headline", paragraphs.subList(0, paragraphs.size() * 7 / 10))));
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
    assertTrue(DECISION.sameStory(sketch(original), sketch(copy)), "containment " + sketch(original).containment(sketch(copy)));
    CopyCandidates lookup = new CopyCandidates();
    lookup.add(original.id(), keys(original));
    assertEquals(Set.of(original.id()), lookup.candidates(keys(copy)), "the copy finds its original by its keys");
  }

  /**
   * Two briefs that quote one statement, each with a sentence of its own, are two stories: the
   * quotation is more than half of each, so a short body must share more than half to be a copy.
   * The briefs are a wire editor's (session 41's trial), cut from Reuters-21578's American Express
   * story of 26 February 1987: at containment 0.5 they were one story.
   */
  @Test
  void twoBriefsQuotingOneStatementAreTwoStories() {
    String quote = "\"I think it is highly unlikely that American Express is going to sell shearson,\" said Perrin"
        + " Long of Lipper Analytical. He questioned what would be a better investment than \"a very profitable"
        + " securities firm.\"";
    Article first = copy(original, "Analysts doubt Shearson sale", List.of(
        "Wall Street analysts on Friday played down rumours that American Express would sell its brokerage arm.",
        quote));
    Article second = copy(otherStory, "Japanese bank eyes Shearson stake", List.of(
        "Nippon Life is in talks to buy a minority stake in Shearson Lehman Brothers, people close to the"
            + " negotiations said on Friday, three weeks after the brokerage's parent said it was weighing its options.",
        quote));
    assertFalse(DECISION.sameStory(sketch(first), sketch(second)),
        "containment " + sketch(first).containment(sketch(second)));
    Article corrected = copy(original, "Analysts doubt Shearson sale (CORRECTED)", List.of(
        "Wall Street analysts on Thursday played down rumours that American Express would sell its brokerage arm.",
        quote));
    assertTrue(DECISION.sameStory(sketch(first), sketch(corrected)), "a corrected day is still the same brief");
  }

  /** A one-sentence bulletin: the paragraph's words to the first sentence's end at 20 words or more. */
  private static String bulletin(String paragraph) {
    String[] words = paragraph.strip().split("\\s+");
    int n = Math.min(20, words.length);
    while (n < words.length && n < 45 && !words[n - 1].matches(".*[.!?][\"\u201d\u2019]?$")) {
      n++;
    }
    return String.join(" ", List.of(words).subList(0, n));
  }

  /**
   * A first take as a wire desk sends one: the story's first paragraphs of running text (a kicker
   * such as Brown's "The nation" is no part of it), at least 60 words.
   */
  private static List<String> firstTake(List<String> paragraphs) {
    List<String> take = new ArrayList<>();
    int words = 0;
    for (String paragraph : paragraphs) {
      int count = paragraph.split("\\s+").length;
      if (take.isEmpty() && count < 12) {
        continue;
      }
      take.add(paragraph);
      words += count;
      if (words >= 60) {
        break;
      }
    }
    return take;
  }

  private static long[] keys(Article article) {
    return StoryKeys.of(article, SIGNER.sign(article), DETECTION);
  }

  private static ShingleSketch sketch(Article article) {
    return ShingleSketch.of(Shingles.of(article.body(), DETECTION.shingleWords()));
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
