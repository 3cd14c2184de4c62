package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The API over an index of the corpus Morgue ships (corpus/articles: seed articles, every State of
 * the Union address, Brown reportage), as a developer following the OpenAPI document would use it,
 * on each engine: the embedded index and an OpenSearch cluster (one node, three shards).
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ShippedCorpusApiTest {
  /** Surefire runs in the server module; the shipped corpus is its sibling. */
  static final Path CORPUS = Path.of("..", "corpus", "articles");

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void indexTheShippedCorpus(TestEngine engine) throws IOException {
    server = RunningServer.on(engine.index(Files.createTempDirectory("morgue-shipped"), List.of(CORPUS)));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    server.close();
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  @Test
  void everyStateOfTheUnionMentioningCongressPagesNewestFirstAsByAddedAndExportsAsCsv() throws Exception {
    String search = "q=Congress&source=" + enc("State of the Union") + "&sort=newest";
    List<String> paged = new ArrayList<>();
    List<String> dates = new ArrayList<>();
    // Paged as a client that follows the Link header (RFC 8288) pages: each page's Link names the
    // request with the body's nextCursor, so a client that reads either walks the same pages.
    String next = "/api/search?" + search + "&size=50";
    long total = -1;
    int pages = 0;
    while (next != null) {
      HttpResponse<String> answer = server.get(next);
      assertEquals(200, answer.statusCode(), next);
      JsonNode page = MAPPER.readTree(answer.body());
      total = page.get("total").asLong();
      pages++;
      paged.addAll(ids(page));
      page.get("hits").forEach(hit -> dates.add(hit.get("published").asText()));
      String link = answer.headers().firstValue("Link").orElse(null);
      if (page.get("nextCursor").isNull()) {
        assertEquals(null, link, "the last page names no next");
        next = null;
      } else {
        String expected = "/api/search?" + search + "&size=50&cursor=" + enc(page.get("nextCursor").asText());
        assertEquals("<" + expected + ">; rel=\"next\"", link);
        next = link.substring(1, link.indexOf('>'));
      }
    }
    assertTrue(total > 150, "most addresses mention Congress: " + total);
    assertEquals(total, paged.size());
    assertEquals(paged.size(), paged.stream().distinct().count(), "no address twice");
    assertTrue(pages > 3);
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, dates, "newest first");

    HttpResponse<String> csv = server.get("/api/export?" + search + "&format=csv");
    assertEquals(200, csv.statusCode());
    List<String> exported = csv.body().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    assertEquals(paged, exported, "the export lists the same addresses in the same order");

    // An archive indexed in one run lists by added as by newest (one write, so newest published
    // first, page by page), and its feed is its newest. Checked on the walk above: a walk of 170
    // addresses costs OpenSearch seconds.
    assertEquals(paged, pagedIds(search.replace("sort=newest", "sort=added")));
    assertEquals(ids(server.getJson("/api/search?sort=newest&size=50", 200)), FeedEndpointTest.entryIds(server.get("/api/feed")));
  }

  private static List<String> pagedIds(String search) throws Exception {
    List<String> paged = new ArrayList<>();
    JsonNode page = server.getJson("/api/search?" + search + "&size=50", 200);
    while (true) {
      paged.addAll(ids(page));
      if (page.get("nextCursor").isNull()) {
        return paged;
      }
      page = server.getJson("/api/search?" + search + "&size=50&cursor=" + enc(page.get("nextCursor").asText()), 200);
    }
  }

  @Test
  void fieldedQueriesRangesAndFiltersWorkOnTheArchive() throws Exception {
    assertEquals(List.of("sotu-1941-roosevelt"),
        ids(server.getJson("/api/search?q=" + enc("\"four essential human freedoms\""), 200)));
    assertTrue(ids(server.getJson("/api/search?q=" + enc("author:lincoln AND published:[1861 TO 1865]"), 200))
        .containsAll(List.of("sotu-1861-lincoln", "sotu-1864-lincoln")));
    JsonNode sixties = server.getJson("/api/search?source=" + enc("State of the Union")
        + "&from=1960-01-01&to=1969-12-31&interval=year&size=0", 200);
    long inBuckets = 0;
    for (JsonNode bucket : sixties.get("timeline").get("buckets")) {
      assertTrue(bucket.get("key").asText().startsWith("196"), bucket.toString());
      inBuckets += bucket.get("count").asLong();
    }
    assertEquals(sixties.get("total").asLong(), inBuckets);
    JsonNode brown = server.getJson("/api/search?year=1961&source=" + enc("Brown Corpus (1961)") + "&size=0", 200);
    assertEquals(44, brown.get("total").asInt());
    JsonNode groups = server.getJson("/api/search?actorType=group&size=100", 200);
    assertTrue(ids(groups).containsAll(List.of("trump-escalates-venezuela-crackdown", "us-military-kill-claims-raise-the-stakes")));
    JsonNode hedged = server.getJson("/api/search?source=" + enc("State of the Union") + "&sort=most-hedged&size=3", 200);
    assertEquals("high", hedged.get("hits").get(0).get("hedging").asText());
  }

  /**
   * A journalist's trial: ticking "organisation" listed the United States and Congress under "Most
   * named", as every article that names an organisation names them too. Ticking types now lists the
   * actors of those types, each of the type most articles give it, counted over the matches; the
   * export's actors, read here on their own, say which those are.
   */
  @Test
  void tickingActorTypesListsOnlyActorsOfThoseTypesWithTheirCounts() throws Exception {
    Map<String, Map<String, Integer>> typesGiven = new java.util.HashMap<>();
    List<JsonNode> articles = new ArrayList<>();
    for (String line : server.get("/api/export?format=jsonl").body().lines().skip(1).toList()) {
      JsonNode article = MAPPER.readTree(line);
      articles.add(article);
      article.get("actors").forEach(actor -> typesGiven.computeIfAbsent(actor.get("name").asText(),
          name -> new java.util.HashMap<>()).merge(actor.get("type").asText(), 1, Integer::sum));
    }
    assertEquals(279, articles.size());
    List<String> typeOrder = List.of("person", "organisation", "place", "government", "group");
    java.util.function.Function<String, String> typeOf = name -> typeOrder.stream()
        .max(java.util.Comparator.comparing((String type) -> typesGiven.get(name).getOrDefault(type, 0))
            .thenComparing(type -> -typeOrder.indexOf(type)))
        .orElseThrow();

    for (List<String> ticked : List.of(List.of("organisation"), List.of("group"), List.of("person", "government"))) {
      StringBuilder query = new StringBuilder("/api/search?size=0&facetLimit=15");
      ticked.forEach(type -> query.append("&actorType=").append(type));
      assertListsAsTheExportSays(server.getJson(query.toString(), 200), articles, typeOf, ticked, "");
    }
    // A prefix narrows within the type.
    assertListsAsTheExportSays(server.getJson("/api/search?size=0&facetLimit=15&actorType=person&facetPrefix.actor=Roo", 200),
        articles, typeOf, List.of("person"), "Roo");
    JsonNode organisations = server.getJson("/api/search?size=0&actorType=organisation", 200);
    assertFalse(organisations.get("facets").get("actor").toString().contains("\"United States\""),
        organisations.get("facets").get("actor").toString());
    // A ticked actor stays listed with its count, whatever its type.
    JsonNode ticked = server.getJson("/api/search?size=0&actorType=person&actor=" + enc("United States"), 200);
    assertTrue(ticked.get("facets").get("actor").toString().contains("\"United States\""));
  }

  /**
   * The actor list of a search narrowed to {@code ticked} types: among the articles naming an actor of
   * a ticked type, each actor of a ticked type (a word of its name starting with {@code prefix}) with the number of those
   * articles naming it, most first, ties by name.
   */
  private static void assertListsAsTheExportSays(JsonNode result, List<JsonNode> articles,
      java.util.function.Function<String, String> typeOf, List<String> ticked, String prefix) {
    Map<String, Integer> expected = new java.util.HashMap<>();
    int matches = 0;
    for (JsonNode article : articles) {
      List<JsonNode> actors = new ArrayList<>();
      article.get("actors").forEach(actors::add);
      if (actors.stream().noneMatch(actor -> ticked.contains(actor.get("type").asText()))) {
        continue;
      }
      matches++;
      actors.stream().map(actor -> actor.get("name").asText()).distinct()
          .filter(name -> ticked.contains(typeOf.apply(name))
              && java.util.Arrays.stream(name.split("[^\\p{L}\\p{N}]+")).anyMatch(word -> word.startsWith(prefix)))
          .forEach(name -> expected.merge(name, 1, Integer::sum));
    }
    assertEquals(matches, result.get("total").asInt(), ticked.toString());
    List<String> listed = new ArrayList<>();
    result.get("facets").get("actor").forEach(value -> {
      listed.add(value.get("value").asText());
      assertEquals(expected.get(value.get("value").asText()), value.get("count").asInt(), ticked + " " + value);
    });
    List<String> top = expected.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(15).map(Map.Entry::getKey).toList();
    assertEquals(top, listed, ticked + " " + prefix);
    assertFalse(listed.isEmpty(), ticked + " " + prefix);
  }

  @Test
  void aHitMatchedThroughAnActorShowsTheSentenceNamingItNotTheLead() throws Exception {
    // A journalist's trial: "Cuba" in the 1960s found Brown A27 by its actor Cuba (the text says
    // "Cuban"), and the hit showed the article's first words, which say nothing of Cuba.
    JsonNode cuba = server.getJson("/api/search?q=Cuba&from=1960-01-01&to=1969-12-31&size=50", 200);
    JsonNode a27 = null;
    for (JsonNode hit : cuba.get("hits")) {
      if (hit.get("id").asText().equals("brown-ca27")) {
        a27 = hit;
      }
    }
    assertTrue(a27 != null, cuba.toString());
    String snippet = a27.get("snippet").asText();
    assertTrue(snippet.matches("(?s).*<mark>Cuban?s?</mark>.*"), snippet);
    assertFalse(snippet.startsWith("Santa Barbara"), "not the lead: " + snippet);
  }

  @Test
  void aHitWithNothingMarkedShowsTheLeadPastAnAddressesSalutation() throws Exception {
    // A journalist's trial: listing the addresses (or searching FDR, who is each of his addresses'
    // author and named in none of their bodies) showed "Fellow-Citizens of the Senate and House of
    // Representatives: ..." on hit after hit, and nothing of what each address says.
    JsonNode addresses = server.getJson("/api/search?source=" + enc("State of the Union") + "&sort=oldest&size=50", 200);
    Map<String, String> snippets = new java.util.HashMap<>();
    addresses.get("hits").forEach(hit -> snippets.put(hit.get("id").asText(), hit.get("snippet").asText()));
    assertEquals(50, snippets.size(), addresses.toString());
    snippets.forEach((id, snippet) -> assertFalse(snippet.matches("(?s)[^·]{0,200}:( …)?"), id + ": " + snippet));
    assertTrue(snippets.get("sotu-1790-washington").startsWith("In meeting you again I feel much satisfaction"),
        snippets.get("sotu-1790-washington"));
    JsonNode fdr = server.getJson("/api/search?q=FDR&size=50", 200);
    String fdr1934 = null;
    for (JsonNode hit : fdr.get("hits")) {
      if (hit.get("id").asText().equals("sotu-1934-roosevelt")) {
        fdr1934 = hit.get("snippet").asText();
      }
    }
    assertTrue(fdr1934 != null && fdr1934.startsWith("I come before you at the opening of the Regular Session"),
        String.valueOf(fdr1934));
    // The feed's summary (and a RIS record's abstract) is the first paragraph past it too.
    String feed = server.get("/api/feed?q=" + enc("id:sotu-1790-washington")).body();
    assertTrue(feed.matches("(?s).*<summary[^>]*>In meeting you again I feel much satisfaction.*"), feed);
    // A dateline is no salutation: it stays, and the first sentence follows it.
    JsonNode dateline = server.getJson("/api/search?q=" + enc("title:\"St. Johns\"") + "&size=5", 200);
    assertTrue(dateline.toString().contains("St. Johns, Mich., April 19. · -- A jury of seven men"), dateline.toString());
  }

  @Test
  void wordsTypedTogetherRankTheArticlesThatSayThemTogetherFirst() throws Exception {
    // A journalist's trial: "New Deal" put a 2019 address ("new solutions", "new trade deals") first
    // and Clinton 1995, which says "the New Deal", outside the top three. The two addresses that say
    // it now lead, as the quoted phrase finds them.
    JsonNode plain = server.getJson("/api/search?q=" + enc("New Deal") + "&size=2", 200);
    assertTrue(plain.get("total").asInt() > 100, plain.toString());
    assertEquals(Set.copyOf(ids(server.getJson("/api/search?q=" + enc("\"New Deal\""), 200))), Set.copyOf(ids(plain)));
  }

  @Test
  void twoWordsTypedTogetherInALongerQueryRankTheArticlesThatSayThemTogether() throws Exception {
    // "Roosevelt New Deal" is never one phrase, so only the pair "New Deal" can tell Clinton 1995 ("the
    // New Deal" of Franklin Roosevelt) from Theodore Roosevelt's addresses, which say "a new" and "a
    // great deal" and were all it listed above it. Roosevelt in their titles still ranks them high.
    List<String> top = ids(server.getJson("/api/search?q=" + enc("Roosevelt New Deal") + "&size=3", 200));
    assertTrue(top.contains("sotu-1995-clinton"), top.toString());
    List<String> all = ids(server.getJson("/api/search?q=" + enc("Roosevelt New Deal") + "&size=30", 200));
    assertTrue(all.indexOf("sotu-1953-truman") < all.indexOf("sotu-1953-eisenhower"), all.toString());
  }

  @Test
  void sharesOfTheArchiveAreCountedByDecadeWhereMostYearsHoldOneOrTwoAddresses() throws Exception {
    JsonNode timeline = server.getJson("/api/search?q=economy&size=0", 200).get("timeline");
    assertEquals("year", timeline.get("interval").asText());
    // By the year a share is of one or two addresses: nearly every year that has one is 0% or 100%.
    long held = 0;
    long allOrNothing = 0;
    Map<String, Long> byDecade = new java.util.TreeMap<>();
    for (JsonNode bucket : timeline.get("buckets")) {
      long count = bucket.get("count").asLong();
      long archive = bucket.get("archiveCount").asLong();
      if (archive > 0) {
        held++;
        allOrNothing += count == 0 || count == archive ? 1 : 0;
      }
      byDecade.merge(bucket.get("key").asText().substring(0, 3) + "0s", count, Long::sum);
    }
    assertTrue(4 * allOrNothing > 3 * held, allOrNothing + " of " + held + " years are 0% or 100%");

    JsonNode shares = timeline.get("shares");
    assertEquals("decade", shares.get("interval").asText(), shares.toString());
    Map<String, Long> decades = new java.util.TreeMap<>();
    long based = 0;
    long between = 0;
    for (JsonNode bucket : shares.get("buckets")) {
      long count = bucket.get("count").asLong();
      long archive = bucket.get("archiveCount").asLong();
      decades.put(bucket.get("key").asText(), count);
      based += archive >= 5 ? 1 : 0;
      between += count > 0 && count < archive ? 1 : 0;
    }
    // The same matches, each decade the sum of its years; most decades hold five articles or more,
    // and most shares are neither all nor nothing.
    assertEquals(byDecade, decades);
    assertTrue(2 * based >= decades.size(), based + " of " + decades.size() + " decades hold 5 articles");
    assertTrue(2 * between > decades.size(), between + " of " + decades.size() + " decades are neither 0% nor 100%");

    // A decade asked for is its own shares' period; an archive dense enough by the year needs no other.
    JsonNode byTens = server.getJson("/api/search?q=economy&size=0&interval=decade", 200).get("timeline");
    assertEquals(shares.get("buckets"), byTens.get("buckets"));
    assertTrue(byTens.get("shares").isNull(), byTens.get("shares").toString());
    JsonNode sixtyOne = server.getJson("/api/search?q=economy&size=0&from=1961-01-01&to=1961-12-31", 200).get("timeline");
    assertTrue(sixtyOne.get("shares").isNull(), "1961 holds 46 articles: " + sixtyOne);
  }

  @Test
  void sharesRunOverTheSearchsRangeAndSayTheBaseTheyWereWidenedTo() throws Exception {
    // "jury" is in no address after the 1960s: its shares stopped at its last match, and a comparison
    // counted per their decades ran on past the bars to the 2020s. They run over the archive's decades.
    JsonNode jury = server.getJson("/api/search?q=jury&size=0", 200).get("timeline");
    assertEquals(org.morgue.search.Timeline.SHARE_BASE, jury.get("shareBase").asInt(), jury.toString());
    assertEquals("1801", jury.get("buckets").get(0).get("key").asText(), "the counts run over the matches");
    JsonNode shares = jury.get("shares");
    assertEquals(org.morgue.search.Timeline.SHARE_BASE, shares.get("shareBase").asInt());
    List<String> decades = new ArrayList<>();
    long after = 0;
    for (JsonNode bucket : shares.get("buckets")) {
      decades.add(bucket.get("key").asText());
      if (bucket.get("key").asText().compareTo("1970s") >= 0) {
        assertEquals(0, bucket.get("count").asLong(), bucket.toString());
        after += bucket.get("archiveCount").asLong();
      }
    }
    assertEquals("1790s", decades.get(0), decades.toString());
    assertEquals("2020s", decades.get(decades.size() - 1), decades.toString());
    assertEquals(24, decades.size(), decades.toString());
    assertTrue(after >= 50, "the archive holds an address a year after the 1960s: " + after);

    // A decade asked for, by year: one address a year but for 1961's Brown samples, so its shares are
    // the decade's one, which the page says in words rather than drawing a single bar.
    JsonNode sixties = server.getJson("/api/search?q=economy&size=0&from=1960-01-01&to=1969-12-31&interval=year", 200)
        .get("timeline");
    List<String> years = new ArrayList<>();
    sixties.get("buckets").forEach(bucket -> years.add(bucket.get("key").asText()));
    assertEquals(List.of("1960", "1961", "1962", "1963", "1964", "1965", "1966", "1967", "1968", "1969"), years);
    JsonNode decade = sixties.get("shares").get("buckets");
    assertEquals(1, decade.size(), decade.toString());
    assertEquals("1960s", decade.get(0).get("key").asText());
    assertEquals(55, decade.get(0).get("archiveCount").asLong(), decade.toString());
  }

  @Test
  void timelineBucketsCarryTheWholeArchivesCountAndTheHedgedMatchesForCoverageCharts() throws Exception {
    JsonNode jury = server.getJson("/api/search?q=jury&interval=year&size=0", 200);
    JsonNode sixtyOne = null;
    long count = 0;
    long medium = 0;
    long high = 0;
    for (JsonNode bucket : jury.get("timeline").get("buckets")) {
      if (bucket.get("key").asText().equals("1961")) {
        sixtyOne = bucket;
      }
      assertTrue(bucket.get("count").asLong() <= bucket.get("archiveCount").asLong(), bucket.toString());
      count += bucket.get("count").asLong();
      medium += bucket.get("mediumHedged").asLong();
      high += bucket.get("highHedged").asLong();
    }
    // The 44 Brown samples and the two addresses of 1961 (Eisenhower's and Kennedy's); 8 mention a jury.
    assertEquals(MAPPER.readTree("{\"key\": \"1961\", \"count\": 8, \"archiveCount\": 46, "
        + "\"mediumHedged\": 7, \"highHedged\": 0}"), sixtyOne);
    assertEquals(List.of(31L, 24L, 6L), List.of(count, medium, high));
    // The same figures as the hedging filter gives, counted apart.
    assertEquals(medium, server.getJson("/api/search?q=jury&hedging=medium&size=0", 200).get("total").asLong());
    assertEquals(high, server.getJson("/api/search?q=jury&hedging=high&size=0", 200).get("total").asLong());
  }

  @Test
  void theOtherEndpointsAnswerOnTheArchive() throws Exception {
    int articles = server.getJson("/api/health", 200).get("articles").asInt();
    assertEquals(279, articles, "2 seed articles, 233 addresses, 44 Brown samples");
    assertEquals(articles, server.getJson("/api/stats", 200).get("articles").asInt());

    JsonNode address = server.getJson("/api/articles/sotu-1941-roosevelt", 200);
    String text = address.get("text").asText();
    for (JsonNode cue : address.get("hedging").get("cues")) {
      assertEquals(cue.get("text").asText(), text.substring(cue.get("start").asInt(), cue.get("end").asInt()));
    }
    assertTrue(address.get("themes").size() > 0);

    JsonNode suggestions = server.getJson("/api/suggest?prefix=Roosev", 200).get("suggestions");
    assertTrue(suggestions.toString().contains("Roosevelt"), suggestions.toString());

    String filter = "q=" + enc("\"four essential human freedoms\"");
    String ris = server.get("/api/export?" + filter + "&format=ris").body();
    assertTrue(ris.startsWith("TY  - NEWS"), ris);
    assertTrue(ris.contains("ID  - sotu-1941-roosevelt") && ris.contains("PY  - 1941"), ris);
    List<String> jsonl = server.get("/api/export?" + filter + "&format=jsonl").body().lines().toList();
    assertTrue(jsonl.get(0).startsWith("{\"provenance\""), jsonl.get(0));
    assertEquals(2, jsonl.size(), "provenance and the one address");

    String feed = server.get("/api/feed?source=" + enc("State of the Union")).body();
    assertEquals(50, feed.split("<entry>", -1).length - 1, "the newest 50");
    assertTrue(feed.indexOf("urn:morgue:article:sotu-2021-biden") < feed.indexOf("urn:morgue:article:sotu-2020-trump"));
  }

  @Test
  void aSlashInsideAWordIsSearchedAsTheWordSo911FindsTheAddressesThatSayIt() throws Exception {
    JsonNode nineEleven = server.getJson("/api/search?q=" + enc("9/11") + "&size=100", 200);
    // Every address with "9/11" in its text (12 times in 8 addresses), and, since a day typed without
    // its year is found however the texts write it (session 45), the five of 2002 to 2006 that say
    // "September the 11th", first; the only other hit has the same words in the same order ("1911 9
    // 11", a telegram's date in Taft's 1911 address).
    List<String> sayIt = List.of("sotu-2002-bush", "sotu-2003-bush", "sotu-2004-bush", "sotu-2005-bush",
        "sotu-2006-bush", "sotu-2007-bush", "sotu-2008-bush", "sotu-2010-obama", "sotu-2011-obama",
        "sotu-2013-obama", "sotu-2015-obama", "sotu-2017-trump", "sotu-2021-biden");
    assertEquals(sayIt, ids(nineEleven).subList(0, sayIt.size()).stream().sorted().toList());
    assertEquals(List.of("sotu-1911-taft"), ids(nineEleven).subList(sayIt.size(), ids(nineEleven).size()));
    assertTrue(nineEleven.get("interpretedAs").isNull(), "9/11 is read as typed: " + nineEleven.get("interpretedAs"));
    JsonNode aids = server.getJson("/api/search?q=" + enc("HIV/AIDS") + "&size=100", 200);
    assertTrue(aids.get("total").asInt() >= 1 && aids.get("interpretedAs").isNull(), aids.get("total").toString());
    for (JsonNode hit : aids.get("hits")) {
      assertTrue(server.getJson("/api/articles/" + hit.get("id").asText(), 200).get("text").asText()
          .matches("(?s).*HIV/AIDS.*"), hit.get("id").asText());
    }
    JsonNode news = server.getJson("/api/search?q=" + enc("24/7 news"), 200);
    assertTrue(news.get("interpretedAs").isNull(), news.toString());
  }

  @Test
  void aQueryThatIsNotSyntaxIsSearchedAsItsPlainWordsAndTheAnswerSaysSo() throws Exception {
    JsonNode border = server.getJson("/api/search?q=" + enc("Trump's \"border") + "&size=100", 200);
    assertEquals("Trump's border", border.get("interpretedAs").asText());
    assertEquals("unbalanced quote after 'border'", border.get("interpretedBecause").asText());
    assertEquals("Trump's \"border", border.get("query").asText(), "query still says what was asked");
    JsonNode plain = server.getJson("/api/search?q=" + enc("Trump's border") + "&size=100", 200);
    assertEquals(plain.get("total"), border.get("total"));
    assertTrue(border.get("total").asInt() > 0);
    assertEquals(ids(plain), ids(border));
    // Exports and feeds read the query the same way.
    HttpResponse<String> csv = server.get("/api/export?format=csv&q=" + enc("Trump's \"border"));
    assertEquals(200, csv.statusCode(), csv.body());
    assertEquals(border.get("total").asInt(), csv.body().lines().count() - 1);
    assertEquals(200, server.get("/api/feed?q=" + enc("9/11")).statusCode());
  }

  private static JsonNode search(String q) throws Exception {
    return server.getJson("/api/search?q=" + enc(q) + "&size=100", 200);
  }

  private static List<String> sortedIds(String q) throws Exception {
    return ids(search(q)).stream().sorted().toList();
  }

  @Test
  void aDayTypedBeforeItsMonthFindsWhatItFindsTypedAfterIt() throws Exception {
    // A user trial (session 47): "11 September" found 32 articles, the "11" of "9/11" and any
    // September, where "September 11" found the 7 that write the day; "4 July" 68 to "July 4"'s 20,
    // "7 December 1941" 3 to "December 7, 1941"'s 1.
    assertEquals(7, search("September 11").get("total").asInt());
    Map<String, List<String>> dayFirst = Map.of(
        "September 11", List.of("11 September", "11th September", "the 11th of September", "11th of September", "11 Sept."),
        "July 4", List.of("4 July", "4th of July", "4th July"),
        "December 7, 1941", List.of("7 December 1941", "7th December, 1941", "7 Dec. 1941"),
        "September 11, 2001", List.of("11 September 2001"));
    for (Map.Entry<String, List<String>> date : dayFirst.entrySet()) {
      List<String> monthFirst = sortedIds(date.getKey());
      assertFalse(monthFirst.isEmpty(), date.getKey());
      for (String typed : date.getValue()) {
        JsonNode answer = search(typed);
        assertEquals(monthFirst, ids(answer).stream().sorted().toList(), typed);
        assertTrue(answer.get("interpretedAs").isNull(), typed + " is read as typed: " + answer.get("interpretedAs"));
      }
    }
    // In quotes a day is every writing of it, as the README says, day first or month first.
    assertEquals(sortedIds("September 11"), sortedIds("\"11 September\""));
    // A number before anything but a month, or a year before one, is no day.
    assertEquals(sortedIds("10 AND Downing AND Street"), sortedIds("10 Downing Street"));
    assertEquals(sortedIds("1941 AND December"), sortedIds("1941 December"));
  }

  @Test
  void aWeightOrEditsTheSyntaxCannotTakeAreSearchedAsTheAnswerSays() throws Exception {
    // A user trial (session 47): "jury^-1" was searched as "jury 1", requiring a number (24 articles
    // of jury's 31), where "jury^abc" was searched as "jury"; and "jury~99" ran as "jury~2" (277
    // articles) without a word.
    int jury = search("jury").get("total").asInt();
    for (String q : List.of("jury^-1", "jury^+2", "jury^abc")) {
      JsonNode weighed = search(q);
      assertEquals("jury", weighed.get("interpretedAs").asText(), q);
      assertTrue(weighed.get("interpretedBecause").asText().startsWith("'^' takes a plain number from 0 to 1000"),
          weighed.toString());
      assertEquals(jury, weighed.get("total").asInt(), q);
    }
    JsonNode far = search("jury~99");
    assertEquals("jury~2", far.get("interpretedAs").asText());
    assertEquals("a word can be at most 2 edits away ('~2'), so jury~99 was searched with ~2",
        far.get("interpretedBecause").asText());
    JsonNode two = search("jury~2");
    assertEquals(two.get("total"), far.get("total"));
    assertEquals(ids(two), ids(far));
    assertEquals("tax jury~2 senate~2", search("tax jury~3 senate~12").get("interpretedAs").asText());
    // Two edits, and a phrase's words apart, are taken as typed.
    for (String q : List.of("jury~2", "jury~1", "\"grand jury\"~99")) {
      assertTrue(search(q).get("interpretedAs").isNull(), q);
    }
  }

  @Test
  void nicolasPrecomposedDecomposedUnaccentedOrFullwidthFindsTheSameAddresses() throws Exception {
    String precomposed = "Nicol\u00e1s";
    String decomposed = "Nicola\u0301s";
    JsonNode accented = server.getJson("/api/search?size=100&q=" + enc(precomposed), 200);
    List<String> expected = ids(accented);
    assertTrue(expected.contains("sotu-2020-trump"), expected.toString());
    for (String typed : List.of(decomposed, "Nicolas", "nicolas", "\uff2e\uff49\uff43\uff4f\uff4c\uff41\uff53")) {
      assertEquals(expected, ids(server.getJson("/api/search?size=100&q=" + enc(typed), 200)), typed);
    }
    assertEquals(ids(server.getJson("/api/search?size=100&q=Maduro", 200)),
        ids(server.getJson("/api/search?size=100&q=" + enc("\uff2d\uff41\uff44\uff55\uff52\uff4f"), 200)));

    // The snippet marks the text as written, accent and all, though the query had none.
    JsonNode unaccented = server.getJson("/api/search?size=100&q=Nicolas", 200);
    assertTrue(unaccented.get("hits").get(0).get("snippet").asText().contains("<mark>" + precomposed + "</mark>"),
        unaccented.get("hits").get(0).get("snippet").asText());

    JsonNode suggested = server.getJson("/api/suggest?prefix=" + enc(precomposed), 200).get("suggestions");
    assertTrue(suggested.toString().contains(precomposed + " Maduro"), suggested.toString());
    for (String typed : List.of(decomposed, "nicolas", "\uff4e\uff49\uff43\uff4f\uff4c\uff41\uff53")) {
      assertEquals(suggested, server.getJson("/api/suggest?prefix=" + enc(typed), 200).get("suggestions"), typed);
    }
    JsonNode prefixed = server.getJson("/api/search?size=0&facetPrefix.actor=" + enc(precomposed), 200)
        .get("facets").get("actor");
    assertTrue(prefixed.toString().contains(precomposed + " Maduro"), prefixed.toString());
    for (String typed : List.of(decomposed, "nicolas")) {
      assertEquals(prefixed, server.getJson("/api/search?size=0&facetPrefix.actor=" + enc(typed), 200)
          .get("facets").get("actor"), typed);
    }
    // A filter typed decomposed is the same value as the indexed one.
    assertEquals(server.getJson("/api/search?size=0&actor=" + enc(precomposed + " Maduro"), 200).get("total"),
        server.getJson("/api/search?size=0&actor=" + enc(decomposed + " Maduro"), 200).get("total"));
  }

  @Test
  void aThemeFilterTakesTheIdAndTheIptcCodeAnArticleGivesForItsTheme() throws Exception {
    // An article names each theme by id, name and IPTC code; a client filtering by the id or the code
    // it was handed found nothing.
    JsonNode theme = StreamSupport.stream(server.getJson("/api/articles/sotu-2020-trump", 200).get("themes").spliterator(), false)
        .filter(t -> t.get("id").asText().equals("crime")).findFirst().orElseThrow();
    JsonNode byName = server.getJson("/api/search?size=100&theme=" + enc(theme.get("name").asText()), 200);
    assertTrue(byName.get("total").asInt() > 0, byName.toString());
    JsonNode byId = server.getJson("/api/search?size=100&theme=crime", 200);
    assertEquals(ids(byName), ids(byId));
    assertEquals("[\"Crime, law and justice\"]", byId.get("filters").get("theme").toString());
    // A code stands for every theme the taxonomy files under it: crime's, and organised crime and
    // corruption beneath it, as a filter by those names does.
    for (String typed : List.of(theme.get("iptc").asText(), "medtop:" + theme.get("iptc").asText())) {
      JsonNode filtered = server.getJson("/api/search?size=0&theme=" + enc(typed), 200);
      assertEquals("[\"Crime, law and justice\",\"Organised crime\",\"Corruption\"]",
          filtered.get("filters").get("theme").toString(), typed);
      assertEquals(server.getJson("/api/search?size=0&theme=" + enc("Crime, law and justice") + "&theme="
          + enc("Organised crime") + "&theme=Corruption", 200).get("total"), filtered.get("total"), typed);
    }
  }

  @Test
  void aFilterTypedByHandInOtherCapitalsOrWithoutAccentsFiltersByTheNameTheArchiveKeeps() throws Exception {
    JsonNode exact = server.getJson("/api/search?size=100&actor=" + enc("Tren de Aragua"), 200);
    assertTrue(exact.get("total").asInt() >= 2, exact.toString());
    JsonNode typed = server.getJson("/api/search?size=100&actor=" + enc("tren de aragua"), 200);
    assertEquals(ids(exact), ids(typed));
    assertEquals("[\"Tren de Aragua\"]", typed.get("filters").get("actor").toString(), "the answer shows the name used");
    assertEquals(ids(server.getJson("/api/search?size=100&actor=" + enc("Nicol\u00e1s Maduro"), 200)),
        ids(server.getJson("/api/search?size=100&actor=" + enc("nicolas maduro"), 200)));
    assertEquals(server.getJson("/api/search?size=0&theme=Politics&source=" + enc("State of the Union"), 200).get("total"),
        server.getJson("/api/search?size=0&theme=politics&source=" + enc("STATE OF THE UNION"), 200).get("total"));
    assertEquals(server.getJson("/api/search?size=0&actorType=person&hedging=high", 200).get("total"),
        server.getJson("/api/search?size=0&actorType=Person&hedging=HIGH", 200).get("total"));
    assertEquals(server.getJson("/api/search?size=0&year=1961", 200).get("total"),
        server.getJson("/api/search?size=0&year=" + enc("\uff11\uff19\uff16\uff11"), 200).get("total"), "a fullwidth year");
    // An actor's other name, as actor:USSR in a query and the completions read it: the trial's
    // actor=USSR filtered by nothing and said "No articles match".
    JsonNode ussr = server.getJson("/api/search?size=100&actor=USSR", 200);
    assertEquals(ids(server.getJson("/api/search?size=100&actor=" + enc("Soviet Union"), 200)), ids(ussr));
    assertEquals("[\"Soviet Union\"]", ussr.get("filters").get("actor").toString());
    assertEquals(new java.util.TreeSet<>(ids(server.getJson("/api/search?size=100&q=" + enc("actor:FDR"), 200))),
        new java.util.TreeSet<>(ids(server.getJson("/api/search?size=100&actor=fdr", 200))), "ranked apart, the same articles");
    // A word that is only part of a name is not the name: "aragua" filters by nothing.
    assertEquals(0, server.getJson("/api/search?size=0&actor=aragua", 200).get("total").asInt());
    // Exports and feeds read the filter the same way.
    HttpResponse<String> csv = server.get("/api/export?format=csv&actor=" + enc("tren de aragua"));
    assertEquals(exact.get("total").asInt(), csv.body().lines().skip(1).count(), csv.body());
  }

  /**
   * A filter value the archive holds under no name filtered everything out without a word (a trial's
   * actor=Venezuelaa answered 0 articles): the answer names it, with the name held nearest, as the
   * query's "did you mean" does.
   */
  @Test
  void aFilterValueTheArchiveHoldsUnderNoNameIsNamedWithTheNameItHoldsNearest() throws Exception {
    JsonNode typo = server.getJson("/api/search?q=&actor=Venezuelaa", 200);
    assertEquals(0, typo.get("total").asInt());
    assertEquals(List.of("actor Venezuelaa -> Venezuela"), unknownFilters(typo));
    assertTrue(server.getJson("/api/search?size=0&actor=Venezuela", 200).get("total").asInt() > 0, "the name it holds");
    // In the filters' order, a held one among them; a misspelt theme and source, the source two words.
    JsonNode three = server.getJson("/api/search?size=0&source=" + enc("State of the Unoin") + "&actor=Venezuela"
        + "&theme=Politcs", 200);
    assertEquals(List.of("theme Politcs -> Politics", "source State of the Unoin -> State of the Union"),
        unknownFilters(three));
    // A name nothing is near is named alone; a short one is corrected by one edit at most.
    assertEquals(List.of("actor Zyxwvutsr -> null"), unknownFilters(server.getJson("/api/search?size=0&actor=Zyxwvutsr", 200)));
    assertEquals(List.of("actor Cubba -> Cuba"), unknownFilters(server.getJson("/api/search?size=0&actor=Cubba", 200)));
    assertEquals(List.of("actor Cxbx -> null"), unknownFilters(server.getJson("/api/search?size=0&actor=Cxbx", 200)));
    // Held values, also typed another way or by an other name, are not unknown.
    for (String held : List.of("actor=" + enc("tren de aragua"), "actor=USSR", "theme=politics", "actor=Venezuela")) {
      assertEquals(List.of(), unknownFilters(server.getJson("/api/search?size=0&" + held, 200)), held);
    }
  }

  /**
   * An export filtered by a value the archive holds under no name gave an empty file and no hint (a
   * librarian's actor=Kenedy): it is refused, naming the value and the name held nearest as a search's
   * answer does, even beside a held value of the same facet (the file would lack what the typo meant).
   * A feed is not refused, since a subscription must not start failing, but says so in a header and in
   * its subtitle.
   */
  @Test
  void anExportNamingAFilterValueTheArchiveHoldsUnderNoNameIsRefusedAndAFeedSaysSo() throws Exception {
    HttpResponse<String> export = server.get("/api/export?format=csv&actor=Venezuelaa");
    assertEquals(400, export.statusCode(), export.body());
    assertTrue(export.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    JsonNode problem = MAPPER.readTree(export.body());
    assertEquals("unknown_filter_value", problem.get("code").asText());
    assertEquals("actor", problem.get("parameter").asText());
    assertEquals(List.of("actor Venezuelaa -> Venezuela"), unknownFilters(problem));
    assertTrue(problem.get("detail").asText().startsWith("No actor in the archive is named \u201cVenezuelaa\u201d. Did you"
        + " mean Venezuela? Nothing was exported"), problem.get("detail").asText());
    JsonNode besideHeld = MAPPER.readTree(server.get("/api/export?format=jsonl&actor=Venezuela&actor=Cubba&theme=Politcs")
        .body());
    assertEquals(List.of("actor Cubba -> Cuba", "theme Politcs -> Politics"), unknownFilters(besideHeld));
    // Held values, typed another way too, export as before.
    assertEquals(200, server.get("/api/export?format=csv&actor=" + enc("tren de aragua") + "&theme=politics").statusCode());

    HttpResponse<String> feed = server.get("/api/feed?actor=Venezuelaa&source=" + enc("State of the Unoin"));
    assertEquals(200, feed.statusCode(), feed.body());
    String header = feed.headers().firstValue("Morgue-Unknown-Filters").orElseThrow();
    assertEquals(List.of("actor Venezuelaa -> Venezuela", "source State of the Unoin -> State of the Union"),
        unknownFilters(MAPPER.readTree(header)));
    assertTrue(feed.body().contains("<subtitle>No actor in the archive is named \u201cVenezuelaa\u201d. Did you mean Venezuela?"
        + " No source in the archive is named \u201cState of the Unoin\u201d. Did you mean State of the Union?</subtitle>"),
        feed.body());
    assertEquals(List.of(), FeedEndpointTest.entryIds(feed));
    // A name with accents travels escaped in the header, which is ASCII.
    HttpResponse<String> accented = server.get("/api/feed?actor=" + enc("Nicolas Madur"));
    String escaped = accented.headers().firstValue("Morgue-Unknown-Filters").orElseThrow();
    assertTrue(escaped.chars().allMatch(c -> c < 128), escaped);
    assertEquals(List.of("actor Nicolas Madur -> Nicol\u00e1s Maduro"), unknownFilters(MAPPER.readTree(escaped)));

    HttpResponse<String> held = server.get("/api/feed?actor=Venezuela");
    assertEquals(Optional.empty(), held.headers().firstValue("Morgue-Unknown-Filters"));
    assertFalse(held.body().contains("<subtitle>"), held.body());
  }

  /** The unknown filter values of an answer or a problem, or of a list of them, each as "facet value -> suggestion". */
  private static List<String> unknownFilters(JsonNode answer) {
    List<String> unknown = new ArrayList<>();
    (answer.isArray() ? answer : answer.get("unknownFilters")).forEach(value -> unknown.add(value.get("facet").asText()
        + " " + value.get("value").asText() + " -> " + (value.get("suggestion").isNull() ? "null" : value.get("suggestion")
        .asText())));
    return unknown;
  }

  @Test
  void datesThatHoldOnlyPartOfAnArticlesYearCountWhatTheyLeaveOut() throws Exception {
    // 1961 holds two addresses dated to the day (January) and the Brown clippings, dated to the year:
    // January to June holds the addresses, and the clippings only in part.
    String words = "&q=" + enc("oil prices");
    JsonNode half = server.getJson("/api/search?size=0" + words + "&from=1961-01-01&to=1961-06-30", 200);
    JsonNode year = server.getJson("/api/search?size=0" + words + "&from=1961-01-01&to=1961-12-31", 200);
    assertTrue(half.get("partlyInRange").asLong() > 0, half.toString());
    assertEquals(year.get("total").asLong() - half.get("total").asLong(), half.get("partlyInRange").asLong(), half.toString());
    assertEquals(List.of("1961-01-01", "1961-06-30"), List.of(half.get("from").asText(), half.get("to").asText()), "echoed");
    assertEquals(0, year.get("partlyInRange").asLong(), "the whole year holds them");
    JsonNode undated = server.getJson("/api/search?size=0" + words, 200);
    assertEquals(0, undated.get("partlyInRange").asLong());
    assertTrue(undated.get("from").isNull() && undated.get("to").isNull(), undated.toString());
    // Facet filters narrow what is left out as they narrow the matches.
    JsonNode filtered = server.getJson("/api/search?size=0" + words + "&from=1961-01-01&to=1961-06-30&source="
        + enc("State of the Union"), 200);
    assertEquals(0, filtered.get("partlyInRange").asLong(), filtered.toString());
  }

  @Test
  void aDateWhoseSourceGaveOnlyTheYearSaysSo() throws Exception {
    JsonNode brown = server.getJson("/api/articles/brown-ca01", 200);
    assertEquals("1961-01-01", brown.get("published").asText());
    assertEquals("year", brown.get("publishedPrecision").asText());
    assertEquals("[\"year\"]", brown.get("metadata").get("date_precision").toString(), "the source's metadata, as read");
    JsonNode version = brown.get("story").get("versions").get(0);
    assertEquals(List.of("1961-01-01", "year"), List.of(version.get("published").asText(), version.get("publishedPrecision").asText()),
        "the story's list of versions says so too (the page showed Jan 1, 1961 there)");
    JsonNode hit = server.getJson("/api/search?size=1&q=id:brown-ca01", 200).get("hits").get(0);
    assertEquals("year", hit.get("publishedPrecision").asText());
    JsonNode dated = server.getJson("/api/articles/sotu-2020-trump", 200);
    assertEquals("day", dated.get("publishedPrecision").asText(), dated.get("published").asText());
    // Exports for reference managers and spreadsheets give the year alone too, and RIS names the author
    // family name first.
    String csv = server.get("/api/export?format=csv&q=id:brown-ca01").body();
    assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",1961,"), csv);
    List<String> ris = server.get("/api/export?format=ris&q=" + enc("id:brown-ca01 OR id:sotu-2020-trump")).body()
        .lines().toList();
    assertTrue(ris.contains("DA  - 1961///") && ris.contains("DA  - 2020/02/04"), ris.toString());
    assertTrue(ris.contains("AU  - Trump, Donald J."), ris.toString());
    // A Brown clipping's dateline is a paragraph of its own: the abstract was "Santa Barbara" alone.
    List<String> datelined = server.get("/api/export?format=ris&q=" + enc("id:brown-ca27 OR id:brown-ca37")).body()
        .lines().filter(line -> line.startsWith("AB  - ")).toList();
    assertTrue(datelined.stream().anyMatch(line -> line.startsWith("AB  - Santa Barbara -- \"The present recovery")),
        datelined.toString());
    assertTrue(datelined.stream().noneMatch(line -> line.equals("AB  - The nation") || line.equals("AB  - Santa Barbara")),
        datelined.toString());
    // JSON Lines, which an archive re-imports, writes the date as the import reads a year's: "1961",
    // not the stand-in January 1 (read back, that was a day's date, and the year was lost).
    String[] jsonl = server.get("/api/export?format=jsonl&q=id:brown-ca01").body().split("\n");
    assertEquals("1961", RunningServer.JSON.readTree(jsonl[1]).get("published").asText(), jsonl[1]);
    org.morgue.article.Article reimported = new org.morgue.indexer.source.JsonLinesFormat()
        .readObject(jsonl[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), "export", "line 1");
    assertEquals(List.of("1961-01-01", "year"), List.of(reimported.published().orElseThrow().toString(),
        org.morgue.article.DatePrecision.of(reimported).id()));
    // Atom's published is an instant, which a year is not: left out, not made January 1.
    String feed = server.get("/api/feed?q=" + enc("id:brown-ca01 OR id:sotu-2020-trump")).body();
    assertEquals(1, feed.split("<published>", -1).length - 1, feed);
    assertTrue(feed.contains("<published>2020-02-04T00:00:00Z</published>"), feed);
    // Brown A02 names Dallas as a place and as an organisation: one name in each export.
    JsonNode dallas = server.getJson("/api/articles/brown-ca02", 200);
    assertEquals(2, java.util.stream.StreamSupport.stream(dallas.get("actors").spliterator(), false)
        .filter(actor -> actor.get("name").asText().equals("Dallas")).count(), "two types, as the article gives them");
    String actors = server.get("/api/export?format=csv&q=id:brown-ca02").body().lines().skip(1).findFirst().orElseThrow();
    assertEquals(1, java.util.Arrays.stream(actors.split("; |,")).filter("Dallas"::equals).count(), actors);
    assertEquals(1, server.get("/api/export?format=ris&q=id:brown-ca02").body().lines().filter("KW  - Dallas"::equals).count());
  }

  @Test
  void hostileQueriesAreFourHundredsNamingTheProblem() throws Exception {
    // 400 words, each searched in title, body and actor: 1,200 clauses, past Lucene's limit of 1,024.
    String manyTerms = String.join(" OR ", java.util.stream.IntStream.range(0, 400).mapToObj(i -> "w" + i).toList());
    JsonNode tooMany = server.getJson("/api/search?q=" + enc(manyTerms), 400);
    assertTrue(tooMany.get("detail").asText().contains("too many"), tooMany.toString());
    assertEquals("q", server.getJson("/api/search?q=" + enc("( AND"), 400).get("parameter").asText());
    assertEquals("q", server.getJson("/api/search?q=" + enc("x".repeat(5000)), 400).get("parameter").asText());
    JsonNode huge = server.getJson("/api/search?q=" + enc("word ".repeat(20_000)), 400);
    assertTrue(huge.get("detail").asText().contains("100000 characters long"), huge.toString());
    assertEquals("q", server.getJson("/api/search?q=" + enc("published:[1861 TO soon]"), 400).get("parameter").asText());
    assertEquals("cursor", server.getJson("/api/search?cursor=not-a-cursor", 400).get("parameter").asText());
    assertFalse(server.get("/api/articles/" + enc("../../etc/passwd")).body().contains("root:"));
  }

  static List<String> actorFacet(JsonNode page) {
    List<String> values = new ArrayList<>();
    page.get("facets").get("actor").forEach(value -> values.add(value.get("value").asText()));
    return values;
  }

  @Test
  void facetOrderSignificanceListsTheActorsCharacteristicOfTheMatchesWithTheirExactCounts() throws Exception {
    JsonNode byCount = server.getJson("/api/search?q=Venezuela&size=0&facetLimit=1000", 200);
    JsonNode bySignificance = server.getJson("/api/search?q=Venezuela&size=0&facetOrder=significance", 200);

    assertEquals("United States", actorFacet(byCount).get(0));
    assertEquals(List.of("Venezuela", "Tren de Aragua", "Argentina", "Donald Trump"), actorFacet(bySignificance).subList(0, 4));
    assertEquals(10, actorFacet(bySignificance).size());
    Map<String, Long> counts = new java.util.HashMap<>();
    byCount.get("facets").get("actor").forEach(value -> counts.put(value.get("value").asText(), value.get("count").asLong()));
    bySignificance.get("facets").get("actor").forEach(value ->
        assertEquals(counts.get(value.get("value").asText()), value.get("count").asLong(), value.toString()));
    assertEquals(byCount.get("total"), bySignificance.get("total"));
  }

  @Test
  void anUnknownFacetOrderIsABadRequestNamingIt() throws Exception {
    JsonNode problem = server.getJson("/api/search?q=Venezuela&facetOrder=salience", 400);
    assertEquals("facetOrder", problem.get("parameter").asText());
    assertTrue(problem.get("detail").asText().contains("'salience'"), problem.toString());
  }

  @Test
  void aMisspelledQueryAnswersWithADidYouMeanSuggestionThatFindsMore() throws Exception {
    JsonNode misspelled = server.getJson("/api/search?q=Venezeula", 200);
    assertEquals(0, misspelled.get("total").asLong());
    assertEquals("Venezuela", misspelled.get("suggestion").asText());

    JsonNode found = server.getJson("/api/search?q=" + enc(misspelled.get("suggestion").asText()), 200);
    assertTrue(found.get("total").asLong() > 0);
    assertTrue(found.get("suggestion").isNull(), found.get("suggestion").toString());

    // A journalist's trial: "Chávez", named by no article, was offered "Chase", two edits from a
    // six-letter word and another name. A short word is corrected by one edit at most; a long one by two.
    JsonNode unknown = server.getJson("/api/search?size=0&q=" + enc("Chávez"), 200);
    assertEquals(0, unknown.get("total").asLong());
    assertTrue(unknown.get("suggestion").isNull(), unknown.get("suggestion").toString());
    assertEquals("Khrushchev", server.getJson("/api/search?size=0&q=Khrushcev", 200).get("suggestion").asText());
    // A spelling of the name that desks used (word-forms.txt) is no misspelling: it finds the articles.
    JsonNode kruschev = server.getJson("/api/search?size=0&q=Kruschev", 200);
    assertEquals(server.getJson("/api/search?size=0&q=Khrushchev", 200).get("total"), kruschev.get("total"));
    assertTrue(kruschev.get("suggestion").isNull(), kruschev.toString());
  }

  @Test
  void aSuggestionIsAWordAsArticlesWriteItAndTheNearestOfTheMostArticles() throws Exception {
    // Stems were offered as words ("economi"), a stem's neighbour beat the word typed ("congres" gave
    // "congo"), and a rare name beat a common word as near ("jurry" gave "jerri").
    Map<String, String> expected = Map.of("econmy", "economy", "congres", "congress", "jurry", "jury",
        "goverment", "government", "inflaton", "inflation", "cuban missle", "cuban missile");
    expected.forEach((typed, meant) -> {
      try {
        JsonNode answer = server.getJson("/api/search?size=0&q=" + enc(typed), 200);
        assertEquals(meant, answer.get("suggestion").asText(), typed);
      } catch (Exception e) {
        throw new AssertionError(typed, e);
      }
    });
  }
}
