package org.morgue.engine.lucene.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Lucene's classic query syntax over Morgue's fields. Unfielded terms search title and body; every
 * term is required unless OR says otherwise, as in a web search box. {@code published} takes dates
 * ({@code 2019}, {@code 2019-05}, {@code 2019-05-01}) alone or in ranges; so does {@code added}, when
 * the archive took the article in (days in UTC), which also takes an instant as the API writes it
 * ({@code added:"2026-12-05T14:20:43.476Z"}: the articles of that one write). Naming a field that
 * does not exist is an error rather than a silent zero-hit search.
 *
 * <p>Public so the benchmark harness can run exactly Morgue's queries through plain Lucene; a
 * parser is made for each query, never shared.
 */
public final class ArchiveQueryParser extends MultiFieldQueryParser {
  /**
   * The field a query names for when the archive took an article in; the index keeps it as {@link
   * ArchiveSchema#ADDED_AT}, milliseconds.
   */
  static final String ADDED = "added";
  static final Set<String> FIELDS = Set.of(
      ArchiveSchema.TITLE, ArchiveSchema.BODY, ArchiveSchema.ACTOR, ArchiveSchema.THEME,
      ArchiveSchema.SOURCE, ArchiveSchema.AUTHOR, ArchiveSchema.PUBLISHED, ArchiveSchema.ID, ADDED);

