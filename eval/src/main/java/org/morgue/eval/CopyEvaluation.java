package org.morgue.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.morgue.article.Article;
import org.morgue.indexer.story.CopyCandidates;
import org.morgue.indexer.story.CopyDecision;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.story.ShingleSketch;
import org.morgue.indexer.story.Shingles;
import org.morgue.indexer.story.StoryKeys;
import org.morgue.indexer.story.StorySignature;
import org.morgue.indexer.story.StorySigner;

/**
 * Pairwise precision and recall of "same story" on one part of eval/copies, found the way indexing
 * finds copies: the part's articles are added one by one in order, each looked up by its keys (band
 * keys and lead keys) among those added before it, and only the candidates are decided on, by the
 * count of shared shingles as indexing decides. A pair decided "copy"
 * is right when its two articles are versions of one story; every other pair of the part is a
 * different story (the part's articles are distinct stories and their copies: a closed world), so a
 * decided pair the set does not label "copy" counts against precision whether or not it is one of the
 * labelled hard negatives.
 */
final class CopyEvaluation {
  private final CopyDetection detection;
  private final StorySigner signer;
  private final CopyDecision decision;

  CopyEvaluation(CopyDetection detection) {
    this.detection = detection;
    this.signer = new StorySigner(detection);
    this.decision = new CopyDecision(detection);
  }

  /**
   * What one part measured.
   *
   * @param pairs decided copies against the labelled copies (correct, decided, labelled)
   * @param articles how many articles the part holds
   * @param candidates how many candidate pairs the band lookup gave (the comparisons made)
   * @param allPairs how many pairs an all-pairs comparison would have made
   * @param missedByLookup labelled copies never offered as candidates
   * @param hardNegatives labelled different-story pairs of the part
   * @param disagreements each wrong decision and each missed copy, for a person to read
   */
  record Result(Score pairs, int articles, long candidates, long allPairs, int missedByLookup, int hardNegatives,
      int hardNegativesDecidedCopy, List<String> disagreements) {}

  Result evaluate(List<Article> articles, List<CopySet.Pair> labelled) {
    java.util.Set<String> copies = new HashSet<>();
    java.util.Set<String> negatives = new HashSet<>();
    for (CopySet.Pair pair : labelled) {
      (pair.copy() ? copies : negatives).add(key(pair.a(), pair.b()));
    }
    CopyCandidates lookup = new CopyCandidates();
    Map<String, StorySignature> signatures = new HashMap<>();
    Map<String, ShingleSketch> sketches = new HashMap<>();
    java.util.Set<String> offered = new HashSet<>();
    java.util.Set<String> decided = new HashSet<>();
    List<String> disagreements = new ArrayList<>();
    long candidates = 0;
    for (Article article : articles) {
      long[] shingles = Shingles.of(article.body(), detection.shingleWords());
      StorySignature signature = signer.sign(shingles);
      ShingleSketch sketch = ShingleSketch.of(shingles);
      long[] keys = StoryKeys.of(article, signature, detection);
      for (String earlier : lookup.candidates(keys)) {
        candidates++;
        String pair = key(earlier, article.id());
        offered.add(pair);
        ShingleSketch other = sketches.get(earlier);
        if (decision.sameStory(other, sketch)) {
          decided.add(pair);
          if (!copies.contains(pair)) {
            disagreements.add(String.format(Locale.ROOT, "decided copy, labelled %s: %s (containment %.2f)",
                negatives.contains(pair) ? "different (hard negative)" : "different", pair, other.containment(sketch)));
          }
        } else if (copies.contains(pair)) {
          disagreements.add(String.format(Locale.ROOT, "copy rejected: %s (containment %.2f, Jaccard %.2f)", pair,
              other.containment(sketch), signatures.get(earlier).jaccard(signature)));
        }
      }
      lookup.add(article.id(), keys);
      signatures.put(article.id(), signature);
      sketches.put(article.id(), sketch);
    }
    int correct = 0;
    int hardWrong = 0;
    for (String pair : decided) {
      if (copies.contains(pair)) {
        correct++;
      } else if (negatives.contains(pair)) {
        hardWrong++;
      }
    }
    int missedByLookup = 0;
    for (String pair : copies) {
      if (!offered.contains(pair)) {
        missedByLookup++;
        String[] ids = pair.split("\t");
        disagreements.add(String.format(Locale.ROOT, "copy never a candidate: %s (Jaccard %.2f)", pair,
            signatures.get(ids[0]).jaccard(signatures.get(ids[1]))));
      }
    }
    long n = articles.size();
    return new Result(new Score(correct, decided.size(), copies.size()), articles.size(), candidates, n * (n - 1) / 2,
        missedByLookup, negatives.size(), hardWrong, disagreements);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
  }
}
