// Pure functions over article-derived strings and offsets. Nothing here touches the page or the
// network, so the rules that keep untrusted text safe (text nodes only, never parsed as HTML) live in one place.

/**
 * The parts of a search hit's snippet as the server sends them (`snippetParts`: plain text, each
 * marked or not), kept only where they are what they claim to be. The text is never parsed or
 * decoded: it is shown exactly as the article wrote it, markup included, as characters.
 */
export function snippetParts(parts) {
  if (!Array.isArray(parts)) return [];
  return parts
    .filter((part) => part && typeof part.text === 'string' && part.text !== '')
    .map((part) => ({ text: part.text, marked: part.marked === true }));
}

/** The query in quotes, unless it is one phrase in quotes already ("Soviet Union" read “"Soviet Union"”). */
export function quoted(query) {
  const q = query.trim();
  return /^["“„«‘].*["”“»’]$/u.test(q) && q.length > 1 ? q : `“${q}”`;
}

/**
 * Keeps the spans that can be drawn without nesting: sorted by start (longer first on ties),
 * a span is dropped when it overlaps one already kept. Nested marks would need a tree and
 * would hide one annotation inside another anyway.
 */
export function nonOverlapping(spans) {
  const sorted = spans
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept = [];
  let keptEnd = -Infinity;
  for (const span of sorted) {
    if (span.start >= keptEnd) {
      kept.push(span);
      keptEnd = span.end;
    }
  }
  return kept;
}

/**
 * Cuts one block into segments: plain text, or text covered by a span. Offsets are into the
 * whole article text, so they are shifted by block.start; spans that leave the block are skipped
 * rather than clipped, because half a name highlighted reads as a bug.
 */
export function segmentBlock(block, spans) {
  const inside = spans.filter((span) => span.start >= block.start && span.end <= block.end);
  const segments = [];
  let position = block.start;
  for (const span of nonOverlapping(inside)) {
    if (span.start > position) {
      segments.push({ text: sliceBlock(block, position, span.start), span: null, start: position });
    }
    segments.push({ text: sliceBlock(block, span.start, span.end), span, start: span.start });
    position = span.end;
  }
  if (position < block.end) {
    segments.push({ text: sliceBlock(block, position, block.end), span: null, start: position });
  }
  return segments;
}

/**
 * Cuts a piece of the article text that starts at offset `start` where a search's words stand in it
 * (`matches`: the ranges /api/articles/{id}/matches answers, over the whole text): plain pieces, and
 * pieces of a match with its index among them. Unlike a name, a search word may be cut where a mark
 * ends: half of it marked still shows where the search matched.
 */
export function queryWordPieces(text, start, matches) {
  const end = start + text.length;
  const pieces = [];
  let position = start;
  (matches ?? []).forEach((match, index) => {
    const from = Math.max(match.start, position);
    const to = Math.min(match.end, end);
    if (to <= from) return;
    if (from > position) pieces.push({ text: text.slice(position - start, from - start), match: null });
    pieces.push({ text: text.slice(from - start, to - start), match: index });
    position = to;
  });
  if (position < end) pieces.push({ text: text.slice(position - start), match: null });
  return pieces;
}

/**
 * The ranges of an answer of /api/articles/{id}/matches that can be drawn: well-formed and in text
 * order, so that every piece is cut once.
 */
export function queryMatches(answer) {
  const matches = Array.isArray(answer?.matches) ? answer.matches : [];
  return matches
    .filter((match) => Number.isInteger(match?.start) && Number.isInteger(match?.end) && match.end > match.start)
    .sort((a, b) => a.start - b.start);
}

function sliceBlock(block, start, end) {
  return block.text.slice(start - block.start, end - block.start);
}

