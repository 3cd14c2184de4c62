// The timeline above the results: one SVG bar per period of the search response's `timeline`,
// drawn as the count of matches or as their share of the archive's articles from that period
// (`archiveCount`), and under it a small chart of how hedged each period's matches were
// (`highHedged` and `mediumHedged` as shares of `count`), on the same horizontal axis.
// Everything is built with createElementNS and setAttribute (the CSP forbids inline styles), and
// keys are the only text taken from the response, always as text nodes.
//
// A click on a bar, or a drag across bars, reports the chosen periods through onSelect(firstKey,
// lastKey); the URL and the search belong to app.js. Keyboard: the bars are one tab stop (roving
// tabindex), arrows and Home/End move between bars, Page Up/Down to the previous or next bar with
// matches, Enter or Space selects, and Shift+arrows extend a range from the bar where Shift was first
// held; the range is said as it grows, since its colour alone told a screen-reader user nothing.

import { announce, el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 120;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 96;
const LABELS = 6;
const HEDGING_HEIGHT = 56;
// A band above the columns for the scale's label, as the count chart has: a column of 100% reached
// the top and the label was drawn over it (a librarian's trial).
const HEDGING_TOP = 16;
const HEDGING_BOTTOM = 52;
function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** A share as a percentage short enough for a label: 0.4%, 17%, 100%. */
export function percent(share) {
  const value = share * 100;
  if (value === 0) return '0%';
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}%`;
}

function share(part, whole) {
  return whole > 0 ? part / whole : 0;
}

function countText(bucket) {
  const count = bucket.count;
  let text = `${bucket.key}: ${count.toLocaleString()} article${count === 1 ? '' : 's'}`;
  if (bucket.archiveCount > 0) {
    text += `, ${percent(share(count, bucket.archiveCount))} of the archive's ${bucket.archiveCount.toLocaleString()}`;
  }
  return text;
}

/** How many of the periods holding any of the archive's articles hold at least `base` of them. */
function based(buckets, base) {
  return {
    held: buckets.filter((bucket) => bucket.archiveCount > 0).length,
    based: buckets.filter((bucket) => bucket.archiveCount >= base).length,
  };
}

/**
 * Says why the share view's bars are not the counts' periods, or '' when they are. Wider periods (a
 * journalist's trial: switching to shares turned years into decades, said only by the axis labels);
 * or, where those would be one bar for the whole chart (a decade chosen, its years of one address
 * each), counts per the timeline's own periods and that one share in words. `shareBase` is the
 * server's (Timeline.SHARE_BASE), as the answer gives it.
 */
function periodsText(timeline, view) {
  const own = timeline?.widenedFrom;
  if (own && own.interval !== timeline.interval) {
    const base = timeline.shareBase;
    const { held, based: enough } = based(own.buckets, base);
    return `Shares per ${timeline.interval}: most ${own.interval}s hold fewer than ${base} of the archive’s articles `
      + `(${base} or more in ${enough.toLocaleString()} of the ${held.toLocaleString()} ${own.interval}s that hold any), `
      + `and a share of one or two articles is all or nothing. Counts stay per ${own.interval}.`;
  }
  const one = timeline?.oneShare?.buckets?.[0];
  if (view !== 'share' || !one) return '';
  const base = timeline.oneShare.shareBase;
  const { held, based: enough } = based(timeline.buckets, base);
  const interval = timeline.interval;
  const period = /s$/.test(one.key) ? `the ${one.key}` : one.key;
  return `No share per ${interval}: only ${enough.toLocaleString()} of the ${held.toLocaleString()} ${interval}s that hold `
    + `any of the archive’s articles ${enough === 1 ? 'holds' : 'hold'} ${base} or more, and a share of one or two articles `
    + `is all or nothing. Over ${period} as a whole, ${one.count.toLocaleString()} of the archive’s `
    + `${one.archiveCount.toLocaleString()} articles match (${percent(share(one.count, one.archiveCount))}). `
    + `The bars show the matches per ${interval}.`;
}

function hedgingText(bucket) {
  if (bucket.count === 0) return `${bucket.key}: no matches`;
  const high = bucket.highHedged ?? 0;
  const medium = bucket.mediumHedged ?? 0;
  return `${bucket.key}: ${high.toLocaleString()} of ${bucket.count.toLocaleString()} hedged high (${percent(share(high, bucket.count))}), `
    + `${medium.toLocaleString()} medium (${percent(share(medium, bucket.count))})`;
}

/**
 * Binds a timeline to its plot element inside `frame` (hidden when no match is dated);
 * render() redraws it from a response's timeline.
 */
