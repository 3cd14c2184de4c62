package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

class WarcFormatTest {
  private static final String STORY = "https://hemisphere-desk.example/world/2026/11/trump-escalates-venezuela-crackdown?utm_source=rss";
  private static final String UNDATED = "https://www.southern-wire.example/briefs/flood";
  private static final Instant CAPTURED = Instant.parse("2026-11-23T04:15:30Z");

  private final WarcFormat format = new WarcFormat();

  /** A small crawl: warcinfo, request, the story, a logo, a 404, an undated brief, an empty page. */
  private static void writeCrawl(Path file, WarcCompression compression) throws IOException {
    byte[] story = Files.readAllBytes(FormatRun.resource("crackdown-page.html"));
    String brief = "<html><head><title>Flood Closes Delta Roads</title></head><body>"
        + "<p>Heavy rain flooded the delta overnight and closed the coast road.</p></body></html>";
    try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), compression)) {
      writer.write(new Warcinfo.Builder().filename(file.getFileName().toString()).date(CAPTURED)
          .fields(Map.of("software", List.of("morgue-test"))).build());
      writer.write(new WarcRequest.Builder(URI.create(STORY)).date(CAPTURED)
          .body(new HttpRequest.Builder("GET", URI.create(STORY)).addHeader("Host", "hemisphere-desk.example").build())
          .build());
      writer.write(response(STORY, 200, "text/html; charset=utf-8", story));
      writer.write(response("https://hemisphere-desk.example/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
      writer.write(response("https://hemisphere-desk.example/gone", 404, "text/html",
          "<html><body><p>This page has been removed by the editors.</p></body></html>".getBytes(StandardCharsets.UTF_8)));
      writer.write(response(UNDATED, 200, "text/html", brief.getBytes(StandardCharsets.UTF_8)));
      writer.write(response("https://www.southern-wire.example/blank", 200, "text/html",
          "<html><head><title>Loading…</title></head><body><script>render()</script></body></html>".getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(MediaType.parse(type), body).build();
    return new WarcResponse.Builder(URI.create(url)).date(CAPTURED).body(http).build();
  }

  @Test
  void htmlResponsesBecomeArticlesAndOtherRecordsArePassedOver(@TempDir Path dir) throws IOException {
    Path warc = dir.resolve("crawl-2026-11-23.warc");
    writeCrawl(warc, WarcCompression.NONE);

    FormatRun run = FormatRun.read(format, warc);

    assertEquals(2, run.articles().size());
    Article story = run.articles().get(0);
    assertEquals("Trump Escalates Venezuela Crackdown", story.title());
    assertEquals(Optional.of(STORY), story.url(), "the target URI, as captured");
    assertEquals(ArticleIds.fromUrl(STORY), story.id());
    assertEquals(List.of("https://hemisphere-desk.example/world/2026/11/trump-escalates-venezuela-crackdown"),
        story.metadata().get("canonical_url"));
    assertEquals(Optional.of(LocalDate.of(2026, 11, 21)), story.published(), "the page's own date wins");
    assertEquals(List.of("2026-11-23T04:15:30Z"), story.metadata().get("capture_date"));
    assertEquals(List.of("Marisol Quintero", "Daniel Hart"), story.authors());
    assertEquals("The Hemisphere Desk", story.source());
    assertEquals(warc + "#3", story.origin(), "records count from 1: warcinfo, request, then this");
    assertEquals(9, story.blocks().size());
    assertFalse(story.text().contains("Comments (214)"));

    Article brief = run.articles().get(1);
    assertEquals("Flood Closes Delta Roads", brief.title());
    assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), brief.published(), "no date on the page: the capture date");
    assertEquals(List.of("2026-11-23T04:15:30Z"), brief.metadata().get("capture_date"));
    assertEquals("southern-wire.example", brief.source());
    assertEquals(BlockKind.LEDE, brief.blocks().get(0).kind());

    assertEquals(1, run.problems().size(), "the logo and the 404 are passed over, the empty page is reported");
    assertEquals(warc + "#7", run.problems().get(0).origin());
    assertEquals("no article text found", run.problems().get(0).reason());
  }

  @Test
  void gzippedWarcReadsLikeThePlainOne(@TempDir Path dir) throws IOException {
    Path plain = dir.resolve("crawl.warc");
    Path gzipped = dir.resolve("crawl.warc.gz");
    writeCrawl(plain, WarcCompression.NONE);
    writeCrawl(gzipped, WarcCompression.GZIP); // one gzip member per record, as crawlers write them

    ArticleInput input = ArticleInput.of(gzipped);
    assertTrue(input.gzipped());
    assertTrue(format.accepts(input));
    FormatRun fromPlain = FormatRun.read(format, plain);
    FormatRun fromGzip = FormatRun.read(format, gzipped);

    assertEquals(fromPlain.articles().stream().map(Article::id).toList(), fromGzip.articles().stream().map(Article::id).toList());
    assertEquals(fromPlain.articles().stream().map(Article::blocks).toList(),
        fromGzip.articles().stream().map(Article::blocks).toList());
    assertEquals(List.of(gzipped + "#7"), fromGzip.problems().stream().map(MalformedArticleException::origin).toList());
  }

  @Test
  void oversizedPageIsReportedAndTheNextRecordStillRead(@TempDir Path dir) throws IOException {
    Path warc = dir.resolve("big.warc");
    String paragraph = "<p>" + "Tren de Aragua has become one of the most politically useful criminal brands. ".repeat(20) + "</p>\n";
    byte[] huge = ("<html><head><title>Everything</title></head><body>"
        + paragraph.repeat((WarcFormat.MAX_PAYLOAD_MB * 1024 * 1024) / paragraph.length() + 10) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    try (WarcWriter writer = new WarcWriter(Files.newOutputStream(warc))) {
      writer.write(response("https://dump.example/everything", 200, "text/html", huge));
      writer.write(response(UNDATED, 200, "text/html",
          "<html><head><title>Flood Closes Delta Roads</title></head><body><p>Roads closed.</p></body></html>"
              .getBytes(StandardCharsets.UTF_8)));
    }

    FormatRun run = FormatRun.read(format, warc);

    assertEquals(List.of("record larger than 10 MB"), run.problems().stream().map(MalformedArticleException::reason).toList());
    assertEquals(warc + "#1", run.problems().get(0).origin());
    assertEquals(List.of("Flood Closes Delta Roads"), run.articles().stream().map(Article::title).toList());
  }

  @Test
  void handwrittenWarcWithBadDateKeepsThePageWithTheCaptureDateAndAWarning(@TempDir Path dir) throws IOException {
    String html = "<html><head><meta property=\"og:title\" content=\"Kill Claims\">"
        + "<meta property=\"article:published_time\" content=\"23/11/2026\"></head>"
        + "<body><p>The reported strike marks a more aggressive US posture.</p></body></html>";
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + html.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n" + html;
    int length = http.getBytes(StandardCharsets.UTF_8).length;
    String record = "WARC/1.1\r\n"
        + "WARC-Type: response\r\n"
        + "WARC-Record-ID: <urn:uuid:0b6c7e3e-8f4e-4d53-9a43-6a3c0c1a2b11>\r\n"
        + "WARC-Date: 2026-11-23T04:15:30Z\r\n"
        + "WARC-Target-URI: https://www.southern-wire.example/kill-claims\r\n"
        + "Content-Type: application/http;msgtype=response\r\n"
        + "Content-Length: " + length + "\r\n\r\n" + http + "\r\n\r\n";
    Path warc = Files.writeString(dir.resolve("handwritten.warc"), record, StandardCharsets.UTF_8);

    FormatRun run = FormatRun.read(format, warc);

    assertEquals(List.of(), run.problems());
    assertEquals(java.util.Optional.of(java.time.LocalDate.of(2026, 11, 23)), run.articles().get(0).published());
    assertEquals(warc + "#1", run.warnings().get(0).origin());
    assertEquals("published date '23/11/2026' does not parse; indexed with the capture date",
        run.warnings().get(0).reason());
  }

  @Test
  void brokenWarcIsReportedAsAFileAfterTheRecordsBeforeIt(@TempDir Path dir) throws IOException {
    Path warc = dir.resolve("truncated.warc");
    try (WarcWriter writer = new WarcWriter(Files.newOutputStream(warc))) {
      writer.write(response(UNDATED, 200, "text/html",
          "<html><head><title>Flood Closes Delta Roads</title></head><body><p>Roads closed.</p></body></html>"
              .getBytes(StandardCharsets.UTF_8)));
    }
    Files.writeString(warc, "this is not a WARC record header\r\n\r\n", StandardOpenOption.APPEND);
    List<String> titles = new java.util.ArrayList<>();
    List<MalformedArticleException> problems = new java.util.ArrayList<>();

    ArticleFiles.standard().read(warc, new ArticleSink() {
      @Override
      public void accept(Article article) {
        titles.add(article.title());
      }

      @Override
      public void reject(MalformedArticleException problem) {
        problems.add(problem);
      }
    });

    assertEquals(List.of("Flood Closes Delta Roads"), titles);
    assertEquals(List.of(warc.toString()), problems.stream().map(MalformedArticleException::origin).toList());
    assertTrue(problems.get(0).reason().startsWith("cannot be read as warc: "), problems.get(0).reason());
  }
}
