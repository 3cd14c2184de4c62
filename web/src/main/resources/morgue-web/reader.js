// The article reader: one article's text with its actors and hedging cues marked, beside a summary
// of what the enrichment found. It fetches and draws; the URL and navigation belong to app.js.

import { addedElement, announce, dateElement, el, errorContent, fetchJson, hedgingBadge, instantText, safeExternalUrl, sourceName, typeTag } from './dom.js';
import { keepButton } from './kept.js';
import { articleSpans, groupBlocks, hedgedSentences, mentionPlaces, queryMatches, queryWordPieces, quoted, segmentBlock } from './text.js';
import { apa, bibtex, chicago, citationFields, cslJson, mla } from './cite.js';
import { holdStop, moveStop } from './roving.js';
import { versionsSection } from './versions.js';

/** Related articles the reader lists. */
const RELATED_SIZE = 5;

/**
 * Kinds of highlight the legend can switch off. `selector` finds their marks in the text; `samples`
 * are the swatches, drawn with the very classes the marks carry so the legend cannot drift from them.
 */
const MARK_TYPES = [
  {
    key: 'actor', label: 'Actors', selector: '.actor', hint: 'coloured by type',
    // The five ActorType values of the indexer, in its order.
    samples: ['person', 'organisation', 'place', 'government', 'group'].map((type) => ({ classes: `actor actor-${type}`, text: type })),
  },
  { key: 'hedge', label: 'Hedges', selector: '.cue-hedge', hint: 'may, reportedly, possibly', samples: [{ classes: 'cue cue-hedge', text: 'hedge' }] },
  { key: 'booster', label: 'Boosters', selector: '.cue-booster', hint: 'clearly, certainly', samples: [{ classes: 'cue cue-booster', text: 'booster' }] },
  { key: 'attribution', label: 'Attributions', selector: '.cue-attribution', hint: 'said, according to', samples: [{ classes: 'cue cue-attribution', text: 'attribution' }] },
];

/** The search's words, a kind of highlight only a reader opened from a search has. */
const QUERY_MARKS = { key: 'query', label: 'Search words', hint: 'why the search found it', samples: [{ classes: 'query-word', text: 'search' }] };

/** Id of the reader's one mark-details box; marks name it in aria-controls. */
const DETAILS_ID = 'mark-details';
/** Id of the hint before the text saying how its marks are reached; marks name it in aria-describedby. */
const MARK_KEYS_ID = 'mark-keys';

/**
 * Binds the reader to its container. Hidden highlight types are classes on the container
 * (hide-actor, hide-hedge, …), so they survive from one article to the next. The URLs belong to
 * app.js: `articleHref(id)` is the page URL reading an article, `openArticle(id)` goes there,
 * `neighbours(id)` names the hits before and after it among the results the page holds (a "next"
 * marked `more` is on the search's next page, which `openNextPage()` fetches and opens), and
 * `permalink(id)` is the article's own link, without the search. Opened with a `query`, the reader
 * marks where the search's words stand in the text, as the search matched them.
 */
