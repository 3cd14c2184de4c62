// The versions of a story (wire copies, re-issues, corrections of one article): the list under a
// search hit, the reader's "Versions" section, and the comparison of two versions sentence by
// sentence. Titles and sentences are article text: they only ever become text nodes.

import { dateElement, el, errorContent, fetchJson, sourceName, announce, secondsIntoTheDay } from './dom.js';

/** A story's versions as the API lists them (the record first, then earliest first); [] without a story. */
export function storyVersions(story) {
  return Array.isArray(story?.versions) ? story.versions.filter((version) => version && version.id) : [];
}

/**
 * The tag of a story's record (its representative, listed first): "the record, picked by a curator"
 * when a curator picked it, else "first published". Null for any other version.
 */
export function recordTag(story, version) {
  if (!version.representative) return null;
  return story?.record === 'curator'
    ? el('span', { className: 'version-tag version-record', text: 'the record, picked by a curator' })
    : el('span', { className: 'version-tag', text: 'first published' });
}

/**
 * Whether version a was published before b, as the API orders versions: undated last, then by the
 * time of day within a day (a version without one after those with one), then by id.
 */
function earlier(a, b) {
  const dayA = a.published || '\uffff';
  const dayB = b.published || '\uffff';
  if (dayA !== dayB) return dayA < dayB;
  const timeA = secondsIntoTheDay(a.publishedTime);
  const timeB = secondsIntoTheDay(b.publishedTime);
  return timeA < timeB || (timeA === timeB && a.id < b.id);
}

/** How many versions a story has: the API's count, else the versions it lists. */
export function versionCount(story) {
  return Number.isInteger(story?.versionCount) ? story.versionCount : storyVersions(story).length;
}

/**
 * "1 sentence changed, 3 removed, 2 added" (the first count names the unit), and whether the title
 * changed; "The text is the same" when no sentence differs.
 */
export function diffSummaryText(diff) {
  const counts = diff?.counts ?? {};
  const parts = [['changed', counts.changed], ['removed', counts.removed], ['added', counts.added]]
    .filter(([, count]) => Number.isInteger(count) && count > 0)
    .map(([change, count], index) => (index === 0 ? `${count} sentence${count === 1 ? '' : 's'} ${change}` : `${count} ${change}`));
  const text = parts.length > 0 ? parts.join(', ') : 'The text is the same';
  return diff?.title?.changed ? `${text}; the title changed` : text;
}

/** A version's source and date, the words its link and its compare button are named by. */
function versionName(version) {
  return version.source ? sourceName(version.source) : 'Unknown source';
}

// Two copies from one source read "Reuters to Reuters": each is named by its headline too (a wire
// editor's trial compared a re-issue with the original, both Reuters, both Feb. 26).
function titled(version, other) {
  return versionName(version) === versionName(other) && version.title ? ` “${version.title}”` : null;
}

function versionLabel(version) {
  const time = version.published && version.publishedTime ? ` ${version.publishedTime.slice(0, 5)}` : '';
  return `${versionName(version)}, ${version.published ?? 'undated'}${time}`;
}

/** A plain left click on a link opens the article here; other clicks keep the browser's own behaviour. */
function followHere(openArticle, id) {
  return (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openArticle(id);
  };
}

/**
 * Under a search hit whose story has other versions: "3 versions", a native disclosure listing
 * each version's source and date as a link to it in the reader, the record marked (first published,
 * or picked by a curator).
 * `links` gives `articleHref(id)` and `openArticle(id)`. Null for a story of one version.
 */
