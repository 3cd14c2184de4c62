// Entry point: wires the search page to the URL. Every user action builds a new state, pushes it
// as a URL (navigate), and render() draws whatever the URL says, so a reload, a bookmark and the
// back button all go through the same path as a click.

import {
  addedElement, announce, dateElement, el, errorContent, facetValueName, fetchJson, hedgingBadge, rememberCollectionNames,
  runCount, runNews, snippetFragment, sourceName, typeTag,
} from './dom.js';
import { createCompare } from './compare.js';
import { keepButton, keptArticles, onKeptChange } from './kept.js';
import {
  actorCorrectionForm, actorRenameWithdrawal, addToCollection, articleCorrectionForm, createCuratorControl, createDesk, onSignInChange, saveSearchControl, signedIn, sourceRenameForm, sourceRenameWithdrawal,
  storyFilingForm,
} from './curation.js';
import { createReader } from './reader.js';
import { holdStop, moveStop } from './roving.js';
import {
  EXPANDED_FACET_LIMIT, EXPORT_FORMATS, FACETS, FACET_LIMIT, FILTERS, GROUPINGS, LONG_FACETS, MAX_PAGE_SIZE, PAGE_SIZE,
  bucketRange, exportUrl, feedUrl,
  hasDateRange, hasFilters, isFilterActive, nextPageUrl, pageUrl, readState, searchObject, searchUrl, stateOfSearch,
  withArticle, withComparisons, withView, withDateRange, withFacetOrder, withFilter, withGrouping, withQuery, withSort,
  withTimelineView, withoutFilters,
} from './state.js';
import { createSuggest } from './suggest.js';
import { quoted } from './text.js';
import { createTimeline } from './timeline.js';
import { createTopValues } from './topvalues.js';
import { hitVersions } from './versions.js';

/** Values shown for a facet that is not expanded (the server may send more when another is). */
const FACET_PREVIEW = FACET_LIMIT;
/** Wait after the last key in a facet's filter box before asking the server. */
const FACET_FILTER_DEBOUNCE_MS = 200;

const view = {
  form: document.getElementById('search-form'),
  q: document.getElementById('q'),
  sort: document.getElementById('sort'),
  group: document.getElementById('group'),
  facetOrder: document.getElementById('facet-order'),
  dateRange: document.getElementById('date-range'),
  dateFrom: document.getElementById('date-from'),
  dateTo: document.getElementById('date-to'),
  searchView: document.getElementById('search-view'),
  results: document.getElementById('results'),
  summary: document.getElementById('summary'),
  didYouMean: document.getElementById('did-you-mean'),
  facets: document.getElementById('facets'),
  activeFilters: document.getElementById('active-filters'),
  error: document.getElementById('search-error'),
  empty: document.getElementById('empty'),
  hits: document.getElementById('hits'),
  more: document.getElementById('more'),
  moreError: document.getElementById('more-error'),
  downloads: document.getElementById('downloads'),
  feedLink: document.getElementById('feed-link'),
  reader: document.getElementById('reader'),
  skipMore: document.getElementById('skip-more'),
  timelineView: document.getElementById('timeline-view'),
  desk: document.getElementById('desk'),
  curatorTools: document.getElementById('curator-tools'),
};

/** Where the desk's links lead: page URLs built from states, and navigation to them. */
const deskLinks = {
  collectionHref: (id) => pageUrl(withView(readState(''), 'collection', { id })),
  openCollection: (id) => navigate(withView(current, 'collection', { id })),
  openCollections: () => navigate(withView(current, 'collections')),
  savedSearchesHref: pageUrl(withView(readState(''), 'saved-searches')),
  openSavedSearches: () => navigate(withView(current, 'saved-searches')),
  searchWithinHref: (id) => pageUrl(withFilter(readState(''), 'collection', id, true)),
  searchWithin: (id) => navigate(withFilter(readState(''), 'collection', id, true)),
  articleHref: (id) => pageUrl(withArticle(readState(''), id)),
  openArticle: (id) => navigate(withArticle(readState(''), id)),
  searchHref: (search) => pageUrl(stateOfSearch(search)),
  openSearch: (search) => navigate(stateOfSearch(search)),
  changesHref: (before) => pageUrl(withView(readState(''), 'changes', { before })),
  openChanges: (before) => navigate(withView(current, 'changes', { before })),
};
const desk = createDesk(view.desk, deskLinks);
createCuratorControl(document.getElementById('curator'));

const reader = createReader(view.reader, {
  onClose: closeReader,
  articleHref: (id) => pageUrl(withArticle(current, id)),
  openArticle: (id) => {
    // Stepping through results: back at the list, the hit last read gets the focus.
    readerOrigin = { id, scrollY: null };
    navigate(withArticle(current, id));
  },
  neighbours: heldNeighbours,
  openNextPage,
  permalink: (id) => new URL(`?article=${encodeURIComponent(id)}`, window.location.href).href,
  // A signed-in curator's tools: add the article to a collection, correct one of its actors or its details.
  curation: {
    signedIn,
    addToCollection: (article) => addToCollection(article.id, article.title, deskLinks),
    correctActor: actorCorrectionForm,
    correctArticle: articleCorrectionForm,
    fileStory: storyFilingForm,
    renameSource: sourceRenameForm,
    withdrawSourceRename: sourceRenameWithdrawal,
    withdrawActorRename: actorRenameWithdrawal,
    // A change to many articles (a source renamed): the results, facets and article, asked anew.
    archiveChanged: () => {
      fetchedSearchUrl = null;
      render();
      reader.reload();
    },
  },
});

/**
 * The hits before and after an article among those the page holds, its place among them, and how
 * many the search has (stories when grouped): at the last hit held, "next" is the next page's first,
 * fetched when asked for, so stepping through the results does not stop at the end of a page.
 */
function heldNeighbours(id) {
  const titles = [...view.hits.querySelectorAll('.hit-title')];
  const index = titles.findIndex((link) => link.dataset.articleId === id);
  const grouped = current.group === GROUPINGS[0] && typeof paging.stories === 'number';
  const count = Math.max(titles.length, paging.nextCursor ? (grouped ? paging.stories : paging.total) : 0);
  if (index < 0) return { previous: null, next: null, position: 0, count };
  const hit = (link) => (link ? { id: link.dataset.articleId, title: link.textContent } : null);
  const more = index === titles.length - 1 && paging.nextCursor ? { id: null, title: 'the next result', more: true } : null;
  return { previous: hit(titles[index - 1]), next: hit(titles[index + 1]) ?? more, position: index + 1, count };
}