export function createTimeline(frame, root, hedgingRoot, { onSelect }) {
  let buckets = [];
  let view = 'count';
  let shown = null; // the timeline last rendered
  let interval = 'year';
  let focusIndex = 0;
  let anchor = null; // index where a drag or a Shift+arrow range started
  let dragging = false;
  let plot = null;
  // The first period of a range just chosen: after the redraw the focus goes to its bar, not to the
  // bar that stood at the old position.
  let chosenKey = null;

  const lessPreciseNote = frame.querySelector('#timeline-less-precise');
  const periodsNote = frame.querySelector('#timeline-periods');
  // Each bar's numbers, readable without hovering: its <title> and label reach neither touch nor
  // sighted keyboard users.
  const numbers = frame.querySelector('#timeline-numbers');
  const numbersTable = frame.querySelector('#timeline-table');

  function render(timeline) {
    shown = timeline;
    buckets = timeline?.buckets ?? [];
    interval = timeline?.interval ?? 'year';
    const dated = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    // A clipping dated only to 1961 belongs to no month of it: the server leaves it out of finer bars.
    const lessPrecise = timeline?.lessPrecise ?? 0;
    // An undated match (the seed articles have no date) is on no bar either: said, not dropped unsaid
    // (a journalist's trial, session 38, saw 49 of 51 matches drawn and the two newest listed last).
    const undated = typeof timeline?.total === 'number' ? Math.max(0, timeline.total - dated - lessPrecise) : 0;
    const notes = [];
    if (lessPrecise > 0) {
      notes.push(`${lessPrecise.toLocaleString()} ${lessPrecise === 1 ? 'match is' : 'matches are'} dated only to `
        + `${interval === 'day' ? 'the month or year' : 'the year'}, so no ${interval}’s bar counts `
        + `${lessPrecise === 1 ? 'it' : 'them'}.`);
    }
    if (undated > 0) {
      notes.push(`${undated.toLocaleString()} ${undated === 1 ? 'match has' : 'matches have'} no date, so no bar counts `
        + `${undated === 1 ? 'it' : 'them'}, and sorting by date lists ${undated === 1 ? 'it' : 'them'} last.`);
    }
    lessPreciseNote.hidden = notes.length === 0;
    lessPreciseNote.textContent = notes.join(' ');
    sayPeriods();
    numbers.hidden = dated === 0;
    if (dated === 0) numbersTable.replaceChildren();
    else numbersTable.replaceChildren(table());
    // Shown before drawing: a hidden plot has no width to measure.
    frame.hidden = dated === 0;
    if (dated === 0) {
      root.replaceChildren();
      return;
    }
    // A decade chosen ("1960s") is drawn by its years, whose keys start "196".
    const prefix = chosenKey?.replace(/^(\d{3})\ds$/, '$1');
    const chosen = chosenKey === null ? -1 : buckets.findIndex((bucket) => bucket.key.startsWith(prefix));
    chosenKey = null;
    focusIndex = chosen >= 0 ? chosen : Math.min(focusIndex, buckets.length - 1);
    draw();
  }

  // Periods without matches are left out, as in the comparison's table: it is for reading numbers.
  function table() {
    const heading = interval.charAt(0).toUpperCase() + interval.slice(1);
    const rows = buckets.filter((bucket) => bucket.count > 0).map((bucket) => {
      const row = el('tr', {}, [
        el('th', { attrs: { scope: 'row' }, text: bucket.key }),
        el('td', { text: bucket.count.toLocaleString() }),
        el('td', { text: (bucket.archiveCount ?? 0).toLocaleString() }),
        el('td', { text: bucket.archiveCount > 0 ? percent(share(bucket.count, bucket.archiveCount)) : '–' }),
      ]);
      row.dataset.key = bucket.key;
      return row;
    });
    return el('table', { className: 'compare-table' }, [
      el('caption', {
        text: `Matches per ${interval} and their share of the archive’s articles from that ${interval}; `
          + `${interval}s without matches are left out.`,
      }),
      el('thead', {}, [el('tr', {}, [heading, 'Matches', 'Archive', 'Share'].map((text) => el('th', { attrs: { scope: 'col' }, text })))]),
      el('tbody', {}, rows),
    ]);
  }

  function sayPeriods() {
    periodsNote.textContent = periodsText(shown, view);
    periodsNote.hidden = periodsNote.textContent === '';
  }

  /** Draws the bars as 'count' or 'share' (of the archive); redraws only when that changes. */
  function setView(next) {
    if (next === view) return;
    view = next;
    sayPeriods();
    if (!frame.hidden && buckets.length > 0) draw();
  }

  /** What the bars draw: counts in the share view too where its shares are one period (periodsText says so). */
  function drawnView() {
    return view === 'share' && shown?.oneShare ? 'count' : view;
  }

  function value(bucket) {
    return drawnView() === 'share' ? share(bucket.count, bucket.archiveCount ?? 0) : bucket.count;
  }

  function draw() {
    const hadFocus = root.contains(document.activeElement);
    // Drawn at the container's own pixel width so labels keep their size on a phone.
    const width = Math.max(root.clientWidth || 600, 200);
    const step = width / buckets.length;
    const gap = step > 6 ? Math.min(2, step * 0.2) : 0;
    const values = buckets.map(value);
    const drawn = drawnView();
    const max = drawn === 'share' ? Math.max(...values) || 1 : Math.max(...values, 1);
    const plotHeight = PLOT_BOTTOM - PLOT_TOP;

    const bars = buckets.map((bucket, index) => {
      const height = bucket.count === 0 ? 0 : Math.max(2, (values[index] / max) * plotHeight);
      const x = index * step;
      const group = svg('g', {
        class: bucket.count === 0 ? 'bar bar-empty' : 'bar',
        role: 'button',
        tabindex: index === focusIndex ? 0 : -1,
        'aria-label': countText(bucket),
      }, [
        svg('title', {}, [countText(bucket)]),
        // A full-height, transparent target: short bars stay easy to hit.
        svg('rect', { class: 'bar-target', x, y: PLOT_TOP, width: step, height: plotHeight }),
        svg('rect', { class: 'bar-fill', x: x + gap / 2, y: PLOT_BOTTOM - height, width: Math.max(step - gap, 0.5), height }),
      ]);
      group.dataset.index = String(index);
      group.dataset.key = bucket.key;
      group.addEventListener('keydown', onKey);
      group.addEventListener('focus', () => {
        focusIndex = index;
      });
      return group;
    });

    plot = svg('g', { class: 'bars' }, bars);
    const labels = axisLabels(step);
    const chart = svg('svg', {
      class: 'timeline-chart',
      width,
      height: HEIGHT,
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'group',
      'aria-label': `${drawn === 'share' ? 'Share of the archive matching' : 'Matches'} per ${interval}, ${buckets[0].key} to ${buckets[buckets.length - 1].key}. Choose a bar to show only that ${interval}; Shift with the arrow keys, then Enter, chooses several.`,
    }, [
      svg('line', { class: 'axis', x1: 0, x2: width, y1: PLOT_BOTTOM + 0.5, y2: PLOT_BOTTOM + 0.5 }),
      plot,
      labels,
      svg('text', { class: 'axis-max', x: 2, y: 11, 'aria-hidden': 'true' },
        [drawn === 'share' ? `max ${percent(max)} of the archive` : `max ${max.toLocaleString()}`]),
    ]);
    chart.dataset.view = drawn;
    chart.addEventListener('pointerdown', onPointerDown);
    chart.addEventListener('pointermove', onPointerMove);
    chart.addEventListener('pointerup', onPointerUp);
    chart.addEventListener('pointercancel', cancelDrag);
    root.replaceChildren(chart);
    hedgingRoot.replaceChildren(hedgingChart(width, step, gap));
    if (hadFocus) bars[focusIndex]?.focus();
  }

  // Per period, the share of its matches hedged high (from the bottom) and medium (above it), on a
  // fixed 0-100% scale so periods compare; a period without matches draws nothing.
  function hedgingChart(width, step, gap) {
    const plotHeight = HEDGING_BOTTOM - HEDGING_TOP;
    const columns = buckets.map((bucket, index) => {
      const x = index * step + gap / 2;
      const barWidth = Math.max(step - gap, 0.5);
      const highHeight = share(bucket.highHedged ?? 0, bucket.count) * plotHeight;
      const mediumHeight = share(bucket.mediumHedged ?? 0, bucket.count) * plotHeight;
      const group = svg('g', { class: 'hedging-column' }, [
        svg('title', {}, [hedgingText(bucket)]),
        svg('rect', { class: 'hedged-high', x, y: HEDGING_BOTTOM - highHeight, width: barWidth, height: highHeight }),
        svg('rect', { class: 'hedged-medium', x, y: HEDGING_BOTTOM - highHeight - mediumHeight, width: barWidth, height: mediumHeight }),
      ]);
      group.dataset.key = bucket.key;
      group.dataset.high = String(bucket.highHedged ?? 0);
      group.dataset.medium = String(bucket.mediumHedged ?? 0);
      return group;
    });
    const high = buckets.reduce((sum, bucket) => sum + (bucket.highHedged ?? 0), 0);
    const medium = buckets.reduce((sum, bucket) => sum + (bucket.mediumHedged ?? 0), 0);
    const dated = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return svg('svg', {
      class: 'hedging-chart',
      width,
      height: HEDGING_HEIGHT,
      viewBox: `0 0 ${width} ${HEDGING_HEIGHT}`,
      role: 'img',
      'aria-label': `Hedging per ${interval}, ${buckets[0].key} to ${buckets[buckets.length - 1].key}: `
        + `${high.toLocaleString()} of ${dated.toLocaleString()} dated matches hedged high (${percent(share(high, dated))}), `
        + `${medium.toLocaleString()} medium (${percent(share(medium, dated))}).`,
    }, [
      svg('line', { class: 'axis', x1: 0, x2: width, y1: HEDGING_BOTTOM + 0.5, y2: HEDGING_BOTTOM + 0.5 }),
      svg('g', { class: 'hedging-columns' }, columns),
      svg('text', { class: 'axis-max', x: 2, y: 11, 'aria-hidden': 'true' }, ['max 100% of the period']),
    ]);
  }

  function axisLabels(step) {
    const every = Math.max(1, Math.ceil(buckets.length / LABELS));
    const labels = [];
    for (let index = 0; index < buckets.length; index += every) {
      const anchorAttr = index === 0 ? 'start' : 'middle';
      const x = index === 0 ? 0 : index * step + step / 2;
      labels.push(svg('text', { class: 'axis-label', x, y: HEIGHT - 6, 'text-anchor': anchorAttr }, [buckets[index].key]));
    }
    return svg('g', { 'aria-hidden': 'true' }, labels);
  }

  // ---- Pointer: press on a bar, drag across others, release to select ----

  function indexAt(event) {
    const rect = event.currentTarget.getBoundingClientRect();
    const index = Math.floor(((event.clientX - rect.left) / rect.width) * buckets.length);
    return Math.min(Math.max(index, 0), buckets.length - 1);
  }

  function onPointerDown(event) {
    if (event.button !== 0) return;
    event.preventDefault();
    dragging = true;
    anchor = indexAt(event);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    highlight(anchor, anchor);
  }

  function onPointerMove(event) {
    if (!dragging) return;
    highlight(anchor, indexAt(event));
  }

  function onPointerUp(event) {
    if (!dragging) return;
    const end = indexAt(event);
    const start = anchor;
    cancelDrag();
    select(start, end);
  }

  function cancelDrag() {
    dragging = false;
    anchor = null;
    highlight(-1, -1);
  }

  function highlight(a, b) {
    const [low, high] = a <= b ? [a, b] : [b, a];
    for (const bar of plot?.children ?? []) {
      const index = Number(bar.dataset.index);
      bar.classList.toggle('bar-selecting', index >= low && index <= high);
    }
  }

  function select(a, b) {
    const [low, high] = a <= b ? [a, b] : [b, a];
    if (!buckets[low] || !buckets[high]) return;
    chosenKey = buckets[low].key;
    onSelect(buckets[low].key, buckets[high].key);
  }

  // ---- Keyboard ----

  function onKey(event) {
    const index = Number(event.currentTarget.dataset.index);
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = Math.min(index + 1, buckets.length - 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = Math.max(index - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buckets.length - 1;
    // A 230-year timeline is mostly empty years: one key to the next one with matches.
    else if (event.key === 'PageDown') next = nextWithMatches(index, 1);
    else if (event.key === 'PageUp') next = nextWithMatches(index, -1);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const start = anchor ?? index;
      anchor = null;
      select(start, index);
      return;
    } else if (event.key === 'Escape' && anchor !== null) {
      event.stopPropagation();
      cancelDrag();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    if (event.shiftKey) {
      if (anchor === null) anchor = index;
      highlight(anchor, next);
      const [low, high] = anchor <= next ? [anchor, next] : [next, anchor];
      announce(`${buckets[low].key} to ${buckets[high].key} chosen; Enter filters to them, Escape lets go.`);
    } else if (anchor !== null) {
      cancelDrag();
    }
    moveFocus(next);
  }

  function nextWithMatches(index, by) {
    for (let i = index + by; i >= 0 && i < buckets.length; i += by) {
      if (buckets[i].count > 0) return i;
    }
    return index;
  }

  function moveFocus(index) {
    const bars = plot.children;
    bars[focusIndex]?.setAttribute('tabindex', '-1');
    focusIndex = index;
    bars[index].setAttribute('tabindex', '0');
    bars[index].focus();
  }

  // Redraw at the new width; the buckets are unchanged, so no new request.
  let resizeTimer = null;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!frame.hidden && buckets.length > 0 && Number(root.firstChild?.getAttribute('width')) !== root.clientWidth) draw();
    }, 100);
  }).observe(root);

  return { render, setView };
}
