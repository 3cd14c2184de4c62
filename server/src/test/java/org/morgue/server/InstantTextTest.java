package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.morgue.server.view.InstantText;

/** Times have three digits of fraction however round they are, and keep finer ones recorded before. */
class InstantTextTest {
  @Test
  void aTimeOnTheSecondKeepsThreeDigitsAndAFinerOneKeepsAllOfIts() {
    // A trial's change seq 12 was "12:09:01Z" beside seq 13's "12:09:01.081Z".
    assertEquals("2026-12-07T12:09:01.000Z", InstantText.of(Instant.parse("2026-12-07T12:09:01Z")));
    assertEquals("2026-12-07T12:09:01.081Z", InstantText.of(Instant.parse("2026-12-07T12:09:01.081Z")));
    assertEquals("2026-12-04T10:00:00.123456Z", InstantText.of(Instant.parse("2026-12-04T10:00:00.123456Z")));
  }
}
