package org.morgue.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.zip.GZIPOutputStream;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.eval.CopyEditor;

/**
 * Writes benchmark articles made of real sentences. Article {@code i} depends only on the seed and
 * {@code i}, so a smaller corpus is a prefix of a larger one with the same seed and every run of the
 * same command writes the same bytes.
 *
 * <p>A body is a few runs of neighbouring sentences: mostly from one "home" article, so actors and
 * themes cohere as in a real story, sometimes from another, so no two bodies are the same text. Each
 * sentence is reworded ({@link #reworded}) so that distinct articles share no text, as distinct
 * articles of a real archive do not.
 *
 * <p>With a share of copies ({@link #withCopies}), that share of the articles are instead wire copies
 * of an earlier distinct article, made by eval's {@link CopyEditor} (a new headline and dateline, the
 * last paragraphs cut, a changed figure, a correction line, a re-issued paragraph, or a paper's run
 * of several), run by another source up to three days later: what story detection (issue #20) must
 * group. Which articles are copies, and of what, again depends only on the seed and the numbers, and
 * the distinct articles are the same as without copies.
 */
final class CorpusGenerator {
  /**
   * The generator's version, kept with a generated corpus: a corpus made by another version is made
   * anew rather than reused. 2: every sentence reworded, not only those of corpora with copies.
   */
  static final int VERSION = 2;
  /** Bodies are between 1 and 3 KB of UTF-8. */
  static final int MIN_BODY_BYTES = 1024;
  static final int MAX_BODY_BYTES = 3072;
  static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
  private static final String SOURCES = "sources.txt";
  private static final String BYLINES = "bylines.txt";
  private static final JsonFactory JSON = new JsonFactory();
  /**
   * Half the copies take their original from this many articles before them (the same batch of wire
   * copies, still in the indexer's memory since its last commit); the other half from anywhere before
   * (a later run of an old story, found in the committed index).
   */
  static final int RECENT = 1_000;
  /** Keeps the copy decisions' random numbers apart from the articles' own. */
  private static final long COPY_SALT = 0x636f70696573L;
  /** Keeps the rewording's random numbers apart from the articles' own. */
  private static final long REWORD_SALT = 0x7265776f7264L;

  private final SentencePool pool;
  private final List<String> sources;
  private final List<String> bylines;
  private final long seed;
  /** Percent of the articles that are copies of earlier ones. */
  private final int copyPercent;

  CorpusGenerator(SentencePool pool, List<String> sources, List<String> bylines, long seed) {
    this(pool, sources, bylines, seed, 0);
  }

  private CorpusGenerator(SentencePool pool, List<String> sources, List<String> bylines, long seed, int copyPercent) {
    if (copyPercent < 0 || copyPercent >= 100) {
      throw new IllegalArgumentException("the share of copies must be 0 to 99 percent, not " + copyPercent);
    }
    this.pool = pool;
    this.sources = List.copyOf(sources);
    this.bylines = List.copyOf(bylines);
    this.seed = seed;
    this.copyPercent = copyPercent;
  }

  /** The same generator, with {@code percent} of the articles (after the first) copies of earlier distinct ones. */
  CorpusGenerator withCopies(int percent) {
    return new CorpusGenerator(pool, sources, bylines, seed, percent);
  }

  /**
   * The distinct article that article {@code number} is a copy of; empty when it is distinct. A copy
   * of a copy is never made: the original is always a distinct article, so each story is one
   * distinct article and its copies.
   */
  OptionalInt originalOf(int number) {
    if (copyPercent == 0 || number == 0) {
      return OptionalInt.empty();
    }
    SplittableRandom random = copyRandom(number);
    if (random.nextInt(100) >= copyPercent) {
      return OptionalInt.empty();
    }
    int earliest = random.nextBoolean() ? Math.max(0, number - RECENT) : 0;
    int chosen = random.nextInt(earliest, number);
    return OptionalInt.of(originalOf(chosen).orElse(chosen));
  }

