// One tab stop for a set of items (WAI-ARIA's roving tabindex): the item that holds the stop has
// tabindex 0, every other -1, and the arrow keys, Home and End move the stop and the focus among them.
// Used where a list would otherwise cost a Tab per item: a facet's values, the marks in an article's
// text. The items stay whatever they are (native checkboxes, buttons); only the tab order changes.

/** How far each arrow key moves, the same down the list as across the line. */
const STEPS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The index a key moves to among `count` items from `at`, or null for a key that does not move:
 * arrows step one item and stop at the ends (Home and End go there at once), never wrapping round,
 * so holding an arrow down does not cycle through a long list for ever.
 */
function rovingIndex(event, at, count) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || count === 0) return null;
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  const step = STEPS[event.key];
  if (step === undefined) return null;
  return Math.min(count - 1, Math.max(0, at + step));
}

/** Makes `stop` the only one of `items` in the tab order (none, when `stop` is not among them). */
export function holdStop(items, stop) {
  for (const item of items) item.setAttribute('tabindex', item === stop ? '0' : '-1');
}

/**
 * Handles a key pressed on `from`, one of `items`: moves the stop and the focus where an arrow, Home or
 * End says, and reports whether it did (other keys, Enter or Space, are the caller's).
 */
export function moveStop(event, items, from) {
  const next = rovingIndex(event, Math.max(0, items.indexOf(from)), items.length);
  if (next === null) return false;
  // The page would scroll under an arrow too, away from the item the focus goes to.
  event.preventDefault();
  holdStop(items, items[next]);
  items[next].focus();
  return true;
}
