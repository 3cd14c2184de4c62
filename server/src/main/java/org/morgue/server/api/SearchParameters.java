package org.morgue.server.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.search.Facet;
import org.morgue.search.FilterNames;
import org.morgue.search.RequestField;
import org.morgue.search.FacetOrder;
import org.morgue.search.Grouping;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;
import org.morgue.search.TimelineInterval;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * Turns the query parameters of {@code /api/search} into a {@link SearchRequest}. Every facet name is
 * a repeatable filter parameter ({@code actor=A&actor=B}) and has a {@code facetPrefix.<facet>}
 * parameter; anything malformed is a {@link BadRequestException} that names the parameter and the value.
 */
public final class SearchParameters {
  public static final int DEFAULT_SIZE = 20;
  static final int DEFAULT_FACET_LIMIT = 10;
  private static final Set<String> KNOWN =
      Set.of("q", "from", "to", "sort", "size", "facetLimit", "facetOrder", "cursor", "interval", "group");
  /**
   * What shapes a page of search results (where it starts, its facets and timeline) and an export or
   * feed cannot honour. {@code size} and {@code facetLimit} are left out: those endpoints document them
   * as ignored, so a search's URL works with its path changed.
   */
  private static final Set<String> PAGE_SHAPING = Set.of("cursor", "facetOrder", "interval");

