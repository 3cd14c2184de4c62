package org.morgue.engine.lucene.search;

import org.morgue.search.RequestField;

import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque {@code cursor} of a page: the sort order, a fingerprint of the search it belongs to and
 * the sort values of the last hit, in a few bytes, base64url-encoded. Because every sort ends with the
 * article id, those values name one place in the order, so the next page is a search-after that costs
 * the same however deep it is. A checksum catches cursors that were cut or edited.
 *
 * <p>A relevance-sorted cursor also holds the state of the archive its page was read from: a write
 * between two pages moves every score (the words' rarity changes), so the last hit's score no longer
 * names its place, and the next page would skip or repeat hits. Such a cursor is refused as stale,
 * saying so, rather than answer a page that is silently wrong. Dates, hedging and ids do not move.
 */
public final class SearchCursor {
  private static final byte VERSION = 2;
  /** Longer than any cursor Morgue makes (ids are bounded by the request line anyway). */
  static final int MAX_LENGTH = 2_048;
  static final String MALFORMED = "cursor is malformed";
  static final String NOT_VALID = "cursor is not valid for this search";

  private SearchCursor() {}

  /** The cursor that continues after {@code last}. */
  public static String encode(SearchRequest request, FieldDoc last, long archiveState) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeByte(request.sort().ordinal());
      out.writeInt(fingerprint(request));
      out.writeLong(scoresMove(request) ? archiveState : 0);
      out.writeByte(last.fields.length);
      for (Object value : last.fields) {
        switch (value) {
          case Float f -> { out.writeByte('F'); out.writeFloat(f); }
          case Double d -> { out.writeByte('D'); out.writeDouble(d); }
          case Long l -> { out.writeByte('L'); out.writeLong(l); }
          case BytesRef b -> { out.writeByte('B'); out.writeShort(b.length); out.write(b.bytes, b.offset, b.length); }
          default -> throw new IllegalStateException("cannot put a " + value.getClass() + " in a cursor");
        }
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hit a cursor continues after, checked against the search it is used with. */
  public static FieldDoc decode(String cursor, SearchRequest request, SortField[] sort, long archiveState)
      throws InvalidQueryException {
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (longer than " + MAX_LENGTH + " characters)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (not base64url)", e);
    }
    if (bytes.length < 4 || !checksumHolds(bytes)) {
      throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (checksum does not match)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
      if (in.readByte() != VERSION) {
        throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (unknown version)");
      }
      int sortOrdinal = in.readByte();
      int fingerprint = in.readInt();
      if (sortOrdinal != request.sort().ordinal() || fingerprint != fingerprint(request)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_STALE, RequestField.CURSOR, NOT_VALID + "; it was made for another query, filter, sort or grouping");
      }
      long state = in.readLong();
      if (scoresMove(request) && state != archiveState) {
        throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_STALE, RequestField.CURSOR, "the archive"
            + " changed since this page was read (articles were added, changed or removed), which moves every"
            + " relevance score, so the next page could skip or repeat results; search again from the first"
            + " page, or sort by date (sort=newest), whose pages a change does not move");
      }
      int count = in.readByte();
      if (count != sort.length) {
        throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (wrong number of sort values)");
      }
      Object[] fields = new Object[count];
      for (int i = 0; i < count; i++) {
        char tag = (char) in.readByte();
        if (tag != tag(sort[i])) {
          throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (sort value " + (i + 1) + " has the wrong type)");
        }
        fields[i] = switch (tag) {
          case 'F' -> in.readFloat();
          case 'D' -> in.readDouble();
          case 'L' -> in.readLong();
          default -> new BytesRef(in.readNBytes(in.readUnsignedShort()));
        };
      }
      if (in.available() > 0) {
        throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (trailing bytes)");
      }
      // Every sort ends with the unique id, so the doc id never decides; the largest one skips the hit itself.
      return new FieldDoc(Integer.MAX_VALUE, Float.NaN, fields);
    } catch (IOException e) {
      throw new InvalidQueryException(InvalidQueryException.Kind.CURSOR_MALFORMED, RequestField.CURSOR, MALFORMED + " (cut short)", e);
    }
  }

  /** Whether a write can move the request's order: relevance to words (no words: every score is the same). */
  private static boolean scoresMove(SearchRequest request) {
    return request.sort() == SortOrder.RELEVANCE && !request.query().isBlank();
  }

  private static char tag(SortField field) {
    return switch (field.getType()) {
      case SCORE -> 'F';
      case DOUBLE -> 'D';
      case LONG -> 'L';
      default -> 'B';
    };
  }

  private static boolean checksumHolds(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
        | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
    return stored == (int) crc.getValue();
  }

  /** What decides which hits a page lists: a cursor is only valid for the same query, filters, dates and grouping. */
  private static int fingerprint(SearchRequest request) {
    Map<String, List<String>> filters = new TreeMap<>();
    request.filters().forEach((dim, values) -> {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(null);
      filters.put(dim, sorted);
    });
    // The grouping too: a page of stories ends at another place than a page of articles, and a cursor
    // of one used with the other skipped articles for good.
    String canonical = String.join("\u0000", request.query() == null ? "" : request.query().strip(),
        filters.toString(), request.from().map(Object::toString).orElse(""),
        request.to().map(Object::toString).orElse(""), request.grouping().name());
    CRC32 crc = new CRC32();
    crc.update(canonical.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }
}
