package org.morgue.indexer.enrich.text;

import java.text.Normalizer;
import org.morgue.article.text.AsciiText;

/**
 * Folds letters with diacritics to their base letters, for looking words up in the gazetteers and
 * town lists: "Málaga" is looked up as "Malaga", "São Paulo" as "Sao Paulo", "Zürich" as "Zurich".
 * Copy and lists spell such names both ways (ANNIE's city list has "Malaga"; people.tsv "Nicolás
 * Maduro"), and a reader means one place or person by either. Only the lookup folds: names are shown
 * as the gazetteer or the text writes them. Case is kept, since matching is case-sensitive.
 */
public final class AccentFolding {
  private AccentFolding() {}

  /**
   * The word with its combining marks dropped after canonical decomposition (NFD); the word itself,
   * not a copy, when it is all ASCII, so English copy pays one scan of its characters. Letters that
   * do not decompose ("ø", "ł", "ß") stay as they are.
   */
  public static String fold(String word) {
    return AsciiText.isAscii(word) ? word : foldMarks(word);
  }

  private static String foldMarks(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        folded.append(c);
      }
    }
    return folded.toString();
  }
}
