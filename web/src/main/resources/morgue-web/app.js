// Entry point: wires the search page to the URL. Every user action builds a new state, pushes it
// as a URL (navigate), and render() draws whatever the URL says, so a reload, a bookmark and the
// back button all go through the same path as a click.

import { announce, dateElement, el, errorContent, fetchJson, hedgingBadge, snippetFragment, typeTag } from './dom.js';
import { createReader } from './reader.js';
import {
  FACETS, canShowMore, hasFilters, isFilterActive, pageUrl, readState, searchUrl,
  withArticle, withFilter, withMore, withQuery, withSort, withoutFilters,
} from './state.js';

/** Facets longer than this show their first values and a "show all" button. */
const FACET_PREVIEW = 8;

const view = {
  form: document.getElementById('search-form'),
  q: document.getElementById('q'),
  sort: document.getElementById('sort'),
  searchView: document.getElementById('search-view'),
  results: document.getElementById('results'),
  summary: document.getElementById('summary'),
  facets: document.getElementById('facets'),
  activeFilters: document.getElementById('active-filters'),
  error: document.getElementById('search-error'),
  empty: document.getElementById('empty'),
  hits: document.getElementById('hits'),
  more: document.getElementById('more'),
  reader: document.getElementById('reader'),
};

const reader = createReader(view.reader, { onClose: closeReader });

// Starts empty so the first render() treats whatever the URL says as a change.
let current = readState('');
let fetchedSearchUrl = null;
let searchController = null;
// Facet counts carry no actor type, so types seen on hits are remembered to tag actor facets.
const actorTypes = new Map();
const expandedFacets = new Set();
// Where the reader was opened from, to put the reader's user back there on close.
let readerOrigin = null;
// Index of the first hit added by "show more", to move focus to it once it exists.
let focusHitIndex = null;

function navigate(next, { replace = false } = {}) {
  const url = pageUrl(next);
  if (url === pageUrl(current)) {
    // Same search again (e.g. pressing Search after an error): fetch anew, keep history clean.
    fetchedSearchUrl = null;
  } else if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  render();
}

function render() {
  const previous = current;
  current = readState(location.search);
  syncControls(current);
  const url = searchUrl(current);
  if (url !== fetchedSearchUrl) runSearch(current, url);
  if (current.article) {
    showReaderView(current.article);
  } else if (previous.article || !view.reader.hidden) {
    showSearchView();
  }
}

function syncControls(state) {
  // Only overwrite the box when the URL disagrees, so typing is never interrupted by a render.
  if (view.q.value.trim() !== state.q) view.q.value = state.q;
  view.sort.value = state.sort;
}

async function runSearch(state, url) {
  searchController?.abort();
  const controller = (searchController = new AbortController());
  fetchedSearchUrl = url;
  setLoading(true);
  try {
    const response = await fetchJson(url, controller.signal);
    renderResults(state, response);
  } catch (error) {
    if (error.name === 'AbortError') return;
    // Forget the URL so the same search can be retried.
    fetchedSearchUrl = null;
    renderSearchError(state, error);
  } finally {
    if (controller === searchController) setLoading(false);
  }
}

function setLoading(loading) {
  view.results.setAttribute('aria-busy', String(loading));
  view.results.classList.toggle('is-loading', loading);
  if (loading) {
    view.summary.textContent = 'Searching…';
    if (!current.article) announce('Searching…');
  }
}

function renderResults(state, response) {
  const hits = response.hits ?? [];
  for (const hit of hits) rememberActorTypes(hit.actors ?? []);
  clearQueryError();
  view.error.hidden = true;
  view.summary.replaceChildren(...summaryParts(state, response, hits.length));
  renderActiveFilters(state);
  renderFacets(state, response.facets ?? {});
  view.hits.replaceChildren(...hits.map((hit) => hitItem(state, hit)));
  renderEmpty(state, hits.length === 0);
  view.more.hidden = !canShowMore(state, response.total ?? 0);
  if (!state.article) {
    document.title = state.q ? `${state.q} · Morgue` : 'Morgue: news archive search';
    announce(countText(response.total ?? 0, state));
  }
  focusNewHits();
}

function rememberActorTypes(actors) {
  for (const actor of actors) if (actor.type) actorTypes.set(actor.name, actor.type);
}

function summaryParts(state, response, shown) {
  const total = response.total ?? 0;
  const parts = [el('strong', { text: countText(total, state) })];
  if (shown < total) parts.push(el('span', { className: 'muted', text: ` · showing ${shown}` }));
  if (typeof response.took === 'number') parts.push(el('span', { className: 'muted', text: ` · ${response.took} ms` }));
  return parts;
}

function countText(total, state) {
  const articles = `${total.toLocaleString()} article${total === 1 ? '' : 's'}`;
  return state.q ? `${articles} for “${state.q}”` : articles;
}

function renderSearchError(state, error) {
  view.summary.textContent = 'Search failed';
  view.error.replaceChildren(...errorContent(error));
  view.error.hidden = false;
  view.hits.replaceChildren();
  view.empty.hidden = true;
  view.more.hidden = true;
  renderActiveFilters(state);
  if (error.parameter === 'q') markQueryError();
  if (!state.article) announce(`Search failed. ${error.message}`);
}