/** Loads the next page of hits and reads its first: the reader's "next" at the last hit held. */
async function openNextPage() {
  const held = view.hits.children.length;
  await showMore();
  const link = view.hits.children[held]?.querySelector('.hit-title');
  if (!link) return;
  readerOrigin = { id: link.dataset.articleId, scrollY: null };
  navigate(withArticle(current, link.dataset.articleId));
}
const timeline = createTimeline(document.getElementById('timeline-figure'), document.getElementById('timeline'),
  document.getElementById('timeline-hedging'), {
  onSelect: (firstKey, lastKey) => {
    const first = bucketRange(firstKey);
    const last = bucketRange(lastKey);
    // Decades chosen are shown by year, a step finer, as a year chosen is by month: by the span of
    // a decade alone its matches would be counted by month, 120 bars of mostly nothing.
    const interval = /^\d{4}s$/.test(firstKey) ? 'year' : null;
    if (first && last) navigate(withDateRange(current, first.from, last.to, interval));
  },
});
const byId = (id) => document.getElementById(id);
const compare = createCompare({
  section: byId('compare'),
  list: byId('compare-list'),
  form: byId('compare-form'),
  input: byId('compare-q'),
  full: byId('compare-full'),
  error: byId('compare-error'),
  chart: byId('compare-chart'),
  numbers: byId('compare-numbers'),
  table: byId('compare-table'),
}, {
  onChange: (queries) => navigate(withComparisons(current, queries)),
  onAxis: drawTimeline,
});
// The timeline of the answer on screen, drawn as it is or widened to the periods compared.
let shownTimeline = null;
// The answer's timeline and the state it answers: the share view draws its `shares` where the server
// gives them (periods wide enough that a share is not of one or two articles), the count view the rest.
let answered = null;

/** The timeline the view on screen draws, from the answer on screen; null before one. */
function viewTimeline(state) {
  if (!answered?.timeline) return null;
  const { shares, ...own } = answered.timeline;
  // Shares widened to one period for the whole chart (a decade chosen, its years of one address each)
  // draw no trend: the share view keeps the bars of its own periods and says that one share in words.
  if (shares && shares.buckets.length === 1 && own.buckets.length > 1) return { ...own, oneShare: shares };
  return state.timelineView === 'share' && shares ? { ...shares, total: own.total, widenedFrom: own } : own;
}

/**
 * Draws the page's own timeline; with `keys`, over those periods (a comparison's span may be wider),
 * so its bars and hedging columns line up with the comparison's points. Added periods count 0.
 */
function drawTimeline(keys = null, archive = null) {
  if (!keys || !shownTimeline) {
    timeline.render(shownTimeline);
    return;
  }
  const byKey = new Map((shownTimeline.buckets ?? []).map((bucket) => [bucket.key, bucket]));
  timeline.render({
    ...shownTimeline,
    buckets: keys.map((key) => byKey.get(key)
      ?? { key, count: 0, archiveCount: archive?.get(key) ?? 0, mediumHedged: 0, highHedged: 0 }),
  });
}
const topValues = createTopValues(document.getElementById('top-values'), document.getElementById('top-actors'),
  document.getElementById('top-themes'), document.getElementById('top-values-title'));
const suggest = createSuggest(view.q, document.getElementById('suggestions'), {
  // A suggestion becomes a facet filter in place of what was typed: the box held a name being looked
  // up, not words to search, and keeping the query that ran before ("ministr") beside the filter
  // would answer a question nobody asked, often with nothing.
  onChoose: ({ facet, value }) => {
    if (!FACETS.some(({ key }) => key === facet)) {
      view.q.value = current.q;
      return;
    }
    view.q.value = '';
    navigate(withFilter({ ...current, q: '' }, facet, value, true));
  },
});

// Starts empty so the first render() treats whatever the URL says as a change.
let current = readState('');
let fetchedSearchUrl = null;
/** The saved-search runs the drawn results know of (runCount). */
let drawnRuns = 0;
let searchController = null;
// Facet counts carry no actor type, so types seen on hits are remembered to tag actor facets.
const actorTypes = new Map();
// Facet display choices live here, not in the URL: they shape the lists, not the search.
const expandedFacets = new Set();
const facetPrefixes = {};
// The value holding each facet list's one tab stop, by facet key, so a redraw leaves it where it was.
const facetStops = {};
let facetFilterTimer = null;
let facetController = null;
// The page of hits on screen: the URL it came from and the cursor for the next one.
let paging = { url: null, nextCursor: null, total: 0 };
let moreController = null;
// Where the reader was opened from, to put the reader's user back there on close.
let readerOrigin = null;
// Index of the first hit added by "show more", to move focus to it once it exists.
let focusHitIndex = null;
// A facet was ticked by touch or mouse on a narrow screen: scroll the results into view once drawn.
let revealResults = false;
// When a pointer last went down in the filter panel: a tick that follows it came from touch or mouse.
let facetPointerAt = -Infinity;
// Whether the first results have been marked as painted (performance.mark, read by `morgue bench page`).
let paintMarked = false;
/** Phone-width screens, where the filter panel stands above the results instead of beside them. */
const NARROW = window.matchMedia('(max-width: 760px)');

/** The search as the API is asked for it, with the facet lists' limit and prefixes. */
function apiSearchUrl(state, options = {}) {
  return searchUrl(state, {
    facetLimit: expandedFacets.size > 0 ? EXPANDED_FACET_LIMIT : FACET_LIMIT,
    facetPrefixes,
    ...options,
  });
}

/**
 * What the page changed of what was asked, said beside the answer ("From and To were the wrong way
 * round …"): set by the action that navigates, and gone with the next one.
 */
let changedNote = null;

function navigate(next, { replace = false, note = null } = {}) {
  changedNote = note;
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
  if (current.q !== previous.q) {
    // A facet list's filter box narrowed the last search's values; a new search starts with whole lists.
    for (const key of Object.keys(facetPrefixes)) delete facetPrefixes[key];
  }
  syncControls(current);
  if (current.view) {
    showDeskView(current);
    return;
  }
  if (!view.desk.hidden) hideDeskView();
  renderDownloads(current);
  const url = apiSearchUrl(current);
  // After a saved search's Run, its results are drawn again, to mark what the run found new.
  if (url !== fetchedSearchUrl || runCount() !== drawnRuns) {
    drawnRuns = runCount();
    runSearch(current, url);
  }
  if (current.article) {
    showReaderView(current.article);
  } else if (previous.article || !view.reader.hidden) {
    showSearchView();
  }
}

// ---- The librarian's desk ------------------------------------------------------------------

function showDeskView(state) {
  reader.hide();
  view.reader.hidden = true;
  view.searchView.hidden = true;
  view.desk.hidden = false;
  desk.show(state);
  renderDeskNav(state);
}

function hideDeskView() {
  desk.hide();
  view.desk.hidden = true;
  view.searchView.hidden = false;
  renderDeskNav(current);
}

/** The header's "Kept" says how many: the reader's own list, kept in this browser. */
function renderKeptCount() {
  const count = keptArticles().length;
  document.getElementById('kept-link').textContent = count > 0 ? `Kept (${count})` : 'Kept';
}
renderKeptCount();
onKeptChange(renderKeptCount);

/** The header's links to the desk views mark the one on screen. */
function renderDeskNav(state) {
  for (const link of document.querySelectorAll('#desk-nav a[data-view]')) {
    const here = (link.dataset.view || null) === (state.view === 'collection' ? 'collections' : state.view);
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

for (const link of document.querySelectorAll('#desk-nav a[data-view]')) {
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.dataset.view ? withView(current, link.dataset.view) : withView(current, null));
  });
}

