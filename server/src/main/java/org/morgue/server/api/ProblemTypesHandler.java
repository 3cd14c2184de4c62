package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.List;
import org.morgue.server.problem.ProblemCode;

/**
 * {@code GET /api/problems} and {@code /api/problems/{code}}: what each problem type means, at the
 * address its {@code type} names, so that a client (or a developer reading an error) can follow the
 * type of an answer it did not expect and be told what it is and what to do.
 */
public final class ProblemTypesHandler {
  /**
   * One problem type as the server describes it.
   *
   * @param type its URI reference, as problems carry it in {@code type}
   * @param code the same kind as problems carry it in {@code code}
   * @param status the HTTP status a problem of this type is always answered with
   * @param title the title problems of this type carry
   * @param description what it means and what to do about it
   */
  public record ProblemType(String type, String code, int status, String title, String description) {
    static ProblemType of(ProblemCode code) {
      return new ProblemType(code.type(), code.code(), code.status(), code.title(), code.description());
    }
  }

  /** Every problem type, in the order the OpenAPI document lists them. */
  public record ProblemTypes(List<ProblemType> problems) {}

  /** Every problem type the API answers. */
  public void list(Context ctx) {
    ctx.json(new ProblemTypes(Arrays.stream(ProblemCode.values()).map(ProblemType::of).toList()));
  }

  /** The problem type a problem's {@code type} names; 404 for a code that is none. */
  public void describe(Context ctx) {
    String code = ctx.pathParam("code");
    ctx.json(ProblemType.of(ProblemCode.ofCode(code).orElseThrow(() -> new NotFoundResponse("no problem type '"
        + code + "'; GET /api/problems lists them"))));
  }
}