// The error box is tied to the search box so screen readers read it when the box has focus.
function markQueryError() {
  view.q.setAttribute('aria-invalid', 'true');
  view.q.setAttribute('aria-errormessage', 'search-error');
}

function clearQueryError() {
  view.q.removeAttribute('aria-invalid');
  view.q.removeAttribute('aria-errormessage');
}

function renderEmpty(state, empty) {
  view.empty.hidden = !empty;
  if (!empty) return;
  const advice = hasFilters(state)
    ? 'Try removing a filter or using fewer words.'
    : 'Try fewer or different words, or check the query syntax above.';
  const parts = [el('p', { className: 'empty-title', text: 'No articles match' }), el('p', { text: advice })];
  if (hasFilters(state)) parts.push(clearAllButton());
  view.empty.replaceChildren(...parts);
}

// ---- Active filter chips -------------------------------------------------------------------

function renderActiveFilters(state) {
  const chips = FACETS.flatMap(({ key, label }) =>
    state.filters[key].map((value) => el('li', {}, [removeChip(key, label, value)])));
  view.activeFilters.hidden = chips.length === 0;
  const parts = [
    el('span', { className: 'active-label', attrs: { id: 'active-filters-label' }, text: 'Filters:' }),
    el('ul', { className: 'chip-list', attrs: { 'aria-labelledby': 'active-filters-label' } }, chips),
  ];
  if (chips.length > 1) parts.push(clearAllButton());
  view.activeFilters.replaceChildren(...parts);
}

function removeChip(key, label, value) {
  return el('button', {
    className: 'chip chip-active',
    attrs: { type: 'button', 'aria-label': `Remove filter ${label}: ${value}` },
    on: { click: () => navigate(withFilter(current, key, value, false)) },
  }, [
    el('span', { className: 'chip-facet', text: `${label}:` }),
    ` ${value} `,
    el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
  ]);
}

function clearAllButton() {
  return el('button', {
    className: 'link-button',
    attrs: { type: 'button' },
    on: { click: () => navigate(withoutFilters(current)) },
    text: 'Clear all filters',
  });
}

// ---- Facets --------------------------------------------------------------------------------

function renderFacets(state, facets) {
  lastFacets = facets;
  const focused = focusedFacet();
  const groups = FACETS.map((facet) => facetGroup(state, facet, facets[facet.key] ?? [])).filter(Boolean);
  view.facets.replaceChildren(...(groups.length > 0 ? groups : [el('p', { className: 'empty-note', text: 'No filters for these results.' })]));
  restoreFacetFocus(focused);
}

function facetGroup(state, { key, label }, counts) {
  const selected = state.filters[key];
  const values = counts.map(({ value, count }) => ({ value: String(value), count }));
  // A selected value with no hits must stay visible, or it could not be unticked here.
  for (const value of selected) {
    if (!values.some((entry) => entry.value === value)) values.push({ value, count: 0 });
  }
  if (values.length === 0) return null;
  const collapsible = values.length > FACET_PREVIEW + 2;
  const expanded = !collapsible || expandedFacets.has(key);
  const visible = expanded ? values : values.filter((entry, index) => index < FACET_PREVIEW || selected.includes(entry.value));
  return el('fieldset', { className: 'facet' }, [
    el('legend', { text: label }),
    el('ul', { className: 'facet-values' }, visible.map((entry) => facetValue(state, key, entry))),
    collapsible ? facetToggle(key, label, expanded, values.length) : null,
  ]);
}

function facetValue(state, key, { value, count }) {
  const checkbox = el('input', {
    attrs: { type: 'checkbox', checked: isFilterActive(state, key, value) },
    on: { change: (event) => navigate(withFilter(current, key, value, event.target.checked)) },
  });
  // dataset, not a CSS selector built from the value: values are untrusted text.
  checkbox.dataset.facet = key;
  checkbox.dataset.value = value;
  const type = key === 'actor' ? actorTypes.get(value) : null;
  return el('li', {}, [
    el('label', { className: 'facet-label' }, [
      checkbox,
      el('span', { className: 'facet-name', text: value }),
      type ? typeTag(type) : null,
      el('span', { className: 'count', text: count.toLocaleString() }),
    ]),
  ]);
}

function facetToggle(key, label, expanded, total) {
  return el('button', {
    className: 'link-button facet-toggle',
    attrs: { type: 'button', 'aria-expanded': String(expanded) },
    on: {
      click: () => {
        if (expanded) expandedFacets.delete(key);
        else expandedFacets.add(key);
        renderFacetsFromCurrent();
      },
    },
    text: expanded ? `Show fewer ${label.toLowerCase()} values` : `Show all ${total} ${label.toLowerCase()} values`,
  });
}

// Re-render facets after a show-all toggle without refetching: reuse the last counts.
let lastFacets = {};
function renderFacetsFromCurrent() {
  renderFacets(current, lastFacets);
}

