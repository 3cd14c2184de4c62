/**
 * Sources: one {@link org.morgue.indexer.source.ArticleFormat} per input format, each turning files
 * into {@link org.morgue.article.Article}s; {@link org.morgue.indexer.source.ArticleFiles} walks folders
 * and gives each file to the first format that accepts it. A file or record a format cannot read is
 * reported to the {@link org.morgue.indexer.source.ArticleSink} as a {@link
 * org.morgue.indexer.source.MalformedArticleException} with its origin, a {@link
 * org.morgue.indexer.source.SkipReason} (the kind the index report counts by) and the reason in words;
 * a part of an article it could not read is a {@link org.morgue.indexer.source.ReadWarning}. Nothing is
 * dropped silently.
 *
 * <p>Must not know: enrichment, the index or any engine, HTTP. Formats depend on {@code article} and
 * their parsing libraries (Jackson, jsoup, jwarc, ROME) only.
 *
 * <p>To add a format (in full, with the files to touch: docs/architecture.md, "Add a format"):
 * <ol>
 *   <li>write a class implementing {@link org.morgue.indexer.source.ArticleFormat} here: {@code name()},
 *       {@code accepts(ArticleInput)} by file name and, where names are shared, by {@link
 *       org.morgue.indexer.source.ArticleInput#headText()}, and {@code read(ArticleInput, ArticleSink)},
 *       rejecting bad records with a {@link org.morgue.indexer.source.SkipReason} and {@link
 *       org.morgue.indexer.source.ArticleInput#origin(int)};
 *   <li>register it in {@link org.morgue.indexer.source.ArticleFiles#standard()} (order matters: the
 *       first format that accepts a file reads it);
 *   <li>add sample files under {@code indexer/src/test/resources/formats/} with their source and licence;
 *   <li>describe it in docs/formats.md and README.md's list of formats;
 *   <li>add unit tests ({@code *FormatTest} beside the others, with {@code RecordingSink}).
 * </ol>
 */
package org.morgue.indexer.source;