/** The tools a signed-in curator has over the results: save this search. */
function renderCuratorTools(state) {
  if (!signedIn()) {
    view.curatorTools.replaceChildren();
    view.curatorTools.hidden = true;
    return;
  }
  view.curatorTools.hidden = false;
  view.curatorTools.replaceChildren(saveSearchControl(searchObject(state), state.q || 'All articles', deskLinks));
}

// Signing in or out changes which controls are drawn: draw the page again, asking anew.
onSignInChange(() => {
  fetchedSearchUrl = null;
  if (current.view) desk.refresh();
  else render();
  reader.reload();
});

// Collection ids in facets and filter chips are shown by name; the names come once, at start.
fetchJson('api/collections').then((answer) => {
  rememberCollectionNames(answer.collections ?? []);
  if (!current.view && !facetsAside && (lastFacets.collection || current.filters.collection?.length)) {
    renderFacets(current, lastFacets);
    renderActiveFilters(current);
  }
}).catch(() => {
  // No curation on this server, or it cannot answer now: ids stay ids.
});

function syncControls(state) {
  // Only overwrite the box when the URL disagrees, so typing is never interrupted by a render.
  if (view.q.value.trim() !== state.q) view.q.value = state.q;
  view.sort.value = state.sort;
  view.group.checked = state.group === GROUPINGS[0];
  for (const radio of view.timelineView.querySelectorAll('input')) radio.checked = radio.value === state.timelineView;
  timeline.setView(state.timelineView);
  const drawn = viewTimeline(state);
  if (answered && drawn?.interval !== shownTimeline?.interval) {
    // Shares drawn per wider periods than counts: other bars, and comparisons counted per those periods.
    shownTimeline = drawn;
    timeline.render(shownTimeline);
    compare.update(state, { state: answered.state, timeline: shownTimeline });
  } else {
    compare.update(state);
  }
  for (const radio of view.facetOrder.querySelectorAll('input')) radio.checked = radio.value === state.facetOrder;
  view.dateFrom.value = state.from ?? '';
  view.dateTo.value = state.to ?? '';
}

async function runSearch(state, url) {
  searchController?.abort();
  moreController?.abort();
  facetController?.abort();
  const controller = (searchController = new AbortController());
  fetchedSearchUrl = url;
  setLoading(true);
  try {
    const response = await fetchJson(url, controller.signal);
    const named = withAnsweredFilters(state, response.filters);
    if (named !== state) {
      // The answer names the filters as the archive keeps them (theme=crime is "Crime, law and
      // justice", actor=fdr Franklin D. Roosevelt); the page keeps those names, so its chips, the
      // ticked values and the next click agree (a trial saw "Theme: 02000000" ticked with 0 articles
      // beside the real theme unticked, and ticking it made a second filter).
      history.replaceState(null, '', pageUrl(named));
      current = readState(location.search);
      fetchedSearchUrl = apiSearchUrl(current);
      state = current;
    }
    paging = {
      url,
      nextCursor: response.nextCursor ?? null,
      total: response.total ?? 0,
      stories: response.stories ?? null,
      interpretedAs: response.interpretedAs ?? null,
      interpretedBecause: response.interpretedBecause ?? null,
    };
    renderResults(state, response);
    if (!view.reader.hidden) reader.refreshSteps();
  } catch (error) {
    if (error.name === 'AbortError') return;
    // Forget the URL so the same search can be retried.
    fetchedSearchUrl = null;
    renderSearchError(state, error);
  } finally {
    if (controller === searchController) setLoading(false);
  }
}

/** The state with each filter as the answer names it, or the state itself when the answer names them as asked. */
function withAnsweredFilters(state, answered) {
  if (!answered) return state;
  let changed = false;
  const filters = { ...state.filters };
  for (const key of Object.keys(filters)) {
    const given = answered[key];
    if (Array.isArray(given) && given.length > 0 && given.join('\u0000') !== filters[key].join('\u0000')) {
      filters[key] = [...given];
      changed = true;
    }
  }
  return changed ? { ...state, filters } : state;
}

function setLoading(loading) {
  view.results.setAttribute('aria-busy', String(loading));
  view.results.classList.toggle('is-loading', loading);
  if (loading) {
    view.summary.textContent = 'Searching…';
    if (!current.article) announce('Searching…');
  }
}

// Which answer was drawn last: the facets and charts of an older answer, still waiting for their
// frame, must not be drawn over a newer one.
let renderedAnswer = 0;

/**
 * Draws an answer in two steps: first what a reader looks at (the count, the hits, the paging), so
 * they paint in the first frame; then, in the task after that frame, the facets, the timeline and
 * the charts. Drawing everything at once kept a broad search's hits off screen for the 100 ms its
 * facets and a 230-year timeline take to build.
 */
function renderResults(state, response) {
  const answer = ++renderedAnswer;
  // The control that asked for this answer, when it is one the answer redraws: a filter chip, "Clear
  // all filters", "Did you mean", a result's own filter button.
  const asking = document.activeElement;
  const askingChip = [...view.activeFilters.querySelectorAll('button')].indexOf(asking);
  // Until the second step is drawn; tests and tools wait for it to go.
  view.results.dataset.drawing = 'facets';
  const hits = response.hits ?? [];
  for (const hit of hits) rememberActorTypes(hit.actors ?? []);
  clearQueryError();
  view.error.hidden = true;
  view.summary.replaceChildren(...summaryParts(state, response, hits.length));
  renderDidYouMean(state, response.suggestion ?? null, response.unknownFilters ?? []);
  renderActiveFilters(state);
  renderCuratorTools(state);
  view.hits.replaceChildren(...hits.map((hit) => hitItem(state, hit)));
  renderEmpty(state, hits.length === 0, response);
  view.downloads.hidden = hits.length === 0;
  view.moreError.hidden = true;
  renderMoreButton();
  if (!state.article) {
    document.title = state.q ? `${state.q} · Morgue` : 'Morgue: news archive search';
    announce(announcement(response, state));
  }
  focusNewHits();
  keepFocusInResults(asking, askingChip);
  if (!paintMarked) {
    paintMarked = true;
    // The frame that paints the first results; `morgue bench page` reads this mark.
    requestAnimationFrame(() => performance.mark('morgue:results-painted'));
  }
  requestAnimationFrame(() => setTimeout(() => {
    if (answer !== renderedAnswer) return;
    renderFacets(state, response.facets ?? {});
    // With the matches' total, so the timeline can say how many it leaves out for having no date.
    answered = { state, timeline: response.timeline ? { ...response.timeline, total: response.total } : null };
    shownTimeline = viewTimeline(current);
    timeline.render(shownTimeline);
    // The current state: its comparisons may have changed while this answer was on its way.
    compare.update(current, { state, timeline: shownTimeline });
    topValues.render(response, state, facetPrefixes);
    delete view.results.dataset.drawing;
    revealNewResults();
  }, 0));
}

function rememberActorTypes(actors) {
  for (const actor of actors) if (actor.type) actorTypes.set(actor.name, actor.type);
}

