// The librarian's desk: a curator's sign-in, collections, saved searches, actor corrections and the
// changes record. Reading needs no token; every write sends the curator's as Authorization: Bearer.
// Curators' names, notes and descriptions are untrusted text like articles: DOM from el() only.

import { ApiError, announce, dateElement, el, errorContent, instantText, rememberCollectionNames, rememberRun, sourceName } from './dom.js';
import { forgetAllKept, keptArticles, keptQuery, onKeptChange, toggleKept } from './kept.js';

/** Where the token is kept: sessionStorage, so it leaves with the tab and never reaches other tabs' storage. */
const TOKEN_KEY = 'morgue.curator-token';
/** The curator's name the server gave for the token, kept beside it. */
const NAME_KEY = 'morgue.curator-name';
/** The actor types the indexer knows (ActorType), for "change its type". */
const ACTOR_TYPES = ['person', 'organisation', 'place', 'government', 'group'];
/** Changes per page of the record. */
const CHANGES_PAGE = 25;
/** Articles of a collection its page lists (the API's most per page). */
const COLLECTION_PAGE = 1000;

const signInListeners = new Set();

// ---- The token ------------------------------------------------------------------------------

export function curatorToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Whether a curator's token is held: the controls that write are shown only then. */
export function signedIn() {
  return Boolean(curatorToken());
}

/** Calls `listener(message)` after every sign-in and sign-out. */
export function onSignInChange(listener) {
  signInListeners.add(listener);
}

/** The name of the curator whose token is held, as the server gave it at sign-in; null if unknown. */
function curatorName() {
  try {
    return sessionStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

function setToken(token, message, name = null) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    if (token && name) sessionStorage.setItem(NAME_KEY, name);
    else sessionStorage.removeItem(NAME_KEY);
  } catch {
    // Storage refused (a private window's quota): the page stays signed out.
  }
  for (const listener of signInListeners) listener(message);
}

/** Forgets the token, saying why when the server refused it. */
export function signOut(message = null) {
  setToken(null, message);
}

const REFUSED_TOKEN = 'The server refused the curator token, so it has been forgotten. Sign in again with a valid token.';

// ---- Requests -------------------------------------------------------------------------------

/**
 * Sends a request, with the curator's token when one is held and `If-Match` when `etag` is given.
 * Answers { body, etag, status }; failures are ApiError with the problem's detail. A 401 forgets the token.
 */
export async function send(method, url, { body, etag } = {}) {
  const headers = { Accept: 'application/json' };
  const token = curatorToken();
  // Reads need no token, but a saved search's say what is new since this curator's own last run.
  if (token && (method !== 'GET' || url.startsWith('api/saved-searches'))) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  let response;
  try {
    // no-cache: a stored answer is used only when the server says it is still current.
    response = await fetch(url, { method, headers, cache: 'no-cache', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ title: 'Cannot reach the server', detail: 'Check that Morgue is running, then try again.' });
  }
  const text = await response.text().catch(() => '');
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401) {
    signOut(REFUSED_TOKEN);
    throw new ApiError({ ...(json ?? {}), status: 401, title: 'Signed out', detail: `${json?.detail ? `${json.detail}. ` : ''}${REFUSED_TOKEN}` });
  }
  if (!response.ok) {
    throw new ApiError({ ...(json ?? {}), status: response.status, title: json?.title || `HTTP ${response.status}` });
  }
  return { body: json, etag: response.headers.get('ETag'), status: response.status };
}

/** A message box for a form or view: errors are read out as soon as they appear. */
function alertBox() {
  return el('div', { className: 'error-box desk-alert', attrs: { role: 'alert', hidden: true } });
}

function showError(box, error) {
  box.replaceChildren(...errorContent(error));
  box.hidden = false;
}

function clearError(box) {
  box.replaceChildren();
  box.hidden = true;
}

function button(text, onClick, { className, attrs } = {}) {
  return el('button', { className, attrs: { type: 'button', ...(attrs ?? {}) }, on: { click: onClick }, text });
}

let fieldCount = 0;

/** A labelled input (or textarea, or select): the label names it for screen readers. */
function field(labelText, control, { className = 'desk-field' } = {}) {
  fieldCount += 1;
  const id = control.id || `desk-field-${fieldCount}`;
  control.id = id;
  return el('div', { className }, [el('label', { attrs: { for: id }, text: labelText }), control]);
}

/** A plain link that the page opens itself (no reload), still a real URL for new tabs. */
function pageLink(text, href, go, { className } = {}) {
  return el('a', {
    className,
    attrs: { href },
    on: { click: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      go();
    } },
    text,
  });
}

function instant(iso) {
  if (!iso) return el('span', { className: 'muted', text: 'never' });
  const date = new Date(iso);
  return el('time', { attrs: { datetime: iso }, text: Number.isNaN(date.getTime()) ? iso : instantText(date) });
}

