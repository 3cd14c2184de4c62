package org.morgue.indexer.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.morgue.indexer.index.ArchiveSchema;

/**
 * Lucene's classic query syntax over Morgue's fields. Unfielded terms search title and body; every
 * term is required unless OR says otherwise, as in a web search box. {@code published} takes dates
 * ({@code 2019}, {@code 2019-05}, {@code 2019-05-01}) alone or in ranges. Naming a field that does
 * not exist is an error rather than a silent zero-hit search.
 */
final class ArchiveQueryParser extends MultiFieldQueryParser {
  static final Set<String> FIELDS = Set.of(
      ArchiveSchema.TITLE, ArchiveSchema.BODY, ArchiveSchema.ACTOR, ArchiveSchema.THEME,
      ArchiveSchema.SOURCE, ArchiveSchema.AUTHOR, ArchiveSchema.PUBLISHED, ArchiveSchema.ID);

  /** Words only: no quotes, fields, operators, wildcards or brackets. */
  private static final java.util.regex.Pattern PLAIN_WORDS = java.util.regex.Pattern.compile("[\\p{L}\\p{N}'’.\\- ]+");
  private static final java.util.regex.Pattern OPERATOR = java.util.regex.Pattern.compile("\\b(AND|OR|NOT)\\b");
  /** How far apart the words of a plain query may stand and still count as together. */
  private static final int PROXIMITY_SLOP = 3;
  private static final float PROXIMITY_BOOST = 2.0f;

  /**
   * Parses a query; a plain run of words ({@code four essential human freedoms}) also rewards
   * articles where the words stand close together, so the speech that says the phrase outranks long
   * texts that merely contain the words somewhere. Matching is unchanged: the boost only reorders.
   */
  Query parseRanked(String text) throws ParseException {
    Query parsed = parse(text);
    String trimmed = text.strip();
    if (!PLAIN_WORDS.matcher(trimmed).matches() || OPERATOR.matcher(trimmed).find() || !trimmed.contains(" ")) {
      return parsed;
    }
    Query near = parse("\"" + trimmed + "\"~" + PROXIMITY_SLOP);
    return new org.apache.lucene.search.BooleanQuery.Builder()
        .add(parsed, org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.BoostQuery(near, PROXIMITY_BOOST), org.apache.lucene.search.BooleanClause.Occur.SHOULD)
        .build();
  }

  ArchiveQueryParser() {
    super(
        ArchiveSchema.DEFAULT_FIELDS.keySet().stream().sorted().toArray(String[]::new),
        ArchiveSchema.analyzer(),
        ArchiveSchema.DEFAULT_FIELDS);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (ArchiveSchema.PUBLISHED.equals(field)) {
      return getRangeQuery(field, queryText, queryText, true, true);
    }
    return super.getFieldQuery(checked(field), queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    return super.getFieldQuery(checked(field), queryText, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    if (!ArchiveSchema.PUBLISHED.equals(field)) {
      return super.getRangeQuery(checked(field), part1, part2, startInclusive, endInclusive);
    }
    long low = part1 == null || "*".equals(part1) ? Long.MIN_VALUE : firstDay(part1).toEpochDay();
    long high = part2 == null || "*".equals(part2) ? Long.MAX_VALUE : lastDay(part2).toEpochDay();
    if (!startInclusive && low != Long.MIN_VALUE) {
      low = lastDay(part1).toEpochDay() + 1;
    }
    if (!endInclusive && high != Long.MAX_VALUE) {
      high = firstDay(part2).toEpochDay() - 1;
    }
    return LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED, low, high);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return super.getWildcardQuery(checked(field), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(checked(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return super.getFuzzyQuery(checked(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(checked(field), termStr);
  }

  /** Unfielded clauses arrive with a null field; MultiFieldQueryParser expands those itself. */
  private static String checked(String field) throws ParseException {
    if (field != null && !FIELDS.contains(field)) {
      throw new ParseException("unknown field '" + field + "'; searchable fields are "
          + String.join(", ", FIELDS.stream().sorted().toList()));
    }
    return field;
  }

  private static LocalDate firstDay(String text) throws ParseException {
    String value = text.trim();
    try {
      return switch (value.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
        case 7 -> YearMonth.parse(value).atDay(1);
        default -> LocalDate.parse(value);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ParseException("'" + text + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }

  private static LocalDate lastDay(String text) throws ParseException {
    String value = text.trim();
    LocalDate first = firstDay(value);
    return switch (value.length()) {
      case 4 -> first.withDayOfYear(first.lengthOfYear());
      case 7 -> YearMonth.from(first).atEndOfMonth();
      default -> first;
    };
  }
}
