package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.morgue.search.Facet;

/**
 * The page's facet lists against the search contract's {@link Facet}. The page must know its facets
 * before its first answer (it reads the filters from its own URL and puts them in the first request),
 * so it keeps a list in {@code state.js}; this test keeps that list from drifting: a facet added to
 * {@link Facet} and not to the page, or the other way round, fails the build.
 */
class PageFacetsTest {
  @Test
  void thePagesFacetsAreExactlyTheContractsInItsOrder() throws IOException {
    String state = pageFile("state.js");
    assertEquals(Facet.ids(), keys(block(state, "export const FACETS = [", "];"), "key: '([^']+)'"),
        "state.js's FACETS are Facet.ids(), in order");
  }

  @Test
  void thePagesOtherFacetListsNameOnlyFacets() throws IOException {
    List<String> long_ = keys(block(pageFile("state.js"), "export const LONG_FACETS = [", "];"), "'([^']+)'");
    assertTrue(!long_.isEmpty() && Facet.ids().containsAll(long_), "LONG_FACETS: " + long_);
    List<String> labelled = keys(block(pageFile("suggest.js"), "const FACET_LABELS = {", "};"), "(\\w+):");
    assertTrue(!labelled.isEmpty() && Facet.ids().containsAll(labelled), "suggest.js FACET_LABELS: " + labelled);
  }

  private static String pageFile(String name) throws IOException {
    try (InputStream in = PageFacetsTest.class.getResourceAsStream("/morgue-web/" + name)) {
      assertNotNull(in, "the page's " + name + " is on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String block(String source, String start, String end) {
    int from = source.indexOf(start);
    assertTrue(from >= 0, "found " + start);
    int to = source.indexOf(end, from + start.length());
    assertTrue(to >= 0, "found the end of " + start);
    return source.substring(from + start.length(), to);
  }

  private static List<String> keys(String block, String regex) {
    List<String> keys = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(block);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