function focusedFacet() {
  const active = document.activeElement;
  if (active?.dataset?.facet) return { key: active.dataset.facet, value: active.dataset.value };
  if (active?.classList?.contains('facet-toggle')) return { toggle: active.closest('fieldset')?.querySelector('legend')?.textContent };
  return null;
}

// Re-rendering replaces the checkboxes; put keyboard focus back on the one the user just used.
function restoreFacetFocus(focused) {
  if (!focused) return;
  if (focused.toggle) {
    for (const fieldset of view.facets.querySelectorAll('fieldset')) {
      if (fieldset.querySelector('legend')?.textContent === focused.toggle) fieldset.querySelector('.facet-toggle')?.focus();
    }
    return;
  }
  for (const input of view.facets.querySelectorAll('input[data-facet]')) {
    if (input.dataset.facet === focused.key && input.dataset.value === focused.value) input.focus();
  }
}

// ---- Hits ----------------------------------------------------------------------------------

function hitItem(state, hit) {
  const link = el('a', {
    className: 'hit-title',
    attrs: { href: pageUrl(withArticle(state, hit.id)) },
    on: { click: (event) => openFromLink(event, hit.id) },
    text: hit.title || 'Untitled article',
  });
  link.dataset.articleId = hit.id;
  const authors = hit.authors ?? [];
  return el('li', { className: 'hit' }, [
    el('h3', {}, [link]),
    el('p', { className: 'meta' }, [
      dateElement(hit.published),
      hit.source ? el('span', { className: 'source', text: hit.source }) : null,
      authors.length > 0 ? el('span', { text: `By ${authors.join(', ')}` }) : null,
    ]),
    hit.snippet ? el('p', { className: 'snippet' }, [snippetFragment(hit.snippet)]) : null,
    hitTags(state, hit),
  ]);
}

function hitTags(state, hit) {
  const actors = hit.actors ?? [];
  const themes = hit.themes ?? [];
  return el('div', { className: 'hit-tags' }, [
    hit.hedging ? hedgingBadge(hit.hedging) : null,
    ...actors.map((actor) => filterChip(state, 'actor', 'Actor', actor.name, typeTag(actor.type))),
    ...themes.map((theme) => filterChip(state, 'theme', 'Theme', theme, null)),
  ]);
}

/** A chip on a hit: pressing it adds (or, when already active, removes) that filter. */
function filterChip(state, key, label, value, extra) {
  const active = isFilterActive(state, key, value);
  return el('button', {
    className: `chip chip-${key}`,
    attrs: {
      type: 'button',
      'aria-pressed': String(active),
      title: active ? `Remove filter ${label}: ${value}` : `Filter by ${label}: ${value}`,
    },
    on: { click: () => navigate(withFilter(current, key, value, !isFilterActive(current, key, value))) },
  }, [el('span', { className: 'visually-hidden', text: `${label}: ` }), value, extra ? ' ' : null, extra]);
}

function openFromLink(event, id) {
  // Let the browser handle new-tab and new-window clicks; the href is a real page URL.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  readerOrigin = { id, scrollY: window.scrollY };
  navigate(withArticle(current, id));
}

function showMore() {
  focusHitIndex = view.hits.children.length;
  // Replace, not push: paging further is not a step the back button should undo one by one.
  navigate(withMore(current), { replace: true });
}

function focusNewHits() {
  if (focusHitIndex === null) return;
  view.hits.children[focusHitIndex]?.querySelector('.hit-title')?.focus();
  focusHitIndex = null;
}

// ---- Reader view ---------------------------------------------------------------------------

function showReaderView(id) {
  view.searchView.hidden = true;
  view.reader.hidden = false;
  window.scrollTo(0, 0);
  reader.show(id);
}

function showSearchView() {
  reader.hide();
  view.reader.hidden = true;
  view.searchView.hidden = false;
  document.title = current.q ? `${current.q} · Morgue` : 'Morgue: news archive search';
  returnToOrigin();
}

// Back at the list: scroll to where the reader was opened and focus that title again.
function returnToOrigin() {
  const origin = readerOrigin;
  readerOrigin = null;
  if (!origin) {
    view.results.focus();
    return;
  }
  window.scrollTo(0, origin.scrollY);
  for (const link of view.hits.querySelectorAll('.hit-title')) {
    if (link.dataset.articleId === origin.id) {
      link.focus({ preventScroll: true });
      return;
    }
  }
}

function closeReader() {
  navigate(withArticle(current, null));
}

// ---- Wiring --------------------------------------------------------------------------------

view.form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(withQuery(current, view.q.value.trim()));
});

view.sort.addEventListener('change', () => navigate(withSort(current, view.sort.value)));
view.more.addEventListener('click', showMore);

// Examples start afresh: without filters, so each one shows what it is meant to show.
for (const button of document.querySelectorAll('.example')) {
  button.addEventListener('click', () => navigate(withQuery(withoutFilters(current), button.dataset.query)));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !view.reader.hidden) closeReader();
});

window.addEventListener('popstate', render);

// On a phone the filters would push every result below the fold; start them folded there.
if (window.matchMedia('(max-width: 760px)').matches) {
  document.getElementById('facets-disclosure').open = false;
}

render();
