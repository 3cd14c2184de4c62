package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.enc;
import static org.morgue.server.RunningServer.mediaType;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.morgue.server.http.PublicAddress;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code GET /api/feed} over the seed articles plus three dated wire stories, parsed back as XML, on
 * each engine.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class FeedEndpointTest {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String MARKUP_TITLE = "<b>Bold</b> & \"quoted\" \u0001 quay news";

  /** An id with a space, a slash, a query and fragment mark, a percent sign and a non-ASCII letter. */
  static final String ODD_ID = "AP 2021/07?q#1 100% Zürich";

  static RunningServer server;
  static TestEngine.Archive archive;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    Path tmp = Files.createTempDirectory("morgue-feed");
    List<Map<String, Object>> wire = List.of(
        Map.of("id", "wire-2019", "title", "Quay reopens", "published", "2019-03-01", "source", "wire",
            "lede", "The quay reopened on Friday.", "body", "Ships returned.", "authors", List.of("Ana Díaz")),
        Map.of("id", "wire-2021", "title", MARKUP_TITLE, "published", "2021-06-15", "source", "wire",
            "url", "https://news.example/quay?a=1&b=2", "lede", "A <script>quay</script> & more.",
            "body", "Text.", "authors", List.of("Kim Lee", "Jo Park")),
        Map.of("id", "wire-2020", "title", "Quay strike", "published", "2020-01-01", "source", "wire",
            "lede", "Dock workers struck.", "body", "Text."),
        Map.of("id", ODD_ID, "title", "Pilots' log", "source", "wire", "body", "Pilots logged the tides."));
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> article : wire) {
      lines.append(JSON.writeValueAsString(article)).append('\n');
    }
    Files.writeString(Files.createDirectories(tmp.resolve("corpus/wire")).resolve("wire.jsonl"), lines);
    archive = engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    server = RunningServer.on(archive);
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    server.close();
  }

  static Document atom(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/atom+xml", mediaType(response));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
    assertEquals("feed", feed.getDocumentElement().getLocalName());
    return feed;
  }

  /** The article ids of a feed's entries, in order. */
  static List<String> entryIds(HttpResponse<String> response) throws Exception {
    return children(atom(response).getDocumentElement(), "entry").stream()
        .map(entry -> child(entry, "id").substring("urn:morgue:article:".length())).toList();
  }

  static String child(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** When the archive took an article in, as its answer says it, written as the feed writes instants. */
  String added(String id) throws Exception {
    var article = JSON.readTree(server.get("/api/articles/" + id).body());
    return java.time.Instant.parse(article.get("added").asText()).toString();
  }

  static String link(Element parent, String rel) {
    return children(parent, "link").stream().filter(l -> l.getAttribute("rel").equals(rel))
        .map(l -> l.getAttribute("href")).findFirst().orElse(null);
  }

  @Test
  void behindAReverseProxyTheFeedsLinksAndIdAreThePublicUrls() throws Exception {
    // The trial's server behind a proxy linked subscribers to the address the proxy reached it at.
    Javalin proxied = MorgueServer.create(archive.engine(), Optional.empty(),
        HttpOptions.defaults().withAddress(PublicAddress.of("https://news.example.org/morgue/"))).start("127.0.0.1", 0);
    try {
      HttpResponse<String> response = server.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + proxied.port() + "/api/feed?q=quay")).build());
      assertEquals(200, response.statusCode(), response.body());
      Element feed = atom(response).getDocumentElement();
      assertEquals("https://news.example.org/morgue/api/feed?q=quay", link(feed, "self"));
      assertEquals("https://news.example.org/morgue/?q=quay", link(feed, "alternate"));
      assertEquals("https://news.example.org/morgue/?article=wire-2021", link(children(feed, "entry").get(0), "alternate"));
      // Another site's feed of the same query is another feed; the same site's is the same one.
      String id = children(feed, "id").get(0).getTextContent();
      assertNotEquals(child(atom(server.get("/api/feed?q=quay")).getDocumentElement(), "id"), id);
      assertEquals(child(atom(server.get("/api/feed?q=quay")).getDocumentElement(), "id"),
          child(atom(server.get("/api/feed?q=quay&sort=oldest")).getDocumentElement(), "id"));
    } finally {
      proxied.stop();
    }
    assertThrows(IllegalArgumentException.class, () -> PublicAddress.of("news.example.org"));
    assertThrows(IllegalArgumentException.class, () -> PublicAddress.of("https://news.example.org/?q=1"));
  }

  @Test
  void feedListsMatchesNewestFirstWhateverTheSortWithEscapedTextAndLinks() throws Exception {
    String path = "/api/feed?q=quay&sort=oldest";
    HttpResponse<String> response = server.get(path);
    assertTrue(response.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), response.body());
    Element feed = atom(response).getDocumentElement();
    assertTrue(children(feed, "id").get(0).getTextContent().startsWith("urn:morgue:feed:"));
    assertEquals("Morgue: \u201cquay\u201d", children(feed, "title").get(0).getTextContent());
    assertEquals("Morgue: \"quay strike\"", child(atom(server.get("/api/feed?q=" + enc("\"quay strike\""))).getDocumentElement(), "title"),
        "a phrase in quotes keeps its own, without a second pair");
    assertEquals(server.base() + path, link(feed, "self"));
    assertEquals(server.base() + "/?q=quay&sort=oldest", link(feed, "alternate"), "the same search on the page");
    assertEquals(server.base() + "/?q=quay",
        link(atom(server.get("/api/feed?title=Quays&q=quay")).getDocumentElement(), "alternate"), "less the feed's name");
    java.time.Instant.parse(children(feed, "updated").get(0).getTextContent());

    List<Element> entries = children(feed, "entry");
    assertEquals(List.of("urn:morgue:article:wire-2021", "urn:morgue:article:wire-2020", "urn:morgue:article:wire-2019"),
        entries.stream().map(e -> child(e, "id")).toList());
    Element newest = entries.get(0);
    assertEquals("<b>Bold</b> & \"quoted\" quay news", child(newest, "title"),
        "markup is text, and a control character (which XML cannot hold) was dropped when the article was read");
    assertEquals("2021-06-15T00:00:00Z", child(newest, "published"));
    assertEquals(added("wire-2021"), child(newest, "updated"), "news to the feed's reader when the archive took it in");
    assertEquals(List.of("Kim Lee", "Jo Park"),
        children(newest, "author").stream().map(a -> child(a, "name")).toList());
    assertEquals(server.base() + "/?article=wire-2021", link(newest, "alternate"));
    assertEquals("https://news.example/quay?a=1&b=2", link(newest, "related"));
    Element summary = children(newest, "summary").get(0);
    assertEquals("text", summary.getAttribute("type"));
    assertEquals("A <script>quay</script> & more.", summary.getTextContent());
    assertEquals("Ana Díaz", child(children(entries.get(2), "author").get(0), "name"));
  }

  @Test
  void theSameQueryInAnyOrderIsTheSameFeedAndAnotherQueryIsAnother() throws Exception {
    String a = child(atom(server.get("/api/feed?q=quay&source=wire")).getDocumentElement(), "id");
    String b = child(atom(server.get("/api/feed?source=wire&q=quay&sort=newest")).getDocumentElement(), "id");
    String c = child(atom(server.get("/api/feed?q=Venezuela")).getDocumentElement(), "id");
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  /** {@code size} asks for so many entries, the first of the full feed: 5 was 50 (an API trial, session 38). */
  @Test
  void sizeAsksForSoManyEntries() throws Exception {
    List<Element> all = children(atom(server.get("/api/feed")).getDocumentElement(), "entry");
    List<Element> two = children(atom(server.get("/api/feed?size=2")).getDocumentElement(), "entry");
    assertEquals(2, two.size());
    assertEquals(child(all.get(0), "id"), child(two.get(0), "id"));
    assertEquals(child(all.get(1), "id"), child(two.get(1), "id"));
    assertEquals(400, server.get("/api/feed?size=101").statusCode());
  }

  @Test
  void undatedArticlesComeAfterDatedOnesUpdatedWhenTheArchiveTookThemInNotAtTheIndexsLastCommit() throws Exception {
    Element feed = atom(server.get("/api/feed")).getDocumentElement();
    List<Element> entries = children(feed, "entry");
    assertEquals(6, entries.size(), "three dated wire stories, an undated one and two seed articles");
    assertEquals("urn:morgue:article:wire-2021", child(entries.get(0), "id"));
    for (Element undated : entries.subList(3, 6)) {
      assertEquals(null, child(undated, "published"));
      String id = child(undated, "id").substring("urn:morgue:article:".length());
      assertEquals(added(id), child(undated, "updated"), "the same in every feed, whenever the index last changed");
    }
    assertEquals("Morgue: latest additions", children(feed, "title").get(0).getTextContent());
  }

  @Test
  void entryIdsAreValidUrnsForAnyArticleIdAndReadBackToIt() throws Exception {
    Element feed = atom(server.get("/api/feed?q=pilots")).getDocumentElement();
    Element entry = children(feed, "entry").get(0);
    String id = child(entry, "id");
    assertEquals("urn:morgue:article:AP%202021%2F07%3Fq%231%20100%25%20Z%C3%BCrich", id);
    java.net.URI uri = new java.net.URI(id);
    assertEquals("urn", uri.getScheme());
    assertEquals(ODD_ID, java.net.URLDecoder.decode(
        uri.getRawSchemeSpecificPart().substring("morgue:article:".length()), StandardCharsets.UTF_8));
    assertTrue(id.matches("urn:morgue:article:[A-Za-z0-9._~%-]+"), id);
    assertEquals(server.base() + "/?article=" + java.net.URLEncoder.encode(ODD_ID, StandardCharsets.UTF_8),
        link(entry, "alternate"));
  }

  @Test
  void theStoryLinkOfAnEntryWhoseIdHoldsASpaceAndASlashLeadsToItsStory() throws Exception {
    Element entry = children(atom(server.get("/api/feed?q=pilots")).getDocumentElement(), "entry").get(0);
    String story = link(entry, "related");
    assertEquals(server.base() + "/api/stories/AP%202021%2F07%3Fq%231%20100%25%20Z%C3%BCrich", story);
    HttpResponse<String> followed = server.get(story.substring(server.base().length()));
    assertEquals(200, followed.statusCode(), story + " -> " + followed.body());
    assertEquals(ODD_ID, JSON.readTree(followed.body()).get("id").asText());
  }

  @Test
  void badParametersAreProblems() throws Exception {
    assertEquals("from", server.getJson("/api/feed?from=" + enc("last week"), 400).get("parameter").asText());
    assertEquals("q", server.getJson("/api/feed?q=" + enc("AND"), 400).get("parameter").asText());
  }
}
