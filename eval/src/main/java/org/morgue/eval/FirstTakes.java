package org.morgue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Short copies for eval/copies: each real article's first take, as a wire desk sends one before the
 * full story or a paper cuts a brief from its top. Two kinds ({@link Kind}): a bulletin, the first
 * sentence of running text, or as many words of it as make at least 20 (at most 45); and a take,
 * the first paragraphs of running text up to at least 60 words. A salutation or a few words of kicker
 * before the running text are no part of either; an article whose take would be half of it or more
 * has none, since such a take is an ordinary trimmed copy, which the set's own edits cover.
 *
 * <p>Measured on the real articles of a part and their takes alone (no other copies): a take must be
 * decided a copy of its article and of nothing else, whichever of the two is indexed first. Made here
 * from the articles, so nothing is labelled by hand and pairs.tsv is unchanged.
 */
final class FirstTakes {
  /** What a short copy holds. */
  enum Kind {
    /** A one-sentence URGENT bulletin: at least 20 words, to the end of a sentence, at most 45. */
    BULLETIN(20),
    /** A first take or a brief: paragraphs of at least 60 words in all, two or three sentences of a lead. */
    TAKE(60);

    final int words;

    Kind(int words) {
      this.words = words;
    }
  }

  static final int MOST_BULLETIN_WORDS = 45;
  /** A paragraph of fewer words before the take's first is a kicker or a heading. */
  private static final int RUNNING_TEXT = 12;

  private FirstTakes() {}

  /**
   * The part's real articles and their takes in indexing order, every take after its article or
   * every take before it, and the labelled pairs: each take and its article a copy.
   */
  static Part of(List<Article> articles, Map<String, String> storyOf, Split split, Kind kind, boolean takesFirst) {
    List<Article> originals = articles.stream().filter(a -> a.id().equals(storyOf.get(a.id()))).toList();
    List<Article> takes = new ArrayList<>();
    List<CopySet.Pair> pairs = new ArrayList<>();
    for (Article original : originals) {
      List<Block> take = take(original, kind);
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

  private static List<Block> take(Article article, Kind kind) {
    List<Block> take = new ArrayList<>();
    int words = 0;
    for (Block block : article.blocks()) {
      if (block.kind() != BlockKind.PARAGRAPH && block.kind() != BlockKind.LEDE) {
        continue;
      }
      String[] tokens = block.text().strip().split("\\s+");
      if (take.isEmpty() && (tokens.length < RUNNING_TEXT || Block.isSalutation(block.text().strip()))) {
        continue;
      }
      if (kind == Kind.BULLETIN) {
        words = bulletinWords(tokens);
        take.add(new Block(BlockKind.PARAGRAPH, String.join(" ", java.util.Arrays.asList(tokens).subList(0, words))));
        break;
      }
      take.add(new Block(BlockKind.PARAGRAPH, block.text()));
      words += tokens.length;
      if (words >= kind.words) {
        break;
      }
    }
    int all = article.body().strip().split("\\s+").length;
    return words >= kind.words && 2 * words < all ? take : List.of();
  }

  /** How many of a paragraph's words a bulletin takes: to the first sentence's end at 20 words or more. */
  private static int bulletinWords(String[] tokens) {
    for (int n = Kind.BULLETIN.words; n <= Math.min(tokens.length, MOST_BULLETIN_WORDS); n++) {
      if (SENTENCE_END.matcher(tokens[n - 1]).find()) {
        return n;
      }
    }
    return Math.min(tokens.length, MOST_BULLETIN_WORDS);
  }

  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?][\"\u201d\u2019]?$");
}
