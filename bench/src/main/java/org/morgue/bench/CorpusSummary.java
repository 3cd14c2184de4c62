package org.morgue.bench;

import java.nio.file.Path;

/**
 * A generated corpus on disk.
 *
 * @param folder where its files are
 * @param articles how many articles it holds
 * @param files how many files they are in
 * @param textBytes the UTF-8 bytes of every title and body: the raw text
 */
record CorpusSummary(Path folder, int articles, int files, long textBytes) {}
