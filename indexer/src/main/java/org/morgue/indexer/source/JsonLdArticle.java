package org.morgue.indexer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page's schema.org JSON-LD ({@code <script type="application/ld+json">}) says about its
 * article: the first object typed as an article ({@code NewsArticle}, {@code Article},
 * {@code ReportageNewsArticle}, {@code BlogPosting}, ...), also inside {@code @graph} and arrays.
 *
 * @param headline the {@code headline}
 * @param authors the names of the {@code author}s (objects with a name, or plain strings)
 * @param datePublished the {@code datePublished}, as written
 * @param url the {@code url}, else the {@code mainEntityOfPage} id or string
 * @param publisher the {@code publisher}'s name
 */
record JsonLdArticle(
    Optional<String> headline,
    List<String> authors,
    Optional<String> datePublished,
    Optional<String> url,
    Optional<String> publisher) {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> ARTICLE_TYPES = Set.of(
      "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
      "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report", "ScholarlyArticle");

  JsonLdArticle {
    authors = List.copyOf(authors);
  }

  /** The page's JSON-LD article, when it has one. */
  static Optional<JsonLdArticle> of(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (JsonProcessingException e) {
        // A broken JSON-LD block is a template bug, not a broken article: the page's meta tags and
        // text still describe it, so the reader carries on with those.
        continue;
      }
      Optional<JsonNode> article = findArticle(root);
      if (article.isPresent()) {
        return Optional.of(read(article.get()));
      }
    }
    return Optional.empty();
  }

  /** Breadth-first over arrays and {@code @graph}s, without recursion. */
  private static Optional<JsonNode> findArticle(JsonNode root) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      if (node.isArray()) {
        node.forEach(queue::add);
      } else if (node.isObject()) {
        if (isArticle(node.path("@type"))) {
          return Optional.of(node);
        }
        if (node.has("@graph")) {
          queue.add(node.get("@graph"));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isArticle(JsonNode type) {
    if (type.isTextual()) {
      return ARTICLE_TYPES.contains(type.asText());
    }
    for (JsonNode each : type) {
      if (each.isTextual() && ARTICLE_TYPES.contains(each.asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonLdArticle read(JsonNode article) {
    Optional<String> url = text(article.path("url"));
    if (url.isEmpty()) {
      JsonNode page = article.path("mainEntityOfPage");
      url = page.isObject() ? text(page.path("@id")).or(() -> text(page.path("url"))) : text(page);
    }
    return new JsonLdArticle(
        text(article.path("headline")).or(() -> text(article.path("name"))),
        names(article.path("author")),
        text(article.path("datePublished")),
        url,
        names(article.path("publisher")).stream().findFirst());
  }

  /** Names from a person or organisation, a list of them, or plain strings. */
  private static List<String> names(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    List<JsonNode> each = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(each::add);
    } else {
      each.add(node);
    }
    for (JsonNode one : each) {
      (one.isObject() ? text(one.path("name")) : text(one)).ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  private static Optional<String> text(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    String text = HtmlBlockReader.collapse(node.asText());
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
