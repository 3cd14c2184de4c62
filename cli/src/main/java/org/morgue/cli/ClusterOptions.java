package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import picocli.CommandLine.Option;

/** The options that put an archive in an OpenSearch cluster instead of an index folder. */
final class ClusterOptions {
  @Option(names = "--opensearch", paramLabel = "URL",
      description = "keep the archive in the OpenSearch 3.x cluster at URL instead of an index folder; give several"
          + " nodes as URL,URL,... so that one going down is not an outage")
  String urls;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "the alias the archive is kept under in the cluster (default: ${DEFAULT-VALUE})")
  String alias = ArchiveIndex.DEFAULT_ALIAS;

  @Option(names = "--opensearch-shards", paramLabel = "N",
      description = "primary shards of a new index in the cluster (default: ${DEFAULT-VALUE})")
  int shards = ArchiveIndex.IndexSettings.DEFAULT.shards();

  @Option(names = "--opensearch-replicas", paramLabel = "N",
      description = "copies of each shard on other nodes, where there are nodes to hold them (default: ${DEFAULT-VALUE})")
  int replicas = ArchiveIndex.IndexSettings.DEFAULT.replicas();

  @Option(names = "--opensearch-credentials", paramLabel = "FILE",
      description = "log in to a cluster with the security plugin on (HTTP basic authentication) as the user:password"
          + " in FILE, sent with every request; credentials may instead be written in the URL, http(s)://user:password@HOST:PORT")
  Path credentialsFile;

  /** The cluster's archive when --opensearch is given, else the index folder. */
  ArchiveLocation location(Path folder) throws IOException {
    if (urls == null) {
      return new ArchiveLocation.Folder(folder);
    }
    Optional<ClusterConnection.Credentials> credentials = Optional.empty();
    if (credentialsFile != null) {
      credentials = Optional.of(ClusterConnection.Credentials.parse(Files.readString(credentialsFile).strip(),
          "--opensearch-credentials " + credentialsFile));
    }
    return ArchiveLocation.Cluster.open(urls, credentials, alias, new ArchiveIndex.IndexSettings(shards, replicas));
  }
}