export function hitVersions(hit, links) {
  const versions = storyVersions(hit.story);
  const count = versionCount(hit.story);
  if (count < 2 || versions.length === 0) return null;
  const details = el('details', { className: 'hit-versions' }, [
    el('summary', {}, [
      `${count} versions`,
      el('span', { className: 'visually-hidden', text: ` of “${hit.title || 'Untitled article'}”` }),
    ]),
    el('ol', { className: 'version-list' }, versions.map((version) => {
      const link = el('a', {
        className: 'version-link',
        attrs: { href: links.articleHref(version.id) },
        on: { click: followHere(links.openArticle, version.id) },
        text: versionName(version),
      });
      link.dataset.articleId = version.id;
      return el('li', { className: 'version' }, [
        link,
        dateElement(version.published, version.publishedPrecision ?? 'day', version.publishedTime),
        recordTag(hit.story, version),
        version.id === hit.id ? el('span', { className: 'version-tag version-shown', text: 'this result' }) : null,
        version.title && version.title !== hit.title ? el('span', { className: 'version-title', text: `“${version.title}”` }) : null,
      ]);
    })),
  ]);
  details.dataset.storyId = hit.story.id ?? '';
  return details;
}

/**
 * The reader's "Versions" section for an article whose story has other versions: each version
 * listed, this one marked; another opens with its link, and its "Compare" button shows, in place of
 * `body` (the article's marked-up text), what changed between the two. Null for a one-version story.
 */
