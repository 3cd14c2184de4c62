// Citations of one article: APA 7, MLA 9 and Chicago (notes-bibliography, bibliography entry) as
// plain strings, and CSL-JSON and BibTeX records for Zotero and other reference managers. Pure
// functions of the article view: they build text, never markup, and touch no DOM.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
// MLA abbreviates months of more than four letters.
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/**
 * What every style needs from an article: authors split into given and family names, the date as
 * numbers, the source's display name and the link (the article's own URL, else the permalink).
 */
export function citationFields(article, { sourceName, permalink }) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(article.published ?? '');
  // A source that gave only the year (or month) is dated January 1 of it: cite what the source gave.
  const precision = article.publishedPrecision ?? 'day';
  return {
    id: article.id,
    title: (article.title ?? '').trim() || 'Untitled article',
    authors: (article.authors ?? []).map(splitName).filter((name) => name.family),
    container: sourceName,
    date: match ? {
      year: Number(match[1]),
      month: precision === 'year' ? null : Number(match[2]),
      day: precision === 'day' ? Number(match[3]) : null,
    } : null,
    url: article.url || permalink,
  };
}

/** "Given Middle Family" to its parts; "Family, Given" is taken as written. */
function splitName(name) {
  const text = String(name).trim().replace(/\s+/g, ' ');
  if (text.includes(',')) {
    const [family, given] = text.split(',', 2).map((part) => part.trim());
    return { family, given };
  }
  const words = text.split(' ');
  return { family: words.pop() ?? '', given: words.join(' ') };
}

function initials(given) {
  return given.split(/[\s-]+/).filter(Boolean).map((word) => `${word[0]}.`).join(' ');
}

/** "March 4", "March" when the source gave only the month, null when only the year. */
function monthDay(date) {
  if (!date.month) return null;
  return date.day ? `${MONTHS[date.month - 1]} ${date.day}` : MONTHS[date.month - 1];
}

/** Ends a part with one full stop, whatever punctuation it already ends with. */
function period(text) {
  // A headline cut short ends in an ellipsis, which ends the part as a full stop would ("an…", not "an….").
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}

/** APA 7: Family, G., & Family, G. (2025, March 4). Title. Source. URL */
export function apa(fields) {
  const names = fields.authors.map(({ family, given }) => (given ? `${family}, ${initials(given)}` : family));
  let authors = '';
  if (names.length === 1) authors = names[0];
  else if (names.length > 1 && names.length <= 20) authors = `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
  else if (names.length > 20) authors = `${names.slice(0, 19).join(', ')}, … ${names.at(-1)}`;
  const date = fields.date ? `(${[fields.date.year, monthDay(fields.date)].filter(Boolean).join(', ')})` : '(n.d.)';
  const parts = authors
    ? [`${period(authors)} ${date}.`, period(fields.title)]
    : [period(fields.title), `${date}.`];
  return [...parts, period(fields.container), fields.url].join(' ');
}

/** MLA 9: Family, Given, and Given Family. "Title." Source, 4 Mar. 2025, URL. */
export function mla(fields) {
  const [first, second] = fields.authors;
  let authors = '';
  if (fields.authors.length === 1) authors = inverted(first);
  else if (fields.authors.length === 2) authors = `${inverted(first)}, and ${straight(second)}`;
  else if (fields.authors.length > 2) authors = `${inverted(first)}, et al`;
  const date = fields.date
    ? [fields.date.day, fields.date.month && MLA_MONTHS[fields.date.month - 1], fields.date.year].filter(Boolean).join(' ')
    : null;
  const title = `“${period(fields.title)}”`;
  const container = [fields.container, date, fields.url].filter(Boolean).join(', ');
  return [authors ? period(authors) : null, title, period(container)].filter(Boolean).join(' ');
}

/** Chicago 17, bibliography: Family, Given, and Given Family. "Title." Source, March 4, 2025. URL. */
export function chicago(fields) {
  const names = fields.authors;
  let authors = '';
  if (names.length === 1) authors = inverted(names[0]);
  else if (names.length > 1 && names.length <= 10) {
    authors = [inverted(names[0]), ...names.slice(1, -1).map(straight)].join(', ') + `, and ${straight(names.at(-1))}`;
  } else if (names.length > 10) authors = `${[inverted(names[0]), ...names.slice(1, 7).map(straight)].join(', ')}, et al`;
  const date = fields.date ? [monthDay(fields.date), fields.date.year].filter(Boolean).join(fields.date.day ? ', ' : ' ') : 'n.d.';
  const title = `“${period(fields.title)}”`;
  return [authors ? period(authors) : null, title, period(`${fields.container}, ${date}`), period(fields.url)]
    .filter(Boolean).join(' ');
}

function inverted({ family, given }) {
  return given ? `${family}, ${given}` : family;
}

function straight({ family, given }) {
  return given ? `${given} ${family}` : family;
}

/** One CSL-JSON item (an array of one, as Zotero imports it) for a newspaper article. */
export function cslJson(fields) {
  const item = {
    id: fields.id,
    type: 'article-newspaper',
    title: fields.title,
    'container-title': fields.container,
    URL: fields.url,
  };
  if (fields.authors.length > 0) item.author = fields.authors.map(({ family, given }) => (given ? { family, given } : { family }));
  if (fields.date) {
    item.issued = { 'date-parts': [[fields.date.year, fields.date.month, fields.date.day].filter((part) => part !== null)] };
  }
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** A BibTeX @article entry; braces and TeX specials in values are escaped so any title is safe. */
export function bibtex(fields) {
  const entries = [
    ['title', fields.title],
    fields.authors.length > 0 ? ['author', fields.authors.map(({ family, given }) => (given ? `${family}, ${given}` : family)).join(' and ')] : null,
    ['journal', fields.container],
    fields.date ? ['year', String(fields.date.year)] : null,
    fields.date?.month ? ['month', MONTHS[fields.date.month - 1].slice(0, 3).toLowerCase()] : null,
    fields.date ? ['date', [fields.date.year, fields.date.month && pad(fields.date.month), fields.date.day && pad(fields.date.day)]
      .filter(Boolean).join('-')] : null,
    ['url', fields.url],
  ].filter(Boolean);
  const key = fields.id.replace(/[^A-Za-z0-9_:-]/g, '-') || 'article';
  const body = entries.map(([name, value]) =>
    name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${name === 'url' ? value.replace(/[{}]/g, encodeURIComponent) : texEscape(value)}}`);
  return `@article{${key},\n${body.join(',\n')}\n}\n`;
}

function pad(number) {
  return String(number).padStart(2, '0');
}

function texEscape(text) {
  return text.replace(/[\\{}$&%#_^~]/g, (c) => ({ '\\': '\\textbackslash{}', '^': '\\^{}', '~': '\\~{}' }[c] ?? `\\${c}`));
}
