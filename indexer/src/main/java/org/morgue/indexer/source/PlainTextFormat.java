package org.morgue.indexer.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plain-text articles in the seed-article layout ({@link PlainTextArticleParser}), one per {@code
 * .txt} file. The layout carries no metadata, so the id is the file name without its extension
 * (a morgue folder names each clipping once) and the source is the name of the folder holding it.
 */
public final class PlainTextFormat implements ArticleFormat {
  private final PlainTextArticleParser parser = new PlainTextArticleParser();

  @Override
  public String name() {
    return "plain-text";
  }

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public void read(Path file, ArticleSink sink) throws IOException {
    String origin = file.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      sink.reject(new MalformedArticleException(origin, "not UTF-8 text"));
      return;
    }
    if (text.indexOf('\0') >= 0) {
      sink.reject(new MalformedArticleException(origin, "binary data, not text"));
      return;
    }
    String fileName = file.getFileName().toString();
    String id = fileName.substring(0, fileName.length() - ".txt".length());
    Path folder = file.toAbsolutePath().getParent();
    String source = folder == null || folder.getFileName() == null ? "unknown" : folder.getFileName().toString();
    try {
      sink.accept(parser.parse(text, id, source, origin));
    } catch (MalformedArticleException e) {
      sink.reject(e);
    }
  }
}
