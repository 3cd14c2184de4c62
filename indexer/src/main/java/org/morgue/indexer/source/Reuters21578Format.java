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
 * The Reuters-21578 newswire collection: files of one or many {@code <REUTERS>} records, as in the
 * original {@code reut2-NNN.sgm} distribution (a {@code <!DOCTYPE lewis ...>} line and bare
 * records), wrapped in a {@code <LEWIS>} root, or one record per XML file. Each record is read by
 * {@link ReutersRecordParser}; a record that cannot be read is rejected and the others still read.
 */
public final class Reuters21578Format implements ArticleFormat {
  /**
   * {@code .xml} is shared with RSS, Atom, RCV1 and others, so the file must also show a Reuters
   * marker in its head. Case matters: the collection writes these upper case (and {@code lewis} in
   * the DOCTYPE lower case), and a lenient match could claim someone else's {@code <reuters:...>}.
   */
  private static final Pattern MARKER = Pattern.compile("<REUTERS[\\s>]|<LEWIS[\\s>]|<!DOCTYPE\\s+lewis\\b");

  private final ReutersRecordParser parser = new ReutersRecordParser();

  @Override
  public String name() {
    return "reuters-21578";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    String name = input.name();
    boolean extension = name.endsWith(".xml") || name.endsWith(".sgm") || name.endsWith(".sgml");
    return extension && MARKER.matcher(input.headText()).find();
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    Document document;
    try (InputStream in = input.open()) {
      // jsoup's XML parser is lenient enough for the SGML originals (no root element, &#2; and &#3;
      // control references) and never fetches the DTD or resolves external entities, so the
      // DOCTYPE line is inert: no XXE by construction. A null charset means: honour an XML
      // declaration, else UTF-8.
      document = Jsoup.parse(in, null, "", Parser.xmlParser());
    }
    List<Element> records = document.getElementsByTag("REUTERS");
    if (records.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.MALFORMED, input.origin(), "no <REUTERS> record"));
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      String origin = input.origin(i + 1);
      try {
        sink.accept(parser.parse(records.get(i), origin, sink));
      } catch (MalformedArticleException e) {
        sink.reject(e);
      }
    }
  }
}
