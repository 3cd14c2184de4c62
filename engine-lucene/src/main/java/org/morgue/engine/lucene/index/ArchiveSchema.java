package org.morgue.engine.lucene.index;

import org.morgue.search.Facet;

import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The one definition of Morgue's index: field names, how each is analysed, and the facet
 * configuration. The indexer and the searcher both take it from here.
 */
public final class ArchiveSchema {
  /** Bumped whenever documents built by an older Morgue would be read wrongly; forces a re-index. */
  public static final String VERSION = "30";

  /** Stable article id; exact match, stored. */
  public static final String ID = "id";
  /** Headline, English-analysed. */
  public static final String TITLE = "title";
  /** Body text, English-analysed, stored with offsets in the postings so snippets need no re-analysis. */
  public static final String BODY = "body";
  /** Canonical actor names, searchable word by word ({@code actor:trump}) and as a phrase. */
  public static final String ACTOR = "actor";
  /**
   * Each actor with the type the article gives it ({@link org.morgue.search.ActorTypes#typedName}),
   * one exact term per pair, indexed without positions: the number of articles holding a pair is
   * what decides an actor's type when a search is narrowed by actor type.
   */
  public static final String ACTOR_TYPED = "actorTyped";
  /**
   * Each other name of an actor with the canonical name it stands for ({@link
   * org.morgue.search.ActorAliases#aliasedName}), one exact term per pair: how completions and the
   * actor list's filter reach "Franklin D. Roosevelt" from "FDR".
   */
  public static final String ACTOR_ALIASED = "actorAliased";
  /** Theme names, searchable like actors. */
  public static final String THEME = "theme";
  /** Source name, searchable like actors. */
  public static final String SOURCE = "source";
  /** Author names, searchable like actors. */
  public static final String AUTHOR = "author";
  /** Publication date as days since 1970-01-01, points only: range queries. */
  public static final String PUBLISHED = "published";
  /**
   * The publication day and time of day as one {@link org.morgue.article.PublishedOrder} key, a doc
   * value only: date sorting, and the day wherever one is read per document (the key divided by its
   * slots). Not under {@link #PUBLISHED}'s name: Lucene skips documents while sorting by reading the
   * points of the sorted field's name, which must then hold the same values.
   */
  public static final String PUBLISHED_ORDER = "publishedOrder";
  /**
   * How much of the publication date the source gave, as doc values of {@link
   * org.morgue.article.DatePrecision#ordinal()}, written only when it is less than the day: a
   * timeline leaves a clipping dated only to 1961 out of 1961's months.
   */
  public static final String PUBLISHED_PRECISION = "publishedPrecision";
  /**
   * The last day the publication date may stand for ({@link org.morgue.article.DatePrecision#lastDay}),
   * as days since 1970-01-01 (a long point): a range of dates holds an article when it holds every
   * day from {@link #PUBLISHED} to this one, so January 1961 does not hold a clipping of 1961. Written
   * only for a date less precise than the day: a day's last day is itself.
   */
  public static final String PUBLISHED_END = "publishedEnd";
  /**
   * Where the article stands in the order it was added ({@link org.morgue.search.AddedOrder}): a
   * long point (the archive's last write number, read when a writer opens) and doc values (sorting).
   */
  public static final String ADDED = "added";
  /**
   * When the write the article entered the archive with began, in milliseconds since 1970: a long
   * point (the query field {@code added}), stored (a hit shows it) and doc values (a writer keeps it
   * when the article is written again).
   */
  public static final String ADDED_AT = "addedAt";
  /** The article's hedging score, for sorting by how hedged it is. */
  public static final String HEDGING_SCORE = "hedgingScore";
  /**
   * How many characters of text the article has ({@link org.morgue.article.Article#textLength()}), as
   * doc values: related coverage weighs a very long text down by it ({@link org.morgue.search.RelatedWeight}).
   */
  public static final String TEXT_LENGTH = "textLength";
  /**
   * The story the article is a version of: an exact term (the versions of a story) and sorted doc
   * values (grouping hits by story).
   */
  public static final String STORY = "story";
  /**
   * The article's band keys, as long points: where copies of a later article look it up. Points
   * rather than terms because band keys are random, so nearly every one is distinct: as terms they
   * would make a dictionary of 42 entries per article.
   */
  public static final String STORY_BAND = "storyBand";
  /**
   * A digest of the article as read plus the Morgue build: equal digests mean re-indexing would
   * change nothing, so the indexer can count the article as unchanged and skip it.
   */
  public static final String FINGERPRINT = "fingerprint";
  /**
   * The whole enriched article as JSON, but for the block texts, which are cut from the stored
   * {@link #BODY}: what the article view and hits are built from.
   */
  public static final String SOURCE_JSON = "_source";

