// Suggestions under the search box: actor, theme and source names from /api/suggest, as an ARIA
// combobox (the input) controlling a listbox. Choosing one reports it through onChoose(suggestion);
// what that does to the search belongs to app.js. Names are untrusted text: textContent only.

import { el, facetValueName, fetchJson } from './dom.js';

const DEBOUNCE_MS = 150;
const LIMIT = 8;
const FACET_LABELS = { actor: 'Actor', theme: 'Theme', source: 'Source' };

/** Turns `input` into a combobox over the listbox `list`. */
export function createSuggest(input, list, { onChoose }) {
  let suggestions = [];
  let active = -1;
  let timer = null;
  let controller = null;
  // Each request gets a number; an answer that is not for the latest one is stale and dropped.
  let latest = 0;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggested filters');

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix === '') {
      latest += 1;
      close();
      return;
    }
    timer = setTimeout(() => fetchSuggestions(prefix), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((active + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      // Choosing a suggestion, not submitting the typed text.
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === 'Escape' && open) {
      // Stops the page-level Escape (which closes the reader) from firing as well.
      event.preventDefault();
      event.stopPropagation();
      latest += 1;
      close();
    }
  });

  input.addEventListener('blur', () => {
    // Later than a click on an option, which keeps focus with mousedown's preventDefault anyway.
    setTimeout(close, 100);
  });

  async function fetchSuggestions(prefix) {
    controller?.abort();
    const mine = (controller = new AbortController());
    const ticket = (latest += 1);
    try {
      const params = new URLSearchParams({ prefix, limit: String(LIMIT) });
      const response = await fetchJson(`api/suggest?${params}`, mine.signal);
      if (ticket !== latest || document.activeElement !== input) return;
      show(response.suggestions ?? []);
    } catch (error) {
      // Suggestions are a convenience: a failure just shows none; the search itself reports errors.
      if (error.name !== 'AbortError' && ticket === latest) close();
    }
  }

  function show(items) {
    suggestions = items;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (items.length === 0) {
      close();
      return;
    }
    list.replaceChildren(...items.map(option));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function option(suggestion, index) {
    const label = FACET_LABELS[suggestion.facet] ?? suggestion.facet;
    return el('li', {
      className: 'suggestion',
      attrs: { id: `${list.id}-${index}`, role: 'option', 'aria-selected': 'false' },
      on: {
        // mousedown, not click: keep focus in the box so the blur handler does not close first.
        mousedown: (event) => {
          event.preventDefault();
          choose(suggestion);
        },
      },
    }, [
      el('span', { className: 'suggestion-value', text: facetValueName(suggestion.facet, suggestion.value) }),
      el('span', { className: 'suggestion-kind', text: `${label} · ${Number(suggestion.count ?? 0).toLocaleString()}` }),
    ]);
  }

  function setActive(index) {
    active = index;
    [...list.children].forEach((item, position) => item.setAttribute('aria-selected', String(position === index)));
    const item = list.children[index];
    if (item) {
      input.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(suggestion) {
    latest += 1;
    close();
    onChoose(suggestion);
  }

  function close() {
    clearTimeout(timer);
    suggestions = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  /** Closes the list and drops any answer still on its way, which would open it again. */
  function dismiss() {
    latest += 1;
    close();
  }

  return { close: dismiss };
}
