package org.morgue.indexer.source;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Turns one RCV1 {@code <newsitem>} into an {@link Article}: id from {@code itemid}, the headline,
 * byline, dateline and {@code <p>} paragraphs, the item date, and the Reuters code lists
 * (countries, topics, industries) as metadata.
 */
final class Rcv1ItemParser {
  static final String SOURCE = "Reuters (RCV1)";

  /** The code classes kept, by the metadata key they go under. */
  private static final Map<String, String> CODE_CLASSES = Map.of(
      "bip:countries:1.0", "countries",
      "bip:topics:1.0", "topics",
      "bip:industries:1.0", "industries");

  /** {@code <title>} repeats the headline behind a country slug: "MEXICO: Recovery excitement ...". */
  private static final Pattern TITLE_SLUG = Pattern.compile("^[A-Z][A-Z .,&'/()-]*:\\s+");

  /** Items end with the filing desk's contact line: "-- Mexico City newsroom +525 728 9555". */
  private static final Pattern NEWSROOM = Pattern.compile("^--\\s*(.*)$");

  Article parse(Element item, String origin, ArticleSink sink) throws MalformedArticleException {
    String itemId = item.attr("itemid").strip();
    if (itemId.isEmpty()) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "no itemid attribute on <newsitem>");
    }
    String title = childText(item, "headline");
    if (title.isEmpty()) {
      title = TITLE_SLUG.matcher(childText(item, "title")).replaceFirst("");
    }

    List<String> paragraphs = new ArrayList<>();
    Element text = child(item, "text");
    if (text != null) {
      for (Element p : text.getElementsByTag("p")) {
        String paragraph = p.text().strip();
        if (!paragraph.isEmpty()) {
          paragraphs.add(paragraph);
        }
      }
    }
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    if (!paragraphs.isEmpty()) {
      var newsroom = NEWSROOM.matcher(paragraphs.get(paragraphs.size() - 1));
      if (newsroom.matches()) {
        // Contact details for editors, not part of the story; kept, but out of the indexed body.
        metadata.put("newsroom", List.of(newsroom.group(1).strip()));
        paragraphs.remove(paragraphs.size() - 1);
      }
    }
    if (title.isEmpty() && paragraphs.isEmpty()) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "item " + itemId + " has no headline, title or text");
    }
    if (title.isEmpty()) {
      title = paragraphs.get(0);
    }
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : paragraphs) {
      blocks.add(new Block(blocks.isEmpty() ? BlockKind.LEDE : BlockKind.PARAGRAPH, paragraph));
    }
    if (blocks.isEmpty()) {
      // A headline-only item stays findable by its headline, and every article has a block.
      blocks.add(new Block(BlockKind.PARAGRAPH, title));
    }

    Element codesParent = child(item, "metadata");
    if (codesParent != null) {
      for (Element codes : codesParent.getElementsByTag("codes")) {
        String key = CODE_CLASSES.get(codes.attr("class").strip());
        if (key == null) {
          continue;
        }
        List<String> values = new ArrayList<>(metadata.getOrDefault(key, List.of()));
        for (Element code : codes.children()) {
          String value = code.attr("code").strip();
          if (code.tagName().equals("code") && !value.isEmpty() && !values.contains(value)) {
            values.add(value);
          }
        }
        if (!values.isEmpty()) {
          metadata.put(key, values);
        }
      }
    }
    putIfPresent(metadata, "dateline", childText(item, "dateline"));
    putIfPresent(metadata, "language", item.attr("xml:lang").strip());
    putIfPresent(metadata, "copyright", childText(item, "copyright"));

    String byline = childText(item, "byline");
    return new Article(
        ArticleIds.own("rcv1-" + itemId),
        title,
        blocks,
        published(item, origin, metadata, sink),
        SOURCE,
        Optional.empty(),
        byline.isEmpty() ? List.of() : List.of(byline.replaceFirst("^(?i)by\\s+", "")),
        origin,
        metadata);
  }

  /**
   * The {@code date} attribute, else the Dublin Core publication date; both are ISO dates. One that does
   * not read leaves the item undated, said, with the date as written in its metadata, as in every other
   * format.
   */
  private static Optional<LocalDate> published(Element item, String origin, Map<String, List<String>> metadata,
      ArticleSink sink) {
    String value = item.attr("date").strip();
    if (value.isEmpty()) {
      for (Element dc : item.getElementsByTag("dc")) {
        if (dc.attr("element").equals("dc.date.published")) {
          value = dc.attr("value").strip();
        }
      }
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      metadata.put(JsonArticleParser.PUBLISHED_AS_WRITTEN, List.of(value));
      sink.warn(new ReadWarning(origin, "date '" + value + "'"
          + (PublicationDateParser.namesNoDay(value) ? PublicationDateParser.NO_SUCH_DAY : " does not parse")
          + "; indexed undated"));
      return Optional.empty();
    }
  }


  private static Element child(Element parent, String name) {
    for (Element element : parent.children()) {
      if (element.tagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? "" : element.text().strip();
  }

  private static void putIfPresent(Map<String, List<String>> metadata, String key, String value) {
    if (!value.isEmpty()) {
      metadata.put(key, List.of(value));
    }
  }
}