  // Facet dimensions: the names of the contract's facets (Facet), which the index keys its
  // taxonomy by. Renaming a facet changes the index: bump VERSION.
  public static final String FACET_ACTOR = Facet.ACTOR.id();
  public static final String FACET_ACTOR_TYPE = Facet.ACTOR_TYPE.id();
  public static final String FACET_QUOTED = Facet.QUOTED.id();
  public static final String FACET_THEME = Facet.THEME.id();
  public static final String FACET_HEDGING = Facet.HEDGING.id();
  public static final String FACET_SOURCE = Facet.SOURCE.id();
  public static final String FACET_YEAR = Facet.YEAR.id();
  public static final String FACET_COLLECTION = Facet.COLLECTION.id();

  /** Every facet dimension, in the order the API lists them. */
  public static final List<String> FACETS = Facet.ids();

  /**
   * The fields a query searches when it names none, with their boosts. Actors are among them so a
   * search for a country also finds articles that name it only through a demonym or a metonym
   * ("a Venezuelan gang", "Caracas said").
   */
  public static final Map<String, Float> DEFAULT_FIELDS = Map.of(TITLE, 2.0f, BODY, 1.0f, ACTOR, 1.0f);

  /** Gap between values of a multi-valued field, so a phrase never spans two actors. */
  private static final int VALUE_GAP = 100;

  private ArchiveSchema() {}

