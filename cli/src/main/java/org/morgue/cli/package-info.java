/**
 * The command line: {@code ./morgue index} ({@link org.morgue.cli.IndexCommand}: parses arguments,
 * runs ingestion with a {@link org.morgue.cli.ConsoleProgress}, prints the report with {@link
 * org.morgue.cli.IndexReportPrinter}) and {@code ./morgue serve} ({@link org.morgue.cli.ServeCommand}:
 * keeps the sample corpus's index fresh with {@link org.morgue.cli.CorpusIndexer} and {@link
 * org.morgue.cli.CorpusFingerprint}, then starts the server). Only the commands' {@code main} methods
 * call {@code System.exit}.
 *
 * <p>This is where the stages are wired together: the only module that knows the indexer, the Lucene
 * engine and the server at once. It opens the engine's writer and searcher and hands them to the
 * pipeline and the server as the contract's {@link org.morgue.search.ArchiveStore} and {@link
 * org.morgue.search.SearchEngine}. Must not hold search, enrichment or HTTP logic of its own.
 */
package org.morgue.cli;
