package org.morgue.engine.lucene.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.store.FSDirectory;
import org.morgue.engine.lucene.index.ArchiveSchema;

import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Timeline;
import org.morgue.search.TimelineInterval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.morgue.search.Timeline.TimelineBucket;

/**
 * The timeline's coverage counts on the corpus Morgue ships: each bucket's archive count (checked
 * against the publication dates in the corpus files themselves) and its hedged matches (checked
 * against searches filtered by hedging level and period, which Lucene counts without the columns).
 */
class CoverageTimelineTest extends ShippedCorpusSearcherTest {
  /** Articles per publication year, read from the corpus's JSON Lines files, not from the index. */
  private static Map<String, Long> articlesPerYearInTheFiles() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Long> years = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ShippedCorpusIndex.CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode published = mapper.readTree(line).get("published");
          if (published != null && !published.isNull()) {
            years.merge(published.asText().substring(0, 4), 1L, Long::sum);
          }
        }
      }
    }
    return years;
  }

  private static SearchResult search(String q, Map<String, List<String>> filters, Optional<LocalDate> from,
      Optional<LocalDate> to) throws Exception {
    return searcher.search(new SearchRequest(q, filters, from, to, SortOrder.RELEVANCE, 0, 10,
        Optional.empty(), Optional.of(TimelineInterval.YEAR), Map.of()));
  }

  private static TimelineBucket bucket(Timeline timeline, String key) {
    return timeline.buckets().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void everyBucketCarriesTheWholeArchivesCountForItsPeriodWhateverTheQuery() throws Exception {
    Map<String, Long> inFiles = articlesPerYearInTheFiles();
    assertEquals(277, inFiles.values().stream().mapToLong(Long::longValue).sum(), "dated articles in the files");
    for (String q : List.of("", "jury", "slavery")) {
      Timeline timeline = search(q, Map.of(), Optional.empty(), Optional.empty()).timeline();
      assertTrue(timeline.buckets().size() > 1, q);
      for (TimelineBucket bucket : timeline.buckets()) {
        assertEquals(inFiles.getOrDefault(bucket.key(), 0L), bucket.archiveCount(), q + " " + bucket.key());
        assertTrue(bucket.count() <= bucket.archiveCount(), q + " " + bucket.key());
      }
    }
    Timeline jury = search("jury", Map.of(), Optional.empty(), Optional.empty()).timeline();
    TimelineBucket sixtyOne = bucket(jury, "1961");
    assertEquals(46, sixtyOne.archiveCount(), "44 Brown samples and two addresses were published in 1961");
    assertEquals(8, sixtyOne.count(), "jury's matches in 1961");
    assertEquals(7, sixtyOne.mediumHedged());
    assertEquals(0, sixtyOne.highHedged());
    // A filter narrows the matches, never the archive they are a share of.
    Timeline filtered = search("jury", Map.of("source", List.of("State of the Union")), Optional.empty(),
        Optional.empty()).timeline();
    assertEquals(46, bucket(filtered, "1961").archiveCount());
  }

  @Test
  void everyBucketCountsItsMatchesHedgedHighAndMediumAsFilteredSearchesDo() throws Exception {
    // Per query: its dated matches, and how many of them are hedged high and medium.
    Map<String, List<Long>> expected = Map.of("", List.of(277L, 60L, 151L), "slavery", List.of(40L, 8L, 27L),
        "jury", List.of(31L, 6L, 24L));
    for (String q : expected.keySet()) {
      Timeline timeline = search(q, Map.of(), Optional.empty(), Optional.empty()).timeline();
      long high = 0;
      long medium = 0;
      for (TimelineBucket bucket : timeline.buckets()) {
        int year = Integer.parseInt(bucket.key());
        Optional<LocalDate> from = Optional.of(LocalDate.of(year, 1, 1));
        Optional<LocalDate> to = Optional.of(LocalDate.of(year, 12, 31));
        assertEquals(search(q, Map.of("hedging", List.of("high")), from, to).total(), bucket.highHedged(),
            q + " " + bucket.key());
        assertEquals(search(q, Map.of("hedging", List.of("medium")), from, to).total(), bucket.mediumHedged(),
            q + " " + bucket.key());
        assertTrue(bucket.highHedged() + bucket.mediumHedged() <= bucket.count(), q + " " + bucket.key());
        high += bucket.highHedged();
        medium += bucket.mediumHedged();
      }
      long count = timeline.buckets().stream().mapToLong(TimelineBucket::count).sum();
      assertEquals(expected.get(q), List.of(count, high, medium), q);
    }
  }

  @Test
  void clippingsDatedOnlyToTheYearAreInTheirYearAndInNoMonthOfIt() throws Exception {
    // 1961: the 44 Brown samples, dated to the year alone, and two addresses of January, to the day.
    Map<String, List<String>> sixtyOne = Map.of("year", List.of("1961"));
    SearchResult chosen = searcher.search(new SearchRequest("", sixtyOne, Optional.empty(), Optional.empty(),
        SortOrder.NEWEST, 0, 10, Optional.empty(), Optional.empty(), Map.of()));
    assertEquals(TimelineInterval.YEAR, chosen.timeline().interval(), "most are dated to the year: counted by year");
    assertEquals(46, bucket(chosen.timeline(), "1961").count());
    assertEquals(0, chosen.timeline().lessPrecise());

    SearchResult byMonth = searcher.search(new SearchRequest("", sixtyOne, Optional.empty(), Optional.empty(),
        SortOrder.NEWEST, 0, 10, Optional.empty(), Optional.of(TimelineInterval.MONTH), Map.of()));
    assertEquals(44, byMonth.timeline().lessPrecise());
    assertEquals(List.of(new TimelineBucket("1961-01", 2, 2, bucket(byMonth.timeline(), "1961-01").mediumHedged(),
        bucket(byMonth.timeline(), "1961-01").highHedged())), byMonth.timeline().buckets(),
        "January holds the two addresses, not the 44 clippings of no month; so does its archive count");
  }

  @Test
  void onlyAnArticleDatedLessPreciselyThanTheDayIndexesItsLastDay() throws Exception {
    // The 44 Brown samples of 1961 and a few early addresses are dated to the year alone; every other
    // article's last day is its first, which the range query reads from the missing point.
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      int lessPrecise = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues precision = DocValues.getNumeric(leaf.reader(), ArchiveSchema.PUBLISHED_PRECISION);
        while (precision.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          lessPrecise++;
        }
      }
      assertTrue(lessPrecise >= 44, lessPrecise + " articles dated less precisely than the day");
      assertEquals(lessPrecise, PointValues.getDocCount(reader, ArchiveSchema.PUBLISHED_END));
      assertTrue(PointValues.getDocCount(reader, ArchiveSchema.PUBLISHED) > 200);
    }
  }

  @Test
  void aRangeOfDatesHoldsAClippingDatedOnlyToTheYearWhenItHoldsTheWholeYear() throws Exception {
    // What a click on the timeline's January 1961 bar asks for: the two addresses it counts, not the
    // 44 clippings of no month.
    assertEquals(2, search("", Map.of(), Optional.of(LocalDate.of(1961, 1, 1)), Optional.of(LocalDate.of(1961, 1, 31))).total());
    assertEquals(46, search("", Map.of(), Optional.of(LocalDate.of(1961, 1, 1)), Optional.of(LocalDate.of(1961, 12, 31))).total());
    assertEquals(46, search("", Map.of(), Optional.of(LocalDate.of(1960, 6, 1)), Optional.of(LocalDate.of(1962, 1, 1))).total()
        - search("", Map.of(), Optional.of(LocalDate.of(1960, 6, 1)), Optional.of(LocalDate.of(1960, 12, 31))).total()
        - search("", Map.of(), Optional.of(LocalDate.of(1962, 1, 1)), Optional.of(LocalDate.of(1962, 1, 1))).total(),
        "a range over the whole year and more holds them");
    SearchResult overTheNewYear = searcher.search(new SearchRequest("", Map.of(), Optional.of(LocalDate.of(1961, 6, 1)),
        Optional.of(LocalDate.of(1962, 5, 31)), SortOrder.NEWEST, 10, 10));
    assertEquals(List.of("sotu-1962-kennedy"), overTheNewYear.hits().stream().map(hit -> hit.article().article().id()).toList(),
        "half of 1961 is not all of it: only Kennedy's address of January 1962");
    // The query syntax reads a date range the same way.
    assertEquals(2, search("published:1961-01", Map.of(), Optional.empty(), Optional.empty()).total());
    assertEquals(46, search("published:1961", Map.of(), Optional.empty(), Optional.empty()).total());
    assertEquals(2, search("published:[1961-01-01 TO 1961-11-30]", Map.of(), Optional.empty(), Optional.empty()).total());
    assertEquals(46, search("published:[1961 TO 1961-12-31]", Map.of(), Optional.empty(), Optional.empty()).total());
    org.morgue.search.InvalidQueryException reversed = org.junit.jupiter.api.Assertions.assertThrows(
        org.morgue.search.InvalidQueryException.class,
        () -> search("published:[1961-12-31 TO 1961-01-01]", Map.of(), Optional.empty(), Optional.empty()));
    assertTrue(reversed.getMessage().contains("starts after it ends"), reversed.getMessage());
    assertEquals(search("published:[* TO 1961-12-31]", Map.of(), Optional.empty(), Optional.empty()).total() - 46,
        search("published:[* TO 1960-12-31]", Map.of(), Optional.empty(), Optional.empty()).total());
  }
}
