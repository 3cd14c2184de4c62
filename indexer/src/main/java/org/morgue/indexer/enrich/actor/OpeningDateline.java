package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;

/**
 * The dateline a wire copy opens its text with, as agencies set it on the web and in feeds:
 * "WASHINGTON (Reuters) - ...", "KYIV, Ukraine (AP) — ...", "NEW YORK, March 3 (Reuters) - ...",
 * "GAZA CITY/CAIRO (Reuters) - ...". Reuters-21578 keeps its dateline apart (the {@code dateline}
 * metadata); a page or a feed item leaves it in the first paragraph, where the gazetteers, matching
 * names as written ("Washington"), do not read the capitals, so the city the story was filed from was
 * missed. The lines this returns are read as the metadata's are ({@link CountryInference#fromDateline}).
 *
 * <p>Only a first word in capitals opens one: a dateline in the 1961 style ("Miami, Fla., March 17 --")
 * is a town in the text, which {@link UnlistedPlaces} reads. The agency in brackets stays in the text,
 * where it is an actor of its own (the annotation guidelines count "(AP)" as the Associated Press).
 */
final class OpeningDateline {
  /**
   * Capitals (places joined by "/"), then optionally a comma and a short place or date in any case,
   * then optionally the agency in brackets, then a dash; all within the paragraph's first characters.
   */
  private static final Pattern DATELINE = Pattern.compile(
      "^(\\p{Lu}[\\p{Lu}.'\\-]+(?:[ /]\\p{Lu}[\\p{Lu}.'\\-]*)*)"
          + "((?:, ?[\\p{L}\\d.' ]{2,24}){0,2}?)"
          + " ?(?:\\([\\p{L}&.' ]{2,40}\\) ?)?[-\u2013\u2014]{1,2} ");

  private OpeningDateline() {
  }

  /**
   * The dateline's places as comma-separated lines, one per city the capitals name ("GAZA
   * CITY/CAIRO" gives two), each with what follows its comma ("KYIV, Ukraine"); empty when the first
   * paragraph opens with none.
   */
  static List<String> lines(Article article) {
    Block first = article.blocks().stream().filter(block -> !block.text().isBlank()).findFirst().orElse(null);
    if (first == null) {
      return List.of();
    }
    Matcher matcher = DATELINE.matcher(first.text().strip());
    if (!matcher.find()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String city : matcher.group(1).split("/")) {
      if (city.codePoints().filter(Character::isLetter).count() >= 3) {
        lines.add(city.strip() + matcher.group(2));
      }
    }
    return lines;
  }
}
