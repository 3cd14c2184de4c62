package org.morgue.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.JsonProblems;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * The reason a DELETE gives, which the changes record keeps: {@code ?reason=}, or a JSON body {@code
 * {"reason": "..."}} as the other writes take theirs (many clients send a DELETE's data so). One rule
 * for the DELETE of an article and of whatever curators keep. A body holding any other field is
 * refused, as a misspelt {@code "reson"} would otherwise delete with no reason recorded; so is a reason
 * given both ways, where one of the two would be dropped unseen.
 */
public final class DeleteReason {
  /** A DELETE's body holds a reason of at most a few thousand characters; anything much larger is no reason. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  /** A repeated field is refused, as every body's is (CurationRequests), rather than the last one kept. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DeleteReason() {}

  /** The reason the DELETE gives, from its query or its body; empty when it gives none. */
  public static Optional<String> of(Context ctx) throws BadRequestException, IOException {
    Optional<String> query = Optional.ofNullable(ctx.queryParam("reason"));
    long length = ctx.req().getContentLengthLong(); // -1: not declared, which a chunked body is not
    if (length == 0 || length < 0 && ctx.header("Transfer-Encoding") == null) {
      return query;
    }
    BodyMediaType.of(ctx, Set.of(BodyMediaType.JSON), "JSON, sent with Content-Type: application/json");
    byte[] bytes;
    try (InputStream in = ctx.bodyInputStream()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new BadRequestException(ProblemCode.BODY_TOO_LARGE, "body", "the body is over " + MAX_BODY_BYTES
          + " bytes; a DELETE's body holds only its reason, {\"reason\": \"...\"}");
    }
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return query;
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      Optional<String> repeated = JsonProblems.repeatedField(e);
      if (repeated.isPresent()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, repeated.get(), JsonProblems.inWords(e)
            + " in the body: give each field once, since only one of its values could be kept");
      }
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "the body is not JSON: " + JsonProblems.inWords(e)
          + "; a DELETE's body is {\"reason\": \"...\"}");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "the body must be a JSON object,"
          + " {\"reason\": \"...\"}");
    }
    for (String name : (Iterable<String>) body::fieldNames) {
      if (!name.equals("reason")) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, name, "unknown field '" + name + "'; the fields are"
            + " reason");
      }
    }
    JsonNode given = body.get("reason");
    if (given == null || given.isNull()) {
      return query;
    }
    if (!given.isTextual()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "reason", "'reason' must be a string");
    }
    if (query.isPresent()) {
      throw new BadRequestException(ProblemCode.REPEATED_PARAMETER, "reason", "the reason is given twice, as ?reason="
          + " and in the body; give it once: nothing was deleted");
    }
    return Optional.of(given.asText());
  }
}
