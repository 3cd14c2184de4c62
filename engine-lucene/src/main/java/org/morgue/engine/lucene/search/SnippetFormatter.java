package org.morgue.engine.lucene.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.morgue.search.Snippet;

/**
 * Turns the highlighter's passages into a {@link Snippet}: the text as stored, never escaped here, with
 * the matched ranges marked. Passages come from {@link SnippetBreaks}, one sentence of one block each;
 * between two of them goes {@link Snippet#GAP} where text is left out, or {@link Snippet#BLOCK_BREAK}
 * where one block ends and the next begins, so a heading never runs into the paragraph after it.
 */
final class SnippetFormatter extends PassageFormatter {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public Snippet format(Passage[] passages, String content) {
    Passage[] ordered = passages.clone();
    Arrays.sort(ordered, Comparator.comparingInt(Passage::getStartOffset));
    List<Snippet.Part> parts = new ArrayList<>();
    int previousEnd = 0;
    for (Passage passage : ordered) {
      int start = skipSpace(content, passage.getStartOffset(), passage.getEndOffset());
      int end = trimSpace(content, start, passage.getEndOffset());
      if (start >= end) {
        continue;
      }
      if (start < previousEnd) {
        start = previousEnd; // overlapping passages: the overlap is already shown
      }
      separator(content, previousEnd, start, parts.isEmpty()).ifPresent(text -> parts.add(new Snippet.Part(text, false)));
      appendPassage(passage, content, start, end, parts);
      previousEnd = end;
    }
    if (parts.isEmpty()) {
      return Snippet.EMPTY;
    }
    if (!content.substring(previousEnd).isBlank()) {
      parts.add(new Snippet.Part(Snippet.GAP.stripTrailing(), false));
    }
    return new Snippet(merge(parts));
  }

  /** What stands for the text between two passages (or before the first one), if anything. */
  private static Optional<String> separator(String content, int from, int to, boolean first) {
    String between = content.substring(from, to);
    if (between.isBlank()) {
      boolean blockBreak = between.indexOf('\n') >= 0;
      if (first) {
        return Optional.empty();
      }
      return Optional.of(blockBreak ? Snippet.BLOCK_BREAK : " ");
    }
    return Optional.of(first ? Snippet.GAP.stripLeading() : Snippet.GAP);
  }

  private static void appendPassage(Passage passage, String content, int start, int end, List<Snippet.Part> parts) {
    int position = start;
    int[] matchStarts = passage.getMatchStarts();
    int[] matchEnds = passage.getMatchEnds();
    for (int i = 0; i < passage.getNumMatches(); i++) {
      int matchStart = Math.max(matchStarts[i], position);
      int matchEnd = Math.min(matchEnds[i], end);
      if (matchEnd <= matchStart) {
        continue; // inside a match already marked, or outside what is shown
      }
      // Matches that overlap or touch are one mark.
      while (i + 1 < passage.getNumMatches() && matchStarts[i + 1] <= matchEnd) {
        matchEnd = Math.min(Math.max(matchEnd, matchEnds[++i]), end);
      }
      if (matchStart > position) {
        parts.add(new Snippet.Part(oneLine(content.substring(position, matchStart)), false));
      }
      parts.add(new Snippet.Part(oneLine(content.substring(matchStart, matchEnd)), true));
      position = matchEnd;
    }
    if (position < end) {
      parts.add(new Snippet.Part(oneLine(content.substring(position, end)), false));
    }
  }

  /** Neighbouring parts with the same marking joined, so a client draws one mark per match. */
  private static List<Snippet.Part> merge(List<Snippet.Part> parts) {
    List<Snippet.Part> merged = new ArrayList<>();
    for (Snippet.Part part : parts) {
      Snippet.Part last = merged.isEmpty() ? null : merged.getLast();
      if (last != null && last.marked() == part.marked()) {
        merged.set(merged.size() - 1, new Snippet.Part(last.text() + part.text(), part.marked()));
      } else {
        merged.add(part);
      }
    }
    return merged;
  }

  /** Line breaks inside a block (a wrapped line, a poem) read as spaces in a one-line snippet. */
  private static String oneLine(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ");
  }

  private static int skipSpace(String content, int start, int end) {
    while (start < end && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    return start;
  }

  private static int trimSpace(String content, int start, int end) {
    while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
