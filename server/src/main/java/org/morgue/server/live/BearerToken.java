package org.morgue.server.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The secret that write requests must present as {@code Authorization: Bearer <token>}. Only its
 * SHA-256 digest is kept, and requests are compared digest to digest with {@link
 * MessageDigest#isEqual}: the time taken says nothing about how much of a guess was right, not even
 * its length. Deliberately not a record: its {@code toString} must never print the secret.
 */
public final class BearerToken {
  private static final String SCHEME = "bearer ";

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  /**
   * A token from configuration (a file or an environment variable); surrounding whitespace, such as
   * the newline that ends a file, is not part of it.
   *
   * @throws IllegalArgumentException when nothing is left, or the token holds whitespace inside
   */
  public static BearerToken of(String secret, String from) {
    String token = secret.strip();
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the token in " + from + " is empty");
    }
    if (token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the token in " + from + " holds whitespace; give it on one line, with no spaces");
    }
    return new BearerToken(sha256(token));
  }

  /** The token's digest, for {@link Curators}. */
  byte[] digest() {
    return digest.clone();
  }

  /** Whether an {@code Authorization} header value carries this token. */
  public boolean admits(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return false;
    }
    String value = authorization.get().strip();
    boolean bearer = value.length() > SCHEME.length()
        && value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
    byte[] given = sha256(bearer ? value.substring(SCHEME.length()).strip() : "");
    return MessageDigest.isEqual(digest, given) && bearer;
  }

  @Override
  public String toString() {
    return "BearerToken[hidden]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