/** Class-name-safe form of a server value such as an actor type ("person", "group"). */
export function classToken(value) {
  const token = String(value ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return token === '' ? 'other' : token;
}

/** Every highlight the reader can draw, as spans over the article text with the classes to use. */
export function articleSpans(article) {
  const spans = [];
  for (const actor of article.actors ?? []) {
    for (const mention of actor.mentions ?? []) {
      spans.push({
        start: mention.start,
        end: mention.end,
        element: 'mark',
        classes: ['actor', `actor-${classToken(actor.type)}`],
        title: actor.role ? `${actor.name} (${actor.type}): ${actor.role}` : `${actor.name} (${actor.type})`,
        // The actor itself rides along, so the mark's details can offer a curator "Correct this".
        meaning: { ...actorMeaning(actor, mention), actor: { name: actor.name, type: actor.type } },
      });
    }
  }
  for (const cue of article.hedging?.cues ?? []) {
    const words = whoseWords(article, cue);
    spans.push({
      start: cue.start,
      end: cue.end,
      element: 'span',
      classes: ['cue', `cue-${classToken(cue.kind)}`].concat(cue.quoted ? ['cue-quoted'] : []),
      title: (cue.category ? `${cue.kind}: ${cue.category}` : cue.kind) + (WHOSE_WORDS[words].title ?? ''),
      meaning: cueMeaning(cue, words),
    });
  }
  return spans;
}

/** Whose words a cue stands in, as the reader says it: in its mark's title and in its details. */
const WHOSE_WORDS = {
  writer: { details: 'The writer\'s' },
  speaker: { details: 'In a quotation: the quoted speaker\'s, not the writer\'s', title: ' (in a quotation: the speaker\'s)' },
  pullQuote: { details: 'Set as a pull quote: the article\'s own words, repeated', title: ' (in a pull quote: the article\'s own words)' },
};

/**
 * Whose words a cue is in: the writer's, a quoted speaker's, or the article's own repeated as a pull
 * quote. The server marks every cue in a pull quote quoted (docs/enrichment.md: it counts them as
 * quotations on purpose), but a pull quote repeats the article's own lines, and "the quoted
 * speaker's" sent a journalist looking for a speaker the article does not have. Between quotation
 * marks inside the pull quote the words are still a speaker's, found as the server finds them
 * (Quotations): from an opening mark to the next closing one, or to the block's end.
 */
export function whoseWords(article, cue) {
  if (!cue.quoted) return 'writer';
  const block = (article.blocks ?? []).find((candidate) => candidate.kind === 'quote'
    && candidate.start <= cue.start && cue.start < candidate.end);
  if (!block) return 'speaker';
  let open = -1;
  for (let i = 0; i < cue.start - block.start && i < block.text.length; i++) {
    const c = block.text[i];
    if (open < 0 && (c === '\u201c' || c === '"')) open = i;
    else if (open >= 0 && (c === '\u201d' || c === '"')) open = -1;
  }
  return open >= 0 ? 'speaker' : 'pullQuote';
}

/**
 * How many of an actor's mentions stand in the headline and in the lede: the places that weigh most in
 * its salience (headline 3, lede 2, others 1 or 1.5; docs/enrichment.md), which orders the reader's
 * list of actors. The headline is the text before the first block.
 */
export function mentionPlaces(article, actor) {
  const blocks = article.blocks ?? [];
  const headlineEnd = blocks[0]?.start ?? 0;
  const lede = blocks.find((block) => block.kind === 'lede');
  const places = { headline: 0, lede: 0 };
  for (const mention of actor.mentions ?? []) {
    if (mention.start < headlineEnd) places.headline += 1;
    else if (lede && lede.start <= mention.start && mention.start < lede.end) places.lede += 1;
  }
  return places;
}

/** What a cue kind does to a claim, in a reader's words. */
const CUE_KINDS = {
  hedge: { label: 'Hedge', effect: 'makes the claim less certain' },
  booster: { label: 'Booster', effect: 'makes the claim sound more certain' },
  attribution: { label: 'Attribution', effect: 'says whose claim it is' },
};

/**
 * What a mark is, as lines of plain text for the reader's mark details: a heading and labelled
 * facts. Values come from the article's enrichment and are shown only as text.
 */
export function actorMeaning(actor, mention = null) {
  const renamed = renamedFrom(actor, mention);
  return {
    heading: String(actor.name ?? ''),
    facts: [
      { label: 'Kind', value: 'Actor' },
      { label: 'Type', value: String(actor.type ?? 'unknown') },
      actor.role ? { label: 'Role', value: String(actor.role) } : null,
      renamed ? { label: 'Name', value: `Renamed by a curator from ${renamed}` } : null,
    ].filter(Boolean),
  };
}

/**
 * The name a curator renamed, when the text at this mention names the actor otherwise than its name:
 * the mark's words and the heading above them differ, and without this the new name reads as the
 * article's own. The old name the mention's words are, else every old name.
 */
function renamedFrom(actor, mention) {
  const names = (actor.renamedFrom ?? []).map(String);
  // Letter case counts: "U.S. armed forces" made "U.S. Armed Forces" is the house style, worth saying.
  const words = String(mention?.text ?? '').trim();
  if (names.length === 0 || words === String(actor.name ?? '').trim()) return null;
  const same = names.filter((name) => name === words);
  return (same.length > 0 ? same : names).map((name) => `“${name}”`).join(' or ');
}

/** What a cue is, and whose words it stands in (`words`, as whoseWords says). */
export function cueMeaning(cue, words) {
  const kind = CUE_KINDS[cue.kind] ?? { label: String(cue.kind ?? 'Cue'), effect: null };
  return {
    heading: `${kind.label}: “${String(cue.text ?? '')}”`,
    facts: [
      { label: 'Kind', value: kind.effect ? `${kind.label} (${kind.effect})` : kind.label },
      cue.category ? { label: 'Category', value: String(cue.category) } : null,
      { label: 'Whose words', value: WHOSE_WORDS[words].details },
    ].filter(Boolean),
  };
}

/** Text of each sentence holding at least one hedge cue, in reading order. */
export function hedgedSentences(article) {
  const hedging = article.hedging;
  const sentenceSpans = hedging?.sentenceSpans ?? [];
  const indexes = new Set();
  for (const cue of hedging?.cues ?? []) {
    if (cue.kind !== 'hedge') continue;
    const index = Number.isInteger(cue.sentence) ? cue.sentence : sentenceIndexAt(sentenceSpans, cue.start);
    if (index >= 0 && index < sentenceSpans.length) indexes.add(index);
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => article.text.slice(sentenceSpans[index].start, sentenceSpans[index].end).trim())
    .filter((sentence) => sentence !== '');
}

function sentenceIndexAt(sentenceSpans, offset) {
  return sentenceSpans.findIndex((span) => offset >= span.start && offset < span.end);
}

/** Groups consecutive list-like blocks so each run renders as one list. */
export function groupBlocks(blocks) {
  const groups = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (isListKind(block.kind) && last?.kind === block.kind) {
      last.blocks.push(block);
    } else {
      groups.push({ kind: block.kind, blocks: [block] });
    }
  }
  return groups;
}

export function isListKind(kind) {
  return kind === 'key_point' || kind === 'list_item';
}
