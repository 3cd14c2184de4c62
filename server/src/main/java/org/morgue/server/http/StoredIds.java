package org.morgue.server.http;

import java.io.IOException;
import java.util.List;
import org.morgue.article.ArticleIdForms;
import org.morgue.search.SearchEngine;

/**
 * The stored id of the article or story an id from a request's path, query or body names, whichever
 * Unicode form the client sent it in. Ids are compared byte for byte, and a client may send "café"
 * decomposed (NFD: "cafe" and a combining accent, as macOS file names and some input methods make it)
 * for the precomposed (NFC) id it was given, which was a 404. Ids are kept as their source wrote them,
 * not normalised when indexed: that would change the stable id of an article already indexed in the
 * other form, and the curation's records naming it. So an id that has another form is looked up as
 * sent, then in NFC, then in NFD; an id that has none (every ASCII id) is used as sent, at no cost. A
 * story's id is its first version's article id, so it comes in the same forms. Writes find the held
 * form the same way ({@code ArchiveIndexer.held}), so an archive holds one form of each id and every
 * form names that one article.
 */
public final class StoredIds {
  private StoredIds() {}

  /** The form of {@code sent} an article is stored under, or {@code sent} itself when none is. */
  public static String of(SearchEngine searcher, String sent) throws IOException {
    return stored(sent, form -> searcher.articleVersion(form).isPresent());
  }

  /** The form of {@code sent} a story is filed under, or {@code sent} itself when none is. */
  public static String ofStory(SearchEngine searcher, String sent) throws IOException {
    return stored(sent, form -> searcher.storyById(form).isPresent());
  }

  /** Whether the archive holds something under exactly this id. */
  private interface Lookup {
    boolean holds(String id) throws IOException;
  }

  private static String stored(String sent, Lookup lookup) throws IOException {
    List<String> forms = ArticleIdForms.of(sent);
    if (forms.size() > 1) {
      for (String form : forms) {
        if (lookup.holds(form)) {
          return form;
        }
      }
    }
    return sent;
  }
}