function summaryParts(state, response, shown) {
  const parts = [el('strong', { text: countText(response, state) })];
  // Grouped, a page holds stories: "showing 20" is out of the stories, not the articles.
  if (shown < hitsTotal(response, state)) parts.push(el('span', { className: 'muted', text: ` · showing ${shown}` }));
  if (typeof response.took === 'number') parts.push(el('span', { className: 'muted', text: ` · ${response.took} ms` }));
  // The query could not be read as syntax, so its plain words were searched: say so, as text only.
  if (response.interpretedAs) {
    const why = response.interpretedBecause ? ` (${response.interpretedBecause})` : '';
    parts.push(el('span', { className: 'interpreted', text: ` · searched for the words “${response.interpretedAs}”${why}` }));
  }
  // With no hits, the empty note says it instead.
  const partly = shown > 0 ? partlyInRangeText(response) : '';
  if (partly) parts.push(el('span', { className: 'partly-in-range', text: ` · ${partly}` }));
  const news = runNews(searchObject(state));
  if (news) parts.push(runNewsNote(state, news));
  return parts;
}

/**
 * After a curator's Run of a saved search: how many matches are new since the run before, marked
 * "New" where they are listed, with a link to them alone (a librarian's trial: the page opened the
 * plain search, and what was new could no longer be told).
 */
function runNewsNote(state, news) {
  const count = `${news.exact ? '' : 'about '}${news.count} ${news.count === 1 ? 'match' : 'matches'} new since the last run of “${news.name}”`;
  const note = el('span', { className: 'run-news' }, [` · ${count}${news.ids.size > 0 ? ', marked New' : ''}`]);
  const quotedIds = [...news.ids].map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(' OR ');
  const q = `${state.q ? `(${state.q}) AND ` : ''}id:(${quotedIds})`;
  // The API takes queries of up to 4,000 characters (SearchEngine.MAX_QUERY_LENGTH).
  if (news.ids.size > 0 && q.length <= 4000) {
    const only = withQuery(state, q);
    const shownIds = news.ids.size < news.count ? `the first ${news.ids.size}` : news.ids.size === 1 ? 'it' : 'only these';
    note.append(' (', el('a', { attrs: { href: pageUrl(only) }, on: { click: (event) => { event.preventDefault(); navigate(only); } }, text: `show ${shownIds}` }), ')');
  }
  return note;
}

/**
 * Says how many more articles match but are dated only to a month or year that runs past the dates
 * asked: a range counts an article only when it holds its whole month or year, and a journalist who
 * asked for January to June 1961 saw "No articles match" with four 1961 clippings on the subject.
 */
function partlyInRangeText(response) {
  const partly = response.partlyInRange ?? 0;
  if (partly <= 0) return '';
  return `${partly.toLocaleString()} more ${partly === 1 ? 'article matches but is' : 'articles match but are'} dated only`
    + ' to a month or year that runs past these dates, so not counted: widen the dates to include '
    + (partly === 1 ? 'it' : 'them');
}

/**
 * "Did you mean …?" for a query with few or no hits, when the server found a spelling that finds more;
 * and for each filter value the archive holds under no name (typed into the URL by hand, or a link
 * from elsewhere: `actor=Venezuelaa` found nothing and said nothing), that it names nothing here and,
 * where the server found one, the value it most likely misspells, which the link filters by instead.
 */
function renderDidYouMean(state, suggestion, unknownFilters = []) {
  const lines = notesOnTheAsking(state).map((note) => [note]);
  if (suggestion) lines.push(['Did you mean ', correctionLink(withQuery(state, suggestion), suggestion), '?']);
  for (const { facet, value, suggestion: nearest } of unknownFilters) {
    const named = FILTERS.find(({ key }) => key === facet)?.label?.toLowerCase() ?? facet;
    // A collection is filtered by its id, which the answer's own words name: a librarian who typed its
    // name is offered the id.
    const line = [facet === 'collection' ? `No collection in the archive has the id ${quoted(value)}.`
      : `No ${named} in the archive is named ${quoted(value)}.`];
    if (nearest) {
      const replaced = withFilter(withFilter(state, facet, value, false), facet, nearest, true);
      line.push(' Did you mean ', correctionLink(replaced, nearest), '?');
    }
    lines.push(line);
  }
  view.didYouMean.hidden = lines.length === 0;
  view.didYouMean.replaceChildren(...lines.map((line) => el('span', { className: 'did-you-mean-line' }, line)));
}

/**
 * What the page searched other than as asked, in words: a sort the link names that the page does not
 * know (an old or hand-edited link was shown by relevance without a word), dates swapped.
 */
function notesOnTheAsking(state) {
  const notes = [];
  if (state.unknownSort) notes.push(`Unknown sort ${quoted(state.unknownSort)} in the link: sorted by relevance.`);
  if (changedNote) notes.push(changedNote);
  return notes;
}

/** A link to a corrected search, followed in place (the page's own navigation) on a plain click. */
function correctionLink(corrected, text) {
  return el('a', {
    attrs: { href: pageUrl(corrected) },
    on: {
      click: (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(corrected);
      },
    },
    text,
  });
}

/** What the hits count: stories when copies are grouped (and the server says how many), else articles. */
function hitsTotal(response, state) {
  const total = response.total ?? 0;
  return state.group === GROUPINGS[0] && typeof response.stories === 'number' ? response.stories : total;
}

/** "8 articles", or grouped where copies were folded together "4 stories (8 articles)"; with the query after. */
/**
 * A redrawn control takes keyboard focus with it, to the page's start: a keyboard or screen-reader
 * user who removed a filter chip was sent back some sixty stops. The focus goes where the answer
 * begins instead: the chip now in the removed one's place, or the results.
 */
function keepFocusInResults(asking, askingChip) {
  if (!asking || asking === document.body || asking.isConnected) return;
  if (document.activeElement && document.activeElement !== document.body) return;
  const chips = view.activeFilters.hidden ? [] : [...view.activeFilters.querySelectorAll('button')];
  const target = askingChip >= 0 && chips.length > 0 ? chips[Math.min(askingChip, chips.length - 1)] : view.results;
  target.focus();
}

/** What a screen reader hears when an answer comes: the count, the filters it is counted under, a spelling offered. */
function announcement(response, state) {
  const filters = FILTERS.flatMap(({ key, label }) => state.filters[key].map((value) => `${label}: ${facetValueName(key, value)}`));
  if (hasDateRange(state)) filters.push(`Dates: ${dateRangeText(state)}`);
  const parts = [countText(response, state)];
  if (filters.length > 0 && filters.length <= 3) parts.push(`filtered by ${filters.join(', ')}`);
  else if (filters.length > 3) parts.push(`under ${filters.length} filters`);
  const said = [parts.join(', '), ...notesOnTheAsking(state)];
  if (response.suggestion) said.push(`Did you mean ${response.suggestion}?`);
  for (const { value, suggestion } of response.unknownFilters ?? []) {
    said.push(`Nothing in the archive is named ${value}${suggestion ? `; did you mean ${suggestion}?` : ''}`);
  }
  return said.join('. ');
}

function countText(response, state) {
  const total = response.total ?? 0;
  const stories = response.stories;
  const articles = `${total.toLocaleString()} article${total === 1 ? '' : 's'}`;
  const counted = state.group === GROUPINGS[0] && typeof stories === 'number' && stories !== total
    ? `${stories.toLocaleString()} stor${stories === 1 ? 'y' : 'ies'} (${articles})`
    : articles;
  return state.q ? `${counted} for ${quoted(state.q)}` : counted;
}

