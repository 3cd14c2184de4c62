// Building blocks for the page's DOM. Everything is made with createElement and text nodes:
// article-derived strings are untrusted and must never reach an HTML parser.

import { snippetParts } from './text.js';

/**
 * Creates an element. `text` becomes a text node, `attrs` go through setAttribute (true means a
 * bare attribute, false/null/undefined leave it out), `on` adds event listeners, and children
 * may be nodes or strings (strings become text nodes).
 */
export function el(tag, { className, text, attrs, on } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const [type, listener] of Object.entries(on ?? {})) node.addEventListener(type, listener);
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Renders a search snippet from its parts: text nodes, the marked ones inside real <mark> elements. */
export function snippetFragment(parts) {
  const fragment = document.createDocumentFragment();
  for (const part of snippetParts(parts)) {
    fragment.append(part.marked ? el('mark', { text: part.text }) : document.createTextNode(part.text));
  }
  return fragment;
}

/**
 * A <time> for an ISO date such as "2025-01-03", or a plain "Undated" when there is none. A date whose
 * source gave only the year or month (`precision` "year" or "month": the API's publishedPrecision)
 * shows only that, so "1961" is never read as 1 January 1961. A time of day (the API's publishedTime,
 * "15:01:01" or "10:00:00+01:00") follows the date as the source wrote it, in its zone, not the
 * reader's: a 15:05 bulletin of a New York desk is 15:05 on every screen.
 */
export function dateElement(published, precision = 'day', time = null) {
  if (!published) return el('span', { className: 'undated', text: 'Undated' });
  const shown = precision === 'year' ? published.slice(0, 4) : precision === 'month' ? published.slice(0, 7) : published;
  const clock = precision === 'day' && time ? /^(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(time) : null;
  if (!clock) return el('time', { attrs: { datetime: shown }, text: formatDate(published, precision) });
  const zone = clock[2] === 'Z' ? ' UTC' : clock[2] ? ` UTC${clock[2]}` : '';
  return el('time', { attrs: { datetime: `${published}T${time}` }, text: `${formatDate(published, precision)}, ${clock[1]}${zone}` });
}

/**
 * Seconds into the day of an API time ("15:01:01", "10:00:00+01:00"), in UTC where it has an offset;
 * Infinity without one: the server's order for one day's versions (PublishedOrder).
 */
export function secondsIntoTheDay(time) {
  const clock = /^(\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):(\d{2}))?$/.exec(time ?? '');
  if (!clock) return Infinity;
  const local = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const offset = clock[4] ? (clock[4] === '-' ? -1 : 1) * (Number(clock[5]) * 3600 + Number(clock[6]) * 60) : 0;
  return local - offset;
}

