package org.morgue.indexer.ingest;

/** Hears how an indexing run is going, to show progress; called from the indexing thread. */
public interface IndexProgress {
  /** Progress that shows nothing. */
  IndexProgress SILENT = new IndexProgress() {
    @Override
    public void started(int files) {}

    @Override
    public void advanced(int filesDone, int articles) {}

    @Override
    public void finished() {}
  };

  /** The run begins; it will read this many files. */
  void started(int files);

  /** Another file is done; {@code articles} have been read so far. */
  void advanced(int filesDone, int articles);

  /** The run ended, well or not. */
  void finished();
}