  /**
   * How the body is indexed: stored, and with character offsets in its postings, so the highlighter
   * finds passages from the index instead of analysing every hit's text again.
   */
  public static org.apache.lucene.document.FieldType bodyFieldType() {
    org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(
        org.apache.lucene.document.TextField.TYPE_STORED);
    type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The facet configuration; build a new one per use site, it is cheap and not to be shared mutably. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_ACTOR, true);
    config.setMultiValued(FACET_ACTOR_TYPE, true);
    config.setMultiValued(FACET_QUOTED, true);
    config.setMultiValued(FACET_THEME, true);
    config.setMultiValued(FACET_SOURCE, false);
    config.setMultiValued(FACET_COLLECTION, true);
    return config;
  }

  /** The analyzer for every text field: English for prose, plain folded words for names. */
  public static Analyzer analyzer() {
    Analyzer names = new NameAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new ProseAnalyzer(),
        Map.of(ACTOR, names, THEME, names, SOURCE, names, AUTHOR, names, ID, new IdAnalyzer()));
  }

  /**
   * Folds text the way every analysed field does (Unicode compatibility normalisation, case folding,
   * accents removed: UTR #30 through ICU), so names matched outside the index (suggestions, facet
   * prefixes) agree with searches: "Nicolás" typed precomposed or decomposed, "nicolas" and
   * fullwidth "Ｎｉｃｏｌａｓ" all fold to "nicolas".
   */
  public static String fold(String text) {
    return ICUFoldingFilter.NORMALIZER.normalize(text);
  }

  /**
   * The canonical (NFC) form of a facet value, so a name posted decomposed and one posted
   * precomposed are one value, and a filter matches it however it was typed.
   */
  public static String canonical(String text) {
    Normalizer2 nfc = Normalizer2.getNFCInstance();
    return nfc.isNormalized(text) ? text : nfc.normalize(text);
  }

  /**
   * The collection facet's values for an article, in a stable order: each id as given, never folded
   * (ids are case-sensitive keys, not names), but in NFC, because filters are matched in NFC.
   *
   * @throws IllegalArgumentException when an id is blank, which no filter could ever select
   */
  public static List<String> collectionIds(Set<String> collections, String articleId) {
    TreeSet<String> ids = new TreeSet<>();
    for (String collection : collections) {
      if (collection == null || collection.isBlank()) {
        throw new IllegalArgumentException("article '" + articleId + "' is put in a collection with a blank id");
      }
      ids.add(canonical(collection));
    }
    return List.copyOf(ids);
  }

  /** The words searched as one word in prose and names: see {@link WordForms}. */
  public static WordForms wordForms() {
    return WORD_FORMS;
  }

  private static final WordForms WORD_FORMS = WordForms.shipped();

  /** The fields analysed with {@link #wordForms}: the prose and the name fields. */
  private static final Set<String> SPELLING_FIELDS = Set.of(TITLE, BODY, ACTOR, THEME, SOURCE, AUTHOR);

  /** Whether a field is analysed with {@link #wordForms}. */
  public static boolean joinsSpellings(String field) {
    return field != null && SPELLING_FIELDS.contains(field);
  }

  /**
   * The punctuation the tokenizer would split a word at or drop, read as a reader means it: "AT&T"
   * one word ({@link AmpersandJoinFilter}), "1960's" the decade "1960s"
   * ({@link DecadeApostropheFilter}) and "5%" "5 percent" ({@link PercentSignFilter}); OpenSearch's
   * mapping has the same char filters.
   */
  private static Reader punctuationRead(Reader reader) {
    return new PercentSignFilter(new DecadeApostropheFilter(new AmpersandJoinFilter(reader)));
  }

  /**
   * English prose: Lucene's EnglishAnalyzer chain (possessives, stop words) with ICU folding in place
   * of lower-casing and KStem in place of Porter (Porter made "news" "new", "communism" "community"
   * and "business" "busy": a search for one found the other in every article; KStem inflects by its
   * dictionary, as the themes' analysis does), so canonically equivalent, fullwidth and accented
   * spellings of a word are one term at index and at query time; "AT&T" one word, "1960's" the decade
   * "1960s", "5%" "5 percent", "US" the country, "U.N." the acronym "UN", "10,000" the number 10000,
   * the spellings of one name one word and British spellings the American ones ({@link #wordForms}).
   */
  private static final class ProseAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return punctuationRead(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new UsAsCountryFilter(stream);
      stream = new DottedAcronymFilter(stream);
      stream = new ThousandsCommaFilter(stream);
      stream = new ICUFoldingFilter(stream);
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      stream = new SpellingFilter(stream, WORD_FORMS.spellings());
      stream = new StemmerOverrideFilter(stream, WORD_FORMS.map());
      stream = new KStemFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ICUFoldingFilter(in);
    }
  }

  /**
   * Names keep every word (no stop words: "Tren de Aragua" must keep "de"), folded by ICU so
   * "Nicolás" in any normal form matches "nicolas", with a name's spellings one word and British
   * spellings the American ones ({@link #wordForms}).
   */
  private static final class NameAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return punctuationRead(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      // As in prose, so "Soviet Union's" finds the articles whose actors alone name the Soviet Union.
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new UsAsCountryFilter(stream);
      stream = new DottedAcronymFilter(stream);
      stream = new ThousandsCommaFilter(stream);
      stream = new ICUFoldingFilter(stream);
      // As in prose, so actor:Qaida finds al-Qaeda, whose canonical name the gazetteer spells one way,
      // and a theme or a body's name in British spelling is found in American.
      stream = new SpellingFilter(stream, WORD_FORMS.spellings());
      stream = new StemmerOverrideFilter(stream, WORD_FORMS.map());
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ICUFoldingFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }

  /** Ids are matched exactly, as one token. */
  private static final class IdAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new org.apache.lucene.analysis.core.KeywordTokenizer();
      return new TokenStreamComponents(tokenizer);
    }
  }
}