function renderSearchError(state, error) {
  renderedAnswer++;
  delete view.results.dataset.drawing;
  // A query the server refused (only common words, a field that does not exist) is the reader's to
  // change, not a failure of the search: the summary says which, and the error box says why.
  const refused = error.parameter === 'q';
  const summary = refused ? 'This query cannot be searched' : 'Search failed';
  view.summary.textContent = summary;
  renderDidYouMean(state, null);
  view.error.replaceChildren(...errorContent(error));
  view.error.hidden = false;
  view.hits.replaceChildren();
  view.empty.hidden = true;
  view.more.hidden = true;
  view.skipMore.hidden = true;
  view.moreError.hidden = true;
  view.downloads.hidden = true;
  paging = { url: null, nextCursor: null, total: 0 };
  shownTimeline = null;
  answered = null;
  timeline.render(null);
  compare.update(state, null);
  topValues.render(null);
  setFacetsAside(refused);
  renderActiveFilters(state);
  if (error.parameter === 'q') markQueryError();
  if (!state.article) announce(`${summary}. ${error.message}`);
  revealNewResults();
}

/** After a tick in the filter panel on a phone: the results' top on screen. Scrolls only; focus stays. */
function revealNewResults() {
  if (!revealResults) return;
  revealResults = false;
  view.results.scrollIntoView({ block: 'start' });
}

// The error box is tied to the search box so screen readers read it when the box has focus. It is
// also one of the box's descriptions: aria-errormessage must point at an alert or a live region (or
// a description), and the error is already announced through #status, so it is not an alert too.
const QUERY_DESCRIPTION = 'syntax-summary';

function markQueryError() {
  view.q.setAttribute('aria-invalid', 'true');
  view.q.setAttribute('aria-errormessage', 'search-error');
  view.q.setAttribute('aria-describedby', `search-error ${QUERY_DESCRIPTION}`);
}

function clearQueryError() {
  view.q.removeAttribute('aria-invalid');
  view.q.removeAttribute('aria-errormessage');
  view.q.setAttribute('aria-describedby', QUERY_DESCRIPTION);
}

function renderEmpty(state, empty, response) {
  view.empty.hidden = !empty;
  if (!empty) return;
  const partly = partlyInRangeText(response);
  const advice = partly ? `${partly.charAt(0).toUpperCase()}${partly.slice(1)}.`
    : hasFilters(state)
      ? 'Try removing a filter or using fewer words.'
      : 'Try fewer or different words, or check the query syntax above.';
  const parts = [el('p', { className: 'empty-title', text: 'No articles match' }), el('p', { text: advice })];
  if (hasFilters(state)) parts.push(clearAllButton());
  view.empty.replaceChildren(...parts);
  if (!partly) explainWordByWord(state, searchController?.signal);
}

/**
 * The words of a query typed as plain words, two to six of them: what a search that finds nothing
 * can be told word by word. Empty for anything with quotes, fields, operators or wildcards.
 */
function plainWords(query) {
  const q = (query ?? '').trim();
  if (!/^[\p{L}\p{N}'’.\- ]+$/u.test(q)) return [];
  const words = [...new Set(q.split(/\s+/).filter((word) => !/^(and|or|not)$/i.test(word)))];
  return words.length >= 2 && words.length <= 6 ? words : [];
}

/**
 * Under a search of several words that finds nothing, how many articles each word finds under the
 * same filters and dates, and its spelling correction if it has one: "Breshnev detente" found
 * nothing and said only to try fewer words, where "detente" alone finds 2 and "Breshnev" is a
 * misspelling of Brezhnev. Asked of the API one word at a time, after the answer is drawn.
 */
async function explainWordByWord(state, signal) {
  const words = plainWords(state.q);
  if (words.length === 0 || !signal) return;
  let counts;
  try {
    counts = await Promise.all(words.map(async (word) => {
      const answer = await fetchJson(searchUrl(withQuery(state, word), { size: 0 }), signal);
      return { word, total: answer.total ?? 0, suggestion: answer.suggestion ?? null };
    }));
  } catch {
    return; // aborted by a newer search, or refused: the note stays as it is
  }
  if (signal.aborted || view.empty.hidden) return;
  const said = counts.map(({ word, total, suggestion }) => {
    const found = total === 0 ? 'no article' : `${total.toLocaleString()} article${total === 1 ? '' : 's'}`;
    return `“${word}” ${found}${total === 0 && suggestion ? ` (did you mean “${suggestion}”?)` : ''}`;
  });
  view.empty.querySelector('.word-counts')?.remove();
  view.empty.insertBefore(el('p', { className: 'word-counts', text: `No article has them all. Alone, ${said.join(', ')}.` }),
    view.empty.children[1] ?? null);
}

// ---- Active filter chips -------------------------------------------------------------------

function renderActiveFilters(state) {
  const chips = FILTERS.flatMap(({ key, label }) =>
    state.filters[key].map((value) => el('li', {}, [removeChip(key, label, value)])));
  if (hasDateRange(state)) chips.push(el('li', {}, [dateChip(state)]));
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
    attrs: { type: 'button', 'aria-label': `Remove filter ${label}: ${facetValueName(key, value)}` },
    on: { click: () => navigate(withFilter(current, key, value, false)) },
  }, [
    el('span', { className: 'chip-facet', text: `${label}:` }),
    ` ${facetValueName(key, value)} `,
    el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
  ]);
}

function dateChip(state) {
  const range = dateRangeText(state);
  return el('button', {
    className: 'chip chip-active chip-dates',
    attrs: { type: 'button', 'aria-label': `Remove filter Dates: ${range}` },
    on: { click: () => navigate(withDateRange(current, null, null)) },
  }, [
    el('span', { className: 'chip-facet', text: 'Dates:' }),
    ` ${range} `,
    el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
  ]);
}

