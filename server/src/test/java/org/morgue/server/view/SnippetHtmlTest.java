package org.morgue.server.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.search.Snippet;

/** The snippet's HTML form: article text escaped exactly once, only the matches marked. */
class SnippetHtmlTest {

  @Test
  void markupInArticleTextIsEscapedOnceAndOnlyMatchesAreMarked() {
    Snippet snippet = new Snippet(List.of(new Snippet.Part("The ", false), new Snippet.Part("clerk", true),
        new Snippet.Part(" typed <img src=x onerror=alert(1)> into the 9/11 record, and \"quotes\" & 'apostrophes'"
            + " too.", false)));
    assertEquals("The <mark>clerk</mark> typed &lt;img src=x onerror=alert(1)&gt; into the 9/11 record, and"
        + " &quot;quotes&quot; &amp; &#39;apostrophes&#39; too.", SnippetHtml.of(snippet));
  }

  @Test
  void aSlashStaysASlashAndTextThatLooksLikeAnEscapeIsEscapedAsText() {
    Snippet snippet = new Snippet(List.of(new Snippet.Part("since 9/11 has, strong &amp; getting", false)));
    assertEquals("since 9/11 has, strong &amp;amp; getting", SnippetHtml.of(snippet));
  }
}