function plural(count, noun) {
  return `${Number(count).toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

// ---- The curator control ---------------------------------------------------------------------

/** The header's "Curator" control: a token box to sign in, or who is signed in and "Sign out". */
export function createCuratorControl(root) {
  const alert = el('p', { className: 'curator-alert', attrs: { role: 'alert', hidden: true } });
  let open = false;

  function draw(message = null) {
    if (message) {
      alert.textContent = message;
      alert.hidden = false;
    }
    if (signedIn()) {
      const name = curatorName();
      root.replaceChildren(el('span', { className: 'curator-state', text: name ? `Signed in as ${name}` : 'Signed in as a curator' }),
        button('Sign out', () => {
          alert.hidden = true;
          signOut();
          announce('Signed out');
        }, { className: 'link-button curator-sign-out' }), alert);
      return;
    }
    const toggle = button('Curator', () => {
      open = !open;
      draw();
      if (open) root.querySelector('#curator-token')?.focus();
    }, { className: 'link-button curator-toggle', attrs: { 'aria-expanded': String(open), 'aria-controls': 'curator-form' } });
    const input = el('input', { attrs: { id: 'curator-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true } });
    const form = el('form', {
      className: 'curator-form',
      attrs: { id: 'curator-form', hidden: !open },
      on: { submit: async (event) => {
        event.preventDefault();
        const token = input.value.trim();
        if (!token) return;
        // The server says whose the token is before the page keeps it: a mistyped token is refused
        // here, not at the first change, and the page names who is signed in.
        const who = await whoseToken(token);
        if (who.refused) {
          draw(who.refused);
          root.querySelector('#curator-token')?.focus();
          return;
        }
        open = false;
        alert.hidden = true;
        setToken(token, null, who.name);
        announce(`Signed in as ${who.name}`);
      } },
    }, [
      field('Curator token', input, { className: 'curator-field' }),
      el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Sign in' }),
      el('p', { className: 'curator-note muted', text: 'Kept in this tab only, and sent with your changes.' }),
    ]);
    root.replaceChildren(toggle, form, alert);
  }

  onSignInChange((message) => draw(message));
  draw();
}

/** Asks the server whose `token` is: { name } for a curator's, { refused: why } otherwise. */
async function whoseToken(token) {
  let response;
  try {
    response = await fetch('api/curator', { cache: 'no-store', headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch {
    return { refused: 'Cannot reach the server: check that Morgue is running, then sign in again.' };
  }
  const body = await response.json().catch(() => null);
  if (response.ok && body?.name) return { name: body.name };
  if (response.status === 401) return { refused: 'That is not a curator token of this server, so it was not kept. Check it and sign in again.' };
  if (response.status === 403) {
    // The server's own words are for whoever runs it ("start the server with --curators"); a reader
    // is told what it means for them.
    return { refused: 'This archive is read-only: it was started without curators, so nobody can sign in to it.'
      + ' Whoever runs it can start it with curators (README, "Access to the write endpoints").' };
  }
  return { refused: body?.detail ? `Signing in failed: ${body.detail}` : `Signing in failed (HTTP ${response.status}).` };
}

// ---- Add to collection -------------------------------------------------------------------------

/**
 * "Add to collection" for one article: a disclosure button and, when open, an inline form to choose
 * a collection or name a new one, with an optional note. `links.collectionHref(id)` and
 * `links.openCollection(id)` lead to the collection's page.
 */
export function addToCollection(articleId, title, links) {
  const wrapper = el('div', { className: 'add-to-collection' });
  fieldCount += 1;
  const formId = `add-form-${fieldCount}`;
  const toggle = button('Add to collection', () => (form.hidden ? openForm() : closeForm()), {
    className: 'link-button add-toggle',
    // The visible words first (WCAG 2.5.3, label in name): a voice user says "click Add to collection".
    attrs: { 'aria-expanded': 'false', 'aria-controls': formId, 'aria-label': `Add to collection: “${title || 'Untitled article'}”` },
  });
  const select = el('select', { className: 'add-collection-select' });
  const name = el('input', { className: 'add-collection-name', attrs: { type: 'text', autocomplete: 'off' } });
  const nameField = field('Name of the new collection', name);
  const note = el('textarea', { className: 'add-collection-note', attrs: { rows: 2 } });
  const alert = alertBox();
  const done = el('p', { className: 'add-done', attrs: { role: 'status' } });
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Add' });
  const form = el('form', {
    className: 'desk-form add-form',
    attrs: { id: formId, hidden: true, 'aria-label': `Add “${title || 'Untitled article'}” to a collection` },
    on: { submit: (event) => { event.preventDefault(); add(); } },
  }, [
    field('Collection', select),
    nameField,
    field('Note (optional)', note),
    el('div', { className: 'desk-actions' }, [submit, button('Cancel', () => closeForm())]),
    alert,
  ]);
  select.addEventListener('change', () => { nameField.hidden = select.value !== ''; });
  wrapper.append(toggle, form, done);

  async function openForm() {
    form.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    clearError(alert);
    done.replaceChildren();
    select.replaceChildren(el('option', { attrs: { value: '' }, text: 'New collection…' }));
    nameField.hidden = false;
    delete form.dataset.loaded;
    select.focus();
    try {
      const { body } = await send('GET', 'api/collections');
      const collections = body?.collections ?? [];
      rememberCollectionNames(collections);
      select.replaceChildren(...collections.map((c) => el('option', { attrs: { value: c.id }, text: c.name })),
        el('option', { attrs: { value: '' }, text: 'New collection…' }));
      select.value = collections.length > 0 ? collections[0].id : '';
      nameField.hidden = select.value !== '';
      form.dataset.loaded = 'true';
    } catch (error) {
      showError(alert, error);
    }
  }

  function closeForm() {
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  }

  async function add() {
    clearError(alert);
    submit.disabled = true;
    try {
      let id = select.value;
      let collectionName = select.selectedOptions[0]?.textContent ?? id;
      if (id === '') {
        const { body } = await send('POST', 'api/collections', { body: { name: name.value.trim() } });
        id = body.id;
        collectionName = body.name;
        rememberCollectionNames([body]);
      }
      await send('POST', `api/collections/${encodeURIComponent(id)}/articles`, {
        body: { articles: [{ id: articleId, note: note.value.trim() }] },
      });
      form.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      name.value = '';
      note.value = '';
      done.replaceChildren('Added to ', pageLink(collectionName, links.collectionHref(id), () => links.openCollection(id)), '.');
      toggle.focus();
    } catch (error) {
      showError(alert, error);
    } finally {
      submit.disabled = false;
    }
  }

  return wrapper;
}

// ---- Save this search --------------------------------------------------------------------------

/** "Save this search": a button and an inline form naming the search; `search` is searchObject(state). */
export function saveSearchControl(search, suggestedName, links) {
  const wrapper = el('div', { className: 'save-search' });
  const name = el('input', { className: 'save-search-name', attrs: { type: 'text', autocomplete: 'off' } });
  const alert = alertBox();
  const done = el('p', { className: 'save-done', attrs: { role: 'status' } });
  const toggle = button('Save this search', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) {
      name.value = suggestedName;
      name.focus();
      name.select();
    }
  }, { className: 'link-button save-search-toggle', attrs: { 'aria-expanded': 'false', 'aria-controls': 'save-search-form' } });
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Save' });
  const form = el('form', {
    className: 'desk-form save-search-form',
    attrs: { id: 'save-search-form', hidden: true },
    on: { submit: async (event) => {
      event.preventDefault();
      clearError(alert);
      submit.disabled = true;
      try {
        const { body } = await send('POST', 'api/saved-searches', { body: { name: name.value.trim(), search } });
        form.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        done.replaceChildren(`Saved “${body.name}”. `, pageLink('See saved searches', links.savedSearchesHref, links.openSavedSearches));
        toggle.focus();
      } catch (error) {
        showError(alert, error);
      } finally {
        submit.disabled = false;
      }
    } },
  }, [
    field('Name of the saved search', name),
    el('div', { className: 'desk-actions' }, [submit, button('Cancel', () => {
      form.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    })]),
    alert,
  ]);
  wrapper.append(toggle, form, done);
  return wrapper;
}

// ---- Actor corrections -----------------------------------------------------------------------

/**
 * The inline form correcting one actor of an article: rename it everywhere, change its type
 * everywhere, or remove it from this article. `onDone()` reloads the article so the change shows.
 */
export function actorCorrectionForm(article, actor, { onDone, onCancel }) {
  fieldCount += 1;
  const group = `correction-kind-${fieldCount}`;
  const radio = (value, text, checked) => el('label', { className: 'correction-kind' }, [
    el('input', { attrs: { type: 'radio', name: group, value, checked } }), ` ${text}`,
  ]);
  const renameTo = el('input', { className: 'correction-rename', attrs: { type: 'text', autocomplete: 'off' } });
  renameTo.value = actor.name;
  const type = el('select', { className: 'correction-type' }, ACTOR_TYPES.map((t) => el('option', { attrs: { value: t }, text: t })));
  if (ACTOR_TYPES.includes(actor.type)) type.value = actor.type;
  const reason = el('input', { className: 'correction-reason', attrs: { type: 'text', autocomplete: 'off' } });
  const alert = alertBox();
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Apply correction' });
  const renameField = field('New name', renameTo);
  const typeField = field('Type', type);
  const kinds = el('fieldset', { className: 'correction-kinds' }, [
    el('legend', { text: `Correct “${actor.name}”` }),
    radio('rename', 'Rename it everywhere', true),
    radio('type', 'Change its type everywhere', false),
    radio('remove', 'Remove it from this article', false),
  ]);
  const form = el('form', {
    className: 'desk-form correction-form',
    attrs: { 'aria-label': `Correct the actor “${actor.name}”` },
    on: { submit: async (event) => {
      event.preventDefault();
      clearError(alert);
      submit.disabled = true;
      try {
        await apply(kind());
        announce(`Corrected “${actor.name}”; reloading the article`);
        onDone();
      } catch (error) {
        showError(alert, error);
        submit.disabled = false;
      }
    } },
  }, [kinds, renameField, typeField, field('Reason (optional)', reason), el('div', { className: 'desk-actions' }, [submit, button('Cancel', onCancel)]), alert]);
  const kind = () => form.querySelector(`input[name="${group}"]:checked`)?.value ?? 'rename';
  const sync = () => {
    renameField.hidden = kind() !== 'rename';
    typeField.hidden = kind() !== 'type';
  };
  kinds.addEventListener('change', sync);
  sync();

  async function apply(what) {
    const why = reason.value.trim() || undefined;
    if (what === 'remove') {
      const url = `api/corrections/articles/${encodeURIComponent(article.id)}`;
      // The article's other corrections stay as they are: read them, send them back with this one.
      let existing = null;
      let etag;
      try {
        const answer = await send('GET', url);
        existing = answer.body;
        etag = answer.etag ?? undefined;
      } catch (error) {
        if (error.status !== 404) throw error;
      }
      const body = {
        removeActors: [...new Set([...(existing?.removeActors ?? []), actor.name])],
        addActors: existing?.addActors ?? [],
        removeThemes: existing?.removeThemes ?? [],
        addThemes: existing?.addThemes ?? [],
        reason: why,
      };
      for (const key of ['title', 'published', 'source', 'authors']) {
        if (existing?.[key] !== undefined && existing?.[key] !== null) body[key] = existing[key];
      }
      await send('PUT', url, { body, etag });
      return;
    }
    const url = `api/corrections/actors/${encodeURIComponent(actor.name)}`;
    // A merge patch: the server keeps what an earlier correction of this name decided that this form
    // does not change (a renaming when retyping, a type when renaming), on the version it reads.
    const body = { reason: why };
    if (what === 'rename') {
      body.renameTo = renameTo.value.trim();
    } else {
      body.type = type.value;
    }
    await send('PATCH', url, { body });
  }

  return form;
}

// ---- Source renames --------------------------------------------------------------------------

/**
 * The inline form renaming an article's source across the archive (the sources' authority file): into
 * a name another source has, the two become one. A rename of this name made before is replaced, on the
 * version read just before, as `If-Match` asks. `onDone()` draws the results, facets and article again:
 * a rename changes every article from the source, not this one alone.
 */
export function sourceRenameForm(article, { onDone, onCancel }) {
  const source = article.source ?? '';
  // Said as the page names the source everywhere else; the API is asked by the stored value.
  const shown = sourceName(source);
  const renameTo = el('input', { className: 'source-rename', attrs: { type: 'text', autocomplete: 'off', required: true } });
  renameTo.value = shown;
  const reason = el('input', { className: 'correction-reason', attrs: { type: 'text', autocomplete: 'off' } });
  const alert = alertBox();
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Rename everywhere' });
  const form = el('form', {
    className: 'desk-form source-rename-form',
    attrs: { 'aria-label': `Rename the source “${shown}”` },
    on: { submit: async (event) => {
      event.preventDefault();
      clearError(alert);
      const name = typedSource(renameTo, source);
      if (!name || name === source) {
        showError(alert, new ApiError({ title: 'Nothing to rename', detail: `Type the name every article from “${shown}” is to go by instead.` }));
        renameTo.focus();
        return;
      }
      submit.disabled = true;
      try {
        const { body } = await rename(name);
        const count = Number(body?.articles ?? 0);
        announce(`Renamed “${shown}” to “${sourceName(body?.canonicalName ?? name)}”: ${plural(count, 'article')} from it now; reloading`);
        onDone();
      } catch (error) {
        showError(alert, inWords(error, name));
        submit.disabled = false;
      }
    } },
  }, [
    el('p', { className: 'desk-intro', text: `Every article from “${shown}” goes by the new name: in results, the Source facet, `
      + 'exports and citations. A name another source has merges the two; the old name still finds them.' }),
    field('New name', renameTo),
    field('Reason (optional)', reason),
    el('div', { className: 'desk-actions' }, [submit, button('Cancel', onCancel)]),
    alert,
  ]);

  async function rename(name) {
    const url = `api/corrections/sources/${encodeURIComponent(source)}`;
    // A rename of this name made before is replaced, not met with 428: read its version first.
    let etag;
    try {
      etag = (await send('GET', url)).etag ?? undefined;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    return send('PUT', url, { body: { renameTo: name, reason: reason.value.trim() || undefined }, etag });
  }

  // The server's words are for the API's user ("its articles go by ..."); a curator on the page is
  // told what happened in terms of the names they see.
  function inWords(error, name) {
    if (!(error instanceof ApiError)) return error;
    if (error.status === 409) {
      return new ApiError({ title: 'That would rename a source into itself',
        detail: `“${sourceName(name)}” is already renamed, directly or through others, into “${shown}”: withdraw that rename first. (${error.detail ?? ''})` });
    }
    if (error.status === 404) {
      return new ApiError({ title: 'No article is from that source',
        detail: `No article in the archive is from “${shown}” any more: it may have been renamed since this article was opened. Reload it and try again.` });
    }
    if (error.status === 412) {
      return new ApiError({ title: 'Changed by someone else meanwhile',
        detail: `Another curator changed the rename of “${shown}” as you typed. Try again to replace theirs.` });
    }
    return error;
  }

  return form;
}

/**
 * The source a curator typed, as the API stores it: a form offers the source by the name the page
 * shows (sourceName), so that name left as it was means the stored value, not a rename into it.
 */
function typedSource(input, stored) {
  const typed = input.value.trim();
  return typed === sourceName(stored) ? stored : typed;
}

// ---- Article corrections ---------------------------------------------------------------------

/** An article's date as a curator types it back: to the precision the source (or a curator) gave. */
function dateAsGiven(article) {
  if (!article.published) return '';
  if (article.publishedPrecision === 'year') return article.published.slice(0, 4);
  if (article.publishedPrecision === 'month') return article.published.slice(0, 7);
  return article.published;
}

/**
 * The inline form correcting what a source got wrong about one article: its headline, date (a day,
 * or the month or year alone), source and bylines, and the themes the enrichment gave it (one taken
 * off, one added). Only what the curator changed is sent, as a merge patch on the article's
 * correction, so another curator's earlier fix of another field stays; the themes' lists are read
 * first and sent whole, since a merge patch replaces a list. `onDone()` reloads the article.
 */
export function articleCorrectionForm(article, { onDone, onCancel }) {
  const text = (value) => {
    const input = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
    input.value = value ?? '';
    return input;
  };
  const title = text(article.title);
  const published = text(dateAsGiven(article));
  published.placeholder = '1987-02-26, 1987-02 or 1987';
  const source = text(sourceName(article.source ?? ''));
  const authors = el('textarea', { attrs: { rows: '2' } });
  authors.value = (article.authors ?? []).join('\n');
  const themes = (article.themes ?? []).map((theme) => theme.name);
  const kept = themes.map((name) => el('input', { attrs: { type: 'checkbox', value: name, checked: true } }));
  const addTheme = text('');
  const reason = text('');
  reason.className = 'correction-reason';
  const alert = alertBox();
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Apply correction' });
  const themeList = themes.length === 0 ? null : el('fieldset', { className: 'correction-kinds' }, [
    el('legend', { text: 'Themes (clear one to take it off this article)' }),
    ...kept.map((box) => el('label', { className: 'correction-kind' }, [box, ` ${box.value}`])),
  ]);
  const form = el('form', {
    className: 'desk-form article-correction-form',
    attrs: { 'aria-label': `Correct the details of “${article.title}”` },
    on: { submit: async (event) => {
      event.preventDefault();
      clearError(alert);
      submit.disabled = true;
      try {
        const changed = await apply();
        announce(changed ? 'Corrected the article; reloading it' : 'Nothing was changed');
        if (changed) onDone(); else submit.disabled = false;
      } catch (error) {
        showError(alert, error);
        submit.disabled = false;
      }
    } },
  }, [
    el('h3', { className: 'correction-heading', text: 'Correct this article’s details' }),
    field('Headline', title),
    field('Date (a day, or the month or year alone)', published),
    field('Source', source),
    field('Bylines (one a line)', authors),
    themeList,
    field('Add a theme', addTheme),
    field('Reason (optional)', reason),
    el('div', { className: 'desk-actions' }, [submit, button('Cancel', onCancel)]),
    alert,
  ].filter((part) => part !== null));

  // What the source gives for each field the curator corrected, read beside the form: a librarian
  // correcting again sees what withdrawing would bring back, and that a re-import may have caught up.
  showSourceValues();

  async function showSourceValues() {
    // Only an article a curator corrected has a correction to read (asking of the others was a 404 in
    // every curator's console).
    if (!article.corrected) return;
    let correction;
    try {
      correction = (await send('GET', `api/corrections/articles/${encodeURIComponent(article.id)}`)).body;
    } catch {
      return; // not corrected (404), or unreadable now: the form works without the notes
    }
    const inputs = { title, published, source, authors };
    const agrees = new Set(correction?.sourceAgrees ?? []);
    for (const [name, input] of Object.entries(inputs)) {
      if (correction?.[name] === null || correction?.[name] === undefined) continue;
      const given = correction.original?.[name];
      const shown = Array.isArray(given) ? given.join('; ') : given == null ? '(none)' : name === 'source' ? sourceName(given) : given;
      const note = el('p', {
        className: 'correction-source',
        text: agrees.has(name)
          ? `The source now gives this too (${shown}): the correction changes nothing here.`
          : `Corrected by a curator; the source gives: ${shown}`,
      });
      note.id = `${input.id}-source`;
      input.setAttribute('aria-describedby', note.id);
      input.parentElement.append(note);
    }
  }

  async function apply() {
    const patch = {};
    if (title.value.trim() !== article.title) patch.title = title.value.trim();
    if (published.value.trim() !== dateAsGiven(article)) patch.published = published.value.trim();
    const typed = typedSource(source, article.source ?? '');
    if (typed !== article.source) patch.source = typed;
    const bylines = authors.value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (bylines.join('\n') !== (article.authors ?? []).join('\n')) patch.authors = bylines;
    const removed = kept.filter((box) => !box.checked).map((box) => box.value);
    const added = addTheme.value.trim();
    const url = `api/corrections/articles/${encodeURIComponent(article.id)}`;
    let etag;
    if (removed.length > 0 || added) {
      // A merge patch replaces a list whole: start from the lists the correction holds now.
      let existing = null;
      try {
        const answer = await send('GET', url);
        existing = answer.body;
        etag = answer.etag ?? undefined;
      } catch (error) {
        if (error.status !== 404) throw error;
      }
      if (removed.length > 0) patch.removeThemes = [...new Set([...(existing?.removeThemes ?? []), ...removed])];
      if (added) {
        patch.addThemes = [...new Set([...(existing?.addThemes ?? []), added])];
        if (existing?.removeThemes?.includes(added)) patch.removeThemes = (patch.removeThemes ?? existing.removeThemes).filter((name) => name !== added);
      }
    }
    if (Object.keys(patch).length === 0) return false;
    const why = reason.value.trim();
    if (why) patch.reason = why;
    await send('PATCH', url, { body: patch, etag });
    return true;
  }

  return form;
}

// ---- Withdrawing a rename ---------------------------------------------------------------------

/**
 * Asks before withdrawing the rename of an article's source (`article.sourceRenamedFrom`): every article
 * from that name goes by it again, not this article alone. `onDone()` draws the results, facets and
 * article again.
 */
export function sourceRenameWithdrawal(article, { onDone, onCancel }) {
  const old = String(article.sourceRenamedFrom ?? '');
  const url = `api/corrections/sources/${encodeURIComponent(old)}`;
  // Each name as the page shows it, the reader's rename note and the Source facet alike.
  const oldName = sourceName(old);
  return withdrawalForm({
    className: 'source-rename-withdrawal',
    label: `Withdraw the rename of the source “${oldName}”`,
    question: `Withdraw the rename of “${oldName}”? Every article from “${oldName}” goes by that name again, `
      + `not “${sourceName(article.source ?? '')}”; the Source facet lists them apart from it.`,
    withdraw: async (reason) => {
      const { etag } = await send('GET', url);
      await send('DELETE', `${url}${reason ? `?${new URLSearchParams({ reason })}` : ''}`, { etag: etag ?? undefined });
      announce(`Withdrew the rename of “${oldName}”; reloading`);
    },
    onDone,
    onCancel,
  });
}

/**
 * Asks before withdrawing a curator's rename of the actor `old` into `actor.name`: every article naming
 * `old` names it so again. A type the same correction gave `old` stays: only the rename is withdrawn.
 * `onDone()` reloads the article.
 */
export function actorRenameWithdrawal(actor, old, { onDone, onCancel }) {
  const url = `api/corrections/actors/${encodeURIComponent(old)}`;
  return withdrawalForm({
    className: 'actor-rename-withdrawal',
    label: `Withdraw the rename of the actor “${old}”`,
    question: `Withdraw the rename of “${old}” into “${actor.name}”? Every article naming “${old}” names it so again.`,
    withdraw: async (reason) => {
      const { body, etag } = await send('GET', url);
      if (body?.correction?.type) {
        // A merge patch's null takes the rename out and keeps the type; a DELETE would withdraw both.
        await send('PATCH', url, { body: { renameTo: null, reason: reason || undefined }, etag: etag ?? undefined });
      } else {
        await send('DELETE', `${url}${reason ? `?${new URLSearchParams({ reason })}` : ''}`, { etag: etag ?? undefined });
      }
      announce(`Withdrew the rename of “${old}”; reloading the article`);
    },
    onDone,
    onCancel,
  });
}

// The confirmation every withdrawal asks: the question, a reason, "Withdraw it" or "Keep it", and
// the server's refusal in the form's alert (another curator may have changed or withdrawn it meanwhile).
function withdrawalForm({ className, label, question, withdraw, onDone, onCancel }) {
  const reason = el('input', { className: 'correction-reason', attrs: { type: 'text', autocomplete: 'off' } });
  const alert = alertBox();
  const submit = el('button', { className: 'danger', attrs: { type: 'submit' }, text: 'Withdraw it' });
  return el('form', {
    className: `desk-form rename-withdrawal ${className}`,
    attrs: { 'aria-label': label },
    on: { submit: async (event) => {
      event.preventDefault();
      clearError(alert);
      submit.disabled = true;
      try {
        await withdraw(reason.value.trim());
        onDone();
      } catch (error) {
        showError(alert, error.status === 412 || error.status === 404
          ? new ApiError({ title: 'Changed by someone else meanwhile',
            detail: `Another curator changed or withdrew this rename after the article was opened. Reload it and try again. (${error.detail ?? ''})` })
          : error);
        submit.disabled = false;
      }
    } },
  }, [
    el('p', { className: 'confirm-withdraw', text: question }),
    field('Reason (optional)', reason),
    el('div', { className: 'desk-actions' }, [submit, button('Keep it', onCancel)]),
    alert,
  ]);
}

// ---- A curator's filing of an article's story ------------------------------------------------

/**
 * The reader's "Story filing" form: file the article with another story (named by a story's or any
 * of its articles' id), apart (a story of its own), or let copy detection decide again. Copy
 * detection errs both ways, and a filing holds through every reindex (docs/stories.md). `filed`
 * says whether a curator filed this article already. `onDone()` reloads the article.
 */
export function storyFilingForm(article, filed, { onDone, onCancel }) {
  const url = `api/articles/${encodeURIComponent(article.id)}/story`;
  const storyOf = (article.story?.versions ?? []).length > 1;
  const target = el('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  target.className = 'filing-target';
  const reason = el('input', { className: 'correction-reason', attrs: { type: 'text', autocomplete: 'off' } });
  const alert = alertBox();
  // A filing made before is replaced only naming its version (If-Match), as every curation write.
  const current = async () => {
    try {
      return (await send('GET', url)).etag ?? undefined;
    } catch (error) {
      if (error.status === 404) return undefined;
      throw error;
    }
  };
  const act = (label, run) => async () => {
    clearError(alert);
    try {
      await run();
      announce(`${label}; reloading the article`);
      onDone();
    } catch (error) {
      showError(alert, error);
    }
  };
  const why = () => reason.value.trim() || undefined;
  const fileWith = button('File with that story', act('Filed with the story named', async () => {
    const named = target.value.trim();
    if (!named) throw new ApiError({ title: 'Name a story', detail: 'Type the id of a story, or of any article of it.' });
    await send('PUT', url, { body: { story: named, reason: why() }, etag: await current() });
  }), { className: 'primary filing-with' });
  const apart = button('File apart', act('Filed apart, as a story of its own', async () => {
    await send('PUT', url, { body: { story: null, reason: why() }, etag: await current() });
  }), { className: 'filing-apart' });
  const detect = button('Let detection decide', act('The filing is withdrawn; detection decides', async () => {
    const query = why() ? `?${new URLSearchParams({ reason: why() })}` : '';
    await send('DELETE', `${url}${query}`, { etag: await current() });
  }), { className: 'filing-withdraw' });
  return el('form', {
    className: 'desk-form story-filing-form',
    attrs: { 'aria-label': `File “${article.title}” in a story` },
    on: { submit: (event) => { event.preventDefault(); fileWith.click(); } },
  }, [
    el('h3', { className: 'correction-heading', text: 'File this article in a story' }),
    el('p', { className: 'muted', text: filed ? 'A curator filed this article; detection no longer decides its story.'
      : 'Copy detection filed this article. A filing holds through every reindex.' }),
    // A librarian filed three different reports into one running story and her export had one row
    // (a trial): say what a story is to searches, exports and feeds before she files.
    el('p', { className: 'muted filing-effect', text: 'A story’s versions are one hit in searches and one row in '
      + 'exports and feeds, the version that comes first in their order; turn off “Group copies” to list each.' }),
    field('Story or article id', target),
    field('Reason (optional)', reason),
    el('div', { className: 'desk-actions' }, [
      fileWith,
      storyOf || filed ? apart : null,
      filed ? detect : null,
      button('Cancel', onCancel),
    ].filter((part) => part !== null)),
    alert,
  ]);
}

// ---- The desk views --------------------------------------------------------------------------

/**
 * Binds the desk to its section. `links` gives page URLs and navigation (app.js owns them):
 * go(state-ish) is done through the named functions below.
 */
export function createDesk(root, links) {
  let shown = null;
  let generation = 0;

  function show(state, { force = false } = {}) {
    const key = `${state.view}|${state.id ?? ''}|${state.before ?? ''}`;
    if (key === shown && !force) return;
    shown = key;
    generation += 1;
    const mine = generation;
    const still = () => mine === generation;
    switch (state.view) {
      case 'collections': return collectionsView(still);
      case 'collection': return collectionView(state.id, still);
      case 'saved-searches': return savedSearchesView(still);
      case 'changes': return changesView(state.before, still);
      case 'kept': return keptView();
      default: return null;
    }
  }

  function refresh() {
    if (shown === null) return;
    const [view, id, before] = shown.split('|');
    show({ view, id: id || null, before: before || null }, { force: true });
  }

  function hide() {
    shown = null;
    generation += 1;
    root.replaceChildren();
  }

  function frame(title, ...children) {
    const heading = el('h2', { attrs: { id: 'desk-title', tabindex: '-1' }, text: title });
    // A part a reader without a token does not get is null; replaceChildren would show it as "null".
    root.replaceChildren(heading, ...children.filter((child) => child != null));
    document.title = `${title} · Morgue`;
    return heading;
  }

  function loading(title) {
    root.setAttribute('aria-busy', 'true');
    frame(title, el('p', { className: 'muted', text: 'Loading…' }));
  }

  function failed(title, error) {
    const alert = alertBox();
    showError(alert, error);
    frame(title, alert, el('button', { attrs: { type: 'button' }, on: { click: refresh }, text: 'Try again' }));
    announce(`${title} could not be loaded: ${error.message}`);
  }

  function done(focus = true) {
    root.removeAttribute('aria-busy');
    if (focus) root.querySelector('#desk-title')?.focus();
  }

  // -- Collections --

  async function collectionsView(still) {
    const title = 'Collections';
    loading(title);
    let collections;
    try {
      collections = (await send('GET', 'api/collections')).body?.collections ?? [];
    } catch (error) {
      if (still()) failed(title, error);
      return;
    } finally {
      if (still()) root.removeAttribute('aria-busy');
    }
    if (!still()) return;
    rememberCollectionNames(collections);
    const list = collections.length === 0
      ? el('p', { className: 'empty-note', text: signedIn() ? 'No collections yet. Make one here, or choose “Add to collection” under a search result.'
        : 'No collections yet. Curators keep collections: sign in under “Curator” to make one.' })
      : el('ul', { className: 'desk-list collection-list' }, collections.map((c) => el('li', { className: 'desk-item collection-item' }, [
        el('h3', {}, [pageLink(c.name, links.collectionHref(c.id), () => links.openCollection(c.id), { className: 'collection-link' })]),
        c.description ? el('p', { className: 'collection-description', text: c.description }) : null,
        el('p', { className: 'meta muted' }, [`${plural(c.size, 'article')} · kept by ${c.curator} · updated `, instant(c.updated)]),
      ])));
    frame(title, list, signedIn() ? newCollectionForm() : null);
    announce(`${plural(collections.length, 'collection')}`);
    done();
  }

  function newCollectionForm() {
    const name = el('input', { attrs: { type: 'text', autocomplete: 'off', required: true } });
    const description = el('textarea', { attrs: { rows: 2 } });
    const alert = alertBox();
    return el('form', {
      className: 'desk-form new-collection-form',
      attrs: { 'aria-labelledby': 'new-collection-heading' },
      on: { submit: async (event) => {
        event.preventDefault();
        clearError(alert);
        try {
          const { body } = await send('POST', 'api/collections', { body: { name: name.value.trim(), description: description.value.trim() } });
          links.openCollection(body.id);
        } catch (error) {
          showError(alert, error);
        }
      } },
    }, [
      el('h3', { attrs: { id: 'new-collection-heading' }, text: 'New collection' }),
      field('Name', name),
      field('Description (optional)', description),
      el('div', { className: 'desk-actions' }, [el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Create collection' })]),
      alert,
    ]);
  }

  async function collectionView(id, still, focus = null) {
    const title = 'Collection';
    if (!id) {
      failed(title, new ApiError({ title: 'No collection named', detail: 'The page address names no collection (id=…).' }));
      return;
    }
    if (!focus) loading(title);
    const url = `api/collections/${encodeURIComponent(id)}`;
    let answer;
    try {
      answer = await send('GET', `${url}?size=${COLLECTION_PAGE}`);
    } catch (error) {
      if (still()) { root.removeAttribute('aria-busy'); failed(title, error); }
      return;
    }
    if (!still()) return;
    const collection = answer.body;
    const etag = answer.etag;
    rememberCollectionNames([collection]);
    const alert = alertBox();
    const curator = signedIn();
    // After a write the collection is drawn again; the control used is focused again (or its row).
    const redraw = (nextFocus) => collectionView(id, still, nextFocus);
    const write = async (method, path, body, nextFocus) => {
      clearError(alert);
      try {
        await send(method, path, { body, etag });
        await redraw(nextFocus ?? { title: true });
        return true;
      } catch (error) {
        showError(alert, error);
        return false;
      }
    };
    const articles = collection.articles ?? [];
    const header = [
      collection.description ? el('p', { className: 'collection-description', text: collection.description }) : null,
      el('p', { className: 'meta muted' }, [`${plural(collection.size, 'article')} · kept by `,
        el('span', { className: 'collection-curator', text: collection.curator }), ' · updated ', instant(collection.updated)]),
      el('nav', { className: 'collection-links', attrs: { 'aria-label': 'This collection elsewhere' } }, [
        pageLink('Search within this collection', links.searchWithinHref(id), () => links.searchWithin(id), { className: 'search-within' }),
        ' · Export: ',
        ...['csv', 'jsonl', 'ris'].flatMap((format, index) => [index > 0 ? ', ' : null,
          el('a', { className: 'download', attrs: { href: `${url}/export?format=${format}`, download: true }, text: format.toUpperCase() })]).filter(Boolean),
        ' · ',
        el('a', { className: 'download', attrs: { href: `${url}/feed`, type: 'application/atom+xml' }, text: 'Atom feed' }),
      ]),
      curator ? collectionEditor(collection, write, url) : null,
    ];
    const list = articles.length === 0
      ? el('p', { className: 'empty-note', text: 'No articles in this collection yet.' })
      : el('ol', { className: 'collection-articles' }, articles.map((member, index) =>
        memberItem(member, index, articles.length, collection.size, curator, write, url)));
    const more = collection.size > articles.length
      ? el('p', { className: 'muted', text: `The first ${plural(articles.length, 'article')} of ${collection.size} are shown.` }) : null;
    const heading = frame(collection.name || 'Untitled collection', ...header, alert, list, more);
    heading.classList.add('collection-name');
    root.removeAttribute('aria-busy');
    if (!focus || focus.title) heading.focus();
    else root.querySelector(`[data-member="${CSS.escape(focus.member)}"] [data-action="${focus.action}"]`)?.focus();
    if (!focus) announce(`Collection: ${collection.name}`);
  }

  function collectionEditor(collection, write, url) {
    const name = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
    name.value = collection.name;
    const description = el('textarea', { attrs: { rows: 2 } });
    description.value = collection.description ?? '';
    const form = el('form', {
      className: 'desk-form collection-edit-form',
      on: { submit: (event) => {
        event.preventDefault();
        write('PATCH', url, { name: name.value.trim(), description: description.value.trim() });
      } },
    }, [
      field('Name', name),
      field('Description', description),
      el('div', { className: 'desk-actions' }, [el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Save name and description' })]),
    ]);
    const confirm = el('p', { className: 'confirm-delete', attrs: { hidden: true } }, [
      'Delete this collection? Its articles stay in the archive. ',
      button('Delete it', async () => {
        if (await write('DELETE', url, undefined, { title: true })) links.openCollections();
      }, { className: 'danger confirm-delete-collection' }),
      ' ',
      button('Keep it', () => { confirm.hidden = true; deleteButton.focus(); }),
    ]);
    const deleteButton = button('Delete collection', () => {
      confirm.hidden = false;
      confirm.querySelector('button')?.focus();
    }, { className: 'danger delete-collection' });
    return el('details', { className: 'collection-edit' }, [
      el('summary', { text: 'Edit this collection' }),
      form,
      el('div', { className: 'desk-actions' }, [deleteButton]),
      confirm,
    ]);
  }

  function memberItem(member, index, shown, size, curator, write, url) {
    const memberUrl = `${url}/articles/${encodeURIComponent(member.id)}`;
    const focusOn = (action) => ({ member: member.id, action });
    const parts = [];
    if (member.removed) {
      // Named as it was when deleted, where the record knows it: an id alone told a librarian nothing.
      parts.push(el('p', { className: 'member-title member-removed' }, [
        el('strong', { text: 'Removed from the archive' }),
        member.title ? document.createTextNode(`: “${member.title}”`) : null,
        el('span', { className: 'muted', text: ` (article ${member.id}${member.source ? `, ${sourceName(member.source)}` : ''})` }),
      ]));
    } else {
      parts.push(el('h3', { className: 'member-title' }, [
        pageLink(member.title || 'Untitled article', links.articleHref(member.id), () => links.openArticle(member.id), { className: 'member-link' }),
      ]));
      parts.push(el('p', { className: 'meta' }, [
        dateElement(member.published, member.publishedPrecision ?? undefined),
        member.source ? el('span', { className: 'source', text: sourceName(member.source) }) : null,
      ]));
    }
    const note = el('p', { className: 'member-note', attrs: { hidden: !member.note } }, [
      el('span', { className: 'visually-hidden', text: 'Note: ' }), member.note ?? '',
    ]);
    parts.push(note);
    if (curator) {
      const noteInput = el('textarea', { className: 'member-note-input', attrs: { rows: 2 } });
      noteInput.value = member.note ?? '';
      const noteForm = el('form', {
        className: 'desk-form member-note-form',
        attrs: { hidden: true },
        on: { submit: (event) => {
          event.preventDefault();
          write('PATCH', memberUrl, { note: noteInput.value.trim() }, focusOn('note'));
        } },
      }, [
        field('Note', noteInput),
        el('div', { className: 'desk-actions' }, [
          el('button', { className: 'primary', attrs: { type: 'submit' }, text: 'Save note' }),
          button('Cancel', () => { noteForm.hidden = true; editNote.focus(); }),
        ]),
      ]);
      const label = member.title || member.id;
      const editNote = button(member.note ? 'Edit note' : 'Add note', () => {
        noteForm.hidden = !noteForm.hidden;
        if (!noteForm.hidden) noteInput.focus();
      }, { className: 'link-button', attrs: { 'data-action': 'note', 'aria-label': `${member.note ? 'Edit note' : 'Add note'}: ${label}` } });
      const position = member.position ?? index;
      // Asked first, as deleting a collection is: one click took the article and its note with it,
      // and the note was then only in the changes record (a librarian's trial).
      const confirmRemove = el('p', { className: 'confirm-delete confirm-remove', attrs: { hidden: true } });
      const remove = button('Remove', () => {
        confirmRemove.hidden = false;
        confirmRemove.querySelector('button')?.focus();
      }, { className: 'link-button danger', attrs: { 'data-action': 'remove', 'aria-label': `Remove from the collection: ${label}` } });
      confirmRemove.append(`Remove “${label}”${member.note ? ' and its note' : ''} from the collection? `,
        button('Remove it', () => write('DELETE', memberUrl, undefined, { title: true }), { className: 'danger' }), ' ',
        button('Keep it', () => { confirmRemove.hidden = true; remove.focus(); }));
      parts.push(el('div', { className: 'member-actions' }, [
        editNote,
        button('Move up', () => write('PATCH', memberUrl, { position: position - 1 }, focusOn('up')),
          { className: 'link-button', attrs: { 'data-action': 'up', disabled: position === 0, 'aria-label': `Move up: ${label}` } }),
        button('Move down', () => write('PATCH', memberUrl, { position: position + 1 }, focusOn('down')),
          { className: 'link-button', attrs: { 'data-action': 'down', disabled: position >= size - 1, 'aria-label': `Move down: ${label}` } }),
        remove,
      ]), confirmRemove, noteForm);
    }
    const item = el('li', { className: `desk-item collection-article${member.removed ? ' is-removed' : ''}` }, parts);
    item.dataset.member = member.id;
    return item;
  }

  // -- Saved searches --

  /**
   * The articles kept in this browser: each a link to the reader with a Let go button, and all of
   * them as one search, where the page's filters, timeline, exports and feed work on them. Drawn
   * again when the list changes (here or in another tab) while it is on screen.
   */
  function keptView() {
    const kept = keptArticles();
    const search = { q: keptQuery(kept) };
    const intro = el('p', { className: 'desk-intro', text: 'Articles you keep stay in this browser only: '
      + 'no token is needed, and no one else sees them. Curators share articles in collections.' });
    if (kept.length === 0) {
      frame('Kept', intro, el('p', { className: 'empty-note', text: 'Nothing kept yet: choose “Keep” on a result or in the reader.' }));
    } else {
      const forget = button('Let go of all', () => {
        forgetAllKept();
        announce('Let go of every kept article');
      }, { className: 'link-button danger' });
      frame('Kept', intro,
        el('p', { className: 'desk-actions' }, [
          pageLink(`Search these ${plural(kept.length, 'article')}: filters, timeline, exports, feed`, links.searchHref(search),
            () => links.openSearch(search), { className: 'kept-search' }),
          ' ', forget,
        ]),
        el('ul', { className: 'desk-list kept-list' }, kept.map((item) => el('li', { className: 'desk-item kept-item' }, [
          pageLink(item.title || item.id, links.articleHref(item.id), () => links.openArticle(item.id), { className: 'member-link' }),
          ' ',
          button('Let go', () => {
            toggleKept(item.id, item.title);
            announce(`Let go of “${item.title || item.id}”`);
          }, { className: 'link-button', attrs: { 'aria-label': `Let go of “${item.title || item.id}”` } }),
        ]))));
    }
    done();
  }

  onKeptChange(() => {
    if (shown?.startsWith('kept|')) show({ view: 'kept' }, { force: true });
  });

  async function savedSearchesView(still) {
    const title = 'Saved searches';
    loading(title);
    let saved;
    try {
      saved = (await send('GET', 'api/saved-searches')).body?.savedSearches ?? [];
    } catch (error) {
      if (still()) { root.removeAttribute('aria-busy'); failed(title, error); }
      return;
    }
    if (!still()) return;
    const alert = alertBox();
    const items = saved.map((search) => savedSearchItem(search, alert));
    frame(title, alert, saved.length === 0
      ? el('p', { className: 'empty-note', text: signedIn() ? 'No saved searches yet. Search, then choose “Save this search”.'
        : 'No saved searches yet. Curators save searches: sign in under “Curator”, search, then choose “Save this search”.' })
      : el('ul', { className: 'desk-list saved-search-list' }, items.map(({ item }) => item)));
    done();
    announce(plural(saved.length, 'saved search').replace('searchs', 'searches'));
    // How each stands against its last run, filled in as the answers come.
    await Promise.all(items.map(({ status }) => status()));
  }

  function savedSearchItem(search, alert) {
    const standing = el('p', { className: 'saved-search-status', text: 'Counting new matches…' });
    const confirm = el('span', { className: 'confirm-delete', attrs: { hidden: true } });
    const actions = [
      pageLink('Show the search', links.searchHref(search.search), () => links.openSearch(search.search), { className: 'saved-search-open' }),
      el('a', { className: 'download', attrs: { href: `api/saved-searches/${encodeURIComponent(search.id)}/feed`, type: 'application/atom+xml' }, text: 'Atom feed' }),
    ];
    if (signedIn()) {
      actions.push(button('Run', async () => {
        clearError(alert);
        try {
          // The page it opens marks what this run found new: the run is what resets "new since".
          const { body } = await send('POST', `api/saved-searches/${encodeURIComponent(search.id)}/run`, { body: {} });
          rememberRun(body);
          links.openSearch(search.search);
        } catch (error) {
          showError(alert, error);
        }
      }, { className: 'saved-search-run', attrs: { 'aria-label': `Run “${search.name}”` } }));
      const remove = button('Delete', () => {
        confirm.hidden = false;
        confirm.querySelector('button')?.focus();
      }, { className: 'link-button danger', attrs: { 'aria-label': `Delete “${search.name}”` } });
      confirm.append(`Delete “${search.name}”? `, button('Delete it', async () => {
        clearError(alert);
        try {
          await send('DELETE', `api/saved-searches/${encodeURIComponent(search.id)}`, { etag: `"v${search.version}"` });
          refresh();
        } catch (error) {
          showError(alert, error);
        }
      }, { className: 'danger' }), ' ', button('Keep it', () => { confirm.hidden = true; remove.focus(); }));
      actions.push(remove);
    }
    const item = el('li', { className: 'desk-item saved-search' }, [
      el('h3', { className: 'saved-search-name', text: search.name }),
      el('p', { className: 'saved-search-query', text: describeSearch(search.search) }),
      el('p', { className: 'meta muted' }, [`saved by ${search.curator} · last run `, instant(search.lastRun?.at)]),
      standing,
      el('div', { className: 'desk-actions' }, actions),
      confirm,
    ]);
    const status = async () => {
      try {
        const { body } = await send('GET', `api/saved-searches/${encodeURIComponent(search.id)}`);
        const fresh = body.newSinceLastRun ?? 0;
        standing.replaceChildren(
          el('strong', { className: 'new-since', text: `${body.exact === false ? 'About ' : ''}${plural(fresh, 'new match').replace('matchs', 'matches')} since ${curatorToken() ? 'your' : 'the'} last run` }),
          el('span', { className: 'muted', text: ` · ${plural(body.total ?? 0, 'match').replace('matchs', 'matches')} in all` }),
        );
      } catch (error) {
        standing.textContent = `New matches could not be counted: ${error.message}`;
      }
    };
    return { item, status };
  }

  // -- The changes record --

  async function changesView(before, still) {
    const title = 'Changes';
    loading(title);
    let page;
    try {
      const query = new URLSearchParams({ size: String(CHANGES_PAGE) });
      if (before) query.set('before', before);
      page = (await send('GET', `api/changes?${query}`)).body;
    } catch (error) {
      if (still()) { root.removeAttribute('aria-busy'); failed(title, error); }
      return;
    }
    if (!still()) return;
    const changes = page?.changes ?? [];
    const olderBefore = page?.next ? new URL(page.next, location.href).searchParams.get('before') : null;
    const table = changes.length === 0
      ? el('p', { className: 'empty-note', text: 'No changes recorded.' })
      : el('table', { className: 'changes-table' }, [
        el('caption', { className: 'visually-hidden', text: 'Curation changes, newest first' }),
        el('thead', {}, [el('tr', {}, ['When', 'Curator', 'Action', 'Target', 'What changed', 'Reason'].map((h) => el('th', { attrs: { scope: 'col' }, text: h })))]),
        el('tbody', {}, changes.map((change) => el('tr', { className: 'change' }, [
          el('td', {}, [instant(change.at)]),
          el('td', { className: 'change-curator', text: change.curator }),
          el('td', { className: 'change-action', text: change.action }),
          el('td', { className: 'change-target' }, [changeTarget(change.target)]),
          el('td', { className: 'change-what' }, [changeDetails(change)]),
          el('td', { className: 'change-reason', text: change.reason ?? '' }),
        ]))),
      ]);
    const nav = el('nav', { className: 'changes-nav', attrs: { 'aria-label': 'Pages of the changes record' } }, [
      before ? pageLink('Newest changes', links.changesHref(null), () => links.openChanges(null), { className: 'changes-newest' }) : null,
      before && olderBefore ? ' · ' : null,
      olderBefore ? pageLink('Older changes', links.changesHref(olderBefore), () => links.openChanges(olderBefore), { className: 'changes-older' }) : null,
    ]);
    frame(title, el('p', { className: 'muted', text: `${plural(page?.total ?? 0, 'change')} recorded · ` }, [
      el('a', { attrs: { href: 'api/changes/export', download: true }, text: 'Download the whole record (JSON Lines)' }),
    ]), table, nav);
    done();
    announce(`${plural(changes.length, 'change')} shown`);
  }

  /** A change's target, a link where it is something the page shows: an article, a collection. */
  function changeTarget(target) {
    const [kind, ...rest] = String(target ?? '').split(':');
    const id = rest.join(':');
    if (kind === 'article' && id) return pageLink(target, links.articleHref(id), () => links.openArticle(id), { className: 'change-link' });
    if (kind === 'collection' && id) return pageLink(target, links.collectionHref(id), () => links.openCollection(id), { className: 'change-link' });
    // A source by the name the page gives it everywhere else, not its stored value (a user trial).
    if (kind === 'source' && id) return document.createTextNode(`source:${sourceName(id)}`);
    return document.createTextNode(String(target ?? ''));
  }

  return { show, hide, refresh };
}

/**
 * What a change did, field by field, before and after, as the record keeps them (a librarian's trial:
 * the page showed who, when and an action code, and which note was removed or what a correction
 * changed was only in the JSON).
 */
function changeDetails(change) {
  const rows = changedFields(change.before, change.after);
  if (rows.length === 0) return null;
  // A state that came from nothing was made, one that went to nothing was withdrawn or deleted: say
  // that first, not "10 fields" as for an edit (a librarian's trial, session 38).
  const fields = rows.length === 1 ? rows[0].field : `${rows.length} fields`;
  const summary = change.before == null && change.after != null ? `Made: ${fields}`
    : change.before != null && change.after == null ? `Withdrawn or deleted: ${fields}` : fields;
  return el('details', { className: 'change-details' }, [
    el('summary', { text: summary }),
    el('dl', {}, rows.flatMap(({ field, before, after }) => [
      el('dt', { text: field }),
      el('dd', { text: `${before} → ${after}` }),
    ])),
  ]);
}

/** The fields of two states that differ, each as short text; a state that is not an object is one field. */
export function changedFields(before, after) {
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(before) && !isObject(after)) {
    return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: 'value', before: shortValue(before), after: shortValue(after) }];
  }
  const keys = [...new Set([...Object.keys(isObject(before) ? before : {}), ...Object.keys(isObject(after) ? after : {})])];
  return keys
    .filter((key) => JSON.stringify((isObject(before) ? before[key] : undefined) ?? null) !== JSON.stringify((isObject(after) ? after[key] : undefined) ?? null))
    .map((key) => ({
      field: key,
      before: shortValue(namedSources(key, isObject(before) ? before[key] : undefined)),
      after: shortValue(namedSources(key, isObject(after) ? after[key] : undefined)),
    }));
}

/** Fields of a change that hold a source's stored value: a rename's two names, a correction's source. */
const SOURCE_FIELDS = new Set(['source', 'renameTo']);

/**
 * A changed field's value with each source in it by the name the page shows (sourceName), as the
 * facet, the reader and the forms name it: the record read "seed-articles" where the rest of the page
 * said "Seed articles (project brief)" (a user trial). A correction's original fields hold a source too.
 */
function namedSources(field, value) {
  if (SOURCE_FIELDS.has(field) && typeof value === 'string') return sourceName(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.source === 'string') {
    return { ...value, source: sourceName(value.source) };
  }
  return value;
}

function shortValue(value) {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A saved search's parameters in words: the query, then each filter, the dates and the order. */
export function describeSearch(search) {
  const parts = [];
  const q = [search?.q ?? ''].flat()[0] ?? '';
  parts.push(q ? `“${q}”` : 'All articles');
  for (const [key, value] of Object.entries(search ?? {})) {
    if (key === 'q') continue;
    parts.push(`${key}: ${[value].flat().join(', ')}`);
  }
  return parts.join(' · ');
}
