package org.morgue.indexer.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedTime;

/**
 * Turns one Reuters-21578 {@code <REUTERS>} record into an {@link Article}: id from {@code NEWID},
 * title, dateline and body from {@code <TEXT>}, the date from {@code <DATE>}, and the human topic
 * and place tags into metadata.
 */
final class ReutersRecordParser {
  static final String SOURCE = "Reuters";

  /**
   * {@code 26-FEB-1987}: the day has no leading zero before the 10th, the month is upper case.
   * Strict, so {@code 30-FEB-1987} is a date that does not parse, not 28 February.
   */
  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("d-MMM-uuuu")
      .toFormatter(Locale.ENGLISH)
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /** The desk's sign-off, on its own line or glued to the last one: "Reuter", "REUTER...". */
  private static final Pattern SIGN_OFF = Pattern.compile("(^|\\s+)(Reuter|REUTER)\\W*$");

  /** The tag lists, by element and the metadata key they are kept under. */
  private static final Map<String, String> TAG_LISTS = tagLists();

  Article parse(Element record, String origin, ArticleSink sink) throws MalformedArticleException {
    String newId = record.attr("NEWID").strip();
    if (newId.isEmpty()) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "no NEWID attribute on <REUTERS>");
    }
    Element text = child(record, "TEXT");
    String title = text == null ? "" : childText(text, "TITLE").strip();
    List<String> paragraphs = text == null ? List.of() : body(text);
    if (title.isEmpty() && paragraphs.isEmpty()) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "record NEWID=" + newId + " has no TITLE and no BODY");
    }
    if (title.isEmpty()) {
      // No record in the collection has a body without a title, but an empty headline would be
      // unsearchable and unreadable in a hit list; the lede's opening stands in for it.
      title = firstWords(paragraphs.get(0));
    }

    List<Block> blocks = new ArrayList<>();
    for (String paragraph : paragraphs) {
      blocks.add(new Block(blocks.isEmpty() ? BlockKind.LEDE : BlockKind.PARAGRAPH, paragraph));
    }
    if (blocks.isEmpty()) {
      // TYPE="BRIEF" records are a headline alone. Indexing the headline as the body keeps them
      // findable and gives every article at least one block, which enrichment relies on.
      blocks.add(new Block(BlockKind.PARAGRAPH, title));
    }

    Map<String, List<String>> metadata = new LinkedHashMap<>();
    TAG_LISTS.forEach((element, key) -> {
      List<String> values = tags(record, element);
      if (!values.isEmpty()) {
        metadata.put(key, values);
      }
    });
    String dateline = text == null ? "" : childText(text, "DATELINE").strip();
    putIfPresent(metadata, "dateline", dateline);
    putIfPresent(metadata, "lewissplit", record.attr("LEWISSPLIT").strip());
    putIfPresent(metadata, "cgisplit", record.attr("CGISPLIT").strip());
    putIfPresent(metadata, "topics_attr", record.attr("TOPICS").strip());
    putIfPresent(metadata, "oldid", record.attr("OLDID").strip());
    if (text != null) {
      putIfPresent(metadata, "text_type", text.attr("TYPE").strip());
    }

    Optional<PublishedDate> published = published(record, origin, metadata, sink);
    published.ifPresent(date -> date.describe(metadata));
    return new Article(
        ArticleIds.own("reuters-" + newId),
        title,
        blocks,
        published.map(PublishedDate::day),
        SOURCE,
        Optional.empty(),
        List.of(),
        origin,
        metadata);
  }

  private static List<String> body(Element text) {
    Element body = child(text, "BODY");
    if (body == null) {
      return List.of();
    }
    List<String> paragraphs = new ArrayList<>(IndentedParagraphs.split(body.wholeText()));
    while (!paragraphs.isEmpty()) {
      int last = paragraphs.size() - 1;
      String stripped = SIGN_OFF.matcher(paragraphs.get(last)).replaceFirst("").strip();
      if (!stripped.isEmpty()) {
        paragraphs.set(last, stripped);
        break;
      }
      paragraphs.remove(last);
    }
    return paragraphs;
  }

  /**
   * The date and time of day ("26-FEB-1987 15:01:01.79"): a story's takes and corrections were filed
   * hours apart on one day. The collection states no zone, so the time has no offset. A date that does
   * not read leaves the story undated, said, with the date as written in its metadata for a curator to
   * correct, as in every other format: a whole story lost for its date loses more than the date.
   */
  private static Optional<PublishedDate> published(Element record, String origin, Map<String, List<String>> metadata,
      ArticleSink sink) {
    Element date = child(record, "DATE");
    if (date == null || date.text().isBlank()) {
      return Optional.empty();
    }
    String value = date.text().strip();
    String[] dayAndTime = value.split("\\s+", 2);
    LocalDate day;
    try {
      day = LocalDate.parse(dayAndTime[0], DATE);
    } catch (DateTimeParseException e) {
      metadata.put(JsonArticleParser.PUBLISHED_AS_WRITTEN, List.of(value));
      sink.warn(new ReadWarning(origin, "date '" + value + "'"
          + (namesNoDay(dayAndTime[0]) ? PublicationDateParser.NO_SUCH_DAY : " does not parse") + "; indexed undated"));
      return Optional.empty();
    }
    // A time that does not read leaves the day, which does.
    Optional<PublishedTime> time = dayAndTime.length == 2 ? PublishedTime.parse(dayAndTime[1]) : Optional.empty();
    return Optional.of(new PublishedDate(day, DatePrecision.DAY, time));
  }

  /** "30-FEB-1987": a day the strict calendar refuses that a lenient one reads. */
  private static boolean namesNoDay(String written) {
    try {
      LocalDate.parse(written, DATE.withResolverStyle(java.time.format.ResolverStyle.LENIENT));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static List<String> tags(Element record, String name) {
    Element list = child(record, name);
    if (list == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Element d : list.children()) {
      String value = d.text().strip();
      if (d.tagName().equalsIgnoreCase("D") && !value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  /** The first child with that name; direct children only, so a nested record cannot leak in. */
  private static Element child(Element parent, String name) {
    for (Element element : parent.children()) {
      if (element.tagName().equalsIgnoreCase(name)) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? "" : element.wholeText().replaceAll("\\p{Cntrl}", " ");
  }

  private static void putIfPresent(Map<String, List<String>> metadata, String key, String value) {
    if (!value.isEmpty()) {
      metadata.put(key, List.of(value));
    }
  }

  private static String firstWords(String paragraph) {
    if (paragraph.length() <= 100) {
      return paragraph;
    }
    int cut = paragraph.lastIndexOf(' ', 100);
    return paragraph.substring(0, cut > 0 ? cut : 100) + "…";
  }

  private static Map<String, String> tagLists() {
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("TOPICS", "topics");
    lists.put("PLACES", "places");
    lists.put("PEOPLE", "people");
    lists.put("ORGS", "orgs");
    lists.put("EXCHANGES", "exchanges");
    lists.put("COMPANIES", "companies");
    return lists;
  }
}