  /** Words only, with their punctuation ("Sept. 11, 2001"): no quotes, fields, operators, wildcards or brackets. */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}'’.,%\\- ]+");
  /** A percent sign after a figure ("5%"), which the analysis writes as the word. */
  private static final Pattern PERCENT_SIGN = Pattern.compile("(?<=[0-9])%");
  /**
   * A hyphen inside a word, not an operator before one: a letter or digit on both sides
   * ("anti-trust"), or an abbreviation's full stop before it ("U.S.-Soviet").
   */
  private static final Pattern INNER_HYPHEN = Pattern.compile("[\\p{L}\\p{N}]\\.?-[\\p{L}\\p{N}]");
  /** A slash between letters or digits ({@code 24/7}), which a plain run of words may hold. */
  private static final Pattern SLASH_IN_WORD =
      Pattern.compile("(?<=[\\p{L}\\p{N}])/(?=[\\p{L}\\p{N}])");
  private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT)\\b");
  /** How far apart the words of a plain query may stand and still count as together. */
  private static final int PROXIMITY_SLOP = 3;
  private static final float PROXIMITY_BOOST = 2.0f;
  /**
   * The words as written, next to each other and in order, on top of the closeness boost: a name of
   * common words ("New Deal", "Great Society") is what a person typing two words most often means,
   * and "a new trade deal" is close enough for the closeness boost alone to rank it level.
   */
  private static final float EXACT_BOOST = 2.0f;
  /**
   * Each two words typed next to each other, as written, in a query of three or more: "Roosevelt New
   * Deal" is a name and a name of common words, never one phrase, so the whole-phrase boosts above
   * miss the address that says "the New Deal" of Roosevelt's day. Solr's edismax calls this pf2.
   */
  private static final float PAIR_BOOST = 2.0f;
  /**
   * How deeply brackets may nest. The classic parser recurses once per level, so thousands of levels
   * overflow the stack; no real question needs more than a few.
   */
  static final int MAX_NESTING = 32;
  /**
   * The most automaton states a regular expression may plan for, counted before Lucene builds it:
   * {@code a{1,1000}{1,1000}} is a million states and would take the request thread for minutes.
   */
  static final int MAX_REGEX_STATES = 10_000;
  /**
   * The most wildcard, prefix, fuzzy and regex terms one query may have. Each is expanded against
   * the term dictionary of every default field (a fuzzy term builds Levenshtein automata), so
   * hundreds of them take seconds; a person writes a few.
   */
  static final int MAX_MULTI_TERMS = 20;
  /** Bounds the work of making a regex or wildcard deterministic; beyond it the query is a 400. */
  private static final int DETERMINIZE_WORK_LIMIT = 10_000;

  /**
   * Parses a query; a plain run of words ({@code four essential human freedoms}) also rewards
   * articles where the words stand close together, so the speech that says the phrase outranks long
   * texts that merely contain the words somewhere. Matching is unchanged: the boost only reorders.
   */
  public Query parseRanked(String typed) throws ParseException {
    String text = TypedQuery.lowerCaseOr(TypedQuery.punctuationAsTyped(typed));
    checkNesting(text);
    String trimmed = text.strip();
    boolean plain = PLAIN_WORDS.matcher(SLASH_IN_WORD.matcher(trimmed).replaceAll(" ")).matches()
        && !OPERATOR.matcher(trimmed).find();
    // "per cent" typed apart is the compound, searched as the phrase or as "percent" (CompoundWords);
    // "Saint Louis" is also the phrase, which finds "St. Louis" too (Abbreviations).
    String words = TypedQuery.slashesInWords(text);
    Query parsed = parse(plain
        ? Abbreviations.shipped().phrasingPairs(CompoundWords.shipped().hyphenatingListedPairs(words)) : words);
    if (parsed instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
      // Nothing left to search: only common words, or only punctuation ('""', '&'). An empty query box
      // lists everything; this is not an empty box, and matching nothing would not say why.
      throw refused(TypedQuery.plainWords(text).isBlank() ? "there are no words to search"
          : "'" + TypedQuery.plainWords(text) + "' holds only words too common to be searched (such as 'the',"
              + " 'of', 'to'); add a word that says what you are looking for");
    }
    if (!plain || !trimmed.contains(" ")) {
      return parsed;
    }
    Query near = parse("\"" + trimmed + "\"~" + PROXIMITY_SLOP);
    Query exact = parse("\"" + trimmed + "\"");
    BooleanQuery.Builder ranked = new BooleanQuery.Builder()
        .add(parsed, BooleanClause.Occur.MUST)
        .add(new BoostQuery(near, PROXIMITY_BOOST), BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(exact, EXACT_BOOST), BooleanClause.Occur.SHOULD);
    String[] typedWords = trimmed.split(" +");
    for (int i = 0; typedWords.length > 2 && i + 1 < typedWords.length; i++) {
      Query pair = parse("\"" + typedWords[i] + " " + typedWords[i + 1] + "\"");
      // A pair of common words ("of the") leaves nothing to search, and a pair the analysis makes one
      // word of is the word itself, which the required words already score.
      if (pair instanceof BooleanQuery bool && bool.clauses().isEmpty() || pair instanceof TermQuery) {
        continue;
      }
      ranked.add(new BoostQuery(pair, PAIR_BOOST), BooleanClause.Occur.SHOULD);
    }
    return ranked.build();
  }

  /**
   * The query without the closeness boost {@link #parseRanked} adds, wherever it stands in it: what
   * to highlight. The boost is a sloppy phrase, and a highlighter marks a phrase's match as one span,
   * so "dictator Maduro" marked "dictator of Venezuela, Nicolás Maduro" whole, words not searched
   * included.
   */
  public static Query withoutClosenessBoost(Query query) {
    return switch (query) {
      case BooleanQuery bool when isRanked(bool) -> withoutClosenessBoost(bool.clauses().get(0).query());
      case BooleanQuery bool -> {
        BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        for (BooleanClause clause : bool.clauses()) {
          copy.add(withoutClosenessBoost(clause.query()), clause.occur());
        }
        yield copy.build();
      }
      case BoostQuery boost ->
          new BoostQuery(withoutClosenessBoost(boost.getQuery()), boost.getBoost());
      default -> query;
    };
  }

  /**
   * Whether a query is one {@link #parseRanked} made: the words required, their closeness and their
   * exact order rewarded.
   */
  private static boolean isRanked(BooleanQuery bool) {
    List<BooleanClause> clauses = bool.clauses();
    if (clauses.size() < 3 || clauses.get(0).occur() != BooleanClause.Occur.MUST
        || !(clauses.get(1).query() instanceof BoostQuery near && near.getBoost() == PROXIMITY_BOOST)
        || !(clauses.get(2).query() instanceof BoostQuery exact && exact.getBoost() == EXACT_BOOST)) {
      return false;
    }
    return clauses.subList(1, clauses.size()).stream().allMatch(clause -> clause.occur() == BooleanClause.Occur.SHOULD)
        && clauses.subList(3, clauses.size()).stream()
            .allMatch(clause -> clause.query() instanceof BoostQuery pair && pair.getBoost() == PAIR_BOOST);
  }

  /**
   * A query the parser could read but Morgue will not run as written: an unknown field, a date that
   * does not exist, a leading wildcard, or a bound passed. Unlike a syntax error, searching its plain
   * words instead would hide what was asked, so it is reported, not worked around.
   */
  public static final class RefusedQueryException extends ParseException {
    private static final long serialVersionUID = 1L;
    private final boolean tooComplex;

    RefusedQueryException(String message, boolean tooComplex) {
      super(message);
      this.tooComplex = tooComplex;
    }

    /** Whether a bound on a query's cost was passed, rather than something in it not existing. */
    public boolean tooComplex() {
      return tooComplex;
    }
  }

  private static RefusedQueryException refused(String message) {
    return new RefusedQueryException(message, false);
  }

  private static RefusedQueryException tooComplex(String message) {
    return new RefusedQueryException(message, true);
  }

  /** Per parse: a parser is made for each query, never shared. */
  private int multiTerms;
  /**
   * A phrase's other writings by its text: a plain query's closeness boosts ask for the same phrase
   * twice (near, then exact), and each writing costs a few analyses.
   */
  private final Map<String, List<String>> phraseWritings = new HashMap<>();
  /** QueryParserBase's CONJ_OR and MOD_NOT, which addClause is called with but which are not public. */
  private static final int OR_CONJUNCTION = 2;
  private static final int NOT_MODIFIER = 10;
  /** For each list of clauses the parser is filling, the OR group of each clause ({@link #addClause}). */
  private final Map<List<BooleanClause>, List<Integer>> orGroups = new IdentityHashMap<>();
  private boolean expandingMultiTerm;

  public ArchiveQueryParser() {
    super(
        ArchiveSchema.DEFAULT_FIELDS.keySet().stream().sorted().toArray(String[]::new),
        ArchiveSchema.analyzer(),
        ArchiveSchema.DEFAULT_FIELDS);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
    setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
    setFuzzyMinSim(BARE_FUZZY);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field == null && onlyStopWords(queryText)) {
      // Title and body leave out "the", "of", "to"; the actor names keep them ("Tren de Aragua"). Left
      // in, an unfielded "the" would be required of an actor's name alone, and "the economy" would find
      // only articles naming an actor with "the" in it. So a word the prose drops is dropped everywhere.
      return null;
    }
    if (isDate(field)) {
      return getRangeQuery(field, queryText, queryText, true, true);
    }
    // A word joined by slashes or hyphens (9/11, HIV/AIDS, 9-11, anti-guerrilla) means its parts in
    // that order, as a phrase does: apart, "9-11" found baseball scores. So does a figure with its
    // percent sign, which the analysis writes as "5 percent": a phrase, in every writing of one.
    boolean percent = PERCENT_SIGN.matcher(queryText).find();
    boolean phrase = quoted || percent || queryText.indexOf('/') >= 0 || INNER_HYPHEN.matcher(queryText).find();
    return orOtherWritings(super.getFieldQuery(checked(field), queryText, phrase), field, queryText, quoted || percent);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (field == null && onlyStopWords(queryText)) {
      return null; // a quoted "the" is no more searchable than a bare one (see above)
    }
    if (isDate(field)) {
      // A date in quotes (an instant must be: it holds colons) is the date; the classic parser would
      // hand it to the analyser as words, past the unquoted overload.
      return getRangeQuery(field, queryText, queryText, true, true);
    }
    if (field != null) {
      return orOtherWritings(super.getFieldQuery(checked(field), queryText, slop), field, queryText, true);
    }
    // A phrase in quotes is the words as written, so it searches the text, not the actor names the
    // enrichment made: "Soviet Union" found the 1920s addresses that say "Russia", which the archive
    // names the Soviet Union, and a journalist dating the phrase read them as saying it. actor:"..."
    // still searches the names.
    String[] allFields = fields;
    fields = PROSE_FIELDS;
    try {
      return orOtherWritings(super.getFieldQuery(null, queryText, slop), null, queryText, true);
    } finally {
      fields = allFields;
    }
  }

  /** The default fields that hold the text as written. */
  private static final String[] PROSE_FIELDS = {ArchiveSchema.BODY, ArchiveSchema.TITLE};

  /**
   * The query, or the same words as the archive's other years write them: a closed word also as its
   * listed parts ("ceasefire" as "cease fire"), parts typed with a hyphen or quoted as a listed pair
   * also as one word ("Viet-Nam" as "Vietnam"), a longer phrase with its compounds written the other
   * way ("the cease-fire agreement" as "the ceasefire agreement"), a phrase with a title or "Saint"
   * cut short or written in full the other way ("St. Louis" as "Saint Louis"). The texts keep what
   * they wrote; see {@link CompoundWords} and {@link Abbreviations}.
   */
  private Query orOtherWritings(Query query, String field, String typed, boolean quoted) throws ParseException {
    if (query == null || (field != null && !ArchiveSchema.joinsSpellings(field))) {
      return query;
    }
    CompoundWords compounds = CompoundWords.shipped();
    // The word lists know "percent", not the sign the analysis writes as it ("5%": "5 per cent").
    typed = PERCENT_SIGN.matcher(typed).replaceAll(" percent");
    // Every writing of the word: "teen-agers" is also "teenagers", so also "teen-age".
    Set<Query> writings = new LinkedHashSet<>();
    writings.add(query);
    Optional<String> closed = compounds.closedWriting(typed);
    if (closed.isPresent()) {
      writings.add(super.getFieldQuery(field, closed.get(), false));
    }
    if (closed.isPresent() || !quoted) {
      for (String open : compounds.openWritings(closed.orElse(typed))) {
        writings.add(super.getFieldQuery(field, open, true));
      }
    }
    Optional<String> inWords = NumericDates.inWords(typed);
    if (inWords.isPresent()) {
      // "12/7/1941" as the texts write it: "December 7, 1941", or "Dec. 7, 1941".
      writings.add(super.getFieldQuery(field, inWords.get(), true));
      Optional<String> cut = Abbreviations.shipped().otherWriting(inWords.get());
      if (cut.isPresent()) {
        writings.add(super.getFieldQuery(field, cut.get(), true));
      }
    }
    Optional<MonthDay> day = MonthDays.typed(typed);
    if (day.isPresent()) {
      // "9/11", "September 11" and "Sept. 11th" as the texts write the day: "September the 11th" too.
      for (String writing : MonthDays.writings(day.get())) {
        writings.add(super.getFieldQuery(field, writing, true));
        Optional<String> cut = Abbreviations.shipped().otherWriting(writing);
        if (cut.isPresent()) {
          writings.add(super.getFieldQuery(field, cut.get(), true));
        }
      }
    }
    if (quoted) {
      for (String writing : phraseWritings.computeIfAbsent(typed, compounds::phraseWritings)) {
        writings.add(super.getFieldQuery(field, writing, true));
      }
      Optional<String> other = Abbreviations.shipped().otherWriting(typed);
      if (other.isPresent()) {
        writings.add(super.getFieldQuery(field, other.get(), true));
      }
    }
    writings.remove(null);
    if (writings.size() == 1) {
      return query;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    writings.forEach(writing -> either.add(writing, BooleanClause.Occur.SHOULD));
    return either.build();
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    if (ADDED.equals(field)) {
      return addedRange(part1, part2, startInclusive, endInclusive);
    }
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
    if (low > high && firstDay(part1).isAfter(lastDay(part2))) {
      // As a 'from' after 'to' is: a range typed the wrong way round found nothing, and said nothing.
      throw refused("published:[" + part1 + " TO " + part2 + "] starts after it ends; write the earlier date first");
    }
    return PublishedWithin.days(low, high);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      // Lucene would walk every term of every default field; its own message names its classes.
      throw refused("'" + termStr + "' starts with a wildcard; a word may not start with '*' or '?'");
    }
    return multiTerm(() -> {
      try {
        return super.getWildcardQuery(checked(field), termStr);
      } catch (TooComplexToDeterminizeException e) {
        throw tooComplex("the wildcard '" + termStr + "' is too complex; use fewer * and ?");
      }
    });
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    Query prefix = multiTerm(() -> super.getPrefixQuery(checked(field), termStr));
    // The index holds a name's other spellings as one form ("Qaida" as qaeda) and British spellings as
    // American ones: a prefix of a spelling the index does not hold ("Qaid*", "organis*") also finds
    // what it is held as. The field's boost stays outside.
    Query inner = prefix instanceof BoostQuery boosted ? boosted.getQuery() : prefix;
    if (!ArchiveSchema.joinsSpellings(field) || !(inner instanceof PrefixQuery words)) {
      return prefix;
    }
    Set<String> held = new TreeSet<>();
    for (String form : ArchiveSchema.wordForms().formsStartingWith(words.getPrefix().text())) {
      held.addAll(analysed(field, form));
    }
    held.removeIf(term -> term.startsWith(words.getPrefix().text()));
    if (held.isEmpty()) {
      return prefix;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder().add(inner, BooleanClause.Occur.SHOULD);
    held.forEach(term -> either.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD));
    return prefix instanceof BoostQuery boosted ? new BoostQuery(either.build(), boosted.getBoost()) : either.build();
  }

  /** The terms a field's analysis makes of a text. */
  private List<String> analysed(String field, String word) {
    return AnalysedTerms.of(getAnalyzer(), field, word);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    float edits = minSimilarity == BARE_FUZZY ? autoEdits(termStr) : minSimilarity;
    return multiTerm(() -> super.getFuzzyQuery(checked(field), termStr, edits));
  }

  /**
   * What the parser is given for a {@code ~} typed without a number, which no one types as a number:
   * the edits are then chosen by the word's length ({@link #autoEdits}).
   */
  private static final float BARE_FUZZY = Float.MIN_VALUE;

  /**
   * The edits a bare {@code ~} allows, as Elasticsearch's and OpenSearch's {@code AUTO} fuzziness
   * chooses them: none for a word of one or two letters, one for three to five, two beyond. Lucene's
   * two edits for every word made {@code Cuban~} match 272 of the 279 articles, through "can", "human"
   * and "urban" (a journalist's trial, session 45); {@code Cuban~2} still asks for two.
   */
  private static float autoEdits(String word) {
    int length = word.codePointCount(0, word.length());
    return length <= 2 ? 0f : length <= 5 ? 1f : 2f;
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return multiTerm(() -> regexpQuery(field, termStr));
  }

  /**
   * A query of prohibitions alone ({@code -Venezuela}, {@code NOT Venezuela}) means every article but
   * those, as a person reads it; Lucene's boolean query of only prohibited clauses would match nothing.
   */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query query = super.getBooleanQuery(orBeforeAnd(clauses));
    if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
        && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      bool.clauses().forEach(all::add);
      return all.build();
    }
    return query;
  }

  /**
   * {@code OR} joins the word before it and the word after it into one group before the words around
   * them are required, as a search box reads it: {@code Cuba OR Soviet missiles} is {@code (Cuba OR
   * Soviet) missiles}, {@code Cuba OR Soviet AND missiles} the same, and {@code Cuba OR Soviet
   * missiles OR rockets} is {@code (Cuba OR Soviet) (missiles OR rockets)}. Lucene's classic parser
   * makes both words of an OR optional and the rest required, so the first found every article about
   * missiles, ten naming neither Cuba nor the Soviet Union; and an AND after an OR makes its word
   * required again. An excluded word ({@code -Cuba}, {@code NOT Cuba}) is left as Lucene reads it:
   * put an OR group in parentheses to exclude it whole.
   */
  @Override
  protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
    int before = clauses.size();
    boolean joins = conj == OR_CONJUNCTION && mods != NOT_MODIFIER && before > 0 && !clauses.get(before - 1).isProhibited();
    super.addClause(clauses, conj, mods, q);
    if (clauses.size() > before) {
      // Each clause's group, named by the index of its first clause: a word after OR joins the one before.
      List<Integer> groups = orGroups.computeIfAbsent(clauses, list -> new ArrayList<>());
      groups.add(joins ? groups.get(before - 1) : before);
    }
  }

  /**
   * The clauses with each group of words joined by OR made one required clause, when the query holds
   * anything beside that group; a query of one group alone stays Lucene's list of optional words.
   */
  private List<BooleanClause> orBeforeAnd(List<BooleanClause> clauses) {
    List<Integer> groups = orGroups.remove(clauses);
    if (groups == null || groups.size() != clauses.size()) {
      return clauses; // not a list the query's own words made (a word spread over several fields)
    }
    Map<Integer, List<BooleanClause>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < clauses.size(); i++) {
      byGroup.computeIfAbsent(groups.get(i), group -> new ArrayList<>()).add(clauses.get(i));
    }
    if (byGroup.size() == 1) {
      return clauses;
    }
    List<BooleanClause> grouped = new ArrayList<>();
    for (List<BooleanClause> group : byGroup.values()) {
      if (group.size() == 1) {
        BooleanClause only = group.get(0);
        grouped.add(only.isProhibited() ? only : new BooleanClause(only.query(), BooleanClause.Occur.MUST));
      } else {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        group.forEach(clause -> any.add(clause.query(), BooleanClause.Occur.SHOULD));
        grouped.add(new BooleanClause(any.build(), BooleanClause.Occur.MUST));
      }
    }
    return grouped;
  }

  /** Whether prose analysis leaves nothing of the words while the names' analysis keeps some. */
  private boolean onlyStopWords(String queryText) throws ParseException {
    return tokens(ArchiveSchema.TITLE, queryText) == 0 && tokens(ArchiveSchema.ACTOR, queryText) > 0;
  }

  private int tokens(String field, String text) throws ParseException {
    return analysed(field, text).size();
  }

  /** Builds one query that the parser produced from a multi-term; may throw ParseException. */
  @FunctionalInterface
  private interface ParsedQuery {
    Query build() throws ParseException;
  }

  /**
   * Counts a wildcard, prefix, fuzzy or regex term once, however many default fields the parser then
   * expands it to (it calls back into these methods per field), and refuses more than {@link
   * #MAX_MULTI_TERMS}.
   */
  private Query multiTerm(ParsedQuery query) throws ParseException {
    if (expandingMultiTerm) {
      return query.build();
    }
    if (++multiTerms > MAX_MULTI_TERMS) {
      throw tooComplex("the query has more than " + MAX_MULTI_TERMS + " wildcard, fuzzy and regular-expression"
          + " terms");
    }
    expandingMultiTerm = true;
    try {
      return query.build();
    } finally {
      expandingMultiTerm = false;
    }
  }

  private Query regexpQuery(String field, String termStr) throws ParseException {
    String checkedField = checked(field);
    RegExp regex;
    try {
      regex = new RegExp(termStr, RegExp.ALL);
    } catch (IllegalArgumentException e) {
      throw refused("'/" + termStr + "/' is not a regular expression: " + e.getMessage());
    }
    if (plannedStates(regex) > MAX_REGEX_STATES) {
      throw tooComplex("the regular expression '/" + termStr + "/' is too complex; use fewer and smaller"
          + " repetitions");
    }
    try {
      return super.getRegexpQuery(checkedField, termStr);
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex("the regular expression '/" + termStr + "/' is too complex; make it more specific");
    } catch (IllegalArgumentException e) {
      throw refused("'/" + termStr + "/' is not a regular expression: " + e.getMessage());
    }
  }

  /**
   * An upper estimate of the states Lucene's automaton for a regex will have before determinizing:
   * repetitions multiply what they repeat. Saturates rather than overflowing.
   */
  private static long plannedStates(RegExp node) {
    if (node == null) {
      return 0;
    }
    long inner = plannedStates(node.exp1) + plannedStates(node.exp2);
    long own = switch (node.kind) {
      case REGEXP_STRING -> node.s.length();
      case REGEXP_INTERVAL -> node.digits * 10L;
      case REGEXP_REPEAT_MIN -> (long) (node.min + 1) * Math.max(1, inner);
      case REGEXP_REPEAT_MINMAX -> (long) Math.max(node.min, node.max) * Math.max(1, inner);
      default -> 1 + inner;
    };
    return Math.min(own, Long.MAX_VALUE / 2_000_000);
  }

  /** Refuses brackets nested deeper than {@link #MAX_NESTING}, outside quotes and escapes. */
  private static void checkNesting(String text) throws ParseException {
    int depth = 0;
    java.util.BitSet outside = TypedQuery.unquoted(text);
    for (int i = outside.nextSetBit(0); i >= 0; i = outside.nextSetBit(i + 1)) {
      char c = text.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          throw tooComplex("brackets nest more than " + MAX_NESTING + " deep");
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  /** Whether a field takes dates ({@code published}, {@code added}): its words are read as a range. */
  private static boolean isDate(String field) {
    return ArchiveSchema.PUBLISHED.equals(field) || ADDED.equals(field);
  }

  /** Unfielded clauses arrive with a null field; MultiFieldQueryParser expands those itself. */
  private static String checked(String field) throws ParseException {
    if (field != null && !FIELDS.contains(field)) {
      throw refused("unknown field '" + field + "'; searchable fields are "
          + String.join(", ", FIELDS.stream().sorted().toList()));
    }
    return field;
  }

  /**
   * Articles added between two days or instants: a day spans its whole UTC day, an instant is the
   * millisecond the API writes (every article of one write shares it).
   */
  private static Query addedRange(String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    long low = part1 == null || "*".equals(part1) ? Long.MIN_VALUE
        : startInclusive ? firstMilli(part1) : lastMilli(part1) + 1;
    long high = part2 == null || "*".equals(part2) ? Long.MAX_VALUE
        : endInclusive ? lastMilli(part2) : firstMilli(part2) - 1;
    return LongPoint.newRangeQuery(ArchiveSchema.ADDED_AT, low, high);
  }

  private static long firstMilli(String text) throws ParseException {
    Optional<Instant> instant = instant(text);
    return instant.isPresent() ? instant.get().toEpochMilli()
        : addedDay(text, false).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static long lastMilli(String text) throws ParseException {
    Optional<Instant> instant = instant(text);
    return instant.isPresent() ? instant.get().toEpochMilli()
        : addedDay(text, true).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
  }

  /** The first or last day {@code text} names, refused in words that also offer an instant. */
  private static LocalDate addedDay(String text, boolean last) throws ParseException {
    try {
      return last ? lastDay(text) : firstDay(text);
    } catch (RefusedQueryException e) {
      throw refused("'" + text + "' is not a date or an instant; use YYYY, YYYY-MM, YYYY-MM-DD or an instant"
          + " in quotes, as an answer's \"added\" gives it: added:\"2026-12-05T14:20:43.476Z\"");
    }
  }

  /** The text as an instant ({@code 2026-12-05T14:20:43.476Z}), if it is one. */
  private static Optional<Instant> instant(String text) {
    if (text.indexOf('T') < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
      throw refused("'" + text + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
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
