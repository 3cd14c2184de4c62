package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.server.problem.ProblemCode;

/**
 * The README's list of problem codes names every code the server answers, so a client written from
 * the README can switch on all of them (the OpenAPI document's list is held to the server by
 * {@link OpenApiContractTest}).
 */
class ReadmeProblemCodesTest {
  @Test
  void theReadmeListsEveryProblemCodeTheServerAnswers() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("The codes,");
    String list = readme.substring(start, readme.indexOf("describes each.", start));
    List<String> missing = new ArrayList<>();
    for (ProblemCode problem : ProblemCode.values()) {
      if (!list.contains("`" + problem.code() + "`")) {
        missing.add(problem.code());
      }
    }
    assertEquals(List.of(), missing, "codes the README's list leaves out");
  }
}
