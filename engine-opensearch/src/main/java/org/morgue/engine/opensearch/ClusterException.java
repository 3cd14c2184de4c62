package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** A request the cluster answered with an error status: its status and OpenSearch's own reason. */
public class ClusterException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient JsonNode answer;

  ClusterException(int status, String request, JsonNode answer) {
    super(request + " failed with " + status + ": " + reason(answer));
    this.status = status;
    this.answer = answer;
  }

  private ClusterException(String message, int status, JsonNode answer) {
    super(message);
    this.status = status;
    this.answer = answer;
  }

  /** A refusal whose message says more than the request and OpenSearch's reason (credentials, not a node). */
  static ClusterException explained(int status, String message, JsonNode answer) {
    return new ClusterException(message, status, answer);
  }

  /** The HTTP status the cluster answered. */
  public int status() {
    return status;
  }

  /** The error's type, as OpenSearch names it ({@code index_not_found_exception}); empty when it gave none. */
  public String type() {
    JsonNode error = answer == null ? null : answer.path("error");
    return error == null ? "" : error.path("type").asText("");
  }

  /**
   * OpenSearch's reason alone ("all shards failed"), for words a reader may see: the error's type is
   * a name from OpenSearch's code. The type when it gives no reason.
   */
  static String reasonAlone(JsonNode answer) {
    JsonNode error = answer == null ? null : answer.path("error");
    if (error == null || error.isTextual()) {
      return reason(answer);
    }
    JsonNode cause = error.path("root_cause").path(0);
    String reason = cause.path("reason").asText(error.path("reason").asText(""));
    return reason.isBlank() ? reason(answer) : reason.strip();
  }

  private static String reason(JsonNode answer) {
    if (answer == null) {
      return "no answer";
    }
    JsonNode error = answer.path("error");
    if (error.isTextual()) {
      return error.asText();
    }
    JsonNode cause = error.path("root_cause").path(0);
    String reason = cause.path("reason").asText(error.path("reason").asText(""));
    String type = cause.path("type").asText(error.path("type").asText(""));
    return (type + " " + reason).strip();
  }
}
