/**
 * How sure an article's writing is: {@link org.morgue.indexer.enrich.hedge.HedgeDetector} finds hedge
 * cues of the {@link org.morgue.indexer.enrich.hedge.HedgeLexicon} ({@code
 * resources/org/morgue/indexer/enrich/hedge/lexicon.tsv}) sentence by sentence, tells the modal senses
 * apart ({@link org.morgue.indexer.enrich.hedge.ModalSense}), marks cues inside quotations, and gives
 * the article's score and level. What counts as a hedge is defined by eval/hedging/guidelines.md.
 *
 * <p>Must not know: actors or themes, sources, the index or any engine. Depends on {@code article},
 * its sentence splitter ({@code article.text}) and {@code enrich.text}.
 */
package org.morgue.indexer.enrich.hedge;
