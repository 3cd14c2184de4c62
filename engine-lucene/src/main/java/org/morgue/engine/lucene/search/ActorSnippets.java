package org.morgue.engine.lucene.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Mention;
import org.morgue.article.Span;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.Snippet;

/**
 * The snippet of a hit that the query matched through an actor alone: the sentence where the actor
 * is first named in the body, the mention marked. "Cuba" finds an article on "the Cuban crisis" by
 * its actor Cuba, and the body's lead would not say why it is there (a journalist's trial: four hits
 * of "Cuba" in the 1960s showed four leads without the word).
 *
 * <p>Used by both engines where the highlighter finds no passage in the body, so a hit reads the
 * same on either. Thread-safe.
 */
public final class ActorSnippets {
  /** How much of a long sentence either side of the mention is shown, at most. */
  private static final int CONTEXT_CHARS = 120;

  private final Analyzer analyzer;
  private final SentenceSplitter sentences;

  public ActorSnippets(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.sentences = SentenceSplitter.fromResources();
  }

  /**
   * Whether the query searches the actor field at all: only then can an actor explain a hit, and
   * only then is the article's enrichment worth reading.
   */
  static boolean searchesActors(Query query) {
    return !actorTerms(query).isEmpty();
  }

  /** The sentence naming the first actor, most salient first, that the query's actor words name. */
  public Optional<Snippet> of(Query query, EnrichedArticle enriched) {
    Set<String> terms = actorTerms(query);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    Article article = enriched.article();
    if (article.blocks().isEmpty()) {
      return Optional.empty();
    }
    int bodyStart = article.blockSpans().get(0).start();
    // An actor the query names in full first: actor:"Martin Luther King Jr." showed Bush's 2006
    // sentence on Coretta Scott King, whose name shares "King" and who ranks first (a journalist's
    // trial, session 38). Failing that, any actor a word of the query names, as before.
    List<Set<String>> units = actorUnits(query);
    for (boolean inFull : new boolean[] {true, false}) {
      for (Actor actor : enriched.enrichment().actors()) {
        boolean asked = inFull
            ? namedInFull(actor.name(), units) || actor.aliases().stream().anyMatch(alias -> namedInFull(alias, units))
            : named(actor.name(), terms) || actor.aliases().stream().anyMatch(alias -> named(alias, terms));
        if (!asked) {
          continue;
        }
        for (Mention mention : actor.mentions()) {
          if (mention.start() >= bodyStart) {
            return Optional.of(sentenceAround(article, mention));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where the actors the query names in full stand in the article, in text order: every mention of
   * an actor whose name, or one of whose other names, the query's actor words spell out whole, no
   * phrase of them reaching past it. {@code JFK} names John F. Kennedy by another name, and his
   * mention "President Kennedy" is why the article matched; {@code states} alone names no actor,
   * though "United States" holds it, nor does {@code actor:"U.S. government"} name the United States
   * by its "U.S.".
   */
  public List<Span> mentionsNamed(Query query, EnrichedArticle enriched) {
    List<Set<String>> units = actorUnits(query);
    if (units.isEmpty()) {
      return List.of();
    }
    List<Span> spans = new ArrayList<>();
    for (Actor actor : enriched.enrichment().actors()) {
      if (namedInFull(actor.name(), units) || actor.aliases().stream().anyMatch(alias -> namedInFull(alias, units))) {
        actor.mentions().forEach(mention -> spans.add(new Span(mention.start(), mention.end())));
      }
    }
    spans.sort(java.util.Comparator.comparingInt(Span::start));
    return spans;
  }

  /** The query's actor words as it asks for them: each word alone, each phrase's words together. */
  private static List<Set<String>> actorUnits(Query query) {
    List<Set<String>> units = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        Set<String> unit = new HashSet<>();
        for (Term term : terms) {
          if (term.field().equals(ArchiveSchema.ACTOR)) {
            unit.add(term.text());
          }
        }
        if (!unit.isEmpty()) {
          units.add(unit);
        }
      }

      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return occur == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
    return units;
  }

  /** Whether the units spell out every word of the name, and none of them reaches past it. */
  private boolean namedInFull(String name, List<Set<String>> units) {
    Set<String> words = new HashSet<>(AnalysedTerms.of(analyzer, ArchiveSchema.ACTOR, name));
    if (words.isEmpty()) {
      return false;
    }
    Set<String> covered = new HashSet<>();
    for (Set<String> unit : units) {
      if (words.containsAll(unit)) {
        covered.addAll(unit);
      } else if (unit.stream().anyMatch(words::contains)) {
        return false;
      }
    }
    return covered.equals(words);
  }

  private static Set<String> actorTerms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    Set<String> words = new HashSet<>();
    for (Term term : terms) {
      if (term.field().equals(ArchiveSchema.ACTOR)) {
        words.add(term.text());
      }
    }
    return words;
  }

  /** Whether a word of the actor's name, analysed as the actor field is, is one the query searched. */
  private boolean named(String name, Set<String> terms) {
    return AnalysedTerms.of(analyzer, ArchiveSchema.ACTOR, name).stream().anyMatch(terms::contains);
  }

  /** The sentence holding the mention, cut to {@link #CONTEXT_CHARS} either side, the mention marked. */
  private Snippet sentenceAround(Article article, Mention mention) {
    String text = article.text();
    Span sentence = new Span(mention.start(), mention.end());
    for (Span block : article.blockSpans()) {
      if (block.start() <= mention.start() && mention.start() < block.end()) {
        for (Span candidate : sentences.split(text, block)) {
          if (candidate.start() <= mention.start() && mention.start() < candidate.end()) {
            sentence = candidate;
          }
        }
      }
    }
    int start = Math.max(sentence.start(), mention.start() - CONTEXT_CHARS);
    int end = Math.min(sentence.end(), mention.end() + CONTEXT_CHARS);
    start = start > sentence.start() ? Math.min(wordStart(text, start), mention.start()) : start;
    end = end < sentence.end() ? Math.max(wordEnd(text, end), mention.end()) : end;
    List<Snippet.Part> parts = new ArrayList<>();
    String before = text.substring(start, mention.start());
    parts.add(new Snippet.Part((start > sentence.start() ? "\u2026 " : "") + before, false));
    parts.add(new Snippet.Part(text.substring(mention.start(), Math.min(mention.end(), text.length())), true));
    String after = text.substring(Math.min(mention.end(), end), end).stripTrailing();
    parts.add(new Snippet.Part(after + (end < sentence.end() ? " \u2026" : ""), false));
    parts.removeIf(part -> part.text().isEmpty());
    return new Snippet(parts);
  }

  /** The start of the word at or after {@code at}, so a cut does not halve a word. */
  private static int wordStart(String text, int at) {
    int space = text.indexOf(' ', at);
    return space < 0 ? at : space + 1;
  }

  /** The end of the word at or before {@code at}. */
  private static int wordEnd(String text, int at) {
    int space = text.lastIndexOf(' ', at);
    return space < 0 ? at : space;
  }
}
