package org.morgue.engine.lucene.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/**
 * What people type into a search box, read before and after Lucene's classic parser: a slash inside
 * a word ({@code 9/11}, {@code HIV/AIDS}, {@code 24/7}) is part of the word, not the start of a
 * regular expression; a query that is not valid syntax is described in the user's words ("unbalanced
 * quote after 'border'") and can be searched as its plain words instead.
 */
final class TypedQuery {
  /**
   * A word as a person reads it: letters and digits (with combining marks), joined inside by an
   * apostrophe, a full stop, a hyphen or a slash ({@code Trump's}, {@code U.S}, {@code 9/11}).
   */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:['’./\\-][\\p{L}\\p{N}\\p{M}]+)*");
  /** Words that are syntax to the parser, not something to search for, when written in capitals. */
  private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "NOT", "TO");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "&&", "||", "+", "-", "!");

  private TypedQuery() {}

  /** Curly and low double quotes, as word processors and phones type them, and guillemets. */
  private static final Pattern CURLY_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]");

  /**
   * Curly single quotes around words (‘grand jury’), as British headlines quote: the opening one at
   * a word's start, the closing one at a word's end. A closing quote inside a word is an apostrophe
   * (‘Maduro’s regime’), so it neither opens nor closes.
   */
  private static final Pattern SINGLE_QUOTED = Pattern.compile(
      "(?<![\\p{L}\\p{N}\\p{M}])\u2018((?:[^\u2018\u2019]|\u2019(?=[\\p{L}\\p{N}]))+?)\u2019(?![\\p{L}\\p{N}\\p{M}])");

  /**
   * The query with the punctuation people paste read as they mean it: curly double quotes (“grand
   * jury”), guillemets («grand jury») and curly single quotes around words (‘grand jury’) are quotes, and a colon followed by a space ({@code Venezuela: Maduro}, a pasted headline)
   * is punctuation, not a field, unless the word before it names one ({@code title: jury}). A colon
   * written against its word ({@code Venezuela:Maduro}) still names a field, and an unknown one is
   * refused, so a typo in a field's name is never searched as something else.
   */
  static String punctuationAsTyped(String text) {
    String quoted = SINGLE_QUOTED.matcher(CURLY_QUOTES.matcher(text).replaceAll("\"")).replaceAll("\"$1\"");
    if (quoted.indexOf(':') < 0) {
      return quoted;
    }
    StringBuilder out = new StringBuilder(quoted.length());
    boolean inQuotes = false;
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        out.append(c).append(quoted.charAt(++i));
        continue;
      }
      if (c == '"') {
        inQuotes = !inQuotes;
      }
      // "http://example.com", pasted: the colon of a web address is no field either.
      boolean spaced = i + 1 == quoted.length() || Character.isWhitespace(quoted.charAt(i + 1))
          || quoted.startsWith("//", i + 1);
      if (c == ':' && !inQuotes && spaced) {
        int start = i;
        while (start > 0 && Character.isLetter(quoted.charAt(start - 1))) {
          start--;
        }
        if (ArchiveQueryParser.FIELDS.contains(quoted.substring(start, i)) && !quoted.startsWith("//", i + 1)) {
          out.append(':');
          while (i + 1 < quoted.length() && Character.isWhitespace(quoted.charAt(i + 1))) {
            i++; // "title: jury" is title:jury
          }
        } else {
          out.append(' ');
        }
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The query with "or" between two terms, outside quotes, read as the operator: people type "Cuba or
   * Soviet" meaning either, and the parser's operators are capitals only, so it searched both, "or"
   * being too common a word to search. "and" needs nothing (terms are all required), and "not" stays
   * a word ("not guilty").
   */
  static String lowerCaseOr(String text) {
    if (!text.toLowerCase(java.util.Locale.ROOT).contains(" or ")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      // "Or" too, as a capital typed by habit: it was dropped as a common word, and "Cuba Or Soviet" found both.
      if (!quoted && text.regionMatches(true, i, " or ", 0, 4) && i > 0 && !Character.isWhitespace(text.charAt(i - 1))
          && i + 4 < text.length() && !Character.isWhitespace(text.charAt(i + 4))) {
        out.append(" OR ");
        i += 3;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A decade in words or cut short: "sixties", "the '60s", "80s". */
  private static final Pattern DECADE = Pattern.compile(
      "(?<![\\p{L}\\p{N}\\p{M}:\\\\])(?:(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
          + "|['’‘]?([2-9]0)['’]?s)(?![\\p{L}\\p{N}\\p{M}'’])", Pattern.CASE_INSENSITIVE);
  private static final List<String> DECADE_WORDS =
      List.of("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties");

  /**
   * The query with each decade typed in words or cut short, outside quotes, written as the archive
   * writes it: "sixties" and "'60s" are "1960s". "sixties" was searched as its stem, the stem of
   * "sixty", and found 42 articles led by "sixty billion dollars"; "'60s" found nothing (a
   * journalist's trial, session 38). Quoted, the word is searched as typed. The twentieth century is
   * meant, as news copy means it.
   */
  static Optional<String> decadesAsYears(String text) {
    Matcher decade = DECADE.matcher(text);
    if (!decade.find()) {
      return Optional.empty();
    }
    java.util.BitSet outside = unquoted(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    boolean rewritten = false;
    do {
      if (outside.get(decade.start())) {
        String tens = decade.group(1) != null
            ? String.valueOf(20 + 10 * DECADE_WORDS.indexOf(decade.group(1).toLowerCase(java.util.Locale.ROOT)))
            : decade.group(2);
        out.append(text, copied, decade.start()).append("19").append(tens).append('s');
        copied = decade.end();
        rewritten = true;
      }
    } while (decade.find());
    return rewritten ? Optional.of(out.append(text.substring(copied)).toString()) : Optional.empty();
  }

  /**
   * The characters of a query that stand outside double quotes and are not escaped: where a word is
   * read as typed syntax, and where a rewrite of what people type may apply.
   */
  static java.util.BitSet unquoted(String text) {
    java.util.BitSet outside = new java.util.BitSet(text.length());
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        outside.set(i);
      }
    }
    return outside;
  }


  /** "not" as a word of its own, in any case but the operator's capitals. */
  private static final Pattern WORD_NOT = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}'’:\\\\])(?!NOT)[Nn][Oo][Tt](?![\\p{L}\\p{N}\\p{M}'’])");

  /**
   * The query without the "not" typed as a word outside quotes, when it has one: too common a word to
   * search, it was left out without a word, so "Cuba not missiles" found the articles naming both,
   * the opposite of what a journalist meant (trial, session 38). Read as the operator it would turn
   * "found not guilty" upside down instead, so it stays a word, and the answer says it was left out
   * and how to exclude ({@code NOT}).
   */
  static Optional<String> withoutWordNot(String text) {
    if (!text.toLowerCase(java.util.Locale.ROOT).contains("not")) {
      return Optional.empty();
    }
    java.util.BitSet outside = unquoted(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    Matcher word = WORD_NOT.matcher(text);
    while (word.find()) {
      if (outside.get(word.start())) {
        out.append(text, copied, word.start());
        copied = word.end();
      }
    }
    if (copied == 0) {
      return Optional.empty();
    }
    String words = out.append(text.substring(copied)).toString().strip().replaceAll("\\s{2,}", " ");
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }


  /**
   * The query with every slash that stands inside a word escaped, so the parser reads it as part of
   * the word. A slash opens a regular expression only where a term starts and only when a closing
   * slash ends the same term ({@code /colou?r/}); inside quotes and range brackets slashes are
   * already literal and are left alone.
   */
  static String slashesInWords(String text) {
    if (text.indexOf('/') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean quoted = false;
    int ranges = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append(c);
        if (i + 1 < text.length()) {
          out.append(text.charAt(++i));
        }
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == '{')) {
        ranges++;
      } else if (!quoted && (c == ']' || c == '}')) {
        ranges = Math.max(0, ranges - 1);
      } else if (!quoted && ranges == 0 && c == '/') {
        int close = termStart(text, i) ? wholeRegexEnd(text, i) : -1;
        if (close > 0) {
          out.append(text, i, close + 1);
          i = close;
        } else {
          out.append("\\/");
        }
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether a term starts at {@code i}: at the start, after white space, a bracket, a field's colon or a modifier. */
  private static boolean termStart(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return Character.isWhitespace(before) || "(:+-!".indexOf(before) >= 0;
  }

  /** Where the regular expression opened at {@code open} closes, if its closing slash also ends the term; else -1. */
  private static int wholeRegexEnd(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '/') {
        boolean termEnds = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
            || ")^~".indexOf(text.charAt(i + 1)) >= 0;
        return termEnds && i > open + 1 ? i : -1;
      }
    }
    return -1;
  }

  /**
   * What follows a {@code ~} that is no number, outside quotes ({@code jury~zzz}): Lucene's parser
   * takes the whole run as the operator and drops the word, so the query would run as {@code jury~}
   * and never say that a word was lost. Empty when every {@code ~} is followed by a number, or by
   * nothing.
   */
  static Optional<String> strayAfterTilde(String text) {
    return firstStray(text, '~', AFTER_TILDE, after -> after.group(2).isEmpty() ? Optional.empty()
        : Optional.of("'~' takes a number: edits after a word (jury~1), words apart after a phrase"
            + " (\"grand jury\"~3), not '" + after.group(2) + "'"));
  }

  /** The most edits a word's {@code ~} can allow: Lucene's Levenshtein automata stop at two. */
  static final int MAX_EDITS = 2;

  /** A word, its {@code ~} and the edits typed after it ({@code jury~99}); a phrase's {@code ~} is its slop. */
  private static final Pattern WORD_EDITS = Pattern.compile("([\\p{L}\\p{N}\\p{M}]+)~([0-9]+(?:\\.[0-9]+)?)(?![0-9.])");

  /**
   * A query whose words ask for more edits than {@link #MAX_EDITS}, with those asked for as that many,
   * and the words as typed: Lucene runs {@code jury~99} as {@code jury~2} without a word, so it found
   * 277 of the 279 articles as if that were the question (a journalist's trial, session 47). Empty when
   * no word asks for more.
   */
  static Optional<EditsCapped> editsCapped(String text) {
    if (text.indexOf('~') < 0) {
      return Optional.empty();
    }
    java.util.BitSet outside = unquoted(text);
    Matcher edits = WORD_EDITS.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    List<String> asked = new ArrayList<>();
    int copied = 0;
    while (edits.find()) {
      if (outside.get(edits.end(1)) && new java.math.BigDecimal(edits.group(2)).compareTo(java.math.BigDecimal.valueOf(MAX_EDITS)) > 0) {
        asked.add(edits.group());
        out.append(text, copied, edits.end(1)).append('~').append(MAX_EDITS);
        copied = edits.end();
      }
    }
    return asked.isEmpty() ? Optional.empty()
        : Optional.of(new EditsCapped(out.append(text.substring(copied)).toString(), List.copyOf(asked)));
  }

  /**
   * A query with its words' edits capped ({@link #editsCapped}).
   *
   * @param query the query with each {@code ~} past {@link #MAX_EDITS} written as {@code ~2}
   * @param asked each word as typed with the edits it asked for ({@code jury~99})
   */
  record EditsCapped(String query, List<String> asked) {
    /** Why the query was searched as {@link #query}, in the user's terms. */
    String reason() {
      return "a word can be at most " + MAX_EDITS + " edits away ('~" + MAX_EDITS + "'), so " + String.join(", ", asked)
          + (asked.size() == 1 ? " was" : " were") + " searched with ~" + MAX_EDITS;
    }
  }

  /** After a {@code ~}: an optional number, then whatever is glued to it up to a space or a bracket. */
  private static final Pattern AFTER_TILDE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)?([^\\s()^\"]*)");

  /** The largest boost a query may give a word: far past any useful weight, well inside a float. */
  static final int MAX_BOOST = 1000;

  /**
   * What is wrong with a {@code ^} outside quotes, when something is: Lucene's parser reads only the
   * digits of {@code jury^1e5} as the boost and searches {@code e5} as another word, so the query
   * silently found nothing, and a boost too large for a float failed the search (developer's trial,
   * session 40). A boost takes a plain number from 0 to {@value #MAX_BOOST}.
   */
  static Optional<String> strayBoost(String text) {
    return firstStray(text, '^', AFTER_BOOST, after -> !after.group(2).isEmpty() || after.group(1) != null
        && new java.math.BigDecimal(after.group(1)).compareTo(java.math.BigDecimal.valueOf(MAX_BOOST)) > 0
        ? Optional.of("'^' takes a plain number from 0 to " + MAX_BOOST + " to weigh the word before it (jury^2),"
            + " not '" + after.group() + "'")
        : Optional.empty());
  }

  /**
   * The first problem {@code judge} finds with what follows an {@code operator} outside quotes, read
   * by {@code after} (which matches at any position, possibly nothing).
   */
  private static Optional<String> firstStray(String text, char operator, Pattern after,
      java.util.function.Function<Matcher, Optional<String>> judge) {
    if (text.indexOf(operator) < 0) {
      return Optional.empty();
    }
    java.util.BitSet outside = unquoted(text);
    for (int i = outside.nextSetBit(0); i >= 0; i = outside.nextSetBit(i + 1)) {
      if (text.charAt(i) == operator) {
        Matcher following = after.matcher(text).region(i + 1, text.length());
        Optional<String> problem = following.lookingAt() ? judge.apply(following) : Optional.empty();
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** After a {@code ^}: an optional plain number, then whatever is glued to it up to a space or a bracket. */
  private static final Pattern AFTER_BOOST = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)?([^\\s()^\"~]*)");

  /** A {@code ~} or {@code ^} that takes no number it can use; empty when every one does. */
  static Optional<String> strayOperand(String text) {
    return strayAfterTilde(text).or(() -> strayBoost(text));
  }

  /**
   * The plain words of a query, in order, joined by spaces: what a person meant to search for when
   * the syntax around them cannot be read. Operators in capitals and the names of fields before a
   * colon are syntax, not words, and are left out.
   */
  static String plainWords(String text) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      String found = word.group();
      if (boostValue(text, word.start())) {
        continue; // a boost's value, glued to the word or phrase it weighs: a weight, not a word to search
      }
      boolean fieldName = word.end() < text.length() && text.charAt(word.end()) == ':'
          && ArchiveQueryParser.FIELDS.contains(found);
      if (!OPERATOR_WORDS.contains(found) && !fieldName) {
        words.add(found);
      }
    }
    return String.join(" ", words);
  }

  /**
   * Whether the word starting at {@code start} is the value of a {@code ^} glued to the word or phrase
   * before it, signed or not: {@code jury^-1} had been searched as {@code jury 1}, requiring a number
   * the person never meant to search, where {@code jury^abc} was searched as {@code jury}.
   */
  private static boolean boostValue(String text, int start) {
    int caret = start - 1;
    if (caret > 0 && (text.charAt(caret) == '-' || text.charAt(caret) == '+')) {
      caret--;
    }
    return caret > 0 && text.charAt(caret) == '^' && !Character.isWhitespace(text.charAt(caret - 1));
  }

  /**
   * What is wrong with a query the parser could not read, in the user's terms and saying where, when
   * the problem is its syntax; empty when the parser refused it for another reason (an unknown field,
   * a bad date, a bound), which the exception's own message already says.
   */
  static Optional<String> syntaxProblem(String text, ParseException parsed) {
    Throwable cause = parsed.getCause() == null ? parsed : parsed.getCause();
    boolean grammar = cause instanceof ParseException p && p.currentToken != null;
    if (!grammar && !(cause instanceof TokenMgrError)) {
      return Optional.empty();
    }
    return Optional.of(unbalancedQuote(text)
        .or(() -> unbalancedBracket(text))
        .or(() -> danglingEscape(text))
        .orElseGet(() -> grammar ? misplacedToken(text, ((ParseException) cause).currentToken)
            : "the query cannot be read" + after(lastWord(text))));
  }

  private static Optional<String> unbalancedQuote(String text) {
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        open = open < 0 ? i : -1;
      }
    }
    if (open < 0) {
      return Optional.empty();
    }
    Optional<String> firstInside = firstWord(text.substring(open + 1));
    Optional<String> last = lastWord(text);
    if (firstInside.isEmpty()) {
      return Optional.of("unbalanced quote" + after(lastWord(text.substring(0, open))));
    }
    String opened = firstInside.equals(last) ? "" : " (the quote before '" + firstInside.get() + "' is never closed)";
    return Optional.of("unbalanced quote" + after(last) + opened);
  }

  private static Optional<String> unbalancedBracket(String text) {
    Deque<Integer> open = new ArrayDeque<>();
    java.util.BitSet outside = unquoted(text);
    for (int i = outside.nextSetBit(0); i >= 0; i = outside.nextSetBit(i + 1)) {
      char c = text.charAt(i);
      if ("([{".indexOf(c) >= 0) {
        open.push(i);
      } else if (")]}".indexOf(c) >= 0) {
        boolean matches = !open.isEmpty() && (c == ')' ? text.charAt(open.peek()) == '(' : text.charAt(open.peek()) != '(');
        if (!matches) {
          return Optional.of("unbalanced bracket: the '" + c + "'" + after(lastWord(text.substring(0, i)))
              + " closes nothing");
        }
        open.pop();
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    int first = open.getLast();
    Optional<String> inside = firstWord(text.substring(first + 1));
    String where = inside.map(word -> " before '" + word + "'").orElse(after(lastWord(text.substring(0, first))));
    return Optional.of("unbalanced bracket: the '" + text.charAt(first) + "'" + where + " is never closed");
  }

  private static Optional<String> danglingEscape(String text) {
    String trimmed = text.stripTrailing();
    int slashes = 0;
    while (slashes < trimmed.length() && trimmed.charAt(trimmed.length() - 1 - slashes) == '\\') {
      slashes++;
    }
    return slashes % 2 == 1 ? Optional.of("a '\\' at the end escapes nothing") : Optional.empty();
  }

  /** The grammar's complaint, by the token it stopped at and the one before it. */
  private static String misplacedToken(String text, Token current) {
    Token next = current.next;
    String before = current.image == null || current.kind == QueryParserConstants.EOF ? "" : current.image;
    if (next == null || next.kind == QueryParserConstants.EOF) {
      if (before.isEmpty()) {
        return "the query has nothing to search";
      }
      if (before.equals(":")) {
        int colon = text.lastIndexOf(':');
        return "'" + lastWord(text.substring(0, colon)).orElse("") + ":' has nothing after it to search";
      }
      if (OPERATORS.contains(before)) {
        return "'" + before + "' at the end has nothing after it";
      }
      return "the query ends too soon after '" + before + "'";
    }
    String token = next.image;
    if (token.equals("^") || token.equals("~")) {
      return "'" + token + "' must follow a word or a phrase" + (before.isEmpty() ? ", not start the query" : "");
    }
    if (before.isEmpty()) {
      return "the query cannot start with '" + token + "'";
    }
    if (before.equals(":")) {
      int colon = text.lastIndexOf(':', Math.max(0, next.beginColumn - 1));
      return "'" + lastWord(text.substring(0, Math.max(0, colon))).orElse("") + ":' must be followed by a word, a"
          + " phrase or a range, not '" + token + "'";
    }
    return "'" + token + "' cannot follow '" + before + "'";
  }

  private static String after(Optional<String> word) {
    return word.map(w -> " after '" + w + "'").orElse("");
  }

  private static Optional<String> firstWord(String text) {
    Matcher word = WORD.matcher(text);
    return word.find() ? Optional.of(word.group()) : Optional.empty();
  }

  private static Optional<String> lastWord(String text) {
    Matcher word = WORD.matcher(text);
    String last = null;
    while (word.find()) {
      last = word.group();
    }
    return Optional.ofNullable(last);
  }
}
