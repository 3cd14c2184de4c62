package org.morgue.indexer.enrich.text;

import java.text.Normalizer;
import org.morgue.article.text.AsciiText;

/**
 * Folds letters with diacritics to their base letters, for looking words up in the gazetteers and
 * town lists: "Málaga" is looked up as "Malaga", "São Paulo" as "Sao Paulo", "Zürich" as "Zurich",
 * "Tromsø" as "Tromso", "Łódź" as "Lodz", "Straße" as "Strasse". Copy and lists spell such names both
 * ways (ANNIE's city list has "Malaga" and "Tromso"; people.tsv "Nicolás Maduro"), and a reader means
 * one place or person by either. Only the lookup folds: names are shown as the gazetteer or the text
 * writes them. Case is kept, since matching is case-sensitive.
 *
 * <p>It folds letters as the index's ICU folding does (ArchiveSchema in engine-lucene, {@code
 * icu_folding} in the OpenSearch mapping), so a name the search finds by its plain spelling is also
 * the name the lookups find: compatibility decomposition (NFKD) with the marks dropped, and the
 * letters that decompose to nothing ("ø", "ł", "ß", "æ", "œ", "đ", "ı", "þ", "ð") spelled out as ICU
 * spells them. Not a Lucene filter: Lucene types stay in the engines and the enrichment's analysis.
 */
public final class AccentFolding {
  private AccentFolding() {}

  /**
   * The word folded to its plain letters, case kept ("Æthelred" is "Aethelred", "ÆTHELRED"
   * "AETHELRED"); the word itself, not a copy, when it is all ASCII, so English copy pays one scan of
   * its characters.
   */
  public static String fold(String word) {
    return AsciiText.isAscii(word) ? word : foldLetters(word);
  }

  private static String foldLetters(String word) {
    StringBuilder spelled = new StringBuilder(word.length() + 2);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      String plain = plainLetters(c);
      if (plain == null) {
        spelled.append(c);
      } else if (plain.length() == 2 && Character.isUpperCase(c) && i + 1 < word.length()
          && Character.isLowerCase(word.charAt(i + 1))) {
        spelled.append(plain.charAt(0)).append(Character.toLowerCase(plain.charAt(1))); // "Æthelred", "Þór"
      } else {
        spelled.append(plain);
      }
    }
    String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        folded.append(c);
      }
    }
    return folded.toString();
  }

  /**
   * The plain letters of a letter no decomposition takes apart, as ICU folding and Lucene's
   * ASCIIFoldingFilter spell it (capitals in capitals); null for every other character. "ŀ" is here
   * because NFKD would leave its middle dot inside the word.
   */
  private static String plainLetters(char c) {
    return switch (c) {
      case 'ø' -> "o";
      case 'Ø' -> "O";
      case 'ł' -> "l";
      case 'Ł' -> "L";
      case 'ß' -> "ss";
      case 'ẞ' -> "SS";
      case 'æ' -> "ae";
      case 'Æ' -> "AE";
      case 'œ' -> "oe";
      case 'Œ' -> "OE";
      case 'đ', 'ð' -> "d";
      case 'Đ', 'Ð' -> "D";
      case 'ı' -> "i";
      case 'þ' -> "th";
      case 'Þ' -> "TH";
      case 'ħ' -> "h";
      case 'Ħ' -> "H";
      case 'ŀ' -> "l";
      case 'Ŀ' -> "L";
      case 'ŧ' -> "t";
      case 'Ŧ' -> "T";
      default -> null;
    };
  }
}
