package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Removes what surrounds an article on a web page and is not part of it: navigation, page header
 * and footer, asides, scripts, styles, forms, embedded frames, HTML comments, hidden elements, and
 * elements whose class or id names them as ads, promotions, comments, related links, share
 * buttons, newsletter sign-ups or bylines.
 *
 * <p>Class and id hints are matched as whole words ({@code ad-slot} and {@code top_ad} are ads,
 * {@code lead} and {@code shadow} are not), because substring matching removes real text.
 */
final class HtmlBoilerplate {
  private static final String STRUCTURAL =
      "nav, header, footer, aside, script, style, noscript, template, form, button, input, select,"
          + " textarea, iframe, object, embed, svg, canvas, figure, dialog,"
          + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary]";

  private static final Set<String> HINTS = Set.of(
      "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored",
      "promo", "promotion", "comment", "comments", "disqus", "related", "recommended", "share",
      "sharing", "social", "newsletter", "subscribe", "signup", "paywall", "cookie", "cookies",
      "byline", "dateline", "breadcrumb", "breadcrumbs", "sidebar", "outbrain", "taboola");

  /** The page's own frame: a hint in its class never makes the whole page or story boilerplate. */
  private static final Set<String> NEVER_BY_HINT = Set.of("html", "body", "main", "article");

  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");

  /** Removes the boilerplate inside (and never including) the given element, in place. */
  void strip(Element root) {
    for (Element element : root.select(STRUCTURAL)) {
      if (element != root) {
        element.remove();
      }
    }
    List<Node> doomed = new ArrayList<>();
    // An iterative walk: pages nest deep enough to overflow a recursive one.
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (node == root) {
        return;
      }
      if (node instanceof Comment || (node instanceof Element element && isHinted(element))) {
        doomed.add(node);
      }
    }, root);
    for (Node node : doomed) {
      if (node.parent() != null) {
        node.remove();
      }
    }
  }

  private static boolean isHinted(Element element) {
    if (NEVER_BY_HINT.contains(element.normalName())) {
      return false;
    }
    return hasHint(element.className()) || hasHint(element.id());
  }

  private static boolean hasHint(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String word : WORD_BREAK.split(names)) {
      if (HINTS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
