// Comparing queries on the timeline: up to MAX_COMPARISONS more queries, each counted per period by
// its own /api/search (size=0, with this search's filters and dates and the interval its timeline
// used), drawn with this search as one line per query on the same axes, in counts or in shares of
// the archive (the timeline's switch). The queries live in the URL (`compare=`); adding and
// removing them goes through onChange, as every change of the page goes through app.js's navigate.
//
// Query text is the user's and API strings are untrusted: both only ever become text nodes or
// attribute values. Each series has its own colour, dash pattern and marker shape, so colour is
// never the only cue, and a table under the chart holds every number the lines draw.

import { el, fetchJson } from './dom.js';
import { MAX_COMPARISONS, searchUrl } from './state.js';
import { percent } from './timeline.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 170;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 144;
const LABELS = 6;
/** Most periods drawn: a comparison counted over a far longer span than this search is cut off. */
const MAX_KEYS = 2000;
/** Markers at every point only when points are at least this far apart, or they run together. */
const MARKER_STEP = 9;
/** The series' looks, in order: this search first. Their names are said in the table and legend. */
const SERIES = [
  { pattern: 'solid line, circles', marker: 'circle' },
  { pattern: 'dashed line, squares', marker: 'square' },
  { pattern: 'dotted line, triangles', marker: 'triangle' },
];

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

function share(part, whole) {
  return whole > 0 ? part / whole : 0;
}

