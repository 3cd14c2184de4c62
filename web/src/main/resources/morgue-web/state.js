// The page's whole state lives in the URL query string, so reload, bookmarks and the back button
// all work without extra bookkeeping. These functions convert between the URL and a plain object;
// states are never mutated, every change builds a new one.

/**
 * Facets in display order; `key` is both the URL parameter and the API parameter. The keys are the
 * search contract's facets (org.morgue.search.Facet), in its order: the page needs them before its
 * first answer, and the server's PageFacetsTest fails when the two lists differ.
 */
export const FACETS = [
  { key: 'actor', label: 'Actor' },
  { key: 'actorType', label: 'Actor type' },
  { key: 'quoted', label: 'Quoted' },
  { key: 'theme', label: 'Theme' },
  { key: 'hedging', label: 'Hedging' },
  { key: 'source', label: 'Source' },
  { key: 'year', label: 'Year' },
  // Values are collection ids until the page can name collections.
  { key: 'collection', label: 'Collection' },
];

/**
 * Filters the page knows besides the search contract's facets: `collection` (a collection's id) is
 * a facet of curated archives. When the contract names it too, FACETS lists it and this adds nothing.
 */
export const CURATION_FACETS = [
  { key: 'collection', label: 'Collection' },
];
/** Every filter the page reads from its URL and sends to the API: the facets, then the curation ones. */
export const FILTERS = [...FACETS, ...CURATION_FACETS.filter(({ key }) => !FACETS.some((facet) => facet.key === key))];
/** The librarian's desk: views that are not a search (`view=` in the URL). */
export const DESK_VIEWS = ['collections', 'collection', 'saved-searches', 'changes', 'kept'];

/**
 * Whether copies of one story (wire copies, re-issues, corrections) are one hit or each their own:
 * stories is the default, so the URL says `group=articles` only when the "Group copies" switch is off.
 */
export const GROUPINGS = ['stories', 'articles'];

export const SORTS = ['relevance', 'newest', 'oldest', 'most-hedged', 'least-hedged', 'added'];
/**
 * How the timeline's bars are drawn: matches per period, or their share of every article the archive
 * holds from that period. The first is the default; the URL says `timeline=share` for the other.
 */
export const TIMELINE_VIEWS = ['count', 'share'];
/**
 * The timeline's periods the URL may ask for (`interval=`, the API's parameter). Only choosing decades
 * on the timeline sets one: years, where the span of a decade alone would be counted by month.
 */
export const TIMELINE_INTERVALS = ['decade', 'year', 'month', 'day'];
/** How facet values are ranked: by count, or by how characteristic they are of the results. */
export const FACET_ORDERS = ['count', 'significance'];
export const PAGE_SIZE = 20;
/** The most hits the API answers in one page (its size parameter's limit). */
export const MAX_PAGE_SIZE = 100;
/** Queries the timeline may be compared with, besides the page's own (`compare=` in the URL). */
export const MAX_COMPARISONS = 2;
/** Facets long enough to get a filter box and a "more" button. */
export const LONG_FACETS = ['actor', 'quoted', 'theme', 'source', 'year', 'collection'];
/** Values per facet when one is expanded; the API has one facetLimit for all facets. */
export const EXPANDED_FACET_LIMIT = 50;
export const FACET_LIMIT = 10;
export const EXPORT_FORMATS = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'jsonl', label: 'JSON Lines' },
  { format: 'ris', label: 'RIS' },
];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a state from a query string such as location.search. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const facetOrder = params.get('facetOrder');
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FILTERS.map(({ key }) => [key, unique(params.getAll(key))])),
    from: isoDay(params.get('from')),
    to: isoDay(params.get('to')),
    sort: SORTS.includes(sort) ? sort : SORTS[0],
    // A sort the link names that the page does not know: searched by relevance, and said (app.js).
    unknownSort: sort && !SORTS.includes(sort) ? sort : null,
    group: GROUPINGS.includes(params.get('group')) ? params.get('group') : GROUPINGS[0],
    facetOrder: FACET_ORDERS.includes(facetOrder) ? facetOrder : FACET_ORDERS[0],
    article: params.get('article') || null,
    timelineView: TIMELINE_VIEWS.includes(params.get('timeline')) ? params.get('timeline') : TIMELINE_VIEWS[0],
    interval: TIMELINE_INTERVALS.includes(params.get('interval')) ? params.get('interval') : null,
    compare: comparisons(params.getAll('compare')),
    view: DESK_VIEWS.includes(params.get('view')) ? params.get('view') : null,
    id: params.get('id') || null,
    before: /^\d+$/.test(params.get('before') ?? '') ? params.get('before') : null,
  };
}