function dateRangeText({ from, to }) {
  if (from && to) return from === to ? from : `${from} – ${to}`;
  return from ? `from ${from}` : `until ${to}`;
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

/**
 * With no answer, no counts: the last answer's (the whole archive's, after a refused query) stood
 * beside the error as if something had matched. The active filters stay removable above the results.
 */
function setFacetsAside(refused) {
  lastFacets = {};
  facetsAside = true;
  view.facets.replaceChildren(el('p', { className: 'empty-note facets-aside', text: refused
    ? 'No counts: this query cannot be searched. Change it to see what the filters hold.'
    : 'No counts: the search failed.' }));
}

let facetsAside = false;

function renderFacets(state, facets) {
  facetsAside = false;
  lastFacets = facets;
  const focused = focusedFacet();
  const groups = FILTERS.map((facet) => facetGroup(state, facet, facets[facet.key] ?? [])).filter(Boolean);
  view.facets.replaceChildren(...(groups.length > 0 ? groups : [el('p', { className: 'empty-note', text: 'No filters for these results.' })]));
  restoreFacetFocus(focused);
}

const HEDGING_ORDER = ['low', 'medium', 'high'];

function facetGroup(state, { key, label }, counts) {
  const selected = state.filters[key];
  const values = counts.map(({ value, count }) => ({ value: String(value), count }));
  const prefix = facetPrefixes[key] ?? '';
  // A selected value with no hits must stay visible, or it could not be unticked here; while a
  // filter box narrows the list, only selected values that match it are added back.
  for (const value of selected) {
    if (!values.some((entry) => entry.value === value) && matchesPrefix(value, prefix)) values.push({ value, count: 0 });
  }
  // Levels read as a scale, low to high, not by count: "medium, high, low" read as noise (a journalist's trial).
  if (key === 'hedging') values.sort((a, b) => HEDGING_ORDER.indexOf(a.value) - HEDGING_ORDER.indexOf(b.value));
  const long = LONG_FACETS.includes(key);
  if (values.length === 0 && !prefix) return null;
  const expanded = expandedFacets.has(key);
  const visible = expanded ? values : values.filter((entry, index) => index < FACET_PREVIEW || selected.includes(entry.value));
  // The server sends facetLimit values at most: a full list may have more behind it.
  const limit = expandedFacets.size > 0 ? EXPANDED_FACET_LIMIT : FACET_LIMIT;
  const mayHaveMore = values.length > FACET_PREVIEW || counts.length >= limit;
  const list = visible.length > 0
    ? el('ul', { className: 'facet-values' }, visible.map((entry) => facetValue(state, key, entry)))
    : el('p', { className: 'empty-note', text: `No ${plural(label)} match “${prefix}”.` });
  const boxes = facetBoxes(list);
  holdStop(boxes, boxes.find((box) => box.dataset.value === facetStops[key]) ?? boxes.find((box) => box.checked) ?? boxes[0]);
  // The hint (index.html) tells a screen-reader user entering the group how its values are reached.
  return el('fieldset', { className: 'facet', attrs: { 'aria-describedby': 'facet-keys' } }, [
    el('legend', { text: label }),
    long && (prefix || values.length >= FACET_PREVIEW) ? facetFilterBox(key, label, prefix) : null,
    list,
    long && (expanded || mayHaveMore) ? facetToggle(key, label, expanded) : null,
  ]);
}

function plural(label) {
  const word = label.toLowerCase();
  return word.endsWith('s') ? `${word}es` : `${word}s`;
}

// Same folding as the server is not attempted; this only decides whether to add a selected value back.
function matchesPrefix(value, prefix) {
  if (!prefix) return true;
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return fold(value).split(/\s+/).some((word) => word.startsWith(fold(prefix))) || fold(value).startsWith(fold(prefix));
}

function facetFilterBox(key, label, prefix) {
  const id = `facet-filter-${key}`;
  const input = el('input', {
    className: 'facet-filter',
    attrs: { id, type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: `Filter ${plural(label)}…` },
    on: {
      input: (event) => {
        facetPrefixes[key] = event.target.value.trim();
        clearTimeout(facetFilterTimer);
        facetFilterTimer = setTimeout(refreshFacets, FACET_FILTER_DEBOUNCE_MS);
      },
    },
  });
  input.value = prefix;
  input.dataset.filterFacet = key;
  return el('div', { className: 'facet-filter-row' }, [
    el('label', { className: 'visually-hidden', attrs: { for: id }, text: `Filter ${plural(label)}` }),
    input,
  ]);
}

function facetValue(state, key, { value, count }) {
  const checkbox = el('input', {
    attrs: { type: 'checkbox', checked: isFilterActive(state, key, value) },
    on: {
      change: (event) => {
        // On a phone the open panel stands above the results: show the new ones when they come. Only
        // for touch and mouse: a keyboard user stays where the focus is (the count is announced).
        revealResults = NARROW.matches && performance.now() - facetPointerAt < 2000;
        navigate(withFilter(current, key, value, event.target.checked));
      },
      // Browsers tick a checkbox with Space only; in this list Enter is the key people try first.
      // The arrows, Home and End move between the list's values: the list is one tab stop, where a
      // keyboard trial counted a Tab for every value of every facet (59 from the search box to a result).
      keydown: (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.target.click();
          return;
        }
        moveStop(event, facetBoxes(event.target.closest('.facet-values')), event.target);
      },
      // Focused however (a click, a redraw's restored focus), the value becomes the list's tab stop.
      focus: (event) => {
        facetStops[key] = value;
        holdStop(facetBoxes(event.target.closest('.facet-values')), event.target);
      },
    },
  });
  // dataset, not a CSS selector built from the value: values are untrusted text.
  checkbox.dataset.facet = key;
  checkbox.dataset.value = value;
  const type = key === 'actor' ? actorTypes.get(value) : null;
  return el('li', {}, [
    el('label', { className: 'facet-label' }, [
      checkbox,
      // The type tag flows after the name, so a long name wraps between words, not inside them.
      el('span', { className: 'facet-name' }, [facetValueName(key, value), type ? ' ' : null, type ? typeTag(type) : null]),
      // "China place 12" named a bare number; the unit is said, not shown.
      el('span', { className: 'count', text: count.toLocaleString() }),
      el('span', { className: 'visually-hidden', text: ` article${count === 1 ? '' : 's'}` }),
    ]),
  ]);
}

/** The checkboxes of one facet's list of values, in the order shown. */
function facetBoxes(list) {
  return list ? [...list.querySelectorAll('input[data-facet]')] : [];
}

function facetToggle(key, label, expanded) {
  const toggle = el('button', {
    className: 'link-button facet-toggle',
    attrs: { type: 'button', 'aria-expanded': String(expanded) },
    on: {
      click: () => {
        if (expanded) expandedFacets.delete(key);
        else expandedFacets.add(key);
        refreshFacets();
      },
    },
    text: expanded ? `Show fewer ${plural(label)}` : `Show more ${plural(label)}`,
  });
  toggle.dataset.toggleFacet = key;
  return toggle;
}

let lastFacets = {};

/**
 * Asks again for the facet lists only (size=0), after a facet was expanded or its filter box
 * changed. The hits on screen, and any pages added with "show more", stay as they are.
 */
async function refreshFacets() {
  clearTimeout(facetFilterTimer);
  facetController?.abort();
  const controller = (facetController = new AbortController());
  const state = current;
  view.facets.setAttribute('aria-busy', 'true');
  try {
    const response = await fetchJson(apiSearchUrl(state, { size: 0 }), controller.signal);
    if (state !== current) return;
    // The next full search should ask for the same lists, so remember them as fetched.
    fetchedSearchUrl = apiSearchUrl(state);
    renderFacets(state, response.facets ?? {});
  } catch (error) {
    if (error.name === 'AbortError') return;
    // The lists on screen stay; the facets panel says that they could not be updated.
    view.facets.prepend(el('p', { className: 'error-box', attrs: { role: 'alert' }, text: `Filters could not be updated: ${error.message}` }));
  } finally {
    if (controller === facetController) view.facets.removeAttribute('aria-busy');
  }
}