  private SplittableRandom copyRandom(int number) {
    return new SplittableRandom((seed ^ COPY_SALT) * 0x9E3779B97F4A7C15L + number);
  }

  /** A generator sampling the articles under a corpus folder, with the shipped source and byline lists. */
  static CorpusGenerator sampling(Path corpus, long seed) throws IOException {
    return sampling(SentencePool.read(corpus), seed);
  }

  /** A generator sampling a pool already read, with the shipped source and byline lists. */
  static CorpusGenerator sampling(SentencePool pool, long seed) {
    return new CorpusGenerator(pool, lines(SOURCES), lines(BYLINES), seed);
  }

  /** The stable id of article {@code number}. */
  static String id(int number) {
    return String.format(Locale.ROOT, "bench-%07d", number);
  }

  /** Article {@code number} of this seed: a copy of an earlier one, or distinct. */
  GeneratedArticle article(int number) {
    OptionalInt original = originalOf(number);
    return original.isPresent() ? copy(number, original.getAsInt()) : distinct(number);
  }

  /**
   * Article {@code number} as a wire copy of article {@code original}: one of {@link CopyEditor}'s
   * edits, another source, published the same day or up to three days later.
   */
  private GeneratedArticle copy(int number, int original) {
    GeneratedArticle from = distinct(original);
    SplittableRandom random = copyRandom(number).split();
    CopyEditor.Edit[] edits = CopyEditor.Edit.values();
    CopyEditor.Edit edit = edits[random.nextInt(edits.length)];
    Article edited = new CopyEditor(new Random(random.nextLong())).copy(from.asArticle(), edit);
    String source = sources.get(random.nextInt(sources.size()));
    LocalDate published = from.published().plusDays(random.nextInt(4));
    String id = id(number);
    return new GeneratedArticle(id, edited.title(), edited.blocks().stream().map(Block::text).toList(), published,
        source, from.authors(), url(source, published, id));
  }

