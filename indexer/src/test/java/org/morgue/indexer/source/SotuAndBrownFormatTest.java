package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;

class SotuAndBrownFormatTest {
  @Test
  void stateOfTheUnionJsonBecomesAnAddressByItsPresidentInItsYear() throws IOException {
    RecordingSink sink = RecordingSink.read(new SotuJsonFormat(), RecordingSink.resource("formats/sotu/1961_john_f_kennedy_d.json"));
    Article address = sink.articles.get(0);
    assertEquals("sotu-1961-kennedy", address.id());
    assertEquals("John F Kennedy: State of the Union, 1961", address.title());
    assertEquals(List.of("John F Kennedy"), address.authors());
    assertEquals(LocalDate.of(1961, 1, 1), address.published().orElseThrow());
    assertEquals(List.of("year"), address.metadata().get("date_precision"));
    assertEquals(List.of("Democratic"), address.metadata().get("party"));
    assertEquals("State of the Union", address.source());
    assertEquals(BlockKind.LEDE, address.blocks().get(0).kind());
    assertTrue(address.blocks().size() > 10, "the transcript is cut into paragraphs");
    assertTrue(address.body().contains("Mr. Speaker"), address.body().substring(0, 200));
  }

  @Test
  void washingtonsFirstAddressKeepsEveryWordOfTheTranscript() throws IOException {
    Path file = RecordingSink.resource("formats/sotu/1790_george_washington_n.json");
    Article address = RecordingSink.read(new SotuJsonFormat(), file).articles.get(0);
    assertEquals("sotu-1790-washington", address.id());
    String original = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).get("text").asText();
    assertEquals(original.replaceAll("\\s+", " ").strip(), address.body().replace("\n\n", " "));
  }

  @Test
  void brownSampleIsDetaggedIntoRunningText() throws IOException {
    RecordingSink sink = RecordingSink.read(new BrownCorpusFormat(), RecordingSink.resource("formats/brown/ca01"));
    Article sample = sink.articles.get(0);
    assertEquals("brown-ca01", sample.id());
    assertEquals("Brown Corpus A01: The Fulton County Grand Jury said Friday an…", sample.title());
    assertTrue(sample.body().startsWith("The Fulton County Grand Jury said Friday an investigation of Atlanta's"
        + " recent primary election produced “no evidence” that any irregularities took place."), sample.body());
    assertFalse(sample.body().contains("/at"), "no tags are left");
    assertEquals("Brown Corpus (1961)", sample.source());
    assertEquals(1961, sample.published().orElseThrow().getYear());
  }

  @Test
  void formatsRecogniseTheirFilesByContentAndReadThemGzipped(@TempDir Path tmp) throws IOException {
    Path gz = tmp.resolve("ca01.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(RecordingSink.resource("formats/brown/ca01"), out);
    }
    assertEquals("brown-ca01", RecordingSink.read(new BrownCorpusFormat(), gz).articles.get(0).id());

    Path notTagged = Files.writeString(tmp.resolve("ca02"), "Plain words without any tags at all here.");
    assertFalse(new BrownCorpusFormat().accepts(ArticleInput.of(notTagged)));
    Path otherJson = Files.writeString(tmp.resolve("other.json"), "{\"title\": \"x\", \"body\": \"y\"}");
    assertFalse(new SotuJsonFormat().accepts(ArticleInput.of(otherJson)));
    Path badYear = Files.writeString(tmp.resolve("bad.json"), "{\"year\": \"soon\", \"name\": \"A\", \"text\": \"B.\"}");
    RecordingSink sink = RecordingSink.read(new SotuJsonFormat(), badYear);
    assertEquals("year 'soon' is not a year", sink.rejected.get(0).reason());
  }
}
