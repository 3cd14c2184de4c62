package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.morgue.search.FilterNames;
import org.morgue.search.SearchEngine;
import org.morgue.search.IndexStats;
import org.morgue.search.SearchRequest;
import org.morgue.server.export.ArticleExport;
import org.morgue.server.export.ExportFormat;
import org.morgue.server.export.ExportJson;
import org.morgue.server.export.Provenance;
import org.morgue.server.http.AcceptHeader;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.http.Vary;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/export}: every article matching the search parameters, streamed as CSV, JSON Lines
 * or RIS, one row per story (its first match in the sort order) unless {@code group=articles}; every
 * row names its story and how many versions it has. {@code size} and {@code facetLimit} are accepted
 * and ignored. An actor, theme or source the archive holds under no name, or the id of no collection, is refused
 * ({@link ProblemCode#UNKNOWN_FILTER_VALUE}), with the names held nearest.
 */
public final class ExportHandler implements Handler {
  /** The stamp in an export's file name, {@code 20260102T030405Z}. */
  public static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SearchEngine searcher;
  /** How filter values typed by hand are read: see {@link FilterNames}. */
  private final FilterNames.Lookup names;
  private final String version;
  private final Freshness freshness;
  private final PublicAddress address;

  public ExportHandler(SearchEngine searcher, FilterNames.Lookup names, String version, Freshness freshness,
      PublicAddress address) {
    this.names = names;
    this.address = address;
    this.searcher = searcher;
    this.version = version;
    this.freshness = freshness;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    // The same address answers in the format its Accept header names (or refuses without one): caches
    // keep a copy per header, and each format has an entity tag of its own.
    Vary.add(ctx, "Accept");
    ExportFormat format = format(params.remove("format"), ctx.header("Accept"));
    SearchParameters.refusePageShaping(params, "/api/export", "format", "answers every match");
    SearchRequest request = SearchParameters.parse(params, names);
    refuseUnknownFilters(FilterNames.unheld(names, searcher, request));
    // Counting first also rejects a bad query while the response can still be a 400.
    long matches = searcher.count(request);
    if (freshness.notModifiedAs(ctx, format.id())) {
      return;
    }
    IndexStats stats = searcher.stats();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Provenance provenance = new Provenance(request.query(), request.filters(), request.from(), request.to(),
        request.sort().id(), request.grouping().id(), matches, stats.articles(), stats.lastUpdate(), now, version);

    ctx.status(200)
        .contentType(format.mediaType())
        .header("Content-Disposition",
            "attachment; filename=\"morgue-export-" + FILE_STAMP.format(now) + "." + format.id() + "\"")
        .header("X-Morgue-Provenance", ExportJson.asciiHeader(provenance));
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      ArticleExport export = format.open(out, provenance, address.site(ctx));
      searcher.scanWithStories(request, export::write);
      export.finish();
    }
  }

  /**
   * Refuses an export filtered by a value the archive holds under no name. A search answers such a
   * value and names it beside its hits, and a feed goes on answering (a subscription must not break when
   * the last article naming an actor goes); but an export is a file a script or a librarian takes away
   * unread, and an empty or short file was the only sign of a typo (a librarian's actor=Kenedy).
   */
  private static void refuseUnknownFilters(List<FilterNames.Unheld> unheld) throws BadRequestException {
    if (unheld.isEmpty()) {
      return;
    }
    List<ApiViews.UnknownFilter> unknown = ApiViews.UnknownFilter.of(unheld);
    throw new BadRequestException(ProblemCode.UNKNOWN_FILTER_VALUE, String.join(" ", unknown.stream()
        .map(ApiViews.UnknownFilter::inWords).toList()) + " Nothing was exported: the file would leave out every article "
        + (unknown.size() == 1 ? "that value was" : "those values were") + " meant to find. Correct "
        + (unknown.size() == 1 ? "it" : "them") + " or leave " + (unknown.size() == 1 ? "it" : "them") + " out.", unknown);
  }

  /**
   * The format asked for: the {@code format} parameter's one known value, else, when there is no
   * parameter, the one the {@code Accept} header names itself, of highest quality, the first at equal quality (a
   * wildcard names none: a client that takes anything has not said which file it wants); else a 400
   * problem that says how to ask.
   */
  public static ExportFormat format(List<String> values, String accept) throws BadRequestException {
    String known = ExportFormat.idsInWords();
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return AcceptHeader.parse(accept).preferredNamed(ExportFormat.acceptedTypes()).flatMap(ExportFormat::byMediaType)
          .orElseThrow(() -> new BadRequestException(ProblemCode.MISSING_PARAMETER, "format",
          "'format' is required: " + known + " (or an Accept header naming text/csv, application/x-ndjson or"
              + " application/x-research-info-systems)"));
    }
    if (values.size() > 1) {
      throw new BadRequestException(ProblemCode.REPEATED_PARAMETER, "format", "'format' was given " + values.size() + " times; give it once");
    }
    return ExportFormat.byId(values.get(0)).orElseThrow(() ->
        new BadRequestException(ProblemCode.INVALID_PARAMETER, "format", "unknown format '" + values.get(0) + "'; use " + known));
  }
}
