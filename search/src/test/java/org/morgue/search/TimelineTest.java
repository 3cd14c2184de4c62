package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.article.DatePrecision;
import org.morgue.search.Timeline.TimelineBucket;

class TimelineTest {
  private static long day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth).toEpochDay();
  }

  @Test
  void dayCountsSumEachDayAndListThemOldestFirstThroughManyResizes() {
    DayCounts counts = new DayCounts();
    for (int i = 4_999; i >= 0; i--) {
      counts.add(i * 3L - 7_000, 1);
      counts.add(i * 3L - 7_000, 2);
    }
    DayCounts other = new DayCounts();
    other.add(-7_000, 10);
    other.add(50_000, 1);
    counts.addAll(other);

    DayCounts.Series series = counts.series();
    assertEquals(5_001, series.days().length);
    assertEquals(-7_000, series.days()[0]);
    assertEquals(13, series.counts()[0], "3 from one count, 10 from the other");
    assertEquals(-6_997, series.days()[1]);
    assertEquals(3, series.counts()[1]);
    assertEquals(50_000, series.days()[5_000]);
    assertEquals(1, series.counts()[5_000]);
  }

  @Test
  void manyDaysInTheIndexRangeAreCountedTheSameAsInTheTable() {
    DayCounts.DayRange range = new DayCounts.DayRange(-1_000, 9_000);
    DayCounts inArray = new DayCounts(range);
    DayCounts inTable = new DayCounts();
    java.util.Random random = new java.util.Random(9);
    for (int i = 0; i < 20_000; i++) {
      // Mostly in the range; a few outside it, which the array cannot hold.
      long day = i % 100 == 0 ? 20_000 + random.nextInt(50) : -1_000 + random.nextInt(10_001);
      inArray.add(day, 1);
      inTable.add(day, 1);
    }
    inArray.add(-5_000, 2);
    inTable.add(-5_000, 2);
    DayCounts.Series expected = inTable.series();
    DayCounts.Series actual = inArray.series();
    assertTrue(expected.days().length > DayCounts.ARRAY_AFTER_DAYS, "enough days to move to the array");
    assertArrayEquals(expected.days(), actual.days());
    assertArrayEquals(expected.counts(), actual.counts());

    DayCounts merged = new DayCounts(range);
    merged.addAll(inArray);
    merged.addAll(inTable);
    assertArrayEquals(expected.days(), merged.series().days());
    assertEquals(2 * expected.counts()[0], merged.series().counts()[0]);
  }

  @Test
  void noDaysMakeNoBuckets() {
    assertEquals(new Timeline(TimelineInterval.YEAR, List.of()), Timeline.of(new DayCounts(), Optional.empty()));
    assertEquals(TimelineInterval.MONTH,
        Timeline.of(new DayCounts(), Optional.of(TimelineInterval.MONTH)).interval());
  }

  @Test
  void everyPeriodBetweenFirstAndLastIsListedEmptyOnesWithZero() {
    DayCounts counts = new DayCounts();
    counts.add(day(2020, 1, 31), 2);
    counts.add(day(2020, 1, 1), 1);
    counts.add(day(2020, 4, 15), 5);
    Timeline months = Timeline.of(counts, Optional.empty());
    assertEquals(TimelineInterval.MONTH, months.interval(), "more than three months apart: 106 day bars would be a pixel or two wide");
    DayCounts weeks = new DayCounts();
    weeks.add(day(2020, 1, 1), 1);
    weeks.add(day(2020, 4, 1), 1);
    assertEquals(TimelineInterval.DAY, Timeline.of(weeks, Optional.empty()).interval(), "three months apart: by day");

    Timeline byMonth = Timeline.of(counts, Optional.of(TimelineInterval.MONTH));
    assertEquals(List.of(new TimelineBucket("2020-01", 3), new TimelineBucket("2020-02", 0),
        new TimelineBucket("2020-03", 0), new TimelineBucket("2020-04", 5)), byMonth.buckets());

    DayCounts years = new DayCounts();
    years.add(day(1961, 5, 17), 1);
    years.add(day(1980, 12, 31), 4);
    years.add(day(1980, 1, 1), 1);
    Timeline byYear = Timeline.of(years, Optional.empty());
    assertEquals(TimelineInterval.YEAR, byYear.interval());
    assertEquals(20, byYear.buckets().size());
    assertEquals(new TimelineBucket("1961", 1), byYear.buckets().get(0));
    assertEquals(new TimelineBucket("1962", 0), byYear.buckets().get(1));
    assertEquals(new TimelineBucket("1980", 5), byYear.buckets().get(19));
  }

  @Test
  void aFineIntervalThatNeedsTooManyBucketsIsCoarsened() {
    DayCounts counts = new DayCounts();
    counts.add(day(2000, 1, 1), 1);
    counts.add(day(2010, 6, 30), 1);
    Timeline timeline = Timeline.of(counts, Optional.of(TimelineInterval.DAY));
    assertEquals(TimelineInterval.MONTH, timeline.interval());
    assertEquals("2000-01", timeline.buckets().get(0).key());
    assertEquals("2010-06", timeline.buckets().get(timeline.buckets().size() - 1).key());
  }

  @Test
  void moreThanAThousandYearsListOnlyTheYearsWithArticles() {
    DayCounts counts = new DayCounts();
    counts.add(day(5, 3, 1), 1);
    counts.add(day(5, 9, 1), 2);
    counts.add(day(1999, 1, 1), 1);
    counts.add(day(2024, 2, 29), 3);
    Timeline timeline = Timeline.of(counts, Optional.empty());
    assertEquals(TimelineInterval.YEAR, timeline.interval());
    assertEquals(List.of(new TimelineBucket("0005", 3), new TimelineBucket("1999", 1), new TimelineBucket("2024", 3)),
        timeline.buckets());
  }

  @Test
  void keysArePaddedToFourDigitYears() {
    assertEquals("0042", TimelineInterval.YEAR.key(LocalDate.of(42, 1, 1)));
    assertEquals("0042-03", TimelineInterval.MONTH.key(LocalDate.of(42, 3, 1)));
    assertEquals("1961-11", TimelineInterval.MONTH.key(LocalDate.of(1961, 11, 1)));
    assertEquals("-005", TimelineInterval.YEAR.key(LocalDate.of(-5, 1, 1)), "as String.format pads them");
    assertEquals("1961-05-17", TimelineInterval.DAY.key(LocalDate.of(1961, 5, 17)));
    assertArrayEquals(new long[0], new DayCounts().series().days());
  }

  @Test
  void aClippingDatedOnlyToTheYearIsInItsYearAndInNoMonthOfIt() {
    TimelineCounts matches = new TimelineCounts();
    matches.add((int) day(1961, 3, 4), DatePrecision.DAY, false, true);
    matches.add((int) day(1961, 11, 20), DatePrecision.DAY, true, false);
    matches.add((int) day(1961, 6, 1), DatePrecision.MONTH, false, true);
    for (int i = 0; i < 3; i++) {
      matches.add((int) day(1961, 1, 1), DatePrecision.YEAR, false, true);
    }
    TimelineCounts archive = new TimelineCounts();
    archive.addAll(matches);
    archive.add((int) day(1961, 1, 1), DatePrecision.DAY, false, false);
    archive.add((int) day(1961, 1, 1), DatePrecision.YEAR, false, false);

    Timeline byMonth = Timeline.of(matches, archive.allSeries(), Optional.of(TimelineInterval.MONTH));
    assertEquals(3, byMonth.lessPrecise(), "the three dated 1961 alone");
    assertEquals(new TimelineBucket("1961-03", 1, 1, 0, 1), byMonth.buckets().get(0),
        "January holds no year-only clipping, so the months start at the first one dated to a month");
    assertEquals(new TimelineBucket("1961-06", 1, 1, 0, 1), byMonth.buckets().get(3), "dated to June: in June");
    assertEquals(new TimelineBucket("1961-11", 1, 1, 1, 0), byMonth.buckets().get(8));
    assertEquals(9, byMonth.buckets().size());

    Timeline byDay = Timeline.of(matches, archive.allSeries(), Optional.of(TimelineInterval.DAY));
    assertEquals(4, byDay.lessPrecise(), "June 1961 is no day either");
    assertEquals(2, byDay.buckets().stream().mapToLong(TimelineBucket::count).sum());

    Timeline byYear = Timeline.of(matches, archive.allSeries(), Optional.of(TimelineInterval.YEAR));
    assertEquals(0, byYear.lessPrecise());
    assertEquals(List.of(new TimelineBucket("1961", 6, 8, 1, 5)), byYear.buckets());
  }

  @Test
  void withNoIntervalAskedForMatchesMostlyDatedToTheYearAreCountedByYear() {
    TimelineCounts brown = new TimelineCounts();
    for (int i = 0; i < 44; i++) {
      brown.add((int) day(1961, 1, 1), DatePrecision.YEAR, false, false);
    }
    Timeline timeline = Timeline.of(brown, brown.allSeries(), Optional.empty());
    assertEquals(new Timeline(TimelineInterval.YEAR, List.of(new TimelineBucket("1961", 44, 44, 0, 0)), 0), timeline,
        "one year, not one day: the same day would have been counted by day");

    TimelineCounts mostlyDays = new TimelineCounts();
    for (int i = 0; i < 3; i++) {
      mostlyDays.add((int) day(2019, 1, 10 + i), DatePrecision.DAY, false, false);
    }
    mostlyDays.add((int) day(2019, 1, 1), DatePrecision.YEAR, false, false);
    Timeline days = Timeline.of(mostlyDays, DatedSeries.NONE, Optional.empty());
    assertEquals(TimelineInterval.DAY, days.interval(), "three of four are dated to the day");
    assertEquals(1, days.lessPrecise());
    assertEquals("2019-01-10", days.buckets().get(0).key());

    Timeline asked = Timeline.of(brown, brown.allSeries(), Optional.of(TimelineInterval.MONTH));
    assertEquals(new Timeline(TimelineInterval.MONTH, List.of(), 44), asked, "an interval asked for is kept");
  }
  @Test
  void sharesRunOverTheArchivesPeriodsOrTheDatesAskedForWhereTheCountsRunOverTheMatches() {
    // One article a year, 1790 to 2021, so a year's share is all or nothing; the matches stop in 1969.
    TimelineCounts archive = new TimelineCounts();
    for (int year = 1790; year <= 2021; year++) {
      archive.add((int) day(year, 1, 15), DatePrecision.DAY, false, false);
    }
    TimelineCounts matches = new TimelineCounts();
    for (int year = 1801; year <= 1969; year += 4) {
      matches.add((int) day(year, 1, 15), DatePrecision.DAY, false, false);
    }
    Optional<TimelineInterval> years = Optional.of(TimelineInterval.YEAR);

    Timeline whole = Timeline.of(matches, archive.allSeries(), years);
    assertEquals("1801", whole.buckets().get(0).key());
    assertEquals("1969", whole.buckets().get(whole.buckets().size() - 1).key());
    List<TimelineBucket> decades = whole.shares().orElseThrow().buckets();
    assertEquals("1790s", decades.get(0).key(), "0% of the 1790s is the archive's to say too");
    assertEquals(new TimelineBucket("2020s", 0, 2, 0, 0), decades.get(decades.size() - 1));
    assertEquals(24, decades.size());

    // The dates asked for filter the matches, as a search does: the 1960s' three.
    TimelineCounts inRange = new TimelineCounts();
    for (int year = 1961; year <= 1969; year += 4) {
      inRange.add((int) day(year, 1, 15), DatePrecision.DAY, false, false);
    }
    Timeline asked = Timeline.of(inRange, archive.allSeries(), years,
        Optional.of(LocalDate.of(1960, 1, 1)), Optional.of(LocalDate.of(1989, 12, 31)));
    assertEquals(List.of(new TimelineBucket("1960s", 3, 10, 0, 0), new TimelineBucket("1970s", 0, 10, 0, 0),
        new TimelineBucket("1980s", 0, 10, 0, 0)), asked.shares().orElseThrow().buckets());
  }

  @Test
  void datesAskedForAreDrawnWholeAsFarAsTheArchiveHoldsDatedArticles() {
    TimelineCounts archive = new TimelineCounts();
    for (int year = 1955; year <= 1966; year++) {
      archive.add((int) day(year, 5, 1), DatePrecision.DAY, false, false);
    }
    TimelineCounts matches = new TimelineCounts();
    matches.add((int) day(1961, 5, 1), DatePrecision.DAY, false, false);
    matches.add((int) day(1962, 5, 1), DatePrecision.DAY, true, false);
    archive.addAll(matches);
    Optional<TimelineInterval> years = Optional.of(TimelineInterval.YEAR);

    // A journalist asked for 1959 to 1963 and saw the chart start at 1961: the empty years are the finding.
    Timeline asked = Timeline.of(matches, archive.allSeries(), years,
        Optional.of(LocalDate.of(1959, 1, 1)), Optional.of(LocalDate.of(1963, 12, 31)));
    assertEquals(List.of(new TimelineBucket("1959", 0, 1, 0, 0), new TimelineBucket("1960", 0, 1, 0, 0),
        new TimelineBucket("1961", 1, 2, 0, 0), new TimelineBucket("1962", 1, 2, 1, 0),
        new TimelineBucket("1963", 0, 1, 0, 0)), asked.buckets());

    // No empty future, nor a past the archive does not hold: 1950 to 2100 is drawn from 1955 to 1966.
    Timeline wide = Timeline.of(matches, archive.allSeries(), years,
        Optional.of(LocalDate.of(1950, 1, 1)), Optional.of(LocalDate.of(2100, 12, 31)));
    assertEquals("1955", wide.buckets().get(0).key());
    assertEquals("1966", wide.buckets().get(wide.buckets().size() - 1).key());
    assertEquals(12, wide.buckets().size());

    // One end asked for: the other is the matches'.
    Timeline from = Timeline.of(matches, archive.allSeries(), years, Optional.of(LocalDate.of(1960, 6, 1)), Optional.empty());
    assertEquals(List.of("1960", "1961", "1962"), from.buckets().stream().map(TimelineBucket::key).toList());

    // More periods than a timeline holds (twelve years of days): the matches' span alone, as before.
    Timeline days = Timeline.of(matches, archive.allSeries(), Optional.of(TimelineInterval.DAY),
        Optional.of(LocalDate.of(1955, 1, 1)), Optional.of(LocalDate.of(1966, 12, 31)));
    assertEquals("1961-05-01", days.buckets().get(0).key());
    // (Its shares may differ: they are per decade, and the decades asked for are drawn.)
    Timeline matchesAlone = Timeline.of(matches, archive.allSeries(), Optional.of(TimelineInterval.DAY));
    assertEquals(matchesAlone.buckets(), days.buckets());
    assertEquals(matchesAlone.lessPrecise(), days.lessPrecise());
  }
}
