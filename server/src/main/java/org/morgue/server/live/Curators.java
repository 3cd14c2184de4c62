package org.morgue.server.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may change the archive, by name: each curator's token is known only by its SHA-256 digest, read
 * from a tokens file, so the file can be shared with operators without handing out the tokens. The
 * single token of {@code MORGUE_TOKEN} or {@code --token-file} is the simplest case: one curator named
 * {@link #DEFAULT_NAME}. Comparisons are digest to digest with {@link MessageDigest#isEqual}, every
 * curator's digest compared, so the time taken says nothing about which came close.
 *
 * <p>The tokens file holds one curator per line, {@code name sha256:<64 hex digits>}; blank lines and
 * lines starting with {@code #} are ignored. Make a digest with {@code printf %s "$TOKEN" | sha256sum}.
 */
public final class Curators {
  /** The name the changes record gives whoever holds the single token. */
  public static final String DEFAULT_NAME = "curator";

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
  private static final Pattern DIGEST = Pattern.compile("(?:sha256:)?([0-9a-fA-F]{64})");
  private static final String SCHEME = "bearer ";

  private final Map<String, byte[]> digests;

  private Curators(Map<String, byte[]> digests) {
    this.digests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(digests));
  }

  /** One curator, {@link #DEFAULT_NAME}, holding the single token given. */
  public static Curators single(BearerToken token) {
    return new Curators(Map.of(DEFAULT_NAME, token.digest()));
  }

  /** The curators of a tokens file, then the single token if there is one too. */
  public static Curators read(Path file, Optional<BearerToken> single) throws IOException {
    Map<String, byte[]> digests = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String where = file + " line " + (i + 1);
      if (parts.length != 2 || !NAME.matcher(parts[0]).matches()) {
        throw new IllegalArgumentException(where + ": write 'name sha256:<hex digest of the token>', the name one word"
            + " of letters, digits, '.', '_', '@' or '-'");
      }
      var digest = DIGEST.matcher(parts[1]);
      if (!digest.matches()) {
        throw new IllegalArgumentException(where + ": the digest must be 64 hex digits (printf %s \"$TOKEN\" | sha256sum),"
            + " not the token itself");
      }
      if (digests.put(parts[0], HexFormat.of().parseHex(digest.group(1).toLowerCase(Locale.ROOT))) != null) {
        throw new IllegalArgumentException(where + ": the curator '" + parts[0] + "' is named twice");
      }
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("the curators file " + file + " names no curator");
    }
    single.ifPresent(token -> digests.putIfAbsent(DEFAULT_NAME, token.digest()));
    return new Curators(digests);
  }

  /** The curator whose token an {@code Authorization} header value carries, if any. */
  public Optional<String> admit(Optional<String> authorization) {
    String value = authorization.map(String::strip).orElse("");
    boolean bearer = value.length() > SCHEME.length()
        && value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
    byte[] given = sha256(bearer ? value.substring(SCHEME.length()).strip() : "");
    String admitted = null;
    for (Map.Entry<String, byte[]> curator : digests.entrySet()) {
      if (MessageDigest.isEqual(curator.getValue(), given) && bearer && admitted == null) {
        admitted = curator.getKey();
      }
    }
    return Optional.ofNullable(admitted);
  }

  /** The curators' names, for the server's start-up message. */
  public List<String> names() {
    return new ArrayList<>(digests.keySet());
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "Curators" + names();
  }
}
