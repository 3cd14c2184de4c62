package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import org.morgue.search.ArchiveNotWritableException;

/**
 * A cluster whose disks passed the flood-stage watermark: OpenSearch then puts a
 * read-only-allow-delete block on every index with a shard on a full node and refuses each write
 * with 429 {@code cluster_block_exception} until disk use falls below the high watermark. The 429 is
 * not "busy": sending again cannot succeed until someone frees space, so the write is refused at once
 * as the embedded engine refuses one on a full disk, and the server answers 507, not a 500 after
 * half a minute of back-off.
 */
final class FloodStage {
  private FloodStage() {}

  /** Whether an error status and OpenSearch's error object say the index is blocked for want of disk. */
  static boolean blocks(int status, JsonNode error) {
    if (status != 429 || !"cluster_block_exception".equals(error.path("type").asText())) {
      return false;
    }
    String reason = error.path("reason").asText("");
    return reason.contains("read-only-allow-delete") || reason.contains("flood-stage") || reason.contains("flood stage");
  }

  /** The refusal of a write the block stopped, naming the cluster's own reason. */
  static ArchiveNotWritableException refusal(String what, JsonNode error) {
    return new ArchiveNotWritableException("the OpenSearch cluster refused " + what + ": its disks are past the"
        + " flood-stage watermark, and it takes no writes until its nodes have room again ("
        + error.path("reason").asText() + ")", null, true);
  }
}
