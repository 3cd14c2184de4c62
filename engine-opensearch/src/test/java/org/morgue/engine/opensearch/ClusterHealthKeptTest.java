package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.morgue.cluster.ClusterProxy;
import org.morgue.search.ArchiveHealth;

/**
 * A load balancer asks a server's health every second or so: each answer searches the archive, but
 * the cluster's health is read again only when the last reading is {@link
 * OpenSearchEngine#CLUSTER_HEALTH_KEPT} old. Counted in the requests that reach the cluster, through a
 * proxy in front of one of its nodes; the age is told by a clock the test moves.
 */
class ClusterHealthKeptTest {
  @Test
  void aSecondHealthCallWithinTheWindowSearchesButDoesNotReadTheClusterHealthAgain() throws Exception {
    // No replica: a new index's replicas start a moment after it, and a reading taken meanwhile said
    // yellow (CI, once); what is counted here is requests, not copies.
    ArchiveIndex archive = TestCluster.newArchive("health-kept", EngineParityTest.WITHOUT_REPLICAS);
    TestCluster.index(archive, List.of(TestCluster.CORPUS.resolve("seed-articles")));
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    try (ClusterProxy proxy = ClusterProxy.start(TestCluster.cluster().url());
        ClusterConnection connection = ClusterConnection.open(proxy.url());
        OpenSearchEngine engine = OpenSearchEngine.open(new ArchiveIndex(connection, archive.alias(),
            ArchiveIndex.IndexSettings.DEFAULT), now::get)) {
      String healthRead = "GET /_cluster/health/" + archive.alias() + "?local=true";
      String counted = "POST /" + archive.alias() + "/_search";
      int before = proxy.requests().size();

      ArchiveHealth first = engine.health();
      now.set(now.get().plus(OpenSearchEngine.CLUSTER_HEALTH_KEPT.minusMillis(1)));
      ArchiveHealth second = engine.health();

      assertEquals(Optional.empty(), first.degraded(), "the test cluster has every copy placed");
      assertEquals(first, second);
      List<String> sent = proxy.requests().subList(before, proxy.requests().size());
      assertEquals(List.of(counted, healthRead, counted), sent, "the second call searched, and read no health");

      now.set(now.get().plusMillis(1));
      engine.health();
      assertEquals(2, proxy.requests().stream().filter(healthRead::equals).count(), "read again once the reading is old");
    }
  }
}