/** The period after `key` ("1940s", "1941", "1941-05" or "1941-05-17"), or null for a key of another shape. */
export function nextKey(key, interval) {
  let match = /^(\d{4})s$/.exec(key);
  if (match && interval === 'decade') return `${String(Number(match[1]) + 10).padStart(4, '0')}s`;
  match = /^(\d{4})$/.exec(key);
  if (match && interval === 'year') return String(Number(match[1]) + 1).padStart(4, '0');
  match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match && interval === 'month') {
    const month = Number(match[2]);
    const year = Number(match[1]) + (month === 12 ? 1 : 0);
    return `${String(year).padStart(4, '0')}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}`;
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match && interval === 'day') {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
    return date.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * Every period from the first to the last of the series' keys, so gaps between them show as zeros;
 * the sorted keys alone when they do not step (an unknown shape, or too many periods).
 */
export function alignedKeys(seriesBuckets, interval) {
  const keys = [...new Set(seriesBuckets.flatMap((buckets) => buckets.map((bucket) => bucket.key)))].sort();
  if (keys.length === 0) return keys;
  const all = [keys[0]];
  const last = keys[keys.length - 1];
  while (all[all.length - 1] < last) {
    const next = nextKey(all[all.length - 1], interval);
    if (next === null || all.length >= MAX_KEYS) return keys.slice(0, MAX_KEYS);
    all.push(next);
  }
  return all;
}

/**
 * Binds the comparison controls and chart to their elements. update(state, main) draws them for a
 * state once this search's timeline (main: { state, timeline }, the answer app.js has on screen) and
 * every comparison's are in. onAxis(keys, archive) hands the periods drawn (and the archive's count
 * of each) to the timeline, so its bars stand on the same axis; onAxis(null) when nothing is compared.
 */
export function createCompare(elements, { onChange, onAxis }) {
  const { section, list, form, input, full, error, chart, numbers, table } = elements;
  /** Answers by their /api/search URL: a promise while asked, dropped again when it failed. */
  const answers = new Map();
  let generation = 0;
  let state = null;
  let main = null;
  let drawn = null; // what is on the chart: { keys, series, view, interval }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!state || query === '') return;
    if (state.compare.includes(query) || query === state.q) {
      showError(`“${query}” is already on the chart.`);
      return;
    }
    input.value = '';
    onChange([...state.compare, query]);
  });

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  /** The /api/search URL counting a comparison query per period: this search with another q. */
  function comparisonUrl(query, interval) {
    return searchUrl({ ...state, q: query, interval }, { size: 0 });
  }

  function ask(url) {
    if (!answers.has(url)) {
      const answer = fetchJson(url).catch((failure) => {
        answers.delete(url);
        throw failure;
      });
      answers.set(url, answer);
    }
    return answers.get(url);
  }

  // Whether an answer on screen is this state's own search: the same q, filters, dates and sort.
  function sameSearch(a, b) {
    return searchUrl({ ...a, compare: [] }, { size: 0 }) === searchUrl({ ...b, compare: [] }, { size: 0 });
  }

  async function update(nextState, nextMain) {
    state = nextState;
    if (nextMain !== undefined) main = nextMain;
    const current = (generation += 1);
    renderControls();
    const queries = state.compare;
    if (queries.length === 0 || !main?.timeline || !sameSearch(main.state, state)) {
      if (drawn) onAxis(null, null);
      drawn = null;
      section.removeAttribute('aria-busy');
      chart.hidden = true;
      numbers.hidden = true;
      chart.replaceChildren();
      table.replaceChildren();
      if (queries.length === 0) error.hidden = true;
      return;
    }
    const interval = main.timeline.interval;
    section.setAttribute('aria-busy', 'true');
    const results = await Promise.allSettled(queries.map((query) => ask(comparisonUrl(query, interval))));
    if (current !== generation) return;
    section.removeAttribute('aria-busy');
    const series = [{ query: state.q, buckets: main.timeline.buckets ?? [] }];
    const problems = [];
    results.forEach((result, index) => {
      const query = queries[index];
      if (result.status === 'rejected') {
        problems.push(`“${query}” could not be counted: ${result.reason?.message ?? result.reason}`);
        series.push({ query, buckets: [], missing: true });
      } else if (result.value.timeline && result.value.timeline.interval !== interval) {
        // The server counts a span too long for this interval more coarsely: no longer the same axes.
        problems.push(`“${query}” spans too many ${interval}s to be counted per ${interval}; it is not drawn.`);
        series.push({ query, buckets: [], missing: true });
      } else {
        series.push({ query, buckets: result.value.timeline?.buckets ?? [], total: result.value.total ?? 0 });
      }
    });
    error.textContent = problems.join(' ');
    error.hidden = problems.length === 0;
    draw(series, interval);
  }

  // ---- Controls: the legend, one row per query, with a remove button for each comparison ----

  function renderControls() {
    const hadFocus = section.contains(document.activeElement) && document.activeElement !== input;
    const rows = state.compare.length === 0 ? [] : [
      legendRow(0, state.q, null),
      ...state.compare.map((query, index) => legendRow(index + 1, query, removeButton(query))),
    ];
    list.replaceChildren(...rows);
    list.hidden = rows.length === 0;
    const room = state.compare.length < MAX_COMPARISONS;
    form.hidden = !room;
    full.hidden = room;
    // A removed row's button is gone: its focus goes to the box for another query, or stays in the list.
    if (hadFocus && !section.contains(document.activeElement)) {
      if (room) input.focus();
      else list.querySelector('button')?.focus();
    }
  }

  function legendRow(index, query, button) {
    const row = el('li', { className: `compare-item series-${index}` }, [
      swatch(index),
      el('span', { className: 'visually-hidden', text: `${SERIES[index].pattern}: ` }),
      el('span', { className: 'compare-query', text: queryName(query) }),
      index === 0 ? el('span', { className: 'muted', text: ' (this search)' }) : null,
      button,
    ]);
    row.dataset.query = query;
    return row;
  }

  function removeButton(query) {
    return el('button', {
      className: 'link-button compare-remove',
      attrs: { type: 'button', 'aria-label': `Remove comparison “${query}”` },
      on: { click: () => onChange(state.compare.filter((other) => other !== query)) },
      text: 'Remove',
    });
  }

  function swatch(index) {
    return svg('svg', { class: `compare-swatch series-${index}`, width: 30, height: 12, viewBox: '0 0 30 12', 'aria-hidden': 'true' }, [
      svg('line', { class: 'series-line', x1: 1, x2: 29, y1: 6, y2: 6 }),
      marker(index, 15, 6),
    ]);
  }

  // ---- The chart and its table ----

  function draw(series, interval) {
    // As the timeline's bars: counts where the share view's shares would be one period (oneShare).
    const view = main?.timeline?.oneShare ? 'count' : state.timelineView;
    const keys = alignedKeys(series.map((entry) => entry.buckets), interval);
    drawn = { keys, series, view, interval };
    chart.hidden = keys.length === 0;
    numbers.hidden = keys.length === 0;
    if (keys.length === 0) {
      chart.replaceChildren();
      table.replaceChildren();
      return;
    }
    const byKey = series.map((entry) => new Map(entry.buckets.map((bucket) => [bucket.key, bucket])));
    // Any answer's archive count for a period will do: it is the whole archive's, whatever the query.
    const archive = new Map();
    for (const entry of series) for (const bucket of entry.buckets) if (bucket.archiveCount > 0) archive.set(bucket.key, bucket.archiveCount);
    const count = (index, key) => byKey[index].get(key)?.count ?? 0;
    const value = (index, key) => (view === 'share' ? share(count(index, key), archive.get(key) ?? 0) : count(index, key));
    drawChart(series, keys, value, interval, view);
    drawTable(series, keys, count, archive, interval, view);
    onAxis(keys, archive);
  }

  function drawChart(series, keys, value, interval, view) {
    const width = Math.max(chart.clientWidth || 600, 200);
    const step = width / keys.length;
    const values = series.map((entry, index) => (entry.missing ? [] : keys.map((key) => value(index, key))));
    const highest = Math.max(...values.flat());
    const max = view === 'share' ? highest || 1 : Math.max(highest, 1);
    const y = (amount) => PLOT_BOTTOM - (amount / max) * (PLOT_BOTTOM - PLOT_TOP);
    const x = (index) => index * step + step / 2;
    const lines = series.map((entry, index) => {
      if (entry.missing) return null;
      const points = values[index].map((amount, at) => `${x(at).toFixed(1)},${y(amount).toFixed(1)}`);
      const group = svg('g', { class: `series series-${index}` }, [
        svg('polyline', { class: 'series-line', points: points.join(' ') }),
        // Where points run together only the periods with matches get one: they are what tells
        // the lines apart where they cross, and zeros lie along the axis anyway.
        ...values[index].flatMap((amount, at) => (step >= MARKER_STEP || amount > 0 ? [marker(index, x(at), y(amount))] : [])),
      ]);
      group.dataset.query = entry.query;
      return group;
    }).filter(Boolean);
    const every = Math.max(1, Math.ceil(keys.length / LABELS));
    const labels = [];
    for (let index = 0; index < keys.length; index += every) {
      labels.push(svg('text', {
        class: 'axis-label', x: index === 0 ? 0 : x(index), y: HEIGHT - 6, 'text-anchor': index === 0 ? 'start' : 'middle',
      }, [keys[index]]));
    }
    const names = series.map((entry) => queryName(entry.query)).join(', ');
    chart.replaceChildren(svg('svg', {
      class: 'compare-chart',
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'img',
      'aria-label': `${view === 'share' ? 'Share of the archive matching' : 'Matches'} per ${interval}, ${keys[0]} to ${keys[keys.length - 1]}, `
        + `one line each for ${names}. The numbers are in the table below.`,
      'data-view': view,
    }, [
      svg('line', { class: 'axis', x1: 0, x2: width, y1: PLOT_BOTTOM + 0.5, y2: PLOT_BOTTOM + 0.5 }),
      ...lines,
      svg('g', { 'aria-hidden': 'true' }, labels),
      svg('text', { class: 'axis-max', x: 2, y: 11, 'aria-hidden': 'true' },
        [view === 'share' ? `max ${percent(max)} of the archive` : `max ${max.toLocaleString()}`]),
    ]));
  }

  // Periods where no query matched are left out: the table is for reading numbers, not gaps.
  function drawTable(series, keys, count, archive, interval, view) {
    const header = el('tr', {}, [
      el('th', { attrs: { scope: 'col' }, text: interval === 'decade' ? 'Decade' : interval === 'year' ? 'Year' : interval === 'month' ? 'Month' : 'Day' }),
      ...series.map((entry, index) => el('th', { className: `series-${index}`, attrs: { scope: 'col' } }, [
        swatch(index), ' ', queryName(entry.query),
      ])),
      view === 'share' ? el('th', { attrs: { scope: 'col' }, text: 'Archive' }) : null,
    ]);
    const rows = keys.filter((key) => series.some((entry, index) => count(index, key) > 0)).map((key) => {
      const row = el('tr', {}, [
        el('th', { attrs: { scope: 'row' }, text: key }),
        ...series.map((entry, index) => {
          if (entry.missing) return el('td', { text: '–' });
          const matches = count(index, key);
          const text = view === 'share' && archive.get(key)
            ? `${matches.toLocaleString()} (${percent(share(matches, archive.get(key)))})`
            : matches.toLocaleString();
          const cell = el('td', { text });
          cell.dataset.count = String(matches);
          return cell;
        }),
        view === 'share' ? el('td', { text: (archive.get(key) ?? 0).toLocaleString() }) : null,
      ]);
      row.dataset.key = key;
      return row;
    });
    table.replaceChildren(el('table', { className: 'compare-table' }, [
      el('caption', {
        text: `Matches per ${interval}${view === 'share' ? ' (and their share of the archive’s articles from that ' + interval + ')' : ''}; `
          + `${interval}s where no query matched are left out.`,
      }),
      el('thead', {}, [header]),
      el('tbody', {}, rows),
    ]));
  }

  // Redraw at the new width from the answers on screen.
  let resizeTimer = null;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (drawn && !chart.hidden && Number(chart.firstChild?.getAttribute('width')) !== chart.clientWidth) {
        draw(drawn.series, drawn.interval);
      }
    }, 100);
  }).observe(chart);

  return { update };
}

/**
 * An empty query is the whole archive; any other is shown in quotes, unless it is one quoted phrase
 * already ("free trade" was shown as “"free trade"”).
 */
function queryName(query) {
  if (query === '') return 'all articles';
  return /^"[^"]*"$/.test(query.trim()) ? query.trim() : `“${query}”`;
}

function marker(index, cx, cy) {
  const shape = SERIES[index].marker;
  if (shape === 'square') return svg('rect', { class: 'series-marker', x: cx - 3.5, y: cy - 3.5, width: 7, height: 7 });
  if (shape === 'triangle') {
    return svg('path', { class: 'series-marker', d: `M${cx.toFixed(1)},${(cy - 4.5).toFixed(1)} l4.5,8 h-9 z` });
  }
  return svg('circle', { class: 'series-marker', cx, cy, r: 3.5 });
}
