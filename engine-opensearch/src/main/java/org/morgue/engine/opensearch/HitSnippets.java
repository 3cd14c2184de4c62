package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.morgue.search.Snippet;

/**
 * Snippets from the cluster's highlighter: up to two sentence-bounded passages of the body with the
 * query's words marked, joined as the embedded engine joins them. The marks are private-use
 * characters rather than tags, so an article's own text can never be mistaken for a mark (article
 * text is untrusted and may hold anything, angle brackets included).
 *
 * <p>Where it differs from the embedded engine: OpenSearch chooses and cuts passages with its own
 * unified highlighter and sentence breaks, so a snippet may start or stop a few words elsewhere; the
 * words marked are the same.
 */
final class HitSnippets {
  static final String OPEN = "\uE000";
  static final String CLOSE = "\uE001";
  private static final int PASSAGES = 2;
  private static final int PASSAGE_CHARS = 160;
  private static final Pattern BLOCK_BREAK = Pattern.compile("\\s*\\n\\s*\\n\\s*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private HitSnippets() {}

  /** The highlight part of a search body, marking the words of {@code text}. */
  static ObjectNode request(ObjectNode text) {
    ObjectNode highlight = ClusterConnection.object();
    highlight.putArray("pre_tags").add(OPEN);
    highlight.putArray("post_tags").add(CLOSE);
    ObjectNode body = highlight.putObject("fields").putObject(org.morgue.engine.lucene.index.ArchiveSchema.BODY);
    body.put("type", "unified");
    body.put("number_of_fragments", PASSAGES);
    body.put("fragment_size", PASSAGE_CHARS);
    body.put("boundary_scanner", "sentence");
    body.put("no_match_size", 0);
    highlight.set("highlight_query", text);
    return highlight;
  }

  /** The snippet of a hit; the body's lead when the highlighter found no passage. */
  static Snippet of(JsonNode hit, String body) {
    JsonNode fragments = hit.path("highlight").path(org.morgue.engine.lucene.index.ArchiveSchema.BODY);
    if (!fragments.isArray() || fragments.isEmpty()) {
      return Snippet.lead(body);
    }
    List<Snippet.Part> parts = new ArrayList<>();
    for (int i = 0; i < fragments.size(); i++) {
      if (i > 0) {
        parts.add(new Snippet.Part(Snippet.GAP, false));
      }
      String fragment = SPACE.matcher(BLOCK_BREAK.matcher(fragments.get(i).asText().strip())
          .replaceAll(Snippet.BLOCK_BREAK)).replaceAll(" ");
      int at = 0;
      while (at < fragment.length()) {
        int open = fragment.indexOf(OPEN, at);
        if (open < 0) {
          parts.add(new Snippet.Part(fragment.substring(at), false));
          break;
        }
        if (open > at) {
          parts.add(new Snippet.Part(fragment.substring(at, open), false));
        }
        int close = fragment.indexOf(CLOSE, open);
        int end = close < 0 ? fragment.length() : close;
        parts.add(new Snippet.Part(fragment.substring(open + OPEN.length(), end), true));
        at = close < 0 ? fragment.length() : close + CLOSE.length();
      }
    }
    return new Snippet(parts);
  }
}