  /**
   * Refuses the parameters of a page of results where an endpoint answers whole matches (an export,
   * a feed): {@code /api/export?cursor=...} would otherwise export from the start as if the cursor were
   * not there.
   */
  public static void refusePageShaping(Map<String, List<String>> params, String endpoint, String ownParameter,
      String answers) throws BadRequestException {
    for (String name : params.keySet()) {
      if (!name.isEmpty() && !KNOWN.contains(name) && !Facet.ids().contains(name) && !name.startsWith(FACET_PREFIX)) {
        // Named here, with what this endpoint takes: parse's list would offer the page's parameters too.
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, name, "unknown parameter '" + name + "'; "
            + endpoint + " takes q, " + String.join(", ", Facet.ids()) + ", from, to, sort, group and " + ownParameter);
      }
      if (PAGE_SHAPING.contains(name) || name.startsWith(FACET_PREFIX)) {
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, name, "unknown parameter '" + name + "': "
            + endpoint + " " + answers + " of the search (q, the filters, from, to, sort, group), not a page"
            + " of it");
      }
    }
  }

  /** {@code facetPrefix.actor=Tr}: list only actors starting with "Tr". */
  public static final String FACET_PREFIX = "facetPrefix.";
  /**
   * The most values one facet filter may have in a request. A person ticks a handful; thousands are a
   * script or an attack, and each costs a clause in the drill-down query.
   */
  public static final int MAX_FILTER_VALUES = 100;

  private SearchParameters() {}

  /**
   * An invalid search as the API answers it: the code for its kind ({@link ProblemCode#of}), the URL
   * parameter of the request field it concerns, its message.
   */
  public static BadRequestException refused(InvalidQueryException e) {
    BadRequestException refused = new BadRequestException(ProblemCode.of(e.kind()), parameterName(e.field()),
        e.getMessage());
    refused.initCause(e);
    return refused;
  }

  /**
   * What a part of a search request is called in a URL: the one place the contract's fields meet the
   * API's parameter names, so an error the engine reports names the parameter the user sent.
   */
  public static String parameterName(RequestField field) {
    return switch (field.part()) {
      case QUERY -> "q";
      case CURSOR -> "cursor";
      case FROM -> "from";
      case TO -> "to";
      case SORT -> "sort";
      case INTERVAL -> "interval";
      case FACET_ORDER -> "facetOrder";
      case GROUP -> "group";
      case FILTER -> field.facet();
      case FACET_PREFIX -> FACET_PREFIX + field.facet();
    };
  }

  /**
   * The request the parameters ask for, its actor, theme and source filters read as the names the
   * index holds ("tren de aragua" filters by "Tren de Aragua": {@link FilterNames}).
   */
  public static SearchRequest parse(Map<String, List<String>> params, FilterNames.Lookup names)
      throws BadRequestException, IOException {
    return FilterNames.resolve(names, parse(params));
  }

  public static SearchRequest parse(Map<String, List<String>> params) throws BadRequestException {
    for (String name : params.keySet()) {
      if (name.isEmpty()) {
        continue; // a trailing or doubled '&' names nothing
      }
      if (name.startsWith(FACET_PREFIX)) {
        String dim = name.substring(FACET_PREFIX.length());
        if (!Facet.ids().contains(dim)) {
          throw new BadRequestException(ProblemCode.UNKNOWN_FACET, name, "unknown facet '" + dim + "' in '" + name + "'; facets are "
              + String.join(", ", Facet.ids()));
        }
      } else if (!KNOWN.contains(name) && !Facet.ids().contains(name)) {
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, name, "unknown parameter '" + name + "'; use q, "
            + String.join(", ", Facet.ids()) + ", from, to, sort, size, cursor, facetLimit, facetOrder, "
            + FACET_PREFIX + "<facet>, interval or group");
      }
    }
    Map<String, String> facetPrefixes = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      Optional<String> prefix = single(params, FACET_PREFIX + dim);
      if (prefix.isPresent() && !prefix.get().isBlank()) {
        facetPrefixes.put(dim, prefix.get().strip());
      }
    }
    Optional<TimelineInterval> interval = Optional.empty();
    Optional<String> intervalText = single(params, "interval");
    if (intervalText.isPresent() && !intervalText.get().isBlank()) {
      try {
        interval = Optional.of(TimelineInterval.fromId(intervalText.get()));
      } catch (InvalidQueryException e) {
        throw refused(e);
      }
    }
    Optional<String> cursor = single(params, "cursor").filter(text -> !text.isBlank());
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      List<String> values = params.getOrDefault(dim, List.of());
      if (values.size() > MAX_FILTER_VALUES) {
        throw new BadRequestException(ProblemCode.REPEATED_PARAMETER, dim, "'" + dim + "' was given " + values.size() + " times; a request may filter"
            + " on at most " + MAX_FILTER_VALUES + " values per facet");
      }
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    SortOrder sort;
    try {
      // Empty, like every other optional parameter, means left out: the default order.
      sort = SortOrder.fromId(single(params, "sort").filter(text -> !text.isBlank()).orElse(SortOrder.RELEVANCE.id()));
    } catch (InvalidQueryException e) {
      throw refused(e);
    }
    FacetOrder facetOrder;
    try {
      facetOrder = FacetOrder.fromId(single(params, "facetOrder").filter(text -> !text.isBlank())
          .orElse(FacetOrder.COUNT.id()));
    } catch (InvalidQueryException e) {
      throw refused(e);
    }
    Grouping grouping;
    try {
      // Stories unless asked otherwise: copies of one wire story are one hit.
      grouping = Grouping.fromId(single(params, "group").filter(text -> !text.isBlank()).orElse(Grouping.STORIES.id()));
    } catch (InvalidQueryException e) {
      throw refused(e);
    }
    return new SearchRequest(
        single(params, "q").orElse(""),
        filters,
        date(params, "from"),
        date(params, "to"),
        sort,
        bounded(params, "size", DEFAULT_SIZE, 0, SearchRequest.MAX_SIZE),
        bounded(params, "facetLimit", DEFAULT_FACET_LIMIT, 1, SearchRequest.MAX_FACET_LIMIT),
        cursor,
        interval,
        facetPrefixes,
        facetOrder,
        grouping);
  }

  public static Optional<String> single(Map<String, List<String>> params, String name) throws BadRequestException {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new BadRequestException(ProblemCode.REPEATED_PARAMETER, name, "'" + name + "' was given " + values.size() + " times; give it once");
    }
    return values.stream().findFirst();
  }

  static int bounded(Map<String, List<String>> params, String name, int fallback, int min, int max)
      throws BadRequestException {
    Optional<String> text = single(params, name);
    if (text.isEmpty() || text.get().isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.get().trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, name, "'" + name + "' must be a whole number, not '" + text.get() + "'");
    }
    if (value < min || value > max) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, name, "'" + name + "' must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  private static Optional<LocalDate> date(Map<String, List<String>> params, String name) throws BadRequestException {
    Optional<String> text = single(params, name);
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get().trim()));
    } catch (DateTimeParseException e) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, name, "'" + name + "' must be a date like 2019-01-31, not '" + text.get() + "'");
    }
  }
}