function focusedFacet() {
  const active = document.activeElement;
  if (active?.dataset?.facet) return { key: active.dataset.facet, value: active.dataset.value };
  if (active?.dataset?.toggleFacet) return { toggle: active.dataset.toggleFacet };
  if (active?.dataset?.filterFacet) return { filter: active.dataset.filterFacet, caret: active.selectionStart };
  return null;
}

// Re-rendering replaces the controls; put keyboard focus back on the one the user just used.
function restoreFacetFocus(focused) {
  if (!focused) return;
  if (focused.toggle) {
    for (const button of view.facets.querySelectorAll('.facet-toggle')) {
      if (button.dataset.toggleFacet === focused.toggle) button.focus();
    }
    return;
  }
  if (focused.filter) {
    for (const input of view.facets.querySelectorAll('input[data-filter-facet]')) {
      if (input.dataset.filterFacet !== focused.filter) continue;
      input.focus();
      if (typeof focused.caret === 'number') input.setSelectionRange(focused.caret, focused.caret);
    }
    return;
  }
  for (const input of view.facets.querySelectorAll('input[data-facet]')) {
    if (input.dataset.facet === focused.key && input.dataset.value === focused.value) input.focus();
  }
}

// ---- Export and feed -------------------------------------------------------------------------

function renderDownloads(state) {
  for (const { format } of EXPORT_FORMATS) {
    document.getElementById(`export-${format}`).setAttribute('href', exportUrl(state, format));
  }
  const feed = feedUrl(state);
  document.getElementById('feed').setAttribute('href', feed);
  view.feedLink.setAttribute('href', feed);
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
      runNews(searchObject(state))?.ids.has(hit.id) ? el('span', { className: 'badge new-match', text: 'New since the last run' }) : null,
      dateElement(hit.published, hit.publishedPrecision, hit.publishedTime),
      hit.source ? el('span', { className: 'source', text: sourceName(hit.source) }) : null,
      authors.length > 0 ? el('span', { text: `By ${authors.join(', ')}` }) : null,
      // Listed in the order the archive took them in, the hits say when.
      state.sort === 'added' ? addedElement(hit.added) : null,
    ]),
    // The API's snippet is empty only for an article with no body text: a headline alone, said so,
    // where the card had a gap a reader took for a text that failed to load.
    hit.snippetParts?.length ? el('p', { className: 'snippet' }, [snippetFragment(hit.snippetParts)])
      : el('p', { className: 'snippet empty-note headline-only', text: 'Headline only: the archive holds no text of this article.' }),
    hitTags(state, hit),
    // The story's other versions (copies, corrections), each a link to the reader.
    hitVersions(hit, {
      articleHref: (id) => pageUrl(withArticle(state, id)),
      openArticle: (id) => {
        readerOrigin = { id: hit.id, scrollY: window.scrollY };
        navigate(withArticle(current, id));
      },
    }),
    el('div', { className: 'hit-actions' }, [
      keepButton(hit.id, hit.title),
      signedIn() ? addToCollection(hit.id, hit.title, deskLinks) : null,
    ]),
  ]);
}

/** Chips a hit shows before its "+N more" is pressed: actors first, themes after, most salient first. */
const HIT_CHIPS = 5;
/** Of those, the slots kept for themes when the hit has enough actors to fill them all. */
const HIT_THEME_CHIPS = 2;

function hitTags(state, hit) {
  const { shown, rest } = hitChipSplit(hit.actors ?? [], hit.themes ?? []);
  const chip = ({ key, value, type }) => key === 'actor'
    ? filterChip(state, 'actor', 'Actor', value, typeTag(type))
    : filterChip(state, 'theme', 'Theme', value, null);
  return el('div', { className: 'hit-tags' }, [
    hit.hedging ? hedgingBadge(hit.hedging) : null,
    ...shown.map(chip),
    rest.length > 0 ? moreTags(hit, rest, chip) : null,
  ]);
}

/**
 * Splits a hit's actors (the API lists them most salient first) and themes (highest score first)
 * into the few chips shown at once and the rest. Themes keep their slots only when there are actors
 * enough; a slot one kind cannot fill goes to the other.
 */
function hitChipSplit(actors, themes) {
  const themeSlots = Math.min(themes.length, Math.max(HIT_THEME_CHIPS, HIT_CHIPS - actors.length));
  const actorSlots = Math.min(actors.length, HIT_CHIPS - themeSlots);
  const actorChips = actors.map((actor) => ({ key: 'actor', value: actor.name, type: actor.type }));
  const themeChips = themes.map((theme) => ({ key: 'theme', value: theme }));
  return {
    shown: [...actorChips.slice(0, actorSlots), ...themeChips.slice(0, themeSlots)],
    rest: [...actorChips.slice(actorSlots), ...themeChips.slice(themeSlots)],
  };
}

let moreTagsCount = 0;

/**
 * "+N more": a disclosure button for the rest of one hit's chips. They are built on the first press
 * only, so a page of hits costs a handful of chips each, not every name in every article.
 */
function moreTags(hit, rest, chip) {
  const id = `more-tags-${(moreTagsCount += 1)}`;
  const container = el('span', { className: 'hit-tags-rest', attrs: { id, hidden: true } });
  const label = `+${rest.length} more`;
  const button = el('button', {
    className: 'link-button more-tags',
    attrs: {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': id,
      'aria-label': `${label} actors and themes of “${hit.title || 'Untitled article'}”`,
    },
    text: label,
    on: {
      click: () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        if (open && container.childElementCount === 0) container.append(...rest.map(chip));
        container.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'Show fewer' : label;
        button.setAttribute('aria-label', open
          ? `Show fewer actors and themes of “${hit.title || 'Untitled article'}”`
          : `${label} actors and themes of “${hit.title || 'Untitled article'}”`);
      },
    },
  });
  return el('span', { className: 'hit-tags-more' }, [container, button]);
}

/** A chip on a hit: pressing it adds (or, when already active, removes) that filter. */
function filterChip(state, key, label, value, extra) {
  const active = isFilterActive(state, key, value);
  const chip = el('button', {
    className: `chip chip-${key}`,
    attrs: {
      type: 'button',
      'aria-pressed': String(active),
      title: active ? `Remove filter ${label}: ${value}` : `Filter by ${label}: ${value}`,
    },
    on: { click: () => navigate(withFilter(current, key, value, !isFilterActive(current, key, value))) },
  }, [el('span', { className: 'visually-hidden', text: `${label}: ` }), value, extra ? ' ' : null, extra]);
  // dataset, never markup: the value is untrusted text. Not data-facet, which marks facet checkboxes.
  chip.dataset.chipFacet = key;
  chip.dataset.value = value;
  return chip;
}

function openFromLink(event, id) {
  // Let the browser handle new-tab and new-window clicks; the href is a real page URL.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  readerOrigin = { id, scrollY: window.scrollY };
  navigate(withArticle(current, id));
}

