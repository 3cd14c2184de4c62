package org.morgue.indexer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.morgue.article.Article;
import org.morgue.indexer.source.HtmlArticleExtractor.PageContext;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Web archives ({@code .warc}, and {@code .warc.gz} which {@link ArticleInput} decompresses): every
 * {@code response} record holding an HTTP 200 HTML page is one article, read by {@link
 * HtmlArticleExtractor}.
 *
 * <ul>
 *   <li>URL and id: the record's target URI, the address the page was captured from, even when the
 *       page names another canonical URL (kept as metadata {@code canonical_url}); one capture is
 *       one article, and the target URI is what a reader of the archive looks it up by;
 *   <li>date: the page's own publication date, else the capture date (WARC-Date, in UTC);
 *   <li>metadata {@code capture_date}: always the WARC-Date, as an ISO-8601 instant;
 *   <li>source: the page's site name, else the target's host.
 * </ul>
 *
 * Requests, warcinfo, metadata, revisit and resource records, responses that are not HTTP 200, and
 * payloads that are not HTML are not articles: they are passed over without a report, because an
 * ordinary crawl is mostly such records and reporting them would drown the real problems. A page
 * that cannot be read (bad HTTP, no text, a date that does not parse, over {@value #MAX_PAYLOAD_MB}
 * MB) is rejected as {@code file#n}, n counting every record of the file from 1.
 */
public final class WarcFormat implements ArticleFormat {
  /** A news page is well under a megabyte; anything this big is a dump or an attack, not an article. */
  static final int MAX_PAYLOAD_MB = 10;

  private static final int MAX_PAYLOAD_BYTES = MAX_PAYLOAD_MB * 1024 * 1024;
  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  @Override
  public String name() {
    return "warc";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    return input.name().endsWith(".warc");
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    // The input is already decompressed, so jwarc reads a plain WARC stream.
    try (InputStream in = input.openStream(); WarcReader reader = new WarcReader(in)) {
      int number = 0;
      for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        number++;
        if (next.get() instanceof WarcResponse response) {
          try {
            readResponse(response, input, input.origin(number), sink).ifPresent(sink::accept);
          } catch (MalformedArticleException e) {
            sink.reject(e);
          }
        }
      }
    }
  }

  /** The article in a response, or nothing when the response is not an HTML page. */
  private Optional<Article> readResponse(WarcResponse response, ArticleInput input, String origin, ArticleSink sink)
      throws MalformedArticleException {
    if (!response.contentType().base().equals(MediaType.HTTP)) {
      return Optional.empty(); // DNS, Gemini and other non-HTTP captures
    }
    HttpResponse http;
    byte[] payload;
    try {
      http = response.http();
      if (http.status() != 200 || !HTML_TYPES.contains(http.contentType().base().toString())) {
        return Optional.empty();
      }
      try (InputStream body = http.bodyDecoded().stream()) {
        payload = body.readNBytes(MAX_PAYLOAD_BYTES + 1);
      }
    } catch (IOException e) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "HTTP response cannot be read: " + e.getMessage());
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new MalformedArticleException(SkipReason.TOO_LARGE, origin, "record larger than " + MAX_PAYLOAD_MB + " MB");
    }
    String target = response.target();
    Document page;
    try {
      // null: no usable declared charset, so jsoup detects it from the BOM or <meta charset>.
      page = Jsoup.parse(new ByteArrayInputStream(payload), charset(http.contentType()).orElse(null), target);
    } catch (IOException e) {
      throw new MalformedArticleException(SkipReason.MALFORMED, origin, "HTML cannot be read: " + e.getMessage());
    }
    PageContext context = new PageContext(
        origin,
        Optional.of(target),
        Optional.of(LocalDate.ofInstant(response.date(), ZoneOffset.UTC)),
        input.folderName(),
        Map.of("capture_date", List.of(response.date().toString())));
    return Optional.of(extractor.extract(page, context, sink::warn));
  }

  /** The charset the server declared, if Java knows it; else jsoup looks at the page's own meta tags. */
  private static Optional<String> charset(MediaType type) {
    String declared = type.parameters().getOrDefault("charset", "").strip();
    try {
      return !declared.isEmpty() && Charset.isSupported(declared) ? Optional.of(declared) : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty(); // a garbled header; the page's meta charset is the better witness
    }
  }
}
