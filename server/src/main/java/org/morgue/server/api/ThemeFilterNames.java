package org.morgue.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.Theme;

/**
 * A theme filter typed as a client finds the theme written elsewhere in the API: an article's
 * {@code themes} give each theme's {@code id} ("crime"), {@code name} ("Crime, law and justice") and
 * {@code iptc} code ("02000000"), but the facet's values are the names, and {@code theme=crime} or
 * {@code theme=02000000} found nothing, with no hint why (a developer's trial, session 43). Here an
 * id stands for its theme's name and an IPTC Media Topic code, bare, as {@code medtop:} or as its
 * URI, for the names of every theme filed under it (the taxonomy files "Trade" under Economy's code).
 */
public final class ThemeFilterNames {
  private static final Pattern IPTC = Pattern.compile(
      "(?:medtop:|https?://cv\\.iptc\\.org/newscodes/mediatopic/)?(\\d{8})", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> nameById = new LinkedHashMap<>();
  private final Map<String, List<String>> namesByCode = new LinkedHashMap<>();

  public ThemeFilterNames(List<Theme> taxonomy) {
    for (Theme theme : taxonomy) {
      nameById.put(theme.id().toLowerCase(Locale.ROOT), theme.name());
      namesByCode.computeIfAbsent(theme.iptc(), code -> new ArrayList<>()).add(theme.name());
    }
  }

  /** The theme names {@code typed} stands for as an id or an IPTC code; empty when it is neither. */
  public List<String> named(String typed) {
    String value = typed.strip();
    String byId = nameById.get(value.toLowerCase(Locale.ROOT));
    if (byId != null) {
      return List.of(byId);
    }
    Matcher code = IPTC.matcher(value);
    return code.matches() ? namesByCode.getOrDefault(code.group(1), List.of()) : List.of();
  }
}