// A hand-edited URL with a bad date is dropped here rather than turned into a 400 on every load.
function isoDay(raw) {
  return raw && ISO_DAY.test(raw) ? raw : null;
}

// Trimmed, without blanks or repeats, at most MAX_COMPARISONS: a hand-edited URL cannot ask for more.
function comparisons(values) {
  return unique(values.map((value) => value.trim())).slice(0, MAX_COMPARISONS);
}

function unique(values) {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** The page URL for a state ("?q=…"), leaving defaults out so shared links stay short. */
export function pageUrl(state) {
  const params = searchParams(state, { forApi: false });
  // A way of drawing the results, not part of the search: never sent to the API or to exports.
  if (state.timelineView && state.timelineView !== TIMELINE_VIEWS[0]) params.set('timeline', state.timelineView);
  if (state.interval) params.set('interval', state.interval);
  // Queries drawn beside this one on the timeline: also a way of drawing, never part of the search.
  for (const query of state.compare ?? []) params.append('compare', query);
  if (state.facetOrder !== FACET_ORDERS[0]) params.set('facetOrder', state.facetOrder);
  if (state.article) params.set('article', state.article);
  // A desk view (collections, saved searches, the changes record) stands alone: the search waits behind it.
  if (state.view) {
    const desk = new URLSearchParams({ view: state.view });
    if (state.id) desk.set('id', state.id);
    if (state.before) desk.set('before', state.before);
    return `?${desk}`;
  }
  const query = params.toString();
  return query === '' ? location.pathname : `?${query}`;
}

/**
 * The /api/search URL for a state; the article being read does not change the search.
 * `facetLimit` and `facetPrefixes` (facet key to text) shape only the facet lists.
 */
export function searchUrl(state, { size = PAGE_SIZE, facetLimit = FACET_LIMIT, facetPrefixes = {} } = {}) {
  const params = searchParams(state, { forApi: true });
  params.set('size', String(size));
  // The timeline's periods only: exports and the feed, which have no timeline, are never asked for them.
  if (state.interval) params.set('interval', state.interval);
  if (facetLimit !== FACET_LIMIT) params.set('facetLimit', String(facetLimit));
  if (state.facetOrder !== FACET_ORDERS[0]) params.set('facetOrder', state.facetOrder);
  for (const [key, prefix] of Object.entries(facetPrefixes)) {
    if (prefix) params.set(`facetPrefix.${key}`, prefix);
  }
  return `api/search?${params}`;
}

/** The next page of a search: the same URL with the previous page's nextCursor. */
export function nextPageUrl(url, cursor) {
  return `${url}&cursor=${encodeURIComponent(cursor)}`;
}

/** Every match of the search as a download in one of EXPORT_FORMATS. */
export function exportUrl(state, format) {
  const params = searchParams(state, { forApi: false });
  params.set('format', format);
  return `api/export?${params}`;
}

/** The Atom feed of the search's matches added to the archive last. */
export function feedUrl(state) {
  const query = searchParams(state, { forApi: false }).toString();
  return query === '' ? 'api/feed' : `api/feed?${query}`;
}

function searchParams(state, { forApi }) {
  const params = new URLSearchParams();
  if (state.q !== '' || forApi) params.set('q', state.q);
  for (const { key } of FILTERS) {
    for (const value of state.filters[key]) params.append(key, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (forApi || state.sort !== SORTS[0]) params.set('sort', state.sort);
  // The default is the API's too, so it is left out of every URL: links made before stories keep their meaning.
  if (state.group && state.group !== GROUPINGS[0]) params.set('group', state.group);
  return params;
}

export function hasFilters(state) {
  return hasDateRange(state) || FILTERS.some(({ key }) => state.filters[key].length > 0);
}

export function hasDateRange(state) {
  return Boolean(state.from || state.to);
}

export function isFilterActive(state, key, value) {
  return state.filters[key].includes(value);
}

/** Turns one facet value on or off. */
export function withFilter(state, key, value, active) {
  const others = state.filters[key].filter((existing) => existing !== value);
  const values = active ? [...others, value] : others;
  return { ...state, filters: { ...state.filters, [key]: values }, article: null, ...SEARCH_VIEW };
}

export function withoutFilters(state) {
  const filters = Object.fromEntries(FILTERS.map(({ key }) => [key, []]));
  return { ...state, filters, from: null, to: null, interval: null, article: null, ...SEARCH_VIEW };
}

/** Limits the search to publication dates from..to (inclusive, YYYY-MM-DD; null for open). */
/**
 * The search within dates, counted per `interval` on the timeline (null: as the span of the matches
 * decides). Any other change of dates lets the span decide again.
 */
export function withDateRange(state, from, to, interval = null) {
  return { ...state, from, to, interval, article: null, ...SEARCH_VIEW };
}

export function withQuery(state, q) {
  return { ...state, q, article: null, ...SEARCH_VIEW };
}

export function withSort(state, sort) {
  return { ...state, sort, article: null, ...SEARCH_VIEW };
}

/** One hit per story (copies grouped) or one per article: GROUPINGS. */
export function withGrouping(state, group) {
  return { ...state, group, article: null, ...SEARCH_VIEW };
}

/** Draws the timeline as counts or as shares of the archive; the search stays the same. */
export function withTimelineView(state, timelineView) {
  return { ...state, timelineView };
}

/** Sets the queries compared with this one on the timeline; the search itself stays the same. */
export function withComparisons(state, queries) {
  return { ...state, compare: comparisons(queries) };
}

/** Ranks facet values by count or by significance; the search and its hits stay the same. */
export function withFacetOrder(state, facetOrder) {
  return { ...state, facetOrder };
}

/** What a change of the search does to a desk view: leaves it, for the search's results. */
const SEARCH_VIEW = { view: null, id: null, before: null };

/** A desk view (DESK_VIEWS), or back to the search with null. */
export function withView(state, view, { id = null, before = null } = {}) {
  return { ...state, view, id, before, article: null };
}

/**
 * The search a saved search keeps (an object of /api/search parameters, each a string or a list),
 * as a page state; the inverse of searchObject.
 */
export function stateOfSearch(search) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search ?? {})) {
    for (const item of [value].flat()) params.append(key, String(item));
  }
  return readState(params.toString());
}

/** The search of a state as a saved search keeps it: q, every filter, the dates, the sort and the grouping. */
export function searchObject(state) {
  const search = { q: state.q };
  for (const { key } of FILTERS) {
    if (state.filters[key].length > 0) search[key] = [...state.filters[key]];
  }
  if (state.from) search.from = state.from;
  if (state.to) search.to = state.to;
  if (state.sort !== SORTS[0]) search.sort = state.sort;
  if (state.group !== GROUPINGS[0]) search.group = state.group;
  return search;
}

export function withArticle(state, article) {
  return { ...state, article };
}

/**
 * The first and last day of a timeline bucket keyed "1940s", "1941", "1941-05" or "1941-05-17".
 * Returns null for a key of another shape.
 */
export function bucketRange(key) {
  let match = /^(\d{4})s$/.exec(key);
  // A decade, "1960s": 1960 to 1969.
  if (match) return { from: `${match[1]}-01-01`, to: `${String(Number(match[1]) + 9).padStart(4, '0')}-12-31` };
  match = /^(\d{4})$/.exec(key);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    // Day 0 of the next month is the last day of this one; UTC so no time zone moves it.
    const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
    return { from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}` };
  }
  if (ISO_DAY.test(key)) return { from: key, to: key };
  return null;
}
