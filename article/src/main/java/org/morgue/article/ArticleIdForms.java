package org.morgue.article;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Unicode forms one article id may come in: "José" precomposed (NFC) or decomposed (NFD: "e" and
 * a combining accent, as macOS file names and some CMS exports write it). They look alike and name
 * one article, but compare unequal byte for byte. Ids are stored as their source first wrote them, so
 * a lookup or a write tries each form; an ASCII id has only one, and costs one lookup.
 */
public final class ArticleIdForms {
  private ArticleIdForms() {}

  /** {@code id} as given, then its NFC and NFD forms where they differ from it; never empty. */
  public static List<String> of(String id) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(id);
    forms.add(Normalizer.normalize(id, Normalizer.Form.NFC));
    forms.add(Normalizer.normalize(id, Normalizer.Form.NFD));
    return List.copyOf(forms);
  }

  /** One key for every form of an id (its NFC form): two ids with the same key name one article. */
  public static String key(String id) {
    return Normalizer.normalize(id, Normalizer.Form.NFC);
  }
}
