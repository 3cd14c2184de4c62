package org.morgue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Short copies for eval/copies: each real article's first take, as a wire desk sends one before the
 * full story or a paper cuts a brief from its top. The take is the article's first paragraphs of
 * running text (a salutation or a few words of kicker before them are no part of it) up to at least
 * {@link #WORDS} words; an article whose take would be half of it or more has none, since such a
 * take is an ordinary trimmed copy, which the set's own edits cover.
 *
 * <p>Measured on the real articles of a part and their takes alone (no other copies): a take must be
 * decided a copy of its article and of nothing else, whichever of the two is indexed first. Made here
 * from the articles, so nothing is labelled by hand and pairs.tsv is unchanged.
 */
final class FirstTakes {
  /** The least words a take holds: two or three sentences of a wire lead. */
  static final int WORDS = 60;
  /** A paragraph of fewer words before the take's first is a kicker or a heading. */
  private static final int RUNNING_TEXT = 12;

  private FirstTakes() {}

  /**
   * The part's real articles and their takes in indexing order, every take after its article or
   * every take before it, and the labelled pairs: each take and its article a copy.
   */
  static Part of(List<Article> articles, Map<String, String> storyOf, Split split, boolean takesFirst) {
    List<Article> originals = articles.stream().filter(a -> a.id().equals(storyOf.get(a.id()))).toList();
    List<Article> takes = new ArrayList<>();
    List<CopySet.Pair> pairs = new ArrayList<>();
    for (Article original : originals) {
      List<Block> take = take(original);
      if (!take.isEmpty()) {
        takes.add(new Article(original.id() + "~take", "URGENT: " + original.title(), take, original.published(),
            "Morgue Wire", original.url(), original.authors(), original.origin()));
        pairs.add(new CopySet.Pair(split, original.id(), original.id() + "~take", true, "take"));
      }
    }
    List<Article> ordered = new ArrayList<>(takesFirst ? takes : originals);
    ordered.addAll(takesFirst ? originals : takes);
    return new Part(ordered, pairs, takes.size());
  }

  /** The articles in order, the labelled take pairs, and how many takes there are. */
  record Part(List<Article> articles, List<CopySet.Pair> pairs, int takes) {}

  private static List<Block> take(Article article) {
    List<Block> take = new ArrayList<>();
    int words = 0;
    for (Block block : article.blocks()) {
      if (block.kind() != BlockKind.PARAGRAPH && block.kind() != BlockKind.LEDE) {
        continue;
      }
      int count = block.text().strip().split("\\s+").length;
      if (take.isEmpty() && (count < RUNNING_TEXT || Block.isSalutation(block.text().strip()))) {
        continue;
      }
      take.add(new Block(BlockKind.PARAGRAPH, block.text()));
      words += count;
      if (words >= WORDS) {
        break;
      }
    }
    int all = article.body().strip().split("\\s+").length;
    return words >= WORDS && 2 * words < all ? take : List.of();
  }
}
