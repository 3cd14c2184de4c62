package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/** The generator over the corpus Morgue ships: real sentences, stable for a seed, readable by Morgue. */
class CorpusGeneratorTest {
  static final Path CORPUS = Path.of("..", "corpus", "articles");
  private static SentencePool pool;

  @BeforeAll
  static void readCorpus() throws IOException {
    pool = SentencePool.read(CORPUS);
  }

  private static CorpusGenerator generator(long seed) {
    return CorpusGenerator.sampling(pool, seed);
  }

  @Test
  void theSameSeedGivesTheSameArticlesAndAnotherSeedOthers() {
    CorpusGenerator first = generator(9);
    CorpusGenerator again = generator(9);
    CorpusGenerator other = generator(10);
    for (int number = 0; number < 200; number++) {
      assertEquals(first.article(number), again.article(number));
      assertNotEquals(first.article(number).body(), other.article(number).body());
    }
  }

  /**
   * Every paragraph is whole corpus sentences, reworded: with each lower-case word masked (the only
   * words the rewording changes), it is a run of masked corpus sentences; and the rewording changes
   * about one word in four, so the text is not the corpus's own.
   */
  @Test
  void bodiesAreOneToThreeKilobytesOfRewordedCorpusSentences() {
    CorpusGenerator generator = generator(9);
    Set<String> sentences = new HashSet<>();
    Set<String> unchanged = new HashSet<>();
    for (int doc = 0; doc < pool.documentCount(); doc++) {
      pool.sentences(doc).forEach(sentence -> sentences.add(masked(sentence)));
      unchanged.addAll(pool.sentences(doc));
    }
    int paragraphs = 0;
    int verbatim = 0;
    for (int number = 0; number < 300; number++) {
      GeneratedArticle article = generator.article(number);
      int bytes = article.body().getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes >= 1024 && bytes <= 3072, article.id() + " has a body of " + bytes + " bytes");
      for (String paragraph : article.paragraphs()) {
        List<String> parts = segment(masked(paragraph), sentences);
        assertTrue(!parts.isEmpty(), article.id() + ": not made of corpus sentences: " + paragraph);
        paragraphs++;
        verbatim += segment(paragraph, unchanged).isEmpty() ? 0 : 1;
      }
      assertTrue(article.title().length() > 10 && article.paragraphs().getFirst().startsWith(article.title()),
          article.id() + ": the title is the lede's first words: " + article.title());
    }
    assertTrue(verbatim * 20 < paragraphs, verbatim + " of " + paragraphs + " paragraphs are the corpus's own text");
  }

  /** The text with every lower-case word replaced by one mark, as the rewording sees it. */
  private static String masked(String text) {
    return text.replaceAll("\\b\\p{Ll}+\\b", "_");
  }

  @Test
  void articlesSpanDecadesAndSourcesAndAuthors() {
    CorpusGenerator generator = generator(9);
    Set<Integer> decades = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Set<String> authors = new HashSet<>();
    for (int number = 0; number < 500; number++) {
      GeneratedArticle article = generator.article(number);
      decades.add(article.published().getYear() / 10);
      sources.add(article.source());
      authors.addAll(article.authors());
    }
    assertTrue(decades.size() >= 7, "decades: " + decades);
    assertTrue(sources.size() >= 10, "sources: " + sources);
    assertTrue(authors.size() >= 20, "authors: " + authors);
  }

  @Test
  void writtenFilesReadBackThroughMorgueWithUniqueIds(@TempDir Path folder) throws IOException {
    CorpusGenerator generator = generator(9);
    CorpusSummary summary = generator.write(folder, 1_000, 300);
    assertEquals(4, summary.files());
    List<Article> read = read(folder);
    assertEquals(1_000, read.size());
    Map<String, Article> byId = new TreeMap<>();
    read.forEach(article -> byId.put(article.id(), article));
    assertEquals(1_000, byId.size(), "ids are unique");
    long textBytes = 0;
    for (int number = 0; number < 1_000; number++) {
      GeneratedArticle expected = generator.article(number);
      Article article = byId.get(CorpusGenerator.id(number));
      assertEquals(expected.title(), article.title());
      assertEquals(expected.body(), article.body());
      assertEquals(expected.published(), article.published().orElseThrow());
      assertEquals(expected.source(), article.source());
      assertEquals(expected.authors(), article.authors());
      textBytes += expected.textBytes();
    }
    assertEquals(textBytes, summary.textBytes());
  }

  /**
   * With 10% copies: about a tenth of the articles are copies of an earlier distinct article (never of
   * a copy), published the same day or up to three days later, that keep most of its words; a
   * distinct article keeps everything but its wording from the generator without copies.
   */
  @Test
  void withCopiesATenthAreEditedCopiesOfEarlierDistinctArticles() {
    CorpusGenerator plain = generator(9);
    CorpusGenerator copying = generator(9).withCopies(10);
    int copies = 0;
    for (int number = 0; number < 2_000; number++) {
      GeneratedArticle article = copying.article(number);
      java.util.OptionalInt original = copying.originalOf(number);
      if (original.isEmpty()) {
        GeneratedArticle before = plain.article(number);
        assertEquals(List.of(before.source(), before.published(), before.authors(), before.paragraphs().size()),
            List.of(article.source(), article.published(), article.authors(), article.paragraphs().size()));
        assertEquals(before.body(), article.body(), "a distinct article is what it is without copies");
        continue;
      }
      copies++;
      int from = original.getAsInt();
      assertTrue(from < number && copying.originalOf(from).isEmpty(), number + " copies " + from);
      GeneratedArticle source = copying.article(from);
      long days = article.published().toEpochDay() - source.published().toEpochDay();
      assertTrue(days >= 0 && days <= 3, "published " + days + " days after its original");
      Set<String> words = new HashSet<>(List.of(source.body().split("\\s+")));
      long shared = java.util.Arrays.stream(article.body().split("\\s+")).filter(words::contains).count();
      assertTrue(shared >= article.body().split("\\s+").length / 2, "a copy keeps most of its original's words");
    }
    assertTrue(copies >= 160 && copies <= 240, copies + " copies of 2,000");
  }

  /** The paragraph as pool sentences joined by single spaces, or empty when it is not one. */
  private static List<String> segment(String paragraph, Set<String> sentences) {
    int length = paragraph.length();
    int[] from = new int[length + 1];
    java.util.Arrays.fill(from, -1);
    from[0] = 0;
    for (int start = 0; start < length; start++) {
      if (from[start] < 0 || (start > 0 && paragraph.charAt(start - 1) != ' ')) {
        continue;
      }
      for (int end = paragraph.indexOf(' ', start); ; end = paragraph.indexOf(' ', end + 1)) {
        int stop = end < 0 ? length : end;
        if (sentences.contains(paragraph.substring(start, stop))) {
          int next = stop == length ? length : stop + 1;
          if (from[next] < 0) {
            from[next] = start;
          }
        }
        if (end < 0) {
          break;
        }
      }
    }
    if (from[length] < 0) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (int end = length; end > 0; ) {
      int start = from[end];
      parts.addFirst(paragraph.substring(start, end).strip());
      end = start;
    }
    return parts;
  }

  private static List<Article> read(Path folder) throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    List<Article> articles = new ArrayList<>();
    ArticleSink sink = new ArticleSink() {
      @Override
      public void accept(Article article) {
        articles.add(article);
      }

      @Override
      public void reject(MalformedArticleException problem) {
        throw new AssertionError(problem.getMessage());
      }
    };
    for (Path file : files.files(List.of(folder))) {
      files.read(file, sink);
    }
    return articles;
  }
}
