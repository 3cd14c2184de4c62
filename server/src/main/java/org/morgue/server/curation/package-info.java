/**
 * The curators' API: collections ({@code /api/collections}), saved searches ({@code
 * /api/saved-searches}), corrections ({@code /api/corrections}) and the changes record ({@code
 * /api/changes}). Handlers read requests and shape answers; the curation module checks and keeps each
 * change, and the live index writes the articles it alters before the answer goes out.
 */
package org.morgue.server.curation;
