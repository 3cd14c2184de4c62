package org.morgue.server.curation;

import static org.morgue.server.curation.CurationRequests.body;
import static org.morgue.server.curation.CurationRequests.curator;
import static org.morgue.server.curation.CurationRequests.etag;
import static org.morgue.server.curation.CurationRequests.readTag;
import static org.morgue.server.curation.CurationRequests.expectedVersion;
import static org.morgue.server.curation.CurationRequests.reason;
import static org.morgue.server.curation.CurationRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ArticleSummary;
import org.morgue.curation.Applied;
import org.morgue.curation.Curation;
import org.morgue.curation.SavedSearch;
import org.morgue.curation.SavedSearchRun;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.search.Grouping;
import org.morgue.search.SearchRequest;
import org.morgue.server.api.FeedHandler;
import org.morgue.server.api.SearchParameters;
import org.morgue.server.http.PathSegment;
import org.morgue.server.http.Vary;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.problem.BadRequestException;

/**
 * {@code /api/saved-searches}: named searches, each with its Atom feed, that tell how many matches are
 * new since the search was last run.
 */
public final class SavedSearchHandlers {
  /** The most new ids a run lists (the count is exact up to {@link Curation#MAX_RUN_IDS} matches). */
  static final int MAX_LISTED_NEW = 100;

  private final CurationRequests requests;
  private final SearchEngine searcher;
  private final FeedHandler feeds;

  public SavedSearchHandlers(CurationRequests requests, SearchEngine searcher, FeedHandler feeds) {
    this.requests = requests;
    this.searcher = searcher;
    this.feeds = feeds;
  }

  /** A saved search with where to run it and how it stands against its last run. */
  public record SavedSearchView(
      String id, String name, ObjectNode search, String curator, Instant created, Instant updated,
      long version, String searchUrl, String feedUrl, Optional<LastRun> lastRun) {}

  /** When a saved search last ran, and what it found. */
  public record LastRun(Instant at, long total) {}

  /**
   * How a saved search stands now against its last run.
   *
   * @param newSinceLastRun matches that were not among the last run's; all of them when it never ran
   * @param exact false when either run matched more than {@link Curation#MAX_RUN_IDS} articles, so
   *     only the growth of the total is known
   * @param newIds the first new matches' ids, in the search's order
   */
  public record RunStatus(
      SavedSearchView savedSearch, long total, long newSinceLastRun, boolean exact, List<String> newIds) {}

  public record SavedSearchList(List<SavedSearchView> savedSearches) {}

  public void list(Context ctx) throws IOException {
    List<SavedSearchView> views = new ArrayList<>();
    Optional<String> reader = requests.reader(ctx);
    for (SavedSearch saved : requests.curation().savedSearches()) {
      views.add(view(saved, lastRun(saved, reader)));
    }
    ctx.json(new SavedSearchList(views));
  }

  /**
   * The saved search, with how many of its matches are new since the last run of the curator whose
   * token the read sends, or of anyone's latest run without one (not counted as a run).
   */
  public void get(Context ctx) throws BadRequestException, IOException {
    SavedSearch saved = existing(ctx.pathParam("id"));
    Optional<String> reader = requests.reader(ctx);
    Optional<SavedSearchRun> last = lastRun(saved, reader);
    // Added to, not set: the answer may be gzipped, which Vary: Accept-Encoding says (RFC 9110, 12.5.5).
    Vary.add(ctx, "Authorization");
    ctx.header("ETag", tag(saved, reader, last)).json(status(saved, last).status());
  }

  /**
   * The tag a read of the saved search answers the reader whose token it sends. What is new depends on
   * the archive and on whose last run it is counted from, not only on the saved search: a tag of its
   * version alone had a poller answered 304 while new matches came in. A write answers the tag its
   * curator's next read gets, to name in If-Match or revalidate with, without reading first.
   */
  private String tag(SavedSearch saved, Optional<String> reader, Optional<SavedSearchRun> last) throws IOException {
    String runs = reader.orElse("") + "\n" + last.map(run -> run.at() + " " + run.total()).orElse("");
    return readTag(saved.version(), searcher.lastCommit(), runs);
  }

  /** {@link #tag(SavedSearch, Optional, Optional)} for the curator who wrote it. */
  private String writtenTag(Context ctx, SavedSearch saved) throws IOException {
    Optional<String> reader = requests.reader(ctx);
    return tag(saved, reader, lastRun(saved, reader));
  }

  /**
   * Runs it: answers what is new since this curator's last run, then keeps this run as their last.
   * Each curator has their own: one librarian's run does not make old what another has not seen.
   */
  public void run(Context ctx) throws BadRequestException, IOException {
    SavedSearch saved = existing(ctx.pathParam("id"));
    String curator = curator(ctx);
    Status status = status(saved, lastRun(saved, Optional.of(curator)));
    try {
      requests.curation().recordRun(saved.id(), curator, status.run());
    } catch (IOException e) {
      LiveIndex.DiskFullException.whenFull(e, "this run was not kept as your last, which is still the one before;"
          + " the archive holds what it held before. Free space on the disk that holds the archive, then send the"
          + " same request again");
      throw e;
    }
    ctx.json(status.status());
  }

  private Optional<SavedSearchRun> lastRun(SavedSearch saved, Optional<String> curator) throws IOException {
    return curator.isPresent() ? requests.curation().lastRun(saved.id(), curator.get())
        : requests.curation().lastRun(saved.id());
  }