function formatDate(published, precision) {
  // Dates are calendar days, not instants: format in UTC so no time zone shifts the day.
  const date = new Date(`${published}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return published;
  const parts = precision === 'year' ? { year: 'numeric' }
    : precision === 'month' ? { year: 'numeric', month: 'long' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
  return date.toLocaleDateString(undefined, { ...parts, timeZone: 'UTC' });
}

/**
 * An instant as every page shows one (when an article came in, when a curator changed something):
 * "Dec 6, 2026, 8:39 PM" in the reader's language and time zone.
 */
export function instantText(when) {
  return when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * When the archive took an article in (an instant, unlike the publication day), in the reader's own
 * time zone; null when the archive does not say. With `href`, the time links there (the reader links
 * it to what else came in with the same import).
 */
export function addedElement(added, href = null) {
  if (!added) return null;
  const when = new Date(added);
  if (Number.isNaN(when.getTime())) return null;
  const time = el('time', { attrs: { datetime: added }, text: instantText(when) });
  return el('span', { className: 'added' }, [
    'Added to the archive ',
    href ? el('a', { attrs: { href, title: 'Everything added with it' } }, [time]) : time,
  ]);
}

/** Only http(s) links from article metadata become clickable; anything else (javascript:, data:) is dropped. */
export function safeExternalUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Hedging levels the stylesheet knows; anything else is shown with neutral colours. */
export function hedgingClass(level) {
  return ['low', 'medium', 'high'].includes(level) ? `hedging-${level}` : 'hedging-unknown';
}

/**
 * What each hedging level means: the share of an article's sentences holding at least one hedge,
 * split at HedgeDetector's thresholds (MEDIUM_FROM 0.05, HIGH_FROM 0.15; docs/enrichment.md).
 */
const HEDGING_SCALE = {
  low: 'under 5% of sentences hedged',
  medium: '5-15% of sentences hedged',
  high: '15% or more of sentences hedged',
};

/**
 * "Hedging: medium", saying what the level means: on hover (title) and, as visually hidden text in
 * the badge itself, to screen readers (a plain span may not carry an aria-label).
 */
export function hedgingBadge(level) {
  const meaning = HEDGING_SCALE[level];
  // No level is the API's "not measured" (an article that is its headline alone), not an unknown value.
  const label = `Hedging: ${level == null ? 'not measured' : level}`;
  return el('span', {
    className: `badge ${hedgingClass(level)}`,
    attrs: { title: meaning ? `${label} — ${meaning} (low: under 5%, medium: 5-15%, high: 15% or more)` : null },
  }, [label, meaning ? el('span', { className: 'visually-hidden', text: ` — ${meaning}` }) : null]);
}

/**
 * What the page shows for a source whose facet value is a corpus folder's name rather than a
 * publication's (the plain-text layout has no field to name its source). The value itself stays as
 * it is in URLs, the API and exports (?source=seed-articles), so links made before keep working.
 */
const SOURCE_NAMES = new Map([['seed-articles', 'Seed articles (project brief)']]);

/**
 * A source's name for people: its display name where it has one, else the value as it is. The one
 * way the page names a source (facet, chips, cards, reader, rename note, curation forms): a user trial
 * met one source under two names, its folder's in a rename note and this one beside it.
 */
export function sourceName(source) {
  return SOURCE_NAMES.get(source) ?? source;
}

/**
 * What a curator's last "Run" of a saved search found new (curation.js keeps it): the search, the
 * first new matches' ids and how many there are, so the search page it opens can mark them. It is
 * kept in the tab's sessionStorage too: the run reset "new since", so a reload that forgot the marks
 * would lose them for good.
 */
const RUN_KEY = 'morgue.lastRun';
let lastRun = storedRun();
/** How many runs were remembered: the search page draws its results again after a new one. */
let runsRemembered = 0;

/** Remembers a run's answer (POST /api/saved-searches/{id}/run) for the search page it opens. */
export function rememberRun(answer) {
  const search = answer?.savedSearch?.search;
  if (!search) return;
  lastRun = {
    search: normalSearch(search),
    name: String(answer.savedSearch.name ?? ''),
    count: Number(answer.newSinceLastRun ?? 0),
    exact: answer.exact !== false,
    ids: new Set((answer.newIds ?? []).map(String)),
  };
  runsRemembered++;
  try {
    sessionStorage.setItem(RUN_KEY, JSON.stringify({ ...lastRun, ids: [...lastRun.ids] }));
  } catch {
    // Storage refused (private mode, full): the marks last until the page is reloaded.
  }
}

function storedRun() {
  try {
    const run = JSON.parse(sessionStorage.getItem(RUN_KEY) ?? 'null');
    if (!run || typeof run.search !== 'string' || !Array.isArray(run.ids)) return null;
    return { search: run.search, name: String(run.name ?? ''), count: Number(run.count ?? 0), exact: run.exact !== false,
      ids: new Set(run.ids.map(String)) };
  } catch {
    return null;
  }
}

/** Changes with every run remembered, so the page knows its results need marking again. */
export function runCount() {
  return runsRemembered;
}

/** The last run's news when `search` (the page's searchObject) is the search that was run, else null. */
export function runNews(search) {
  return lastRun && lastRun.search === normalSearch(search) ? lastRun : null;
}

// A search as one string, whether its values are strings (the page's) or lists (the API's).
function normalSearch(search) {
  const entries = Object.entries(search ?? {})
    .map(([key, value]) => [key, (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '')])
    .filter(([, values]) => values.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** Collection ids to their names, as /api/collections last listed them (curation.js keeps it). */
const COLLECTION_NAMES = new Map();

/** Remembers the names of collections (objects with id and name) for the facet lists and chips. */
export function rememberCollectionNames(collections) {
  for (const { id, name } of collections ?? []) {
    if (id) COLLECTION_NAMES.set(String(id), String(name ?? id));
  }
}

/** What a facet value looks like on the page: a source's display name, a collection's name, else the value. */
export function facetValueName(facet, value) {
  if (facet === 'source') return sourceName(value);
  if (facet === 'collection') return COLLECTION_NAMES.get(value) ?? value;
  return value;
}

export function typeTag(type) {
  return el('span', { className: 'type-tag', text: type });
}

/** Error carrying the fields of an application/problem+json body. */
export class ApiError extends Error {
  constructor({ title, detail, status, parameter, code }) {
    super(detail || title || `Request failed (HTTP ${status})`);
    this.title = title || 'Something went wrong';
    this.detail = detail || '';
    this.status = status;
    this.parameter = parameter || null;
    this.code = code || null;
  }
}

/**
 * Fetches JSON; failures become ApiError with the server's problem detail when it sent one. `cache`
 * is the fetch cache mode: 'reload' asks the server afresh, past any stored answer and its validator.
 */
export async function fetchJson(url, signal, { cache = 'default' } = {}) {
  let response;
  try {
    response = await fetch(url, { signal, cache, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'Cannot reach the server', detail: 'Check that Morgue is running, then try again.' });
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError({ ...(body ?? {}), status: response.status, title: body?.title || `HTTP ${response.status}` });
  }
  if (body === null) {
    throw new ApiError({ title: 'Unexpected response', detail: 'The server did not send JSON.', status: response.status });
  }
  return body;
}

/** A problem box: the title in bold and the detail below, both as plain text. */
export function errorContent(error) {
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : String(error.message ?? error);
  return [el('strong', { text: title }), detail ? el('p', { className: 'error-detail', text: detail }) : null];
}

/** Says something through the page's aria-live region. */
export function announce(message) {
  const status = document.getElementById('status');
  // Clearing first makes screen readers repeat a message that did not change ("2 articles" twice).
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}