export function createReader(root, { onClose, articleHref, openArticle, neighbours, openNextPage, permalink, curation = null }) {
  const links = { articleHref, openArticle, neighbours, openNextPage, permalink, curation, reload: () => reload() };
  let shownId = null;
  let shownQuery = '';
  let shownArticle = null;
  let controller = null;

  async function show(id, { fresh = false, query = shownQuery } = {}) {
    const searched = (query ?? '').trim();
    if (id === shownId && searched === shownQuery) return;
    controller?.abort();
    const current = (controller = new AbortController());
    shownId = id;
    shownQuery = searched;
    shownArticle = null;
    root.setAttribute('aria-busy', 'true');
    root.replaceChildren(readerBar(onClose, id, links), el('h2', { attrs: { id: 'article-title' }, className: 'loading', text: 'Loading article…' }));
    announce('Loading article…');
    try {
      // Asked beside the article; without them the article still reads, only unmarked.
      const words = searched ? fetchJson(`api/articles/${encodeURIComponent(id)}/matches?${new URLSearchParams({ q: searched })}`, current.signal)
        .then(queryMatches, () => null) : Promise.resolve(null);
      // After a correction, past the browser's cache: a curation rewrite keeps the article's ETag.
      const article = await fetchJson(`api/articles/${encodeURIComponent(id)}`, current.signal, { cache: fresh ? 'reload' : 'default' });
      const search = searched ? { query: searched, matches: await words } : null;
      shownArticle = article;
      root.replaceChildren(readerBar(onClose, id, links, article), articleLayout(root, article, links, current.signal, search));
      document.title = `${article.title || 'Untitled article'} · Morgue`;
      announce(`Article: ${article.title || 'Untitled'}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      root.replaceChildren(readerBar(onClose, id, links), articleError(error, () => retry(id)));
      document.title = 'Article unavailable · Morgue';
      announce(`Article could not be loaded: ${error.message}`);
    } finally {
      if (current === controller) root.removeAttribute('aria-busy');
    }
    focusTitle(root);
  }

  function retry(id, options = {}) {
    shownId = null;
    show(id, options);
  }

  function hide() {
    controller?.abort();
    shownId = null;
    root.replaceChildren();
  }

  /** Fetches the article on screen again (after a correction, or a sign-in that changes its tools). */
  function reload() {
    if (shownId !== null) retry(shownId, { fresh: true });
  }

  /**
   * Draws the bar again from the results the page now holds: a link with a search and an article,
   * reloaded or shared, opens the reader before the search's answer comes, and its previous / next
   * and place among the results can only be known after.
   */
  function refreshSteps() {
    const bar = root.querySelector(':scope > .reader-bar');
    if (shownId !== null && bar) bar.replaceWith(readerBar(onClose, shownId, links, shownArticle));
  }

  return { show, hide, reload, refreshSteps };
}

function focusTitle(root) {
  const title = root.querySelector('#article-title');
  if (!title) return;
  title.setAttribute('tabindex', '-1');
  title.focus({ preventScroll: true });
  // On a phone the key comes before the article: the reader opens at the headline, not inside the
  // key, as focus's own scroll left it (a journalist's trial, session 40). A wide screen shows both.
  if (title.getBoundingClientRect().top > window.innerHeight * 0.4) title.scrollIntoView({ block: 'start' });
}

// Back, previous / next through the results the page holds, and the permalink with its copy button.
function readerBar(onClose, id, links, article = null) {
  const { previous, next, position, count } = links.neighbours(id);
  const permalink = links.permalink(id);
  return el('div', { className: 'reader-bar' }, [
    el('button', { className: 'back', attrs: { type: 'button' }, on: { click: onClose } }, [
      el('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }),
      'Back to results',
    ]),
    position ? el('nav', { className: 'reader-steps', attrs: { 'aria-label': 'Results' } }, [
      stepLink('previous', previous, links),
      el('span', { className: 'reader-position', text: `${position} of ${count}` }),
      stepLink('next', next, links),
    ]) : null,
    el('span', { className: 'permalink' }, [
      el('a', { className: 'permalink-link', attrs: { href: permalink }, text: 'Permalink' }),
      copyButton('Copy link', 'Copy link to this article', () => permalink),
    ]),
    // Anyone may keep an article (in this browser); adding to a collection is a curator's.
    article ? keepButton(article.id, article.title) : null,
    article && links.curation?.signedIn() ? links.curation.addToCollection(article) : null,
  ]);
}

function stepLink(direction, hit, links) {
  const label = direction === 'previous' ? 'Previous' : 'Next';
  if (!hit) return el('span', { className: `step step-${direction} step-none`, attrs: { 'aria-disabled': 'true' }, text: label });
  if (hit.more) {
    return el('button', {
      className: `step step-${direction}`,
      attrs: { type: 'button', 'aria-label': `${label}: load the next page of results` },
      on: { click: () => links.openNextPage() },
    }, [label, el('span', { attrs: { 'aria-hidden': 'true' }, text: ' ›' })]);
  }
  return el('a', {
    className: `step step-${direction}`,
    attrs: { href: links.articleHref(hit.id), rel: direction === 'previous' ? 'prev' : 'next', title: hit.title, 'aria-label': `${label}: ${hit.title}` },
    on: { click: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      links.openArticle(hit.id);
    } },
  }, [direction === 'previous' ? el('span', { attrs: { 'aria-hidden': 'true' }, text: '‹ ' }) : null, label,
    direction === 'next' ? el('span', { attrs: { 'aria-hidden': 'true' }, text: ' ›' }) : null]);
}

/**
 * A button that copies `text()` to the clipboard and says so; where the clipboard is refused it
 * says that instead, and the text stays on the page to select.
 */
function copyButton(label, ariaLabel, text) {
  // The accessible name holds the visible words (WCAG 2.5.3, label in name); while the button says
  // how the copy went, that text alone is its name.
  const button = el('button', { className: 'copy', attrs: { type: 'button', 'aria-label': ariaLabel }, text: label });
  const say = (words) => {
    button.textContent = words;
    button.removeAttribute('aria-label');
  };
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      say('Copied');
      announce('Copied to the clipboard');
    } catch {
      say('Select and copy');
      announce('The clipboard is not available; select the text and copy it');
    }
    setTimeout(() => {
      button.textContent = label;
      button.setAttribute('aria-label', ariaLabel);
    }, 2000);
  });
  return button;
}

function articleError(error, onRetry) {
  // An article the archive does not hold (a deleted one, a mistyped link) is not there on a retry.
  const missing = error.status === 404;
  return el('div', { className: 'reader-error' }, [
    el('h2', { attrs: { id: 'article-title' }, text: missing ? 'No such article' : 'Article unavailable' }),
    el('div', { className: 'error-box', attrs: { role: 'alert' } }, errorContent(error)),
    missing ? null : el('button', { attrs: { type: 'button' }, on: { click: onRetry }, text: 'Try again' }),
  ]);
}

// The key (legend and hedging level) comes first in the document so that on a phone, where the
// layout is one column, it sits above the article; on a wide screen the grid puts it at the right.
function articleLayout(root, article, links, signal, search) {
  const meanings = new WeakMap();
  const details = markDetails();
  const words = search?.matches ?? [];
  const body = articleBody(article, meanings, words);
  // Where a curator's correction form for an actor opens, under the actors list.
  const correction = correctionSlot(article, links);
  // Other versions of the story (copies, corrections), and the place a comparison with one takes the text's.
  const versions = versionsSection(article, body, links, signal);
  const articleElement = el('article', { className: 'reader-article', attrs: { 'aria-labelledby': 'article-title' } }, [
    articleHeader(article, words),
    detailsCorrection(article, links),
    versions?.section,
    body,
    versions?.comparison,
    details.element,
  ]);
  wireMarks(root, body, details, meanings, correction);
  const summary = el('aside', {
    className: 'reader-summary', attrs: { id: 'reader-summary', tabindex: '-1', 'aria-label': 'What Morgue found in this article' },
  }, [
    hedgedSentencesSection(article),
    actorsSection(article, correction),
    themesSection(article.themes ?? []),
    relatedSection(article.id, links, signal),
    citeSection(article, links.permalink(article.id)),
  ]);
  // What Morgue found stands after the article in the reading order (beside it on a wide screen):
  // past the versions and the text, whose marks are one stop, and straight there for a screen reader.
  const skip = el('a', { className: 'skip-link reader-skip', attrs: { href: '#reader-summary' }, text: 'Skip past the text to what Morgue found' });
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  });
  articleElement.insertBefore(skip, body.parentNode === articleElement ? body : articleElement.firstChild);
  // The text is one tab stop however many marks it holds (a mark each was hundreds of Tabs through a
  // long address, a keyboard trial); this hint, read with each mark, says how to go from mark to mark.
  articleElement.insertBefore(el('p', {
    className: 'visually-hidden',
    attrs: { id: MARK_KEYS_ID },
    text: 'The marks in the text are one Tab stop: the arrow keys go to the next or previous mark, Home and End to the '
      + 'first and last, and Enter or Space says what a mark is.',
  }), body.parentNode === articleElement ? body : articleElement.firstChild);
  const layout = el('div', { className: 'reader-layout' }, [
    el('aside', { className: 'reader-key', attrs: { 'aria-label': 'Highlights and hedging level' } }, [
      search ? searchWordsSection(search, articleElement) : null,
      legend(root, words.length > 0),
      hedgingSection(article),
    ]),
    articleElement,
    summary,
  ]);
  syncMarkFocus(root, body);
  return layout;
}

/**
 * The box that says what a mark is, for touch and keyboard as well as the mouse: Enter, Space or a
 * tap on a mark opens it under the mark; Escape, the close button or a tap elsewhere closes it.
 */
function markDetails() {
  const heading = el('p', { className: 'mark-details-heading' });
  const facts = el('dl', { className: 'mark-details-facts' });
  // The word, not a ×: what is read out is what is shown (WCAG 2.5.3, label in name), so a voice user
  // can say "click Close". Last in the box (drawn in its corner): the box is a live region, read out
  // from its start, and began "Close Hedge: ..." (a keyboard trial).
  const close = el('button', { className: 'mark-details-close', attrs: { type: 'button' }, text: 'Close' });
  const tools = el('div', { className: 'mark-details-tools' });
  const element = el('div', { className: 'mark-details', attrs: { id: DETAILS_ID, role: 'status', hidden: true } }, [heading, facts, tools, close]);
  return { element, heading, facts, tools, close, opener: null };
}

function wireMarks(root, body, details, meanings, correction) {
  const open = (mark) => {
    const meaning = meanings.get(mark);
    if (!meaning) return;
    details.opener?.setAttribute('aria-expanded', 'false');
    details.opener = mark;
    mark.setAttribute('aria-expanded', 'true');
    details.heading.textContent = meaning.heading;
    details.facts.replaceChildren(...meaning.facts.flatMap(({ label, value }) => [el('dt', { text: label }), el('dd', { text: value })]));
    // A signed-in curator may correct the actor from its mark: a real button, for keyboard and touch alike.
    details.tools.replaceChildren();
    if (meaning.actor && correction.enabled) {
      details.tools.append(el('button', {
        className: 'correct-actor correct-from-mark',
        attrs: { type: 'button' },
        on: { click: () => {
          close({ refocus: false });
          correction.open(meaning.actor);
        } },
        text: 'Correct this',
      }));
    }
    details.element.hidden = false;
    placeUnder(details.element, mark);
    // A mark near the screen's foot opened its details half below it (a phone, in the same trial).
    details.element.scrollIntoView({ block: 'nearest' });
  };
  const close = ({ refocus }) => {
    if (details.element.hidden) return;
    details.element.hidden = true;
    const opener = details.opener;
    details.opener = null;
    opener?.setAttribute('aria-expanded', 'false');
    if (refocus) opener?.focus();
  };
  const toggle = (mark) => (details.opener === mark ? close({ refocus: false }) : open(mark));

  body.addEventListener('click', (event) => {
    const mark = event.target.closest('[data-mark]');
    if (mark) toggle(mark);
  });
  body.addEventListener('keydown', (event) => {
    const mark = event.target.closest('[data-mark]');
    if (!mark) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle(mark);
      return;
    }
    // To the next mark: the details open stay with the mark they are about, so they close.
    if (moveStop(event, shownMarks(root, body), mark)) close({ refocus: false });
  });
  // A mark clicked or given the focus back (Escape) becomes the text's stop, as one reached by arrows.
  body.addEventListener('focusin', (event) => {
    const mark = event.target.closest('[data-mark]');
    const shown = shownMarks(root, body);
    if (mark && shown.includes(mark)) holdStop([...body.querySelectorAll('[data-mark]')], mark);
  });
  details.close.addEventListener('click', () => close({ refocus: true }));
  // Escape closes the details first; only an Escape with nothing open goes on to close the reader.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || details.element.hidden) return;
    event.stopPropagation();
    close({ refocus: true });
  });
  root.addEventListener('click', (event) => {
    if (!event.target.closest('[data-mark], .mark-details')) close({ refocus: false });
  });
}

// Under the mark, inside the article's box, moved left if it would leave the box.
function placeUnder(box, mark) {
  const container = box.offsetParent ?? box.parentElement;
  const area = container.getBoundingClientRect();
  const target = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  const maxLeft = Math.max(8, container.clientWidth - box.offsetWidth - 8);
  box.style.top = `${target.bottom - area.top + 6}px`;
  box.style.left = `${Math.min(Math.max(8, target.left - area.left), maxLeft)}px`;
}

/** The marks of `body` whose kind the legend shows, in reading order: the ones the arrow keys visit. */
function shownMarks(root, body) {
  const hidden = MARK_TYPES.filter(({ key }) => root.classList.contains(`hide-${key}`)).map(({ selector }) => selector);
  return [...body.querySelectorAll('[data-mark]')].filter((mark) => !hidden.some((selector) => mark.matches(selector)));
}

/**
 * The text's one tab stop: the mark that held it while its kind is shown, else the first mark shown;
 * none when every kind is turned off. Marks of a hidden kind are never the stop nor an arrow's step.
 */
function syncMarkFocus(root, body) {
  if (!body) return;
  const marks = [...body.querySelectorAll('[data-mark]')];
  const shown = shownMarks(root, body);
  const held = marks.find((mark) => mark.getAttribute('tabindex') === '0');
  holdStop(marks, shown.includes(held) ? held : shown[0] ?? null);
}

function articleHeader(article, words) {
  const url = safeExternalUrl(article.url);
  const authors = article.authors ?? [];
  return el('header', { className: 'article-header' }, [
    el('h2', { attrs: { id: 'article-title' } }, article.title ? withQueryWords(article.title, 0, words) : ['Untitled article']),
    el('p', { className: 'meta' }, [
      dateElement(article.published, article.publishedPrecision, article.publishedTime),
      article.source ? el('span', { className: 'source', text: sourceName(article.source) }) : null,
      // The name shown is the curator's, not the article's own: a librarian citing it must be able to tell.
      article.sourceRenamedFrom ? el('span', { className: 'source-renamed', text: `Source renamed by a curator from “${sourceName(article.sourceRenamedFrom)}”` }) : null,
      authors.length > 0 ? el('span', { text: `By ${authors.join(', ')}` }) : null,
      url ? el('a', { attrs: { href: url, rel: 'noopener noreferrer' }, text: 'Original article' }) : null,
      // Linked to what else came in with the same import or change: every article of a write shares its instant.
      addedElement(article.added, article.added ? `?${new URLSearchParams({ q: `added:"${article.added}"`, sort: 'added' })}` : null),
      correctedElement(article.corrected),
    ]),
  ]);
}

/** Fields a correction changes, in words: "title, date". */
const CORRECTED_FIELDS = { title: 'title', published: 'date', source: 'source', authors: 'bylines', actors: 'actors', themes: 'themes' };

// The headline and date shown are the curator's where a correction says so: a librarian citing the
// article must be able to tell them from the source's own.
function correctedElement(corrected) {
  if (!corrected) return null;
  const fields = (corrected.fields ?? []).map((field) => CORRECTED_FIELDS[field] ?? field);
  const when = new Date(corrected.updated);
  return el('span', { className: 'corrected' }, [
    `Corrected by a curator (${corrected.curator})`,
    Number.isNaN(when.getTime()) ? null : [' on ', el('time', { attrs: { datetime: corrected.updated }, text: instantText(when) })],
    fields.length > 0 ? `: ${fields.join(', ')}` : null,
  ].flat());
}

function articleBody(article, meanings, words) {
  // A headline with no text after it (a catalogue card's, imported with a warning) drew an empty
  // box, and a reader could not tell a missing text from one that failed to load (a user trial).
  if (headlineOnly(article)) {
    return el('div', { className: 'article-body' }, [el('p', { className: 'empty-note headline-only', text: headlineOnlyNote(article) })]);
  }
  const spans = articleSpans(article);
  const blocks = article.blocks?.length ? article.blocks : fallbackBlocks(article);
  return el('div', { className: 'article-body' }, groupBlocks(blocks).map((group) => blockGroupElement(group, spans, meanings, words)));
}

/** Whether the archive holds the article's headline alone: no blocks, and nothing in the text after the title. */
function headlineOnly(article) {
  return !article.blocks?.length && (article.text ?? '').slice((article.title ?? '').length).trim() === '';
}

/**
 * What the reader is told of an article with no text, and where the text may be; the header above
 * already gives what else the archive has of it (its date or "Undated", its source, its link).
 */
function headlineOnlyNote(article) {
  const original = safeExternalUrl(article.url) ? ' The original article, linked above, may have it.' : '';
  return `The archive holds only the headline of this article: no text came with it.${original}`;
}

// Without blocks the text after the title is still worth reading; pre-line keeps its paragraphs.
function fallbackBlocks(article) {
  const start = (article.title ?? '').length;
  const text = article.text ?? '';
  return [{ kind: 'plain', text: text.slice(start), start, end: text.length }];
}

function blockGroupElement(group, spans, meanings, words) {
  const inline = (block) => inlineContent(block, spans, meanings, words);
  switch (group.kind) {
    // h3: the article title is the reader's h2, so its section headings sit one level below.
    case 'heading':
      return el('h3', { className: 'block-heading' }, inline(group.blocks[0]));
    case 'key_point':
      return el('ul', { className: 'key-points' }, group.blocks.map((block) => el('li', {}, inline(block))));
    case 'list_item':
      return el('ul', { className: 'block-list' }, group.blocks.map((block) => el('li', {}, inline(block))));
    case 'quote':
      return el('blockquote', {}, [el('p', {}, inline(group.blocks[0]))]);
    case 'lede':
      return el('p', { className: 'lede' }, inline(group.blocks[0]));
    case 'plain':
      return el('p', { className: 'plain-text' }, inline(group.blocks[0]));
    default:
      return el('p', {}, inline(group.blocks[0]));
  }
}

// A mark is a toggle button for its details (role and state via aria), keeping its own element and
// text; the search's words are marked inside it and between marks.
function inlineContent(block, spans, meanings, words) {
  return segmentBlock(block, spans).flatMap(({ text, span, start }) => {
    if (!span) return withQueryWords(text, start, words);
    const mark = el(span.element, {
      className: span.classes.join(' '),
      attrs: {
        // The name says what the mark is, not only its words: a screen reader stepping through a
        // reader's marks heard "could", "Congress", "of course" and had to open each to tell them apart.
        title: span.title, 'aria-label': `${text}, ${span.title}`, 'data-mark': true, tabindex: -1, role: 'button',
        'aria-expanded': 'false', 'aria-controls': DETAILS_ID, 'aria-describedby': MARK_KEYS_ID,
      },
    }, withQueryWords(text, start, words));
    meanings.set(mark, span.meaning);
    return [mark];
  });
}

/** Text that starts at offset `start`, the search's words in it inside <mark>s that name their match. */
function withQueryWords(text, start, words) {
  if (words.length === 0) return [document.createTextNode(text)];
  return queryWordPieces(text, start, words).map((piece) => (piece.match === null ? document.createTextNode(piece.text)
    : el('mark', { className: 'query-word', attrs: { 'data-match': piece.match }, text: piece.text })));
}

/**
 * Where the search's words stand, for a reader opened from a search: how many places, and a way to
 * step through them; or, where none stand in the text, why the article matched all the same.
 */
function searchWordsSection({ query, matches }, articleElement) {
  const heading = el('h2', { text: 'Your search' });
  const asked = quoted(query);
  if (matches === null) {
    return el('section', { className: 'search-words' }, [heading, el('p', { className: 'muted', text: `Where ${asked} stands in the text could not be loaded.` })]);
  }
  if (matches.length === 0) {
    return el('section', { className: 'search-words' }, [heading, el('p', {
      text: `Nothing in the title or text matches ${asked} word for word: the article matched on what Morgue found in it (its actors, its themes) or on its other fields.`,
    })]);
  }
  const count = matches.length;
  let at = -1;
  const position = el('span', { className: 'search-words-position', attrs: { 'aria-live': 'polite' } });
  const step = (by) => {
    // Before any step, Next goes to the first place and Previous to the last.
    at = at < 0 ? (by > 0 ? 0 : count - 1) : (at + by + count) % count;
    for (const word of articleElement.querySelectorAll('.query-word.current')) word.classList.remove('current');
    const pieces = articleElement.querySelectorAll(`.query-word[data-match="${at}"]`);
    pieces.forEach((piece) => piece.classList.add('current'));
    pieces[0]?.scrollIntoView({ block: 'center' });
    // Focus stays on the button, as in a browser's find bar; the words found are said with the count.
    const found = [...pieces].map((piece) => piece.textContent).join('').replace(/\s+/g, ' ').trim();
    position.textContent = found ? `${at + 1} of ${count}: “${found}”` : `${at + 1} of ${count}`;
  };
  return el('section', { className: 'search-words' }, [
    heading,
    el('p', { text: `${asked}: ${count === 1 ? 'one place' : `${count} places`} in this article, marked.` }),
    el('div', { className: 'search-words-steps' }, [
      el('button', { attrs: { type: 'button' }, text: 'Previous match', on: { click: () => step(-1) } }),
      el('button', { attrs: { type: 'button' }, text: 'Next match', on: { click: () => step(1) } }),
      position,
    ]),
  ]);
}

function legend(root, searchWords) {
  return el('fieldset', { className: 'legend' }, [
    el('legend', { text: 'Highlights' }),
    searchWords ? legendToggle(root, QUERY_MARKS) : null,
    ...MARK_TYPES.map((type) => legendToggle(root, type)),
    // Said where sighted keyboard users look for it too: the hint before the text is for screen readers.
    el('p', { className: 'legend-note', text: 'Italic marks stand in quotations and pull quotes. Tap or press Enter on a mark to see what it is. '
      + 'The text is one Tab stop: arrow keys go from mark to mark. Turn a kind off to skip its marks.' }),
  ]);
}

function legendToggle(root, { key, label, hint, samples }) {
  const hiddenClass = `hide-${key}`;
  const checkbox = el('input', {
    attrs: { type: 'checkbox', checked: !root.classList.contains(hiddenClass), 'data-mark-type': key },
    on: {
      change: (event) => {
        root.classList.toggle(hiddenClass, !event.target.checked);
        syncMarkFocus(root, root.querySelector('.article-body'));
      },
    },
  });
  return el('div', { className: 'legend-item' }, [
    el('label', {}, [checkbox, ` ${label}`]),
    el('span', { className: 'swatches' }, samples.map((sample) => el('span', { className: `swatch ${sample.classes}`, text: sample.text }))),
    el('span', { className: 'hint', text: hint }),
  ]);
}

/**
 * The actors, most central first, as the server orders them (by salience, as the hits' chips are),
 * each with where it is named. A trial read "John F. Kennedy, 1 mention" above "West Germany, 4
 * mentions" as a wrong order: the one mention is the headline's, and the figure now says so.
 */
function actorsSection(article, correction) {
  const actors = article.actors ?? [];
  const list = actors.length === 0 ? [emptyNote('No actors found.')] : [
    el('p', { className: 'summary-note', text: 'Most central first: a mention counts three times in the headline, twice in the lede, '
      + 'one and a half in a key point or heading, and a country named through one of its places counts half.' }),
    el('ul', { className: 'summary-list actor-list' },
    actors.map((actor) => el('li', {}, [
      el('span', { className: 'summary-name', text: actor.name }),
      ' ',
      typeTag(actor.type),
      actor.role ? el('span', { className: 'summary-role', text: actor.role }) : null,
      el('span', { className: 'summary-figure', text: mentionsText(article, actor) }),
      actor.quotes?.length ? el('span', { className: 'summary-quoted', text: quotedText(actor) }) : null,
      correction.enabled ? el('button', {
        className: 'link-button correct-actor',
        attrs: { type: 'button', 'aria-label': `Correct this actor: ${actor.name}` },
        on: { click: () => correction.open({ name: actor.name, type: actor.type }) },
        text: 'Correct this',
      }) : null,
      ...(actor.renamedFrom ?? []).map((old) => actorRenamedNote(actor, String(old), correction)),
    ])),
  )];
  return summarySection('Actors', [...list, correction.element]);
}

// Said in the list as well as in a mark's details: a curator looking for the rename to withdraw finds
// it beside the actor, and the withdrawal is one per old name (two merged into one are withdrawn apart).
function actorRenamedNote(actor, old, correction) {
  return el('span', { className: 'actor-renamed' }, [
    `renamed by a curator from “${old}”`,
    correction.enabled ? ' ' : null,
    correction.enabled ? el('button', {
      className: 'link-button withdraw-actor-rename',
      attrs: { type: 'button', 'aria-label': `Withdraw rename of “${old}” into “${actor.name}”` }, // the name starts with the visible text (WCAG 2.5.3)
      on: { click: () => correction.withdraw(actor, old) },
      text: 'Withdraw rename',
    }) : null,
  ]);
}

/**
 * Who the article quotes, in the words that credit each statement: "quoted: said (3), according to".
 * The quoted facet lists the same actors; the words show a reader why, and where to look.
 */
function quotedText(actor) {
  const counts = new Map();
  for (const quote of actor.quotes) {
    const words = String(quote.text).toLowerCase();
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return `quoted: ${[...counts].map(([words, n]) => (n > 1 ? `${words} (${n})` : words)).join(', ')}`;
}

/** "4 mentions", "1 mention, in the headline", "9 mentions: 1 in the headline, 1 in the lede". */
function mentionsText(article, actor) {
  const count = actor.mentionCount ?? actor.mentions?.length ?? 0;
  const places = Object.entries(mentionPlaces(article, actor)).filter(([, n]) => n > 0);
  if (places.length === 0) return plural(count, 'mention');
  if (count === 1) return `1 mention, in the ${places[0][0]}`;
  return `${plural(count, 'mention')}: ${places.map(([place, n]) => `${n} in the ${place}`).join(', ')}`;
}

/**
 * A signed-in curator's tools under the header: "Correct details" (the headline, date, source,
 * bylines or themes a source or the enrichment got wrong; the actors are corrected from their own
 * list), "File in a story" (which story the article is a version of, when copy detection got it
 * wrong), "Rename source" (the source's name across the archive) and, after one, "Withdraw source rename". One form open at a time. Null without a token, so a reader sees no control that writes.
 */
function detailsCorrection(article, links) {
  if (!links.curation?.signedIn()) return null;
  const slot = el('div', { className: 'correction-slot' });
  const filed = (article.story?.versions ?? []).some((version) => version.id === article.id && version.filed === 'curator');
  const toggles = [];
  const toggle = (className, text, form) => {
    const opener = el('button', { className: `link-button ${className}`, attrs: { type: 'button', 'aria-expanded': 'false' }, text });
    const close = () => {
      slot.replaceChildren();
      toggles.forEach((other) => other.setAttribute('aria-expanded', 'false'));
      opener.focus();
    };
    opener.addEventListener('click', () => {
      const open = opener.getAttribute('aria-expanded') === 'true';
      if (open) return close();
      const shown = form({ onDone: () => links.reload(), onCancel: close });
      slot.replaceChildren(shown);
      toggles.forEach((other) => other.setAttribute('aria-expanded', String(other === opener)));
      shown.querySelector('input')?.focus();
    });
    toggles.push(opener);
    return opener;
  };
  return el('div', { className: 'details-correction' }, [
    toggle('correct-details', 'Correct details', (actions) => links.curation.correctArticle(article, actions)),
    ' ',
    toggle('file-story', filed ? 'Filed by a curator: change' : 'File in a story', (actions) => links.curation.fileStory(article, filed, actions)),
    // A source is renamed across the archive, as an actor is from its own list: every article from it,
    // so the results and facets are drawn again too, not only this article.
    article.source ? ' ' : null,
    article.source ? toggle('rename-source', 'Rename source', (actions) => links.curation.renameSource(article,
      { ...actions, onDone: () => links.curation.archiveChanged() })) : null,
    article.sourceRenamedFrom ? ' ' : null,
    article.sourceRenamedFrom ? toggle('withdraw-source-rename', 'Withdraw source rename', (actions) => links.curation.withdrawSourceRename(article,
      { ...actions, onDone: () => links.curation.archiveChanged() })) : null,
    slot,
  ]);
}

/**
 * The place a curator's actor correction form opens (one at a time), when the page holds a token;
 * `open(actor)` shows the form there and focuses it.
 */
function correctionSlot(article, links) {
  const element = el('div', { className: 'correction-slot' });
  const enabled = Boolean(links.curation?.signedIn());
  const open = (actor) => {
    const form = links.curation.correctActor(article, actor, {
      onDone: () => links.reload(),
      onCancel: () => element.replaceChildren(),
    });
    element.replaceChildren(form);
    form.scrollIntoView({ block: 'nearest' });
    form.querySelector('input')?.focus();
  };
  const withdraw = (actor, old) => {
    const form = links.curation.withdrawActorRename(actor, old, {
      onDone: () => links.reload(),
      onCancel: () => element.replaceChildren(),
    });
    element.replaceChildren(form);
    form.scrollIntoView({ block: 'nearest' });
    form.querySelector('input')?.focus();
  };
  return { element, enabled, open, withdraw };
}

/**
 * A theme's strength in words, relative to the article's strongest theme: the classifier's raw score
 * depends on the article's length and the taxonomy's weights, so as a number it means nothing to a reader.
 */
export function themeStrength(score, strongest) {
  const share = strongest > 0 ? score / strongest : 0;
  if (share >= 0.67) return 'strong';
  if (share >= 0.34) return 'moderate';
  return 'slight';
}

// Set through the CSSOM: the Content-Security-Policy allows no inline style attributes.
function strengthFill(percent) {
  const fill = el('span', { className: 'strength-fill' });
  fill.style.width = `${percent}%`;
  return fill;
}

function themesSection(themes) {
  const strongest = Math.max(0, ...themes.map((theme) => theme.score ?? 0));
  return summarySection('Themes', themes.length === 0 ? emptyNote('No themes found.') : el('ul', { className: 'summary-list' },
    themes.map((theme) => {
      const strength = themeStrength(theme.score ?? 0, strongest);
      const share = strongest > 0 ? Math.round(((theme.score ?? 0) / strongest) * 100) : 0;
      return el('li', { className: 'theme-row', attrs: { 'data-strength': strength } }, [
        el('span', { className: 'summary-name', text: theme.name }),
        el('span', { className: 'summary-figure theme-strength' }, [
          // The bar repeats the word for the eye; screen readers get the word.
          el('span', { className: 'strength-bar', attrs: { 'aria-hidden': 'true' } }, [strengthFill(share)]),
          el('span', { text: strength }),
        ]),
        theme.triggers?.length ? el('p', { className: 'triggers', text: `Evidence: ${theme.triggers.join(', ')}` }) : null,
      ]);
    }),
  ));
}

/**
 * The share of hedged sentences, cut (not rounded) to a tenth below 20%: 10 of 203 is 4.9%, which the
 * scale calls low, where rounding showed 5% beside a "low" badge and a scale whose medium starts at 5%.
 */
function hedgedPercent(score) {
  const tenths = Math.floor(score * 1000 + 1e-6) / 10;
  return `${tenths >= 20 || Number.isInteger(tenths) ? Math.floor(tenths) : tenths.toFixed(1)}%`;
}

function hedgingSection(article) {
  const hedging = article.hedging;
  if (!hedging) return summarySection('Hedging', emptyNote('No hedging analysis.'), 'h2');
  // A headline alone has no level (the API's null): "low" said its one line was mostly stated as
  // fact, of an article whose text the archive does not hold (a user trial).
  if (hedging.level == null) {
    return summarySection('Hedging', [
      el('p', { className: 'hedging-line' }, [hedgingBadge(null)]),
      el('p', { className: 'hedging-not-measured', text: 'Not measured: the archive holds only the headline of this article, '
        + 'too little writing to say how sure it is. It is in no value of the Hedging filter.' }),
    ], 'h2');
  }
  const sentences = hedgedSentences(article);
  return summarySection('Hedging', [
    el('p', { className: 'hedging-line' }, [
      hedgingBadge(hedging.level),
      el('span', { className: 'summary-figure', text: `${hedgedPercent(hedging.score ?? 0)} of sentences hedged` }),
    ]),
    el('p', { text: `${hedging.hedgedSentences ?? sentences.length} of ${plural(hedging.sentences ?? 0, 'sentence')} hedged.` }),
    // The scale, so "medium" means something: the thresholds of HedgeDetector (docs/enrichment.md).
    // How far to trust the marks, in round figures: hedged sentences over the five held-out parts of
    // eval/hedging, P 0.72 / R 0.73 (docs/enrichment.md). A level is only as good as the marks under it.
    el('p', { className: 'hedging-scale', text: 'Low: under 5% of sentences hedged; medium: 5-15%; high: 15% or more. '
      + 'A hedge makes a claim uncertain, a guess, a belief, or second-hand; attribution ("said") does not count. '
      + 'The marks are automatic: on text the detector was not tuned on, about 7 in 10 of the sentences it marks '
      + 'are hedged, and it marks about 7 in 10 of the hedged ones.' }),
  ], 'h2');
}

// Apart from the level, so that the key above the article on a phone stays short.
function hedgedSentencesSection(article) {
  if (!article.hedging) return null;
  const sentences = hedgedSentences(article);
  return summarySection(`Hedged sentences (${sentences.length})`, sentences.length === 0
    ? emptyNote('No hedged sentences.')
    : el('ol', { className: 'hedged-sentences' }, sentences.map((sentence) => el('li', { text: sentence }))));
}

// Filled in when the related articles arrive; the article does not wait for them.
function relatedSection(id, links, signal) {
  const status = el('p', { className: 'empty-note', text: 'Finding related coverage…' });
  const section = summarySection('Related coverage', status);
  section.classList.add('related');
  fetchJson(`api/articles/${encodeURIComponent(id)}/related?size=${RELATED_SIZE}`, signal).then((answer) => {
    const related = answer.related ?? [];
    status.replaceWith(related.length === 0 ? emptyNote('No related coverage.') : el('ul', { className: 'summary-list related-list' },
      related.map((hit) => el('li', {}, [
        el('a', {
          className: 'related-link',
          attrs: { href: links.articleHref(hit.id), 'data-article-id': hit.id },
          on: { click: (event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            links.openArticle(hit.id);
          } },
          text: hit.title || 'Untitled article',
        }),
        el('span', { className: 'related-meta' }, [
          dateElement(hit.published, hit.publishedPrecision, hit.publishedTime),
          hit.source ? el('span', { className: 'source', text: sourceName(hit.source) }) : null,
        ]),
      ]))));
  }).catch((error) => {
    if (error.name === 'AbortError') return;
    status.textContent = `Related coverage could not be loaded: ${error.message}`;
  });
  return section;
}

const CITATION_STYLES = [['apa', 'APA', apa], ['mla', 'MLA', mla], ['chicago', 'Chicago', chicago]];

// Built in the page from the article it already has: the downloads are data: links, no request.
function citeSection(article, permalink) {
  const fields = citationFields(article, { sourceName: sourceName(article.source ?? ''), permalink });
  const section = summarySection('Cite this article', [
    el('dl', { className: 'citations' }, CITATION_STYLES.flatMap(([key, label, style]) => {
      const text = style(fields);
      return [
        el('dt', { text: label }),
        el('dd', {}, [
          el('p', { className: `citation citation-${key}`, text }),
          copyButton('Copy', `Copy the ${label} citation`, () => text),
        ]),
      ];
    })),
    el('p', { className: 'citation-downloads' }, [
      'For Zotero and other reference managers: ',
      download('CSL-JSON', 'application/vnd.citationstyles.csl+json', `${fileStem(article.id)}.json`, cslJson(fields)),
      ' · ',
      download('BibTeX', 'application/x-bibtex', `${fileStem(article.id)}.bib`, bibtex(fields)),
    ]),
  ]);
  section.classList.add('cite');
  return section;
}

function download(label, type, file, content) {
  return el('a', {
    className: `citation-download download-${label.toLowerCase()}`,
    attrs: { href: `data:${type};charset=utf-8,${encodeURIComponent(content)}`, download: file },
    text: label,
  });
}

function fileStem(id) {
  return String(id).replace(/[^A-Za-z0-9._-]/g, '-') || 'article';
}

// The key beside the article comes before it in the page (above it on a phone), so its sections are
// h2, as the article's title is: h3s there made the outline skip from the site's h1 to h3.
function summarySection(heading, content, level = 'h3') {
  return el('section', { className: 'summary-section' }, [el(level, { text: heading }), ...[content].flat()]);
}

function emptyNote(text) {
  return el('p', { className: 'empty-note', text });
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