/** Appends the next page of hits, asked for with the last page's nextCursor. */
async function showMore() {
  if (!paging.nextCursor) return;
  moreController?.abort();
  const controller = (moreController = new AbortController());
  const state = current;
  const pageUrlBefore = paging.url;
  view.more.disabled = true;
  view.more.textContent = 'Loading more results…';
  view.moreError.hidden = true;
  try {
    let response;
    try {
      response = await fetchJson(nextPageUrl(paging.url, paging.nextCursor), controller.signal);
    } catch (error) {
      if (error.code !== 'cursor_stale') throw error;
      await showMoreSearchedAgain(state, controller.signal, pageUrlBefore);
      return;
    }
    if (paging.url !== pageUrlBefore) return;
    showHits(state, response.hits ?? [], {
      replace: false, focusAt: view.hits.children.length, nextCursor: response.nextCursor ?? null, response,
      announcement: 'Showing',
    });
  } catch (error) {
    if (error.name === 'AbortError') return;
    view.moreError.textContent = `More results could not be loaded: ${error.message}`;
    view.moreError.hidden = false;
  } finally {
    if (controller === moreController) renderMoreButton();
  }
}

/**
 * The list searched again from its first hit, as long as it was and one page more. A write to the
 * archive (a live update, a curator's correction) moves every relevance score, so the server refuses
 * the next page's cursor rather than skip or repeat hits; a journalist paging a search on a live
 * archive was told to start over, and clicking again failed the same way.
 */
async function showMoreSearchedAgain(state, signal, pageUrlBefore) {
  const shown = view.hits.children.length;
  const wanted = shown + PAGE_SIZE;
  const hits = [];
  let cursor = null;
  let response;
  do {
    // paging.url is relative to the page (api/search?...), so it holds under a proxy's path prefix too.
    const url = new URL(paging.url, window.location.href);
    url.searchParams.set('size', String(Math.min(MAX_PAGE_SIZE, wanted - hits.length)));
    const sized = url.href;
    response = await fetchJson(cursor ? nextPageUrl(sized, cursor) : sized, signal);
    if (paging.url !== pageUrlBefore) return;
    hits.push(...(response.hits ?? []));
    cursor = response.nextCursor ?? null;
  } while (cursor && hits.length < wanted);
  showHits(state, hits, {
    replace: true, focusAt: Math.min(shown, hits.length - 1), nextCursor: cursor, response,
    announcement: 'The archive changed, so the search ran again: showing',
  });
}

/**
 * Shows hits read after the first page, added to the list or in place of it (`replace`), then the
 * paging, the summary and what a screen reader hears; focus goes to the hit at `focusAt`.
 */
function showHits(state, hits, { replace, focusAt, nextCursor, response, announcement }) {
  for (const hit of hits) rememberActorTypes(hit.actors ?? []);
  focusHitIndex = focusAt;
  const items = hits.map((hit) => hitItem(state, hit));
  if (replace) view.hits.replaceChildren(...items);
  else view.hits.append(...items);
  paging = {
    ...paging, nextCursor, total: response.total ?? paging.total, stories: response.stories ?? paging.stories,
  };
  view.summary.replaceChildren(...summaryParts(state, paging, view.hits.children.length));
  announce(`${announcement} ${view.hits.children.length} of ${countText(paging, { ...state, q: '' })}`);
  focusNewHits();
}

function renderMoreButton() {
  view.more.disabled = false;
  view.more.textContent = 'Show more results';
  view.more.hidden = !paging.nextCursor;
  // A skip link to a button that is not there would lead nowhere.
  view.skipMore.hidden = view.more.hidden;
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
  reader.show(id, { query: current.q });
}

function showSearchView() {
  const wasReading = !view.reader.hidden;
  reader.hide();
  view.reader.hidden = true;
  view.searchView.hidden = false;
  document.title = current.q ? `${current.q} · Morgue` : 'Morgue: news archive search';
  // The status still said "Article: ..." after the reader closed: say where the reader is now.
  if (wasReading && paging.url) announce(`Back to the results: ${countText(paging, current)}`);
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
  if (origin.scrollY !== null) window.scrollTo(0, origin.scrollY);
  for (const link of view.hits.querySelectorAll('.hit-title')) {
    if (link.dataset.articleId === origin.id) {
      if (origin.scrollY === null) link.scrollIntoView({ block: 'center' });
      link.focus({ preventScroll: true });
      return;
    }
  }
}

function closeReader() {
  navigate(withArticle(current, null));
}

// ---- Wiring --------------------------------------------------------------------------------

view.dateRange.addEventListener('submit', (event) => {
  event.preventDefault();
  let from = view.dateFrom.value || null;
  let to = view.dateTo.value || null;
  // Typed the wrong way round, the range is still the one meant; said, so the swap is not a surprise.
  const swapped = Boolean(from && to && from > to);
  if (swapped) [from, to] = [to, from];
  navigate(withDateRange(current, from, to), {
    note: swapped ? `From and To were the wrong way round: searched from ${from} to ${to}.` : null,
  });
});

view.form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Searching the typed words: the suggestions would cover the count and the timeline otherwise.
  suggest.close();
  navigate(withQuery(current, view.q.value.trim()));
});

// Skip links move focus (and the view) to their target without adding a #fragment to the URL,
// which holds the search; from the reader they lead back to the list first.
function skipTo(target) {
  return (event) => {
    event.preventDefault();
    if (!view.reader.hidden) closeReader();
    const element = target();
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  };
}
// To the list of hits, so the next Tab is the first result, not the sort, downloads and charts above
// it; with no hits, to the results' top, where the count and what went wrong are.
const resultsTarget = () => (view.hits.children.length > 0 ? view.hits : view.results);
document.getElementById('skip-results').addEventListener('click', skipTo(resultsTarget));
document.getElementById('skip-results-from-search').addEventListener('click', skipTo(resultsTarget));
view.skipMore.addEventListener('click', skipTo(() => view.more));

view.sort.addEventListener('change', () => navigate(withSort(current, view.sort.value)));
view.group.addEventListener('change', () => navigate(withGrouping(current, view.group.checked ? GROUPINGS[0] : GROUPINGS[1])));
// A switch: Space toggles it as a checkbox, and Enter, the key people try first, does too.
view.group.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  view.group.click();
});
// Redraws the timeline from the response on screen: the search is the same, only the URL changes.
view.timelineView.addEventListener('change', (event) => navigate(withTimelineView(current, event.target.value)));
view.facetOrder.addEventListener('change', (event) => navigate(withFacetOrder(current, event.target.value)));
view.more.addEventListener('click', showMore);
view.facets.addEventListener('pointerdown', () => { facetPointerAt = performance.now(); });

// Examples start afresh: without filters, so each one shows what it is meant to show.
for (const button of document.querySelectorAll('.example')) {
  button.addEventListener('click', () => navigate(withQuery(withoutFilters(current), button.dataset.query)));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !view.reader.hidden) closeReader();
  // "/" goes to the search box, as on many search sites: from the page's top it was the tenth Tab stop.
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !takesTyping(event.target)) {
    event.preventDefault();
    view.q.focus();
    view.q.select();
  }
});

/** Whether a key pressed in this element is typed into it: a "/" there is a character, not a shortcut. */
function takesTyping(element) {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement
    && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(element.type);
}

window.addEventListener('popstate', () => {
  changedNote = null;
  render();
});

// On a phone the filters would push every result below the fold; start them folded there.
if (NARROW.matches) {
  document.getElementById('facets-disclosure').open = false;
}

render();
