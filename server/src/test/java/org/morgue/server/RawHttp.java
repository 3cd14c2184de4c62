package org.morgue.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends bytes exactly as written and reads the answer until the server closes, for requests Java's
 * HTTP client would normalise or refuse to send (bad encodings, broken request lines).
 */
final class RawHttp {
  private RawHttp() {}

  /** One answer: its status, its headers (names lower-cased) and its body. */
  record Answer(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String mediaType() {
      return header("content-type").orElse("").split(";")[0].trim();
    }
  }

  /** Sends a whole request (request line, headers, blank line) and reads the answer. */
  static Answer send(String base, String request) throws IOException {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headEnd = response.indexOf("\r\n\r\n");
      String head = headEnd < 0 ? response : response.substring(0, headEnd);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
      }
      return new Answer(status, headers, headEnd < 0 ? "" : response.substring(headEnd + 4));
    }
  }

  /** A GET of a raw path, closing the connection after the answer. */
  static Answer get(String base, String path) throws IOException {
    return send(base, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }
}
