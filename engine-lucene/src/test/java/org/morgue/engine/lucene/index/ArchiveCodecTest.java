package org.morgue.engine.lucene.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/** Stored fields deflated with the preset dictionary: smaller, read back unchanged, older segments still read. */
class ArchiveCodecTest {
  private static final Path BROWN = Path.of("..", "corpus", "articles", "brown-press-reportage");

  @Test
  void storedFieldsWithTheDictionaryAreSmallerAndReadBackAsThoseWithout(@TempDir Path tmp) throws IOException {
    Path written = tmp.resolve("written");
    try (ArchiveWriter writer = ArchiveWriter.open(written)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 1_000, 2)
          .index(List.of(BROWN), writer, Map.of());
    }
    Path before = tmp.resolve("before");
    Path firstDictionary = tmp.resolve("first-dictionary");
    Path secondDictionary = tmp.resolve("second-dictionary");
    Path after = tmp.resolve("after");
    rewrite(written, before, new Morgue104Codec());
    rewrite(before, firstDictionary, new Morgue105Codec());
    rewrite(firstDictionary, secondDictionary, new Morgue106Codec());
    rewrite(secondDictionary, after, new ArchiveCodec());

    assertEquals(List.of(ArchiveCodec.NAME), codecs(written));
    assertEquals(List.of(Morgue104Codec.NAME), codecs(before));
    assertEquals(List.of(Morgue105Codec.NAME), codecs(firstDictionary));
    assertEquals(List.of(Morgue106Codec.NAME), codecs(secondDictionary));
    assertEquals(List.of(ArchiveCodec.NAME), codecs(after));
    List<List<byte[]>> original = storedFields(written);
    assertEquals(44, original.size());
    assertStoredEquals(original, storedFields(before));
    assertStoredEquals(original, storedFields(firstDictionary));
    assertStoredEquals(original, storedFields(secondDictionary));
    assertStoredEquals(original, storedFields(after));

    long withDictionary = storedBytes(after);
    long without = storedBytes(before);
    assertTrue(withDictionary < 0.9 * without,
        "stored fields " + withDictionary + " bytes with the dictionary, " + without + " without");
    long withSecond = storedBytes(secondDictionary);
    assertTrue(withDictionary < withSecond,
        "stored fields " + withDictionary + " bytes with the themes and other names, " + withSecond + " without");
  }

  @Test
  void eachDictionaryIsTheOneItsDigestNames() {
    // Loading checks the SHA-256; what is left to see is that each holds its stored JSON's keys.
    String current = new String(ArchiveCodec.COMPRESSION.dictionary(), java.nio.charset.StandardCharsets.US_ASCII);
    for (String key : List.of("\"enrichment\":", "\"mentions\":[[,]]", "\"sentenceSpans\":", "\"quoted\":true", " the",
        "\"aliases\":[\"U.S.\",\"US\",\"USA\",\"U.S.A.\"]", "{\"id\":\"politics\",\"name\":\"Politics\",\"iptc\":\"11000000\"")) {
      assertTrue(current.contains(key), key);
    }
    String second = new String(Morgue106Codec.COMPRESSION.dictionary(), java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(second.contains("\"quoted\":false") && !second.contains("\"aliases\""), "the second dictionary's cues and actors");
    String first = new String(Morgue105Codec.COMPRESSION.dictionary(), java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(first.contains("\"mentions\":[{\"start\":,\"end\":}]"), "the first dictionary's mentions");
  }

  /** The segments of one index copied into another written with the given codec, as a merge would. */
  private static void rewrite(Path from, Path to, Codec codec) throws IOException {
    try (Directory source = FSDirectory.open(from);
        DirectoryReader reader = DirectoryReader.open(source);
        Directory target = FSDirectory.open(to);
        IndexWriter writer = new IndexWriter(target, new IndexWriterConfig().setCodec(codec).setUseCompoundFile(false))) {
      List<CodecReader> leaves = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        leaves.add((CodecReader) leaf.reader());
      }
      writer.addIndexes(leaves.toArray(CodecReader[]::new));
      writer.forceMerge(1);
      writer.commit();
    }
  }

  private static List<String> codecs(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      List<String> names = new ArrayList<>();
      SegmentInfos.readLatestCommit(directory).forEach(segment -> {
        if (!names.contains(segment.info.getCodec().getName())) {
          names.add(segment.info.getCodec().getName());
        }
      });
      return names;
    }
  }

  /** Every live document's stored values, in doc order, as bytes. */
  private static List<List<byte[]>> storedFields(Path index) throws IOException {
    List<List<byte[]>> docs = new ArrayList<>();
    try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document document = stored.document(doc);
        List<byte[]> values = new ArrayList<>();
        for (IndexableField field : document.getFields()) {
          values.add(field.binaryValue() != null
              ? java.util.Arrays.copyOfRange(field.binaryValue().bytes, field.binaryValue().offset,
                  field.binaryValue().offset + field.binaryValue().length)
              : (field.name() + "=" + field.stringValue()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        docs.add(values);
      }
    }
    return docs;
  }

  private static void assertStoredEquals(List<List<byte[]>> expected, List<List<byte[]>> actual) {
    assertEquals(expected.size(), actual.size());
    for (int doc = 0; doc < expected.size(); doc++) {
      assertEquals(expected.get(doc).size(), actual.get(doc).size(), "doc " + doc);
      for (int field = 0; field < expected.get(doc).size(); field++) {
        assertArrayEquals(expected.get(doc).get(field), actual.get(doc).get(field), "doc " + doc + " field " + field);
      }
    }
  }

  private static long storedBytes(Path index) throws IOException {
    try (var files = Files.list(index)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".fdt"))
          .mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
