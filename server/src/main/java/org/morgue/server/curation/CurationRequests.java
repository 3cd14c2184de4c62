package org.morgue.server.curation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.curation.Applied;
import org.morgue.curation.ArticleCollection;
import org.morgue.curation.Curation;
import org.morgue.article.JsonProblems;
import org.morgue.curation.journal.CurationJournal;
import org.morgue.server.api.BodyMediaType;
import org.morgue.server.api.DeleteReason;
import org.morgue.server.api.ThemeFilterNames;
import org.morgue.server.http.CodedTags;
import org.morgue.server.http.Freshness;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.live.WriteAccess;
import org.morgue.search.FilterNames;
import org.morgue.search.SearchEngine;
import org.morgue.search.Facet;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * What every curation handler reads from a request the same way: the JSON body, the version named in
 * {@code If-Match}, the admitted curator, the reason; where the curation and the live index are; and
 * the one way a DELETE withdraws what curators keep ({@link #withdraw}).
 */
public final class CurationRequests {
  /** The largest body a curation request reads (an imported corrections file is the largest). */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** A version as a read's ETag gives it ({@code "v3"}, weak or not), or bare; its coding's mark is off. */
  private static final Pattern VERSION = Pattern.compile("(?:W/)?\"v?(\\d{1,18})(?:-[0-9a-f]{24})?\"|v?(\\d{1,18})");
  /**
   * Reads bodies with a repeated field refused: otherwise the last value silently wins (a trial's
   * {"name": "a", "name": "b"} made collection b), where a misspelt field is never ignored.
   */
  static final ObjectMapper JSON = CurationJournal.mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Optional<Curation> curation;
  private final Optional<LiveUpdates> live;

  public CurationRequests(Optional<Curation> curation, Optional<LiveUpdates> live) {
    this.curation = curation;
    this.live = live;
  }

  Curation curation() {
    return curation.orElseThrow(() -> new NotFoundResponse("this server keeps no curation"));
  }

  /** The live index curation writes go through; WriteAccess has admitted the request, so there is one. */
  LiveIndex index() {
    return live.orElseThrow(() -> new IllegalStateException("a curation write route without the WRITER role")).index();
  }

  static String curator(Context ctx) {
    String name = ctx.attribute(WriteAccess.CURATOR);
    if (name == null) {
      throw new IllegalStateException("a curation write route without the WRITER role");
    }
    return name;
  }

  /**
   * The curator a read names with a curator's token, if it names one: reads need no token, but one
   * sent says whose view to answer (a saved search's "new since your last run"). A token that is no
   * curator's reads as none.
   */
  Optional<String> reader(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null) {
      return Optional.empty();
    }
    return live.flatMap(updates -> updates.curators().admit(Optional.of(authorization)));
  }

  /**
   * The version a write expects, from {@code If-Match}; empty when it names none, {@link
   * Curation#ANY_VERSION} for {@code *} (the thing must exist).
   */
  static Optional<Long> expectedVersion(Context ctx) throws BadRequestException {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    if (header.strip().equals("*")) {
      return Optional.of(Curation.ANY_VERSION);
    }
    Matcher matcher = VERSION.matcher(CodedTags.withoutCoding(header.strip()));
    if (!matcher.matches()) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, "If-Match", "If-Match must be the ETag a read"
          + " answered, such as \"v3\", not '" + header.strip() + "'");
    }
    return Optional.of(Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
  }

  static String etag(long version) {
    return "\"v" + version + "\"";
  }

  /**
   * The entity tag of a read whose answer is made of the thing's version and of the index (a
   * collection's titles and removed articles, a saved search's matches): the version, for If-Match,
   * and a digest of the index's last commit and of {@code beside} (whatever else the answer shows),
   * so that a copy is not answered 304 once an article it lists has changed. A write may name it
   * in If-Match as it names the bare version.
   */
  static String readTag(long version, Optional<java.time.Instant> commit, String beside) {
    return "\"v" + version + "-" + Freshness.digest(commit.map(java.time.Instant::toString).orElse("") + "\n" + beside)
        + "\"";
  }

  /**
   * The JSON object a write sent, refused whole when it is not one or holds a field other than {@code
   * fields} and {@code reason}: a misspelt field ("titel", "removeActor") would otherwise be ignored,
   * and the write answered as done while it changed nothing the curator meant.
   */
  static JsonNode body(Context ctx, String... fields) throws BadRequestException, IOException {
    JsonNode node = body(ctx);
    onlyFields(node, "body", fields);
    return node;
  }

  /**
   * The status of a PUT or PATCH that wrote a correction or a record: 201 naming it in Location when
   * there was none before, as RFC 9110 (9.3.4) requires of a PUT that creates, else 200.
   */
  static void createdOrChanged(Context ctx, boolean created) {
    if (created) {
      ctx.status(201).header("Location", ctx.path());
    }
  }

  /** Refuses a field of {@code object} that is none of {@code fields} nor {@code reason}. */
  static void onlyFields(JsonNode object, String where, String... fields) throws BadRequestException {
    List<String> known = new ArrayList<>(List.of(fields));
    if (where.equals("body") && !known.contains("reason")) {
      known.add("reason");
    }
    for (String name : (Iterable<String>) object::fieldNames) {
      if (!known.contains(name)) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, where.equals("body") ? name : where, "unknown field '"
            + name + "'" + (where.equals("body") ? "" : " in '" + where + "'") + "; the fields are "
            + String.join(", ", known));
      }
    }
  }

  /** The JSON object a write sent, refused whole when it is not one. */
  static JsonNode body(Context ctx) throws BadRequestException, IOException {
    requireJson(ctx);
    byte[] bytes;
    try (InputStream in = ctx.bodyInputStream()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      // 413 as POST /api/articles answers it: a code always comes with its one status (developer's trial, session 40).
      throw new BadRequestException(ProblemCode.BODY_TOO_LARGE, "body", "the body is over " + MAX_BODY_BYTES
          / (1024 * 1024) + " MB (" + MAX_BODY_BYTES + " bytes); a curation change is a small JSON object");
    }
    if (bytes.length == 0) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "send a JSON object as the body");
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      Optional<String> repeated = JsonProblems.repeatedField(e);
      if (repeated.isPresent()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, repeated.get(), JsonProblems.inWords(e)
            + " in the body: give each field once, since only one of its values could be kept");
      }
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "the body is not JSON: " + JsonProblems.inWords(e));
    }
  }

  /** Refuses, with a 415, a body that is not JSON by its type, charset or coding (the rule every write follows). */
  private static void requireJson(Context ctx) throws BadRequestException {
    BodyMediaType.of(ctx, Set.of(BodyMediaType.JSON), "JSON, sent with Content-Type: application/json");
  }

  /** An optional text field of a body. */
  static Optional<String> text(JsonNode body, String field) throws BadRequestException {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, field, "'" + field + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  /** An optional list of strings of a body. */
  static List<String> texts(JsonNode body, String field) throws BadRequestException {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, field, "'" + field + "' must be a list of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, field, "'" + field + "' must be a list of strings");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  /**
   * The reason a DELETE gives: {@code ?reason=}, or a body {@code {"reason": "..."}}, which many
   * clients send with a DELETE (it was dropped unseen, and the change recorded without its reason);
   * read as an article's DELETE reads it ({@link DeleteReason}).
   */
  static Optional<String> deleteReason(Context ctx) throws BadRequestException, IOException {
    return DeleteReason.of(ctx);
  }

  /** One of the curation's withdrawals: a collection or saved search deleted, a correction, pick or filing withdrawn. */
  @FunctionalInterface
  interface Withdrawal<T> {
    Applied<T> apply(Curation curation, String curator, String id, Optional<Long> expected, Optional<String> reason)
        throws IOException;
  }

  /**
   * A DELETE of what curators keep, once {@code id} is read from the path (and found, where the
   * handler checks): the version {@code If-Match} names and the reason, then the withdrawal through
   * the live index, which writes again the articles it alters, then 204.
   */
  <T> void withdraw(Context ctx, String id, Withdrawal<T> withdrawal) throws BadRequestException, IOException {
    Optional<Long> expected = expectedVersion(ctx);
    Optional<String> reason = deleteReason(ctx);
    index().curate(() -> withdrawal.apply(curation(), curator(ctx), id, expected, reason));
    ctx.status(204);
  }

  /**
   * How filters typed by hand are read over this archive: as the engine finds names written another
   * way, after the curators' renames, so that a saved search, link or export naming an actor or a
   * source by the name a curator changed (kept as an alias) still finds its articles, under the new name.
   * A collection filter is held when a collection has that id, though it has no articles yet; one that
   * names a collection by its name (what a librarian sees) is not, and is told the id. Without a
   * curation nothing says which collections exist, so every collection id is taken as given.
   */
  public FilterNames.Lookup filterNames(SearchEngine searcher) {
    return new FilterNames.Lookup() {
      @Override
      public List<String> named(String facet, String name) throws IOException {
        if (facet.equals(Facet.COLLECTION.id())) {
          return curation.isEmpty() || curation.get().collection(name).isPresent() ? List.of(name) : List.of();
        }
        if (facet.equals(Facet.ACTOR.id()) && curation.isPresent()) {
          String canonical = curation.get().canonicalName(name);
          if (!canonical.equals(name)) {
            return List.of(canonical);
          }
        }
        if (facet.equals(Facet.SOURCE.id()) && curation.isPresent()) {
          String canonical = curation.get().canonicalSource(name);
          if (!canonical.equals(name)) {
            return List.of(canonical);
          }
        }
        if (facet.equals(Facet.THEME.id())) {
          List<String> themes = THEMES.named(name);
          if (!themes.isEmpty()) {
            return themes;
          }
        }
        return searcher.facetValuesNamed(facet, name);
      }

      @Override
      public Optional<String> near(String facet, String name) {
        if (!facet.equals(Facet.COLLECTION.id()) || curation.isEmpty()) {
          return Optional.empty();
        }
        return curation.get().collectionNamed(name).map(ArticleCollection::id);
      }
    };
  }

  /** The shipped taxonomy's theme ids and IPTC codes, which a theme filter may name a theme by. */
  private static final ThemeFilterNames THEMES = new ThemeFilterNames(Curation.taxonomyThemes());

  /** The reason a write gives: the body's {@code reason}, else the query's. */
  static Optional<String> reason(Context ctx, JsonNode body) {
    JsonNode given = body == null ? null : body.get("reason");
    if (given != null && !given.isNull()) {
      return Optional.of(given.asText());
    }
    return Optional.ofNullable(ctx.queryParam("reason"));
  }

  /**
   * Search parameters given as a JSON object (the query string of /api/search as fields: a string or a
   * list of strings each), as the query-string map the search parameters are read from.
   */
  static Map<String, List<String>> searchParameters(JsonNode search, String field) throws BadRequestException {
    if (search == null || !search.isObject()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, field, "'" + field + "' must be an object of search"
          + " parameters, e.g. {\"q\": \"Tren de Aragua\", \"source\": [\"seed-articles\"]}");
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : search.properties()) {
      JsonNode value = entry.getValue();
      List<String> values = new ArrayList<>();
      if (value.isArray()) {
        for (JsonNode item : value) {
          values.add(item.asText());
        }
      } else if (value.isValueNode() && !value.isNull()) {
        values.add(value.asText());
      } else {
        throw new BadRequestException(ProblemCode.INVALID_BODY, field + "." + entry.getKey(), "'" + field + "."
            + entry.getKey() + "' must be a string or a list of strings");
      }
      if (entry.getKey().equals("cursor") || entry.getKey().equals("size") || entry.getKey().equals("facetLimit")) {
        // Where a page starts and how long it is belong to a read, not to the search; dropping them
        // silently let a client think it had kept them (an API trial, session 38), and a collection
        // filled "by search" with "size": 5 took every match.
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, field + "." + entry.getKey(), "'" + field + "."
            + entry.getKey() + "' is not kept: '" + field + "' says what to search (q, the filters, from, to, sort,"
            + " group); a page's start and length are chosen by each read of it");
      }
      parameters.put(entry.getKey(), values);
    }
    return parameters;
  }

  /** A non-negative integer query parameter with a default and a ceiling. */
  static int intParameter(Context ctx, String name, int fallback, int max) throws BadRequestException {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < 0 || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, name, "'" + name + "' must be a whole number from 0 to "
          + max + ", not '" + value + "'");
    }
  }
}
