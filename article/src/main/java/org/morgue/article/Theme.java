package org.morgue.article;

import java.util.List;

/**
 * A topic the article is about, from the theme taxonomy.
 *
 * @param id the taxonomy's stable key, e.g. {@code organised-crime}
 * @param name the label shown to readers and used as the facet value
 * @param iptc the IPTC Media Topic code the theme belongs to, e.g. {@code 02000000}
 * @param score how strongly the text supports the theme (documented in the taxonomy file)
 * @param triggers the words and phrases in the text that matched, most frequent first
 */
public record Theme(String id, String name, String iptc, double score, List<String> triggers) {
  public Theme {
    triggers = List.copyOf(triggers);
  }
}
