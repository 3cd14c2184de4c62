// The article reader: one article's text with its actors and hedging cues marked, beside a summary
// of what the enrichment found. It fetches and draws; the URL and navigation belong to app.js.

import { announce, dateElement, el, errorContent, fetchJson, hedgingBadge, safeExternalUrl, typeTag } from './dom.js';
import { articleSpans, groupBlocks, hedgedSentences, segmentBlock } from './text.js';

/** Kinds of highlight the legend can switch off; `sample` is the class list of its swatch. */
const MARK_TYPES = [
  { key: 'actor', label: 'Actors', hint: 'people, groups, places', sample: 'actor actor-person' },
  { key: 'hedge', label: 'Hedges', hint: 'may, reportedly, possibly', sample: 'cue cue-hedge' },
  { key: 'booster', label: 'Boosters', hint: 'clearly, certainly', sample: 'cue cue-booster' },
  { key: 'attribution', label: 'Attributions', hint: 'said, according to', sample: 'cue cue-attribution' },
];

/**
 * Binds the reader to its container. Hidden highlight types are classes on the container
 * (hide-actor, hide-hedge, …), so they survive from one article to the next.
 */
export function createReader(root, { onClose }) {
  let shownId = null;
  let controller = null;

  async function show(id) {
    if (id === shownId) return;
    controller?.abort();
    const current = (controller = new AbortController());
    shownId = id;
    root.setAttribute('aria-busy', 'true');
    root.replaceChildren(backBar(onClose), el('h2', { attrs: { id: 'article-title' }, className: 'loading', text: 'Loading article…' }));
    announce('Loading article…');
    try {
      const article = await fetchJson(`/api/articles/${encodeURIComponent(id)}`, current.signal);
      root.replaceChildren(backBar(onClose), articleLayout(root, article));
      document.title = `${article.title || 'Untitled article'} · Morgue`;
      announce(`Article: ${article.title || 'Untitled'}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      root.replaceChildren(backBar(onClose), articleError(error, () => retry(id)));
      document.title = 'Article unavailable · Morgue';
      announce(`Article could not be loaded: ${error.message}`);
    } finally {
      if (current === controller) root.removeAttribute('aria-busy');
    }
    focusTitle(root);
  }

  function retry(id) {
    shownId = null;
    show(id);
  }

  function hide() {
    controller?.abort();
    shownId = null;
    root.replaceChildren();
  }

  return { show, hide };
}

function focusTitle(root) {
  const title = root.querySelector('#article-title');
  title?.setAttribute('tabindex', '-1');
  title?.focus();
}

function backBar(onClose) {
  return el('div', { className: 'reader-bar' }, [
    el('button', { className: 'back', attrs: { type: 'button' }, on: { click: onClose } }, [
      el('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }),
      'Back to results',
    ]),
  ]);
}

function articleError(error, onRetry) {
  return el('div', { className: 'reader-error' }, [
    el('h2', { attrs: { id: 'article-title' }, text: 'Article unavailable' }),
    el('div', { className: 'error-box', attrs: { role: 'alert' } }, errorContent(error)),
    el('button', { attrs: { type: 'button' }, on: { click: onRetry }, text: 'Try again' }),
  ]);
}

function articleLayout(root, article) {
  return el('div', { className: 'reader-layout' }, [
    el('article', { className: 'reader-article', attrs: { 'aria-labelledby': 'article-title' } }, [
      articleHeader(article),
      articleBody(article),
    ]),
    el('aside', { className: 'reader-summary', attrs: { 'aria-label': 'What Morgue found in this article' } }, [
      legend(root),
      actorsSection(article.actors ?? []),
      themesSection(article.themes ?? []),
      hedgingSection(article),
    ]),
  ]);
}

function articleHeader(article) {
  const url = safeExternalUrl(article.url);
  const authors = article.authors ?? [];
  return el('header', { className: 'article-header' }, [
    el('h2', { attrs: { id: 'article-title' }, text: article.title || 'Untitled article' }),
    el('p', { className: 'meta' }, [
      dateElement(article.published),
      article.source ? el('span', { className: 'source', text: article.source }) : null,
      authors.length > 0 ? el('span', { text: `By ${authors.join(', ')}` }) : null,
      url ? el('a', { attrs: { href: url, rel: 'noopener noreferrer' }, text: 'Original article' }) : null,
    ]),
  ]);
}

function articleBody(article) {
  const spans = articleSpans(article);
  const blocks = article.blocks?.length ? article.blocks : fallbackBlocks(article);
  return el('div', { className: 'article-body' }, groupBlocks(blocks).map((group) => blockGroupElement(group, spans)));
}

// Without blocks the text after the title is still worth reading; pre-line keeps its paragraphs.
function fallbackBlocks(article) {
  const start = (article.title ?? '').length;
  const text = article.text ?? '';
  return [{ kind: 'plain', text: text.slice(start), start, end: text.length }];
}

function blockGroupElement(group, spans) {
  const inline = (block) => inlineContent(block, spans);
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

function inlineContent(block, spans) {
  return segmentBlock(block, spans).map(({ text, span }) =>
    span
      ? el(span.element, { className: span.classes.join(' '), attrs: { title: span.title }, text })
      : document.createTextNode(text),
  );
}

function legend(root) {
  return el('fieldset', { className: 'legend' }, [
    el('legend', { text: 'Highlights' }),
    ...MARK_TYPES.map((type) => legendToggle(root, type)),
  ]);
}

function legendToggle(root, { key, label, hint, sample }) {
  const hiddenClass = `hide-${key}`;
  const checkbox = el('input', {
    attrs: { type: 'checkbox', checked: !root.classList.contains(hiddenClass) },
    on: { change: (event) => root.classList.toggle(hiddenClass, !event.target.checked) },
  });
  return el('label', { className: 'legend-item' }, [
    checkbox,
    el('span', { className: `swatch ${sample}`, text: label }),
    el('span', { className: 'hint', text: hint }),
  ]);
}

function actorsSection(actors) {
  return summarySection('Actors', actors.length === 0 ? emptyNote('No actors found.') : el('ul', { className: 'summary-list' },
    actors.map((actor) => el('li', {}, [
      el('span', { className: 'summary-name', text: actor.name }),
      ' ',
      typeTag(actor.type),
      actor.role ? el('span', { className: 'summary-role', text: actor.role }) : null,
      el('span', { className: 'summary-figure', text: plural(actor.mentionCount ?? actor.mentions?.length ?? 0, 'mention') }),
    ])),
  ));
}

function themesSection(themes) {
  return summarySection('Themes', themes.length === 0 ? emptyNote('No themes found.') : el('ul', { className: 'summary-list' },
    themes.map((theme) => el('li', {}, [
      el('span', { className: 'summary-name', text: theme.name }),
      el('span', { className: 'summary-figure', text: `score ${formatNumber(theme.score)}` }),
      theme.triggers?.length ? el('p', { className: 'triggers', text: `Triggered by: ${theme.triggers.join(', ')}` }) : null,
    ])),
  ));
}

function hedgingSection(article) {
  const hedging = article.hedging;
  if (!hedging) return summarySection('Hedging', emptyNote('No hedging analysis.'));
  const sentences = hedgedSentences(article);
  return summarySection('Hedging', [
    el('p', { className: 'hedging-line' }, [
      hedgingBadge(hedging.level),
      el('span', { className: 'summary-figure', text: `${Math.round((hedging.score ?? 0) * 100)}% of sentences hedged` }),
    ]),
    el('p', { text: `${hedging.hedgedSentences ?? sentences.length} of ${plural(hedging.sentences ?? 0, 'sentence')} hedged.` }),
    // The scale, so "medium" means something: the thresholds of HedgeDetector (docs/enrichment.md).
    el('p', { className: 'hedging-scale', text: 'Low: under 10% of sentences hedged; medium: 10-20%; high: 20% or more. '
      + 'A hedge makes a claim uncertain, a guess, a belief, or second-hand; attribution ("said") does not count.' }),
    sentences.length === 0
      ? emptyNote('No hedged sentences.')
      : el('details', { className: 'hedged-sentences', attrs: { open: true } }, [
        el('summary', { text: `Hedged sentences (${sentences.length})` }),
        el('ol', {}, sentences.map((sentence) => el('li', { text: sentence }))),
      ]),
  ]);
}

function summarySection(heading, content) {
  return el('section', { className: 'summary-section' }, [el('h3', { text: heading }), ...[content].flat()]);
}

function emptyNote(text) {
  return el('p', { className: 'empty-note', text });
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatNumber(value) {
  return typeof value === 'number' ? value.toFixed(2) : '–';
}
