package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder a browser wrote beside a page saved "complete" ({@code X.html} and {@code X_files/}): the
 * page's styles, scripts, images and frames, none of them an article. A librarian's trial (session 44)
 * saw the frame of an advert ({@code X_files/ad.html}, "Buy now!") indexed as an article under the
 * folder's name as its source, and an "unknown format" line for every stylesheet, script and image.
 *
 * <p>A folder counts only when its name ends as a browser names it and a page beside it owns it:
 * one with the same name before the suffix ({@code .html} or {@code .htm}, any case), or one that
 * links into it, as the saved page does ({@code ./X_files/style.css}), so a page renamed after saving
 * still owns its folder. A folder named so that no page beside it owns is read as any other.
 *
 * @param folder the folder passed over
 * @param page the saved page beside it that owns it
 */
public record SavedPageFolder(Path folder, Path page) {
  /**
   * The suffixes Chrome and Firefox give the folder, by the browser's language: {@code _files}
   * (English, and Chrome in most languages), {@code -Dateien} (German), {@code _archivos} (Spanish),
   * {@code _fichiers} (French), {@code _arquivos} (Portuguese), {@code _bestanden} (Dutch), {@code -filer}
   * (Danish, Norwegian), {@code _file} (Italian). Either separator is accepted with each word.
   */
  private static final Pattern SUFFIX = Pattern.compile(
      "(?iu)^(.+)[_-](files|dateien|archivos|fichiers|arquivos|bestanden|filer|file)$");
  /** How much of a page beside the folder is searched for a link into it: saved pages link their styles in the head. */
  private static final int LINK_SEARCH_BYTES = 1 << 20;

  /**
   * The page that owns this folder, when the folder is one a browser saved with it. A folder beside
   * which no page can be read is none: its files are then read, and any unreadable one reported, as
   * in any other folder.
   */
  public static Optional<SavedPageFolder> of(Path folder) {
    Path name = folder.getFileName();
    Path parent = folder.getParent();
    if (name == null || parent == null) {
      return Optional.empty();
    }
    Matcher suffix = SUFFIX.matcher(name.toString());
    if (!suffix.matches()) {
      return Optional.empty();
    }
    String stem = suffix.group(1);
    Path linking = null;
    try (DirectoryStream<Path> beside = Files.newDirectoryStream(parent, SavedPageFolder::isPage)) {
      for (Path page : beside) {
        String pageName = page.getFileName().toString();
        String pageStem = pageName.substring(0, pageName.lastIndexOf('.'));
        if (pageStem.equalsIgnoreCase(stem)) {
          return Optional.of(new SavedPageFolder(folder, page));
        }
        if (linking == null && linksInto(page, name.toString())) {
          linking = page;
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(linking).map(page -> new SavedPageFolder(folder, page));
  }

  private static boolean isPage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".html") || name.endsWith(".htm")) && Files.isRegularFile(file);
  }

  /** Whether the page's start names the folder as a link's first step, as written or percent-encoded. */
  private static boolean linksInto(Path page, String folderName) {
    byte[] head;
    try (InputStream in = Files.newInputStream(page)) {
      head = in.readNBytes(LINK_SEARCH_BYTES);
    } catch (IOException unreadable) {
      return false; // reported when the page itself is read; here it only cannot vouch for the folder
    }
    // Latin-1 maps each byte to one char, so a UTF-8 name's bytes are found as its UTF-8 bytes.
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String asUtf8Bytes = new String(folderName.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    String encoded = URLEncoder.encode(folderName, StandardCharsets.UTF_8).replace("+", "%20");
    for (String written : new String[] {asUtf8Bytes, encoded}) {
      if (text.contains("\"" + written + "/") || text.contains("\"./" + written + "/")
          || text.contains("'" + written + "/") || text.contains("'./" + written + "/")) {
        return true;
      }
    }
    return false;
  }
}
