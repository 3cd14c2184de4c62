package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reuters Corpus Volume 1 (RCV1) in its NewsML-like XML: one {@code <newsitem>} per file as
 * distributed, though a file holding several is read too. Each item is read by {@link
 * Rcv1ItemParser}; an item that cannot be read is rejected and the others still read.
 */
public final class Rcv1NewsMlFormat implements ArticleFormat {
  /** {@code .xml} is shared with feeds and other newswires: the head must open a newsitem. */
  private static final Pattern MARKER = Pattern.compile("<newsitem[\\s>]");

  private final Rcv1ItemParser parser = new Rcv1ItemParser();

  @Override
  public String name() {
    return "rcv1-newsml";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    return input.name().endsWith(".xml") && MARKER.matcher(input.headText()).find();
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    Document document;
    try (InputStream in = input.open()) {
      // A null charset honours the XML declaration (RCV1 declares iso-8859-1). jsoup's XML parser
      // never loads DTDs or external entities, so there is no XXE to switch off.
      document = Jsoup.parse(in, null, "", Parser.xmlParser());
    }
    List<Element> items = document.getElementsByTag("newsitem");
    if (items.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(), "no <newsitem> element"));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      // One item per file is the norm; numbering it #1 all the same keeps origins uniform.
      String origin = input.origin(i + 1);
      try {
        sink.accept(parser.parse(items.get(i), origin, sink));
      } catch (MalformedArticleException e) {
        sink.reject(e);
      }
    }
  }
}
