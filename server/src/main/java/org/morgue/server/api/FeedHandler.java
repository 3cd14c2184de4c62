package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.morgue.article.ArticleSummary;
import org.morgue.search.FilterNames;
import org.morgue.search.Grouping;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;
import org.morgue.server.export.AtomFeed;
import org.morgue.server.export.ExportJson;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/feed}: an Atom feed of the {@value #ENTRIES} articles matching the search parameters
 * that were added to the archive last ({@link SortOrder#ADDED}: a reader following a search wants what
 * the archive took in, however old), one entry per story unless {@code group=articles} (a story's
 * entry is its matching version that sorts first). {@code size} asks for fewer or more entries (1 to
 * 100; an API trial, session 38, asked for 5 and got 50). The order is always that one, so {@code sort}
 * and {@code facetLimit} are accepted and ignored. A filter value the archive holds under no name is
 * answered, not refused (a subscription must keep working when the last article naming an actor goes),
 * and named in the {@value #UNKNOWN_FILTERS} header and in the feed's subtitle, which feed readers show.
 */
public final class FeedHandler implements Handler {
  public static final int ENTRIES = 50;
  /** The header naming a feed's filter values the archive holds under no name, as a search's unknownFilters. */
  public static final String UNKNOWN_FILTERS = "Morgue-Unknown-Filters";

  private final SearchEngine searcher;
  /** How filter values typed by hand are read: see {@link FilterNames}. */
  private final FilterNames.Lookup names;
  private final Freshness freshness;

  private final PublicAddress address;

  public FeedHandler(SearchEngine searcher, FilterNames.Lookup names, Freshness freshness, PublicAddress address) {
    this.names = names;
    this.address = address;
    this.searcher = searcher;
    this.freshness = freshness;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    Optional<String> named = name(params);
    params.remove(TITLE);
    SearchParameters.refusePageShaping(params, "/api/feed", "title", "lists the " + ENTRIES + " matches added last");
    SearchRequest request = request(params);
    List<ArticleSummary> articles = searcher.top(request, request.size());
    if (freshness.notModified(ctx)) {
      return;
    }
    String site = address.site(ctx);
    String unknown = unknownFilters(ctx, request);
    write(ctx, new AtomFeed(feedId(site, request), named.map(name -> "Morgue: " + name).orElseGet(() -> title(request)),
        unknown, address.requestUrl(ctx), site, site + "/" + pageQuery(ctx), lastUpdate()), articles);
  }

  /**
   * A saved search's feed, at the saved search's own address: the feed of its search under the name
   * its curator gave it, whose permanent id and {@code self} link are the saved search's. Behind a
   * redirect to {@code /api/feed} its {@code self} named the search of the day and its id changed with
   * every edit, so a feed reader that re-subscribes to {@code self}, as many do, stopped following the
   * saved search (a librarian's trial).
   *
   * @param permanent the saved search's address, relative to the site, which is also the feed's id
   * @param search its search parameters, with {@code size} where the reader asked for one
   * @param version changes whenever the saved search does, as {@code changed} says when it last did
   */
  public void saved(Context ctx, String permanent, String name, Map<String, List<String>> search, String page,
      String version, Instant changed) throws Exception {
    SearchRequest request = request(search);
    List<ArticleSummary> articles = searcher.top(request, request.size());
    if (freshness.notModified(ctx, "saved search " + permanent + "\n" + version, changed)) {
      return;
    }
    String site = address.site(ctx);
    Instant archived = lastUpdate();
    Instant updated = archived.isAfter(changed) ? archived : changed;
    String unknown = unknownFilters(ctx, request);
    write(ctx, new AtomFeed(site + permanent, "Morgue: " + name, unknown, address.requestUrl(ctx), site, site + page,
        updated), articles);
  }

  /** The feed's search: newest additions first, {@value #ENTRIES} entries unless it asks for a size. */
  private SearchRequest request(Map<String, List<String>> params) throws BadRequestException, java.io.IOException {
    SearchRequest asked = SearchParameters.parse(params, names);
    boolean sized = params.getOrDefault("size", List.of()).stream().anyMatch(value -> !value.isBlank());
    int entries = sized ? Math.max(1, asked.size()) : ENTRIES;
    return new SearchRequest(asked.query(), asked.filters(), asked.from(), asked.to(), SortOrder.ADDED, entries, 1)
        .withGrouping(asked.grouping());
  }

  /**
   * Names the search's filter values the archive holds under no name in the {@value #UNKNOWN_FILTERS}
   * header, for a script, and answers them in words for the feed's subtitle, for the person reading
   * it; empty when every value is held.
   */
  private String unknownFilters(Context ctx, SearchRequest request) throws java.io.IOException {
    List<ApiViews.UnknownFilter> unknown = ApiViews.UnknownFilter.of(FilterNames.unheld(names, searcher, request));
    if (unknown.isEmpty()) {
      return "";
    }
    ctx.header(UNKNOWN_FILTERS, ExportJson.asciiHeader(unknown));
    return String.join(" ", unknown.stream().map(ApiViews.UnknownFilter::inWords).toList());
  }

  private Instant lastUpdate() throws java.io.IOException {
    return searcher.stats().lastUpdate().orElseGet(Instant::now);
  }

  private void write(Context ctx, AtomFeed feed, List<ArticleSummary> articles) throws java.io.IOException {
    ctx.status(200).contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      feed.write(out, articles, searcher::story);
    }
  }

  /**
   * A name for the feed instead of the one made from its search: a saved search's feed carries the
   * name its curator gave it ("Caracas seeds"), which a feed reader shows. It names, it does not search.
   */
  static final String TITLE = "title";
  static final int MAX_TITLE = 200;

  private static Optional<String> name(Map<String, List<String>> params) throws BadRequestException {
    Optional<String> title = SearchParameters.single(params, TITLE).map(String::strip).filter(t -> !t.isEmpty());
    if (title.isPresent() && (title.get().codePointCount(0, title.get().length()) > MAX_TITLE
        || title.get().chars().anyMatch(Character::isISOControl))) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, TITLE, "'title' must be a line of at most "
          + MAX_TITLE + " characters");
    }
    return title;
  }

  /**
   * The page's URL of the feed's search: the page reads the API's parameters, so the request's own
   * less the feed's name. A feed reader's link to the feed's site then opens that search, not the
   * page's empty start.
   */
  private static String pageQuery(Context ctx) {
    String query = ctx.queryString() == null ? "" : java.util.Arrays.stream(ctx.queryString().split("&"))
        .filter(pair -> !pair.isEmpty() && !pair.equals(TITLE) && !pair.startsWith(TITLE + "="))
        .collect(java.util.stream.Collectors.joining("&"));
    return query.isEmpty() ? "" : "?" + query;
  }

  /** The same query and filters, in any parameter order, give the same feed id. */
  private static String feedId(String site, SearchRequest request) {
    Map<String, List<String>> filters = new TreeMap<>();
    request.filters().forEach((facet, values) -> filters.put(facet, values.stream().sorted().toList()));
    // The site keeps two archives' feeds of one query apart: a reader that follows both must not take
    // them for one feed.
    String canonical = "site=" + site + "\nq=" + request.query() + "\nfilters=" + filters + "\nfrom=" + request.from().orElse(null)
        + "\nto=" + request.to().orElse(null)
        // Only the non-default grouping is named, so a feed's id stays what it was before stories.
        + (request.grouping() == Grouping.STORIES ? "" : "\ngroup=" + request.grouping().id());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return "urn:morgue:feed:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String title(SearchRequest request) {
    StringBuilder title = new StringBuilder("Morgue: ");
    // The feed lists what the archive took in last (sort=added), not the newest published.
    String query = request.query().strip();
    // A phrase typed in quotes keeps its own rather than gaining a second pair: Morgue: “"oil prices"”.
    boolean inQuotes = query.length() > 1 && "\"\u201c\u201e\u00ab\u2018".indexOf(query.charAt(0)) >= 0
        && "\"\u201d\u201c\u00bb\u2019".indexOf(query.charAt(query.length() - 1)) >= 0;
    title.append(query.isEmpty() ? "latest additions" : inQuotes ? query : "\u201c" + query + "\u201d");
    new TreeMap<>(request.filters()).forEach((facet, values) ->
        title.append(", ").append(facet).append(": ").append(String.join(" or ", values)));
    request.from().ifPresent(date -> title.append(", from ").append(date));
    request.to().ifPresent(date -> title.append(", to ").append(date));
    if (request.grouping() == Grouping.ARTICLES) {
      title.append(", every version");
    }
    return title.toString();
  }
}
