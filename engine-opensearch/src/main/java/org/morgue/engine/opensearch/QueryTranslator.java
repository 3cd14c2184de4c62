package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Turns a query the shared parser built (a Lucene query over Morgue's fields, its words already
 * analysed as the index analyses them) into the query DSL that matches the same articles in the
 * cluster, whose mapping analyses every field with the same chain. Because the terms arrive analysed,
 * leaves are term-level queries ({@code term}, {@code prefix}, {@code fuzzy}) that OpenSearch does not
 * analyse again, and phrases read by an analyzer that takes their words as they are: a stemmed word
 * stemmed twice could change.
 *
 * <p>A phrase is a {@code match_phrase} whose text is its terms as analysed, with {@value #HOLE} where
 * a stop word left a position empty, read by the mapping's {@code morgue_analysed} analyzer (split at
 * spaces, the holes dropped but counted): so the cluster runs the same Lucene phrase query, exact or
 * sloppy, with the same positions, and matches and scores it as the embedded engine does. (Until
 * 2026-12-06 it was a {@code span_near}, which counts reordered words differently and scores
 * otherwise: {@code "Congress tax"~5} found 24 articles embedded and 27 on the cluster.) Another
 * spelling of a phrase is a phrase of its own beside it (the parser writes "Saint Louis" as
 * "saint louis" or "st louis"), so no phrase has alternatives at a position; were one built, it
 * would be a {@code span_near} of {@code span_or}s, the nearest the DSL has. A boolean
 * query with only prohibited clauses matches nothing, as in Lucene.
 */
final class QueryTranslator {
  /** The mapping's analyzer for words already analysed: split at spaces, {@link #HOLE} dropped but counted. */
  static final String ANALYSED = "morgue_analysed";
  /**
   * A position a stop word left empty. Upper case, so no analysed word is ever it: every chain of
   * the mapping folds case.
   */
  static final String HOLE = "HOLE";

  private QueryTranslator() {}

  /** The DSL for a parsed query. */
  static ObjectNode translate(Query query) {
    return switch (query) {
      case MatchAllDocsQuery all -> leaf("match_all");
      case MatchNoDocsQuery none -> leaf("match_none");
      case TermQuery term -> term(term.getTerm());
      case BooleanQuery bool -> bool(bool);
      case BoostQuery boost -> boosted(translate(boost.getQuery()), boost.getBoost());
      case ConstantScoreQuery constant -> {
        ObjectNode node = ClusterConnection.object();
        node.putObject("constant_score").set("filter", translate(constant.getQuery()));
        yield node;
      }
      case DisjunctionMaxQuery max -> {
        ObjectNode node = ClusterConnection.object();
        ObjectNode body = node.putObject("dis_max");
        body.put("tie_breaker", max.getTieBreakerMultiplier());
        ArrayNode queries = body.putArray("queries");
        max.getDisjuncts().forEach(disjunct -> queries.add(translate(disjunct)));
        yield node;
      }
      case PhraseQuery phrase -> phrase(phrase);
      case MultiPhraseQuery phrase -> phrase.getTermArrays().length == 0 ? leaf("match_none")
          : spanNear(phrase.getTermArrays()[0][0].field(), phrase.getTermArrays(), phrase.getPositions(),
              phrase.getSlop());
      case SynonymQuery synonyms -> {
        ObjectNode node = ClusterConnection.object();
        ArrayNode should = node.putObject("bool").putArray("should");
        synonyms.getTerms().forEach(term -> should.add(term(term)));
        yield node;
      }
      case PrefixQuery prefix -> valued("prefix", prefix.getPrefix());
      case WildcardQuery wildcard -> valued("wildcard", wildcard.getTerm());
      case RegexpQuery regexp -> {
        ObjectNode node = valued("regexp", regexp.getRegexp());
        ((ObjectNode) node.path("regexp").path(regexp.getField())).put("flags", "ALL");
        yield node;
      }
      case FuzzyQuery fuzzy -> {
        ObjectNode node = valued("fuzzy", fuzzy.getTerm());
        ((ObjectNode) node.path("fuzzy").path(fuzzy.getField()))
            .put("fuzziness", fuzzy.getMaxEdits())
            .put("prefix_length", fuzzy.getPrefixLength())
            .put("transpositions", fuzzy.getTranspositions())
            .put("max_expansions", FuzzyQuery.defaultMaxExpansions);
        yield node;
      }
      case TermRangeQuery range -> termRange(range);
      case PointRangeQuery range when ArchiveSchema.ADDED_AT.equals(range.getField()) -> addedRange(
          LongPoint.decodeDimension(range.getLowerPoint(), 0), LongPoint.decodeDimension(range.getUpperPoint(), 0));
      case PointRangeQuery range when ArchiveSchema.PUBLISHED.equals(range.getField()) -> longRange(ArticleDocument.PUBLISHED,
          LongPoint.decodeDimension(range.getLowerPoint(), 0), LongPoint.decodeDimension(range.getUpperPoint(), 0));
      case PointRangeQuery range when ArchiveSchema.PUBLISHED_END.equals(range.getField()) -> longRange(
          ArticleDocument.PUBLISHED_END, LongPoint.decodeDimension(range.getLowerPoint(), 0),
          LongPoint.decodeDimension(range.getUpperPoint(), 0));
      default -> throw new IllegalStateException("no query DSL for a " + query.getClass().getSimpleName() + ": " + query);
    };
  }