export function versionsSection(article, body, links, signal) {
  const versions = storyVersions(article.story);
  if (versions.length < 2) return null;
  const comparison = el('section', {
    className: 'version-diff',
    attrs: { id: 'version-diff', 'aria-labelledby': 'version-diff-heading', hidden: true },
  });
  let openButton = null;
  let controller = null;

  const close = ({ refocus }) => {
    controller?.abort();
    comparison.hidden = true;
    comparison.replaceChildren();
    delete comparison.dataset.with;
    body.hidden = false;
    const button = openButton;
    openButton = null;
    button?.setAttribute('aria-expanded', 'false');
    if (refocus) button?.focus();
  };

  const compare = async (other, button) => {
    if (openButton === button) {
      close({ refocus: false });
      return;
    }
    close({ refocus: false });
    openButton = button;
    button.setAttribute('aria-expanded', 'true');
    controller = new AbortController();
    const current = controller;
    signal?.addEventListener('abort', () => current.abort(), { once: true });
    // Earlier to later, whichever of the two is being read: "what the correction changed" reads forwards.
    // By date, not by place in the list: a curator's record is listed first whenever it was published.
    const [from, to] = earlier(other, article) ? [other.id, article.id] : [article.id, other.id];
    comparison.dataset.with = other.id;
    comparison.hidden = false;
    comparison.setAttribute('aria-busy', 'true');
    comparison.replaceChildren(el('h3', { attrs: { id: 'version-diff-heading', tabindex: '-1' }, text: `Comparing with ${versionLabel(other)}…` }));
    body.hidden = true;
    try {
      const diff = await fetchJson(`api/articles/${encodeURIComponent(from)}/diff?with=${encodeURIComponent(to)}`, current.signal);
      if (current !== controller) return;
      // replaceChildren writes a null as the text "null" (a journalist saw it when the headline was unchanged).
      comparison.replaceChildren(...diffContent(diff, () => close({ refocus: true })).filter((part) => part !== null));
      announce(`Compared with ${versionLabel(other)}: ${diffSummaryText(diff)}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      comparison.replaceChildren(
        el('h3', { attrs: { id: 'version-diff-heading', tabindex: '-1' }, text: 'The versions could not be compared' }),
        el('div', { className: 'error-box', attrs: { role: 'alert' } }, errorContent(error)),
        closeButton(() => close({ refocus: true })),
      );
    } finally {
      if (current === controller) comparison.removeAttribute('aria-busy');
    }
    comparison.querySelector('#version-diff-heading')?.focus();
  };

  const list = el('ol', { className: 'version-list' }, versions.map((version) => {
    const here = version.id === article.id;
    const name = versionName(version);
    let button = null;
    if (!here) {
      button = el('button', {
        className: 'link-button version-compare',
        attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'version-diff', 'aria-label': `Compare with ${versionLabel(version)}` },
        text: 'Compare',
      });
      button.dataset.articleId = version.id;
      button.addEventListener('click', () => compare(version, button));
    }
    return el('li', { className: here ? 'version version-current' : 'version', attrs: { 'aria-current': here ? 'true' : null } }, [
      here
        ? el('span', { className: 'version-here', text: name })
        : el('a', {
          className: 'version-link',
          attrs: { href: links.articleHref(version.id), 'data-article-id': version.id },
          on: { click: followHere(links.openArticle, version.id) },
          text: name,
        }),
      dateElement(version.published, version.publishedPrecision ?? 'day', version.publishedTime),
      recordTag(article.story, version),
      version.filed === 'curator' ? el('span', { className: 'version-tag version-filed', text: 'filed by a curator' }) : null,
      here ? el('span', { className: 'version-tag version-shown', text: 'this version' }) : null,
      button,
      version.title && version.title !== article.title ? el('span', { className: 'version-title', text: `“${version.title}”` }) : null,
    ]);
  }));

  const section = el('section', { className: 'story-versions', attrs: { 'aria-labelledby': 'story-versions-heading' } }, [
    el('h3', { attrs: { id: 'story-versions-heading' }, text: `Versions (${versions.length})` }),
    el('p', { className: 'versions-note', text: 'Copies of this story: wire copies, re-issues and corrections. Compare shows what changed.' }),
    list,
  ]);
  // Escape closes the comparison before it would close the reader.
  comparison.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close({ refocus: true });
  });
  return { section, comparison };
}

function closeButton(onClose) {
  return el('button', { className: 'version-diff-close', attrs: { type: 'button' }, on: { click: onClose }, text: 'Back to this version’s text' });
}

/** The comparison: which two versions, the one-line summary, the title's change, then the text with its marks. */
function diffContent(diff, onClose) {
  const from = diff.from ?? {};
  const to = diff.to ?? {};
  return [
    el('h3', { attrs: { id: 'version-diff-heading', tabindex: '-1' } }, [
      'Changes from ', versionName(from), ' (', dateElement(from.published, 'day', from.publishedTime), ')', titled(from, to), ' to ', versionName(to),
      ' (', dateElement(to.published, 'day', to.publishedTime), ')', titled(to, from),
    ]),
    el('p', { className: 'diff-summary', text: diffSummaryText(diff) }),
    closeButton(onClose),
    diff.title?.changed ? el('p', { className: 'diff-title' }, [
      el('span', { className: 'diff-label', text: 'Title: ' }),
      el('del', { text: diff.title.from ?? '' }),
      ' ',
      el('ins', { text: diff.title.to ?? '' }),
    ]) : null,
    el('div', { className: 'diff-text' }, (diff.sentences ?? []).map(sentenceElement)),
  ];
}

/** One sentence of the comparison: as it was, struck, added, or changed with its words marked. */
function sentenceElement(sentence) {
  switch (sentence?.change) {
    case 'removed':
      return el('p', { className: 'diff-sentence diff-removed' }, [el('del', { text: sentence.text ?? '' })]);
    case 'added':
      return el('p', { className: 'diff-sentence diff-added' }, [el('ins', { text: sentence.text ?? '' })]);
    case 'changed':
      return el('p', { className: 'diff-sentence diff-changed' }, changedWords(sentence));
    default:
      return el('p', { className: 'diff-sentence diff-same', text: sentence?.text ?? '' });
  }
}

// Word by word where the server says which words changed; else the old sentence struck and the new one marked.
function changedWords(sentence) {
  const words = Array.isArray(sentence.words) ? sentence.words : [];
  if (words.length === 0) return [el('del', { text: sentence.from ?? '' }), ' ', el('ins', { text: sentence.to ?? '' })];
  const nodes = [];
  for (const word of words) {
    const text = String(word?.text ?? '');
    if (text === '') continue;
    // Runs of spaces collapse in HTML, so a space between every part is safe whether or not the words carry their own.
    if (nodes.length > 0) nodes.push(' ');
    if (word.change === 'removed') nodes.push(el('del', { text }));
    else if (word.change === 'added') nodes.push(el('ins', { text }));
    else nodes.push(text);
  }
  return nodes;
}