  public void create(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "name", "search");
    ObjectNode search = checked(body);
    String name = text(body, "name").orElse("");
    Applied<SavedSearch> applied = requests.index().curate(() -> requests.curation().saveSearch(curator(ctx),
        Optional.empty(), Optional.empty(), name, search, reason(ctx, body)));
    ctx.status(201).header("Location", "/api/saved-searches/" + PathSegment.of(applied.value().id()))
        .header("ETag", writtenTag(ctx, applied.value())).json(view(applied.value()));
  }

  public void replace(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "name", "search");
    String id = ctx.pathParam("id");
    Optional<Long> expected = expectedVersion(ctx);
    ObjectNode search = checked(body);
    String name = text(body, "name").orElse("");
    Applied<SavedSearch> applied = requests.index().curate(() -> requests.curation().saveSearch(curator(ctx),
        Optional.of(id), expected, name, search, reason(ctx, body)));
    ctx.header("ETag", writtenTag(ctx, applied.value())).json(view(applied.value()));
  }

  public void delete(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, ctx.pathParam("id"), Curation::deleteSavedSearch);
  }

  /**
   * The saved search's feed: the feed of its search, answered at this address (see {@link
   * FeedHandler#saved}), so its id and {@code self} link stay the saved search's through its edits.
   */
  public void feed(Context ctx) throws Exception {
    SavedSearch saved = existing(ctx.pathParam("id"));
    Map<String, List<String>> search = SavedSearchShape.parameters(saved.search());
    // The feed takes the search, not the shape of a page of it (facetOrder, interval) a saved search may keep.
    search.keySet().removeIf(name -> name.equals("facetOrder") || name.equals("interval")
        || name.startsWith(SearchParameters.FACET_PREFIX));
    String page = "/" + url("", search);
    // How many entries, the one thing a feed's reader may ask of it, goes on to the feed.
    Optional.ofNullable(ctx.queryParam("size")).ifPresent(size -> search.put("size", List.of(size)));
    feeds.saved(ctx, "/api/saved-searches/" + PathSegment.of(saved.id()), saved.name(), search, page,
        Long.toString(saved.version()), saved.updated());
  }

  private record Status(RunStatus status, SavedSearchRun run) {}

  private Status status(SavedSearch saved, Optional<SavedSearchRun> last) throws BadRequestException, IOException {
    // A run counts and lists articles, so "3 new" includes a new copy of a story seen before.
    SearchRequest request = SearchParameters.parse(SavedSearchShape.parameters(saved.search()), requests.filterNames(searcher)).withGrouping(Grouping.ARTICLES);
    try {
      long total = searcher.count(request);
      List<String> ids = new ArrayList<>();
      boolean complete = total <= Curation.MAX_RUN_IDS;
      if (complete) {
        for (ArticleSummary summary : searcher.top(request, Curation.MAX_RUN_IDS)) {
          ids.add(summary.article().id());
        }
      }
      SavedSearchRun run = new SavedSearchRun(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), total, complete ? ids : List.of(), complete);
      long fresh;
      boolean exact;
      List<String> newIds = new ArrayList<>();
      if (last.isEmpty()) {
        fresh = total;
        exact = true;
        ids.stream().limit(MAX_LISTED_NEW).forEach(newIds::add);
      } else if (complete && last.get().complete()) {
        Set<String> seen = new HashSet<>(last.get().ids());
        fresh = 0;
        for (String id : ids) {
          if (!seen.contains(id)) {
            fresh++;
            if (newIds.size() < MAX_LISTED_NEW) {
              newIds.add(id);
            }
          }
        }
        exact = true;
      } else {
        fresh = Math.max(0, total - last.get().total());
        exact = false;
      }
      return new Status(new RunStatus(view(saved, last), total, fresh, exact, newIds), run);
    } catch (InvalidQueryException e) {
      throw SearchParameters.refused(e);
    }
  }

  private SavedSearchView view(SavedSearch saved) throws IOException {
    return view(saved, requests.curation().lastRun(saved.id()));
  }

  private static SavedSearchView view(SavedSearch saved, Optional<SavedSearchRun> last) {
    Map<String, List<String>> parameters = SavedSearchShape.parameters(saved.search());
    // Shaped again on the way out: one stored before the shape was chosen holds every value as a list.
    return new SavedSearchView(saved.id(), saved.name(), SavedSearchShape.of(parameters), saved.curator(),
        saved.created(), saved.updated(), saved.version(), url("/api/search", parameters),
        "/api/saved-searches/" + PathSegment.of(saved.id()) + "/feed", last.map(run -> new LastRun(run.at(), run.total())));
  }

  /**
   * The search the body names, checked as /api/search would check it, its query included: one the
   * engine refuses ("title:") would be kept, and then every read and run of it would fail.
   */
  private ObjectNode checked(JsonNode body) throws BadRequestException, IOException {
    Map<String, List<String>> search = CurationRequests.searchParameters(body.get("search"), "search");
    SearchRequest request = SearchParameters.parse(search);
    try {
      searcher.count(request);
    } catch (InvalidQueryException e) {
      throw SearchParameters.refused(e);
    }
    return SavedSearchShape.of(search);
  }

  private SavedSearch existing(String id) {
    return requests.curation().savedSearch(id).orElseThrow(() -> new NotFoundResponse("no saved search '" + id + "'"));
  }

  static String url(String path, Map<String, List<String>> parameters) {
    StringBuilder url = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        url.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        separator = '&';
      }
    }
    return url.toString();
  }
}
