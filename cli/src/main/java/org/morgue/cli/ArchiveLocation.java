package org.morgue.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import org.morgue.engine.opensearch.OpenSearchEngine;
import org.morgue.engine.opensearch.OpenSearchStore;
import org.morgue.search.ArchiveStore;
import org.morgue.search.Arrivals;
import org.morgue.search.SearchEngine;

/**
 * Where an archive is kept, as the commands see it: an index folder for the embedded engine, or an
 * alias in an OpenSearch cluster. It opens the engine that reads it and the store that writes it,
 * and says what its last commit recorded; the commands need nothing else of an engine.
 */
sealed interface ArchiveLocation extends Closeable {
  /** How messages name it: the folder, or the alias and the cluster. */
  String description();

  /** The engine that searches it. */
  SearchEngine openEngine() throws IOException;

  /**
   * Opens stores that write to it as it is (a live server reopens one after a failed write): they fail
   * when the folder holds no index or the alias no longer leads to one, which they never create (a
   * folder moved away or an index deleted under a server became a new, empty archive that took its writes).
   */
  ArchiveStore.Opener stores();

  /** A store on it, creating it where there is none: what {@code morgue index} writes with. */
  ArchiveStore openOrCreate() throws IOException;

  /** A store on an empty archive: what was there is gone. The first step of a rebuild. */
  ArchiveStore openEmpty() throws IOException;

  /**
   * The metadata of its last commit; empty when there is no archive there (no index committed in the
   * folder, no alias on the cluster), which a store opened on it creates.
   */
  Optional<Map<String, String>> lastCommitData() throws IOException;

  /** Whether its last commit was written by this Morgue's layout (schema or mapping version). */
  boolean currentLayout(Map<String, String> commitData);

  /**
   * Where curation is kept unless told otherwise: beside the archive, never inside it, since rebuilding
   * or migrating the index must not touch it.
   */
  Path defaultCurationFolder();

  /**
   * Where the record of when each article was first received is kept ({@link Arrivals}): beside the
   * archive as its curation is, so that a rebuild, a migration or a deleted index folder keeps it.
   */
  Path arrivalsFile();

  /** The embedded engine's index in a folder. */
  record Folder(Path folder) implements ArchiveLocation {
    @Override
    public String description() {
      return folder.toString();
    }

    @Override
    public SearchEngine openEngine() throws IOException {
      return ArchiveSearcher.open(folder);
    }

    @Override
    public ArchiveStore.Opener stores() {
      return () -> ArchiveWriter.openExisting(folder, arrivalsFile());
    }

    @Override
    public ArchiveStore openOrCreate() throws IOException {
      return ArchiveWriter.open(folder, arrivalsFile());
    }

    @Override
    public ArchiveStore openEmpty() throws IOException {
      ArchiveWriter writer = ArchiveWriter.open(folder, arrivalsFile());
      try {
        writer.deleteAll();
        return writer;
      } catch (IOException | RuntimeException e) {
        writer.close();
        throw e;
      }
    }

    @Override
    public Optional<Map<String, String>> lastCommitData() throws IOException {
      return ArchiveWriter.lastCommitData(folder);
    }

    @Override
    public boolean currentLayout(Map<String, String> commitData) {
      return ArchiveSchema.VERSION.equals(commitData.get(ArchiveWriter.SCHEMA_KEY));
    }

    @Override
    public Path defaultCurationFolder() {
      Path absolute = folder.toAbsolutePath().normalize();
      return absolute.resolveSibling(absolute.getFileName() + ".curation");
    }

    @Override
    public Path arrivalsFile() {
      Path absolute = folder.toAbsolutePath().normalize();
      return absolute.resolveSibling(absolute.getFileName() + ".arrivals");
    }

    @Override
    public void close() {}
  }

  /** An archive behind an alias in an OpenSearch cluster, over one connection. */
  record Cluster(ClusterConnection connection, ArchiveIndex index) implements ArchiveLocation {
    /** Opens a connection; the archive index says on standard output when it creates or moves the archive. */
    static Cluster open(String urls, Optional<ClusterConnection.Credentials> credentials, String alias,
        ArchiveIndex.IndexSettings settings) {
      ClusterConnection connection = ClusterConnection.open(urls, credentials);
      try {
        return new Cluster(connection, new ArchiveIndex(connection, alias, settings, System.out::println));
      } catch (RuntimeException e) {
        try {
          connection.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    @Override
    public String description() {
      return "'" + index.alias() + "' on the OpenSearch cluster at " + connection.description();
    }

    @Override
    public SearchEngine openEngine() throws IOException {
      return OpenSearchEngine.open(index);
    }

    @Override
    public ArchiveStore.Opener stores() {
      return () -> withArrivals(arrivals -> OpenSearchStore.openExisting(index, arrivals));
    }

    @Override
    public ArchiveStore openOrCreate() throws IOException {
      return withArrivals(arrivals -> OpenSearchStore.open(index, arrivals));
    }

    @Override
    public ArchiveStore openEmpty() throws IOException {
      return withArrivals(arrivals -> OpenSearchStore.openEmpty(index, arrivals));
    }

    /** One of OpenSearchStore's ways to open, given the record of arrivals it closes. */
    @FunctionalInterface
    private interface StoreOpening {
      ArchiveStore open(Arrivals arrivals) throws IOException;
    }

    /**
     * A store with the record of arrivals beside it; a record this call created goes again when the
     * store cannot open (an operator's trial found var/ALIAS.arrivals left by runs against wrong URLs).
     */
    private ArchiveStore withArrivals(StoreOpening opening) throws IOException {
      Path file = arrivalsFile();
      boolean existed = Files.exists(file);
      try {
        return opening.open(Arrivals.open(file));
      } catch (IOException | RuntimeException e) {
        if (!existed) {
          Files.deleteIfExists(file);
        }
        throw e;
      }
    }

    @Override
    public Optional<Map<String, String>> lastCommitData() throws IOException {
      return index.lastCommitData();
    }

    @Override
    public boolean currentLayout(Map<String, String> commitData) {
      return ArchiveIndex.MAPPING_VERSION.equals(commitData.get(ArchiveIndex.MAPPING_KEY));
    }

    @Override
    public Path defaultCurationFolder() {
      return MorgueHome.home().resolve("var").resolve(index.alias() + ".curation");
    }

    @Override
    public Path arrivalsFile() {
      return MorgueHome.home().resolve("var").resolve(index.alias() + ".arrivals");
    }

    @Override
    public void close() throws IOException {
      connection.close();
    }
  }
}
