// The page's whole state lives in the URL query string, so reload, bookmarks and the back button
// all work without extra bookkeeping. These functions convert between the URL and a plain object;
// states are never mutated, every change builds a new one.

/** Facets in display order; `key` is both the URL parameter and the API parameter. */
export const FACETS = [
  { key: 'actor', label: 'Actor' },
  { key: 'actorType', label: 'Actor type' },
  { key: 'theme', label: 'Theme' },
  { key: 'hedging', label: 'Hedging' },
  { key: 'source', label: 'Source' },
  { key: 'year', label: 'Year' },
];

export const SORTS = ['relevance', 'newest', 'oldest', 'most-hedged', 'least-hedged'];
export const PAGE_SIZE = 20;
// Bounds what "show more" can ask for; the server may cap lower.
const MAX_SIZE = 200;

/** Reads a state from a query string such as location.search. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FACETS.map(({ key }) => [key, unique(params.getAll(key))])),
    sort: SORTS.includes(sort) ? sort : SORTS[0],
    size: pageSize(params.get('size')),
    article: params.get('article') || null,
  };
}

function pageSize(raw) {
  const size = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(size) || size < PAGE_SIZE) return PAGE_SIZE;
  return Math.min(size, MAX_SIZE);
}

function unique(values) {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** The page URL for a state ("?q=…"), leaving defaults out so shared links stay short. */
export function pageUrl(state) {
  const params = searchParams(state, { forApi: false });
  if (state.article) params.set('article', state.article);
  const query = params.toString();
  return query === '' ? location.pathname : `?${query}`;
}

/** The /api/search URL for a state; the article being read does not change the search. */
export function searchUrl(state) {
  return `/api/search?${searchParams(state, { forApi: true })}`;
}

function searchParams(state, { forApi }) {
  const params = new URLSearchParams();
  if (state.q !== '' || forApi) params.set('q', state.q);
  for (const { key } of FACETS) {
    for (const value of state.filters[key]) params.append(key, value);
  }
  if (forApi || state.sort !== SORTS[0]) params.set('sort', state.sort);
  if (forApi || state.size !== PAGE_SIZE) params.set('size', String(state.size));
  return params;
}

export function hasFilters(state) {
  return FACETS.some(({ key }) => state.filters[key].length > 0);
}

export function isFilterActive(state, key, value) {
  return state.filters[key].includes(value);
}

/** Turns one facet value on or off; any change to the search starts again at the first page. */
export function withFilter(state, key, value, active) {
  const others = state.filters[key].filter((existing) => existing !== value);
  const values = active ? [...others, value] : others;
  return { ...state, filters: { ...state.filters, [key]: values }, size: PAGE_SIZE, article: null };
}

export function withoutFilters(state) {
  const filters = Object.fromEntries(FACETS.map(({ key }) => [key, []]));
  return { ...state, filters, size: PAGE_SIZE, article: null };
}

export function withQuery(state, q) {
  return { ...state, q, size: PAGE_SIZE, article: null };
}

export function withSort(state, sort) {
  return { ...state, sort, size: PAGE_SIZE, article: null };
}

export function withMore(state) {
  return { ...state, size: Math.min(state.size + PAGE_SIZE, MAX_SIZE), article: null };
}

export function withArticle(state, article) {
  return { ...state, article };
}

export function canShowMore(state, total) {
  return state.size < total && state.size < MAX_SIZE;
}
