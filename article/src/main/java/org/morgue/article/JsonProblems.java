package org.morgue.article;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is wrong with a text that is not the JSON expected, in a writer's words and with where it is.
 * Jackson's own messages name its classes and settings ("bound as `com.fasterxml...JsonNode`",
 * "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)"), which a librarian
 * posting an article or a curator sending a body cannot act on.
 */
public final class JsonProblems {
  private static final Pattern OPEN = Pattern.compile("close marker for (Object|Array) \\(start marker at .*?line: (\\d+), column: (\\d+)");
  private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '(.{1,40}?)'");
  private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\): was expecting (.{1,80})$");
  private static final Pattern CONTROL = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{1,80}?)'");
  /** Where a message starts to speak of Jackson itself rather than of the text. */
  private static final Pattern INTERNALS = Pattern.compile("\\s*(\\(bound as|\\(start marker|\\[Source|`|for `|: not allowed (as per|when)).*$", Pattern.DOTALL);

  private JsonProblems() {}

  /** The longest answer: a token or a message can be as long as the text. */
  private static final int MAX_CHARS = 300;

  /** The problem with the text, such as "'not' is not a JSON value (line 1, column 1): ...". */
  public static String inWords(JsonProcessingException e) {
    String words = described(e);
    return words.length() <= MAX_CHARS ? words : words.substring(0, MAX_CHARS) + "...";
  }

  /**
   * The field a text gives twice in one object, when that is what is wrong with it (read with
   * STRICT_DUPLICATE_DETECTION on): without that setting the last value silently wins, and a reader
   * that refuses a misspelt field must not drop a repeated one unseen.
   */
  public static Optional<String> repeatedField(JsonProcessingException e) {
    Matcher matcher = DUPLICATE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * The same for one line of JSON Lines, whose line number the caller gives: a place in it is a
   * column ("line 4: ... (column 1)", not "line 4: ... (line 1, column 1)").
   */
  public static String inLine(JsonProcessingException e) {
    return inWords(e).replace("(line 1, column ", "(column ").replace("at line 1, column ", "at column ");
  }

  private static String described(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return fieldProblem(mapping);
    }
    String at = at(e.getLocation());
    Matcher open = OPEN.matcher(message);
    if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
      return open.find()
          ? "it ends before the " + open.group(1).toLowerCase(java.util.Locale.ROOT) + " opened at line " + open.group(2)
              + ", column " + open.group(3) + " is closed"
          : "it ends in the middle of a value" + at;
    }
    Matcher matcher = UNRECOGNIZED.matcher(message);
    if (matcher.find()) {
      return "'" + matcher.group(1) + "' is not a JSON value" + at + ": text goes in double quotes, and the only bare"
          + " words are true, false and null";
    }
    matcher = UNEXPECTED.matcher(message);
    if (matcher.find()) {
      return "unexpected '" + matcher.group(1) + "'" + at + ": expected " + matcher.group(2);
    }
    matcher = CONTROL.matcher(message);
    if (matcher.find()) {
      return "a control character (code " + matcher.group(1) + ", such as a line break) inside a string" + at
          + ": write it as an escape, such as \\n";
    }
    matcher = DUPLICATE.matcher(message);
    if (matcher.find()) {
      return "field '" + matcher.group(1) + "' appears twice" + at;
    }
    if (message.startsWith("Trailing token")) {
      return "more follows the JSON value" + at + ": send one value";
    }
    String plain = INTERNALS.matcher(message.lines().findFirst().orElse("")).replaceAll("").strip();
    return (plain.isEmpty() ? "not readable as JSON" : plain) + at;
  }

  /** A value of the wrong kind, or a field not known, named by its path in the document. */
  private static String fieldProblem(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + path + "'" + (unknown.getKnownPropertyIds() == null ? ""
          : "; the fields there are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
              .collect(Collectors.joining(", ")));
    }
    return "'" + path + "' holds a value of the wrong kind";
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
