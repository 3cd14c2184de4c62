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
 * {@code lead} and {@code shadow} are not), because substring matching removes real text. Since
 * deleting a story's container deletes the story, a section word (comments, social, related, ...)
 * does not remove an element whose class, id or role also names it as the article, its content or
 * its body ({@code post category-comment}, {@code entry-content}, {@code role="article"}; Mozilla
 * Readability spares the same words), and a WordPress-style taxonomy class ({@code
 * category-comment}, {@code tag-social-media}) is no hint at all: it says what the story is about,
 * not what the element is. Ad words remove an element whatever else it is called ({@code
 * sponsored-content}).
 *
 * <p>Hints can still be wrong, so {@link HtmlArticleExtractor} reads a page again with only the
 * structural and ad removal ({@link #stripAllButSections}) when the hinted removal leaves too little text.
 */
final class HtmlBoilerplate {
  private static final String STRUCTURAL =
      "nav, header, footer, aside, script, style, noscript, template, form, button, input, select,"
          + " textarea, iframe, object, embed, svg, canvas, figure, dialog,"
          + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary]";

  /** Words that make an element boilerplate whatever else its class says: {@code sponsored-content} is an ad. */
  private static final Set<String> AD_HINTS = Set.of(
      "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored",
      "promo", "promotion", "newsletter", "subscribe", "signup", "paywall", "cookie", "cookies",
      "outbrain", "taboola");

  /** Words naming a part of the page around the story, unless the class also names the story ({@link #STORY_WORDS}). */
  private static final Set<String> SECTION_HINTS = Set.of(
      "comment", "comments", "disqus", "related", "recommended", "share", "sharing", "social",
      "byline", "dateline", "breadcrumb", "breadcrumbs", "sidebar");

  /** The page's own frame: a hint in its class never makes the whole page or story boilerplate. */
  private static final Set<String> NEVER_BY_HINT = Set.of("html", "body", "main", "article");

  /**
   * Words in a class or id that name the story's own container; an element so named is kept
   * whatever else its class says ({@code post category-comment}, {@code comment-body} inside kept
   * text). {@code post}, {@code entry} and {@code hentry} are how blog themes name the article.
   */
  private static final Set<String> STORY_WORDS = Set.of(
      "article", "content", "body", "main", "story", "post", "entry", "hentry");

  /** ARIA roles of the story's own container. */
  private static final Set<String> STORY_ROLES = Set.of("article", "main", "document");

  /** Prefixes of taxonomy classes ({@code category-comment}, {@code tag-social-media}): topics, not roles. */
  private static final List<String> TAXONOMY_PREFIXES = List.of("category-", "tag-");

  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");

  /** Removes the boilerplate inside (and never including) the given element, in place. */
  void strip(Element root) {
    remove(root, true);
  }

  /**
   * Removes only what is never article text: the structural elements (navigation, scripts, forms,
   * hidden elements, ...), comments and ads, but no element for a section word in its class. The
   * fallback when {@link #strip} leaves too little.
   */
  void stripAllButSections(Element root) {
    remove(root, false);
  }

  private static void remove(Element root, boolean sections) {
    for (Element element : root.select(STRUCTURAL)) {
      if (element != root) {
        element.remove();
      }
    }
    // A date standing on its own line is the page's dateline, which the extractor reads as the
    // published date, not a paragraph of the story: a bare <time> under <article> became the body's
    // first block, and the hit's lead read "March 14, 1998 · Eleanor Whitfield…" (a librarian's
    // trial). A <time> inside a sentence ("on <time>March 4</time>, the council") stays.
    for (Element time : root.select("time")) {
      Element parent = time.parent();
      if (time != root && parent != null && parent.ownText().isBlank()) {
        time.remove();
      }
    }
    List<Node> doomed = new ArrayList<>();
    // An iterative walk: pages nest deep enough to overflow a recursive one.
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (node == root) {
        return;
      }
      if (node instanceof Comment || (node instanceof Element element && isHinted(element, sections))) {
        doomed.add(node);
      }
    }, root);
    for (Node node : doomed) {
      if (node.parent() != null) {
        node.remove();
      }
    }
  }

  private static boolean isHinted(Element element, boolean sections) {
    if (NEVER_BY_HINT.contains(element.normalName())
        || STORY_ROLES.contains(element.attr("role").strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    List<String> words = new ArrayList<>();
    words(element.className(), words);
    words(element.id(), words);
    return words.stream().anyMatch(AD_HINTS::contains)
        || (sections && words.stream().anyMatch(SECTION_HINTS::contains) && words.stream().noneMatch(STORY_WORDS::contains));
  }

  /** The lower-case words of a class or id, leaving out taxonomy class names. */
  private static void words(String names, List<String> words) {
    for (String name : names.strip().split("\\s+")) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.isEmpty() || TAXONOMY_PREFIXES.stream().anyMatch(lower::startsWith)) {
        continue;
      }
      for (String word : WORD_BREAK.split(name)) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
  }
}
