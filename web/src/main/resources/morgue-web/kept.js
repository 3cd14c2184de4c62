// Articles a reader keeps: a journalist's clippings for the story at hand, kept in this browser
// (localStorage), so anyone can keep articles without a curator's token; collections are the
// archive's own, shared and curated. The kept articles are also one search (id:(...)), so the
// page's filters, timeline, exports and feed all work on them.
import { announce, el } from './dom.js';

const KEY = 'morgue.kept';
/** Kept at most: the search of them stays a URL every browser and server takes (ids of ~40 characters). */
export const MAX_KEPT = 200;

const listeners = new Set();

/** The kept articles, most recently kept first: [{ id, title }]. */
export function keptArticles() {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item) => typeof item?.id === 'string') : [];
  } catch {
    return []; // storage refused (a private window's quota) or edited by hand: nothing kept
  }
}

function store(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    announce('This browser would not keep the list: its storage is full or turned off');
    return false;
  }
  listeners.forEach((listener) => listener());
  return true;
}

export function isKept(id) {
  return keptArticles().some((item) => item.id === id);
}

/** Keeps an article, or lets it go; says whether it is kept now. */
export function toggleKept(id, title) {
  const items = keptArticles();
  if (items.some((item) => item.id === id)) {
    store(items.filter((item) => item.id !== id));
    return false;
  }
  if (items.length >= MAX_KEPT) {
    announce(`${MAX_KEPT} articles are kept already: let one go to keep another`);
    return false;
  }
  return store([{ id, title: title ?? '' }, ...items]);
}

export function forgetAllKept() {
  store([]);
}

/** Calls `listener` whenever the kept list changes, here or in another tab. */
export function onKeptChange(listener) {
  listeners.add(listener);
}

window.addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) listeners.forEach((listener) => listener());
});

/** The query that finds the kept articles: ids in quotes, so no id is read as syntax. */
export function keptQuery(items = keptArticles()) {
  const quoted = items.map((item) => `"${item.id.replace(/["\\]/g, (c) => `\\${c}`)}"`);
  return `id:(${quoted.join(' OR ')})`;
}

/**
 * The Keep toggle for one article (a hit or the reader): a real button whose pressed state says
 * whether the article is kept, kept in step with the list wherever else it changes.
 */
export function keepButton(id, title) {
  const button = el('button', { className: 'link-button keep-toggle', attrs: { type: 'button' } });
  const sync = () => {
    const kept = isKept(id);
    button.setAttribute('aria-pressed', String(kept));
    button.textContent = kept ? 'Kept' : 'Keep';
    button.title = kept ? 'Kept in this browser: press to let it go' : 'Keep this article in this browser (see Kept)';
  };
  button.addEventListener('click', () => {
    const kept = toggleKept(id, title);
    announce(kept ? `Kept “${title}”` : `Let go of “${title}”`);
  });
  // Lists are redrawn often: a button that was on the page and is gone stops listening.
  let shown = false;
  const listener = () => {
    if (button.isConnected) {
      shown = true;
      sync();
    } else if (shown) {
      listeners.delete(listener);
    } else {
      sync();
    }
  };
  onKeptChange(listener);
  sync();
  return button;
}
