// The results' top actors and themes as two small bar charts, drawn from the facet counts the search
// response already carries (no request of its own). Each bar is the share of the matches that name
// the value; the names and counts are text, so the lists read as lists without the bars.

import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Values per chart. */
export const TOP_VALUES = 5;
const BAR_WIDTH = 120;
const BAR_HEIGHT = 10;

/** The largest counts of a facet, ties by name, so the chart does not depend on the list's order. */
export function topValues(counts, limit = TOP_VALUES) {
  return [...(counts ?? [])]
    .filter((value) => value.count > 0)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

function bar(count, total) {
  const node = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({
    class: 'top-bar', width: BAR_WIDTH, height: BAR_HEIGHT, viewBox: `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`,
    preserveAspectRatio: 'none', 'aria-hidden': 'true',
  })) {
    node.setAttribute(name, String(value));
  }
  const fill = document.createElementNS(SVG, 'rect');
  const width = total > 0 ? Math.max(1, (count / total) * BAR_WIDTH) : 0;
  for (const [name, value] of Object.entries({ class: 'top-bar-fill', x: 0, y: 0, width, height: BAR_HEIGHT })) {
    fill.setAttribute(name, String(value));
  }
  node.append(fill);
  return node;
}

/** From this many results on, a value every one of them names is said in a line, not charted. */
const EVERYWHERE_FROM = 10;

function chart(listRoot, counts, total, inOrderGiven = false) {
  // A value in every result (the United States, which every U.S. place implies) is a full bar that
  // tells nothing about these results, and it crowded out a value that did (a journalist's trial).
  const everywhere = !inOrderGiven && total >= EVERYWHERE_FROM
    ? topValues(counts, Infinity).filter((value) => value.count === total).map((value) => value.value) : [];
  const rest = (counts ?? []).filter((value) => !everywhere.includes(value.value));
  const shown = inOrderGiven ? rest.filter((value) => value.count > 0).slice(0, TOP_VALUES) : topValues(rest);
  const section = listRoot.closest('section');
  let note = section?.querySelector('.top-everywhere');
  if (section && !note) {
    note = el('p', { className: 'top-everywhere muted' });
    listRoot.after(note);
  }
  if (note) {
    note.textContent = everywhere.length > 0 ? `In every one of these results: ${everywhere.join(', ')}.` : '';
    note.hidden = everywhere.length === 0;
  }
  listRoot.replaceChildren(...shown.map(({ value, count }) => {
    const row = el('li', { className: 'top-row' }, [
      el('span', { className: 'top-name', text: value }),
      bar(count, total),
      el('span', { className: 'top-count', text: `${count.toLocaleString()} of ${total.toLocaleString()}` }),
    ]);
    row.dataset.value = value;
    row.dataset.count = String(count);
    return row;
  }));
}

/** What the actors' chart holds when the search is narrowed by actor type: "Organisations", "People and places". */
const TYPE_HEADINGS = { person: 'people', organisation: 'organisations', place: 'places', government: 'governments', group: 'groups' };

export function actorsHeading(types) {
  const named = (types ?? []).map((type) => TYPE_HEADINGS[type.toLowerCase()]).filter(Boolean);
  if (named.length === 0) return 'Actors';
  const text = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Binds the charts to their figure; render() redraws them from a search response and the state it
 * answered (null hides them). A facet with ticked values is counted as if none were (drill
 * sideways), so its counts are not shares of these results: its chart is left out.
 */
export function createTopValues(frame, actorsRoot, themesRoot, title) {
  function render(response, state, prefixes = {}) {
    const facets = response?.facets ?? {};
    const total = response?.total ?? 0;
    // Listed by significance, a facet holds the values most characteristic of the results, not the
    // most named ("United States" is on every match and among none of them): the chart says which.
    const characteristic = state?.facetOrder === 'significance';
    title.textContent = characteristic ? 'Most characteristic of these results' : 'Most named in these results';
    // Narrowed by actor type, the answer lists actors of those types only: the heading says which.
    actorsRoot.closest('section').querySelector('.top-heading').textContent = actorsHeading(state?.filters?.actorType);
    for (const [root, key] of [[actorsRoot, 'actor'], [themesRoot, 'theme']]) {
      const ticked = (state?.filters?.[key] ?? []).length > 0;
      // A list's filter box ("Ger") narrows the values the answer carries to those it matches: no chart.
      const narrowed = Boolean(prefixes[key]);
      chart(root, ticked || narrowed ? [] : facets[key], total, characteristic);
      const note = root.closest('section').querySelector('.top-everywhere');
      root.closest('section').hidden = root.childElementCount === 0 && (!note || note.hidden);
    }
    frame.hidden = total === 0 || (actorsRoot.childElementCount === 0 && themesRoot.childElementCount === 0);
  }
  return { render };
}