  /** A range of milliseconds of when articles were added, both ends included; the extreme longs stand for open ends. */
  static ObjectNode addedRange(long from, long to) {
    return longRange(ArticleDocument.ADDED_AT, from, to);
  }

  private static ObjectNode longRange(String field, long from, long to) {
    if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
      // LongPoint's full range still needs a value: an article without one is outside it.
      return exists(field);
    }
    ObjectNode node = ClusterConnection.object();
    ObjectNode bounds = node.putObject("range").putObject(field);
    if (from != Long.MIN_VALUE) {
      bounds.put("gte", from);
    }
    if (to != Long.MAX_VALUE) {
      bounds.put("lte", to);
    }
    return node;
  }

  static ObjectNode exists(String field) {
    ObjectNode node = ClusterConnection.object();
    node.putObject("exists").put("field", field);
    return node;
  }

  private static ObjectNode bool(BooleanQuery query) {
    ObjectNode node = ClusterConnection.object();
    ObjectNode bool = node.putObject("bool");
    boolean positive = false;
    for (BooleanClause clause : query.clauses()) {
      String occur = switch (clause.occur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      positive |= clause.occur() != BooleanClause.Occur.MUST_NOT;
      ArrayNode clauses = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
      clauses.add(translate(clause.query()));
    }
    if (!positive) {
      return leaf("match_none");
    }
    if (query.getMinimumNumberShouldMatch() > 0) {
      bool.put("minimum_should_match", query.getMinimumNumberShouldMatch());
    }
    return node;
  }

  private static ObjectNode phrase(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) {
      return leaf("match_none");
    }
    String field = phrase.getField();
    if (terms.length == 1) {
      return term(terms[0]);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      String word = terms[i].text();
      if (word.isEmpty() || word.equals(HOLE) || word.codePoints().anyMatch(Character::isWhitespace)) {
        return spanPhrase(phrase); // not a word the analyzer for analysed words would give back as it is
      }
      for (int hole = i == 0 ? 0 : positions[i] - positions[i - 1] - 1; hole > 0; hole--) {
        text.append(HOLE).append(' ');
      }
      text.append(word).append(' ');
    }
    ObjectNode phraseNode = ClusterConnection.object();
    ObjectNode match = phraseNode.putObject("match_phrase").putObject(field);
    match.put("query", text.toString().strip());
    match.put("analyzer", ANALYSED);
    match.put("slop", phrase.getSlop());
    // dfs_query_then_fetch sums a field's statistics over the shards that were asked for them, and
    // Lucene's phrase asks only on a shard holding one of its words, so a phrase of words rare in a
    // field scored as if the archive were those shards ("grand jury" in Brown A01's title: 177
    // articles counted of 279, 14.80 against 15.58). A term query asks on every shard: one for a
    // word never indexed makes every shard count the field and adds nothing to any score. (With a
    // boost of 0 the cluster asks no statistics for it, and the phrase scored as before.)
    ObjectNode node = ClusterConnection.object();
    ObjectNode bool = node.putObject("bool");
    bool.putArray("must").add(phraseNode);
    bool.putArray("should").add(term(new Term(field, HOLE)));
    return node;
  }

  /** The nearest spans to a phrase whose terms the analyzer for analysed words cannot carry. */
  private static ObjectNode spanPhrase(PhraseQuery phrase) {
    Term[][] alternatives = new Term[phrase.getTerms().length][];
    for (int i = 0; i < alternatives.length; i++) {
      alternatives[i] = new Term[] {phrase.getTerms()[i]};
    }
    return spanNear(phrase.getField(), alternatives, phrase.getPositions(), phrase.getSlop());
  }

  /**
   * Spans for a phrase of alternatives and positions: exact with a gap where a stop word stood, or
   * unordered within the slop and the gaps. The shipped analyzers never stack words at a position,
   * so the parser builds no {@link MultiPhraseQuery}; this keeps one meaning the same phrase if an
   * analyzer ever does.
   */
  private static ObjectNode spanNear(String field, Term[][] alternatives, int[] positions, int slop) {
    ObjectNode node = ClusterConnection.object();
    ObjectNode near = node.putObject("span_near");
    ArrayNode clauses = near.putArray("clauses");
    int gaps = 0;
    for (int i = 0; i < alternatives.length; i++) {
      int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
      if (gap > 0 && slop == 0) {
        clauses.addObject().putObject("span_gap").put(field, gap);
      }
      gaps += Math.max(0, gap);
      if (alternatives[i].length == 1) {
        clauses.addObject().putObject("span_term").put(field, alternatives[i][0].text());
      } else {
        ArrayNode or = clauses.addObject().putObject("span_or").putArray("clauses");
        for (Term term : alternatives[i]) {
          or.addObject().putObject("span_term").put(field, term.text());
        }
      }
    }
    near.put("slop", slop == 0 ? 0 : slop + gaps);
    near.put("in_order", slop == 0);
    return node;
  }

  private static ObjectNode termRange(TermRangeQuery range) {
    ObjectNode node = ClusterConnection.object();
    ObjectNode bounds = node.putObject("range").putObject(range.getField());
    BytesRef lower = range.getLowerTerm();
    BytesRef upper = range.getUpperTerm();
    if (lower != null) {
      bounds.put(range.includesLower() ? "gte" : "gt", lower.utf8ToString());
    }
    if (upper != null) {
      bounds.put(range.includesUpper() ? "lte" : "lt", upper.utf8ToString());
    }
    return node;
  }

  private static ObjectNode term(Term term) {
    ObjectNode node = ClusterConnection.object();
    node.putObject("term").putObject(term.field()).put("value", term.text());
    return node;
  }

  private static ObjectNode valued(String kind, Term term) {
    ObjectNode node = ClusterConnection.object();
    node.putObject(kind).putObject(term.field()).put("value", term.text());
    return node;
  }

  private static ObjectNode leaf(String kind) {
    ObjectNode node = ClusterConnection.object();
    node.putObject(kind);
    return node;
  }

  /** The query with a boost: every DSL query takes one at its top level. */
  private static ObjectNode boosted(ObjectNode query, float boost) {
    Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> only = query.properties().iterator().next();
    ObjectNode body = (ObjectNode) only.getValue();
    if (only.getKey().equals("term") || only.getKey().equals("prefix") || only.getKey().equals("wildcard")
        || only.getKey().equals("fuzzy") || only.getKey().equals("regexp") || only.getKey().equals("range")) {
      // Field-level queries carry their boost beside their value.
      ObjectNode field = (ObjectNode) body.elements().next();
      field.put("boost", field.path("boost").asDouble(1.0) * boost);
    } else {
      body.put("boost", body.path("boost").asDouble(1.0) * boost);
    }
    return query;
  }
}
