/**
 * The shapes of the API's JSON answers: {@link org.morgue.server.view.ApiViews} turns search results,
 * articles with their stories, comparisons of two versions, suggestions and index statistics from the
 * search contract into the records the OpenAPI
 * document describes, snippets become escaped HTML with {@code <mark>} in
 * {@link org.morgue.server.view.SnippetHtml}, and {@link org.morgue.server.view.ContractJson} writes the
 * contract's enums by their API names.
 *
 * <p>Pure data in, data out: no Javalin, no HTTP, no Lucene or engine types.
 */
package org.morgue.server.view;