  /** Article {@code number} as a distinct article: what it is with no copies asked for. */
  private GeneratedArticle distinct(int number) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    // Its own random numbers: the rest of the article (home, length, source, bylines, date) does not
    // depend on the rewording.
    SplittableRandom rewording = new SplittableRandom((seed ^ REWORD_SALT) * 0x9E3779B97F4A7C15L + number);
    int home = random.nextInt(pool.documentCount());
    int target = random.nextInt(MIN_BODY_BYTES + 100, MAX_BODY_BYTES - 100);
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    int bytes = 0;
    int inParagraph = 0;
    int paragraphLength = random.nextInt(2, 6);
    while (bytes < target) {
      int document = random.nextInt(10) < 7 ? home : random.nextInt(pool.documentCount());
      List<String> sentences = pool.sentences(document);
      int start = random.nextInt(sentences.size());
      int run = Math.min(random.nextInt(1, 5), sentences.size() - start);
      boolean full = false;
      for (int i = start; i < start + run; i++) {
        String sentence = reworded(sentences.get(i), rewording);
        int length = sentence.getBytes(StandardCharsets.UTF_8).length + (paragraph.isEmpty() ? 2 : 1);
        if (bytes + length > MAX_BODY_BYTES) {
          full = bytes >= MIN_BODY_BYTES;
          break;
        }
        if (!paragraph.isEmpty()) {
          paragraph.append(' ');
        }
        paragraph.append(sentence);
        bytes += length;
        if (++inParagraph == paragraphLength) {
          paragraphs.add(paragraph.toString());
          paragraph.setLength(0);
          inParagraph = 0;
          paragraphLength = random.nextInt(2, 6);
        }
      }
      if (full) {
        break;
      }
    }
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph.toString());
    }
    String source = sources.get(random.nextInt(sources.size()));
    List<String> authors = new ArrayList<>();
    int bylineCount = random.nextInt(10) < 8 ? 1 : 2;
    while (authors.size() < bylineCount) {
      String author = bylines.get(random.nextInt(bylines.size()));
      if (!authors.contains(author)) {
        authors.add(author);
      }
    }
    LocalDate published = FIRST_DAY.plusDays(random.nextLong(LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1));
    String id = id(number);
    return new GeneratedArticle(id, title(paragraphs.getFirst(), random), paragraphs, published, source, authors,
        url(source, published, id));
  }

  /**
   * The sentence with about one lower-case word in four replaced by another from the pool, so that
   * distinct articles do not share text. Without it, a corpus of thousands of articles sampled from a
   * few hundred real ones reuses every sentence hundreds of times: two articles drawn mostly from the
   * same short article share over half their word shingles, and story detection rightly files them
   * together (at 5,000 articles, 290 of the 4,489 distinct ones); any two articles sharing one
   * sentence share band keys, so at 100,000 articles nearly every new article had dozens of committed
   * candidates to read and compare (a third of indexing's CPU, where a real archive has candidates
   * only for its copies). A shingle of five words survives in one article with a chance of about a
   * third, in two independently reworded ones about a tenth, far below the half that makes a copy.
   * Names, numbers and punctuation stay, so the enrichments find much what they did.
   */
  private String reworded(String sentence, SplittableRandom random) {
    List<String> words = pool.lowerCaseWords();
    Matcher word = SentencePool.LOWER_CASE_WORD.matcher(sentence);
    StringBuilder out = new StringBuilder(sentence.length());
    while (word.find()) {
      String replacement = random.nextInt(4) == 0 ? words.get(random.nextInt(words.size())) : word.group();
      word.appendReplacement(out, replacement);
    }
    word.appendTail(out);
    return out.toString();
  }

  private static String url(String source, LocalDate published, String id) {
    String slug = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
    return "https://" + slug + ".example/" + published.getYear() + "/" + id;
  }

  /** The first words of the lede, as a headline. */
  private static String title(String lede, SplittableRandom random) {
    String[] words = lede.split(" ");
    int count = Math.min(words.length, random.nextInt(5, 12));
    String title = String.join(" ", java.util.Arrays.copyOf(words, count)).replaceAll("[\\p{P}&&[^'’]]+$", "");
    return title.isEmpty() ? lede : title;
  }

  /**
   * Writes articles {@code 0 .. count-1} to gzipped JSON Lines files of {@code perFile} articles
   * each, named {@code part-00000.jsonl.gz} and so on. Files are written in parallel; each holds the
   * same bytes however many are written at once, since an article depends only on its number.
   */
  CorpusSummary write(Path folder, int count, int perFile) throws IOException {
    Files.createDirectories(folder);
    int files = (count + perFile - 1) / perFile;
    try {
      long textBytes = java.util.stream.IntStream.range(0, files).parallel().mapToLong(part -> {
        try {
          return writeFile(folder.resolve(String.format(Locale.ROOT, "part-%05d.jsonl.gz", part)),
              part * perFile, Math.min(count, (part + 1) * perFile));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
      return new CorpusSummary(folder, count, files, textBytes);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes articles {@code first .. end-1} to one file; returns their text bytes. */
  private long writeFile(Path file, int first, int end) throws IOException {
    long textBytes = 0;
    try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16));
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (int number = first; number < end; number++) {
        GeneratedArticle article = article(number);
        textBytes += article.textBytes();
        writeJson(article, json);
      }
      json.writeRaw('\n');
    }
    return textBytes;
  }

  private static void writeJson(GeneratedArticle article, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", article.id());
    json.writeStringField("title", article.title());
    json.writeStringField("published", article.published().toString());
    json.writeStringField("source", article.source());
    json.writeStringField("url", article.url());
    json.writeArrayFieldStart("authors");
    for (String author : article.authors()) {
      json.writeString(author);
    }
    json.writeEndArray();
    json.writeStringField("body", article.body());
    json.writeEndObject();
  }

  private static List<String> lines(String resource) {
    try (InputStream in = CorpusGenerator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
