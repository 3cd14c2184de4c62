/**
 * What an article is about: {@link org.morgue.indexer.enrich.theme.ThemeClassifier} scores every theme
 * of the {@link org.morgue.indexer.enrich.theme.ThemeTaxonomy} by its weighted terms on stemmed text.
 * The taxonomy (IPTC Media Topics top level plus news sub-themes), its scoring and its threshold are in
 * {@code resources/org/morgue/indexer/enrich/theme/taxonomy.json}, explained in the README beside it.
 *
 * <p>Must not know: actors or hedging, sources, the index or any engine. Depends on {@code article}
 * and {@code enrich.text} (whose term analysis is the index's English analysis).
 */
package org.morgue.indexer.enrich.theme;
