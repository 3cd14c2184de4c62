package org.morgue.indexer.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text files that are not UTF-8, as a newsroom's older files are: saved by Windows editors in
 * Windows-1252 (Latin-1 with curly quotes and dashes). A file whose bytes are not UTF-8 but read as
 * Windows-1252 text (no byte that encoding leaves undefined, no control character but tab, line
 * and page breaks) is read so, with a warning, where it was refused or, for a page, indexed as
 * "Caf\uFFFD" unsaid (a librarian's trial, session 38). It is the HTML standard's fallback for a page
 * that declares no encoding, and what browsers do. Random bytes are not such text and stay refused.
 */
final class LegacyText {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Why the text was read so: the report's warning. */
  static final String WARNING = "not UTF-8: read as Windows-1252 (Latin-1, as older Windows editors save);"
      + " if its accents look wrong, save it as UTF-8 and index it again";

  private LegacyText() {}

  /** The bytes as UTF-8, or empty when they are not UTF-8. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The bytes as Windows-1252 text, or empty when they are not such text. */
  static Optional<String> windows1252(byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
      boolean undefined = c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D || c == 0x7F;
      if (control || undefined) {
        return Optional.empty();
      }
    }
    return Optional.of(new String(bytes, WINDOWS_1252));
  }
}
