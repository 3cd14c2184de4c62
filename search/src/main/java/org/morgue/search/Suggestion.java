package org.morgue.search;

/**
 * A facet value whose name starts with what was typed.
 *
 * @param value the actor, theme or source name, as indexed
 * @param facet its facet dimension: {@code actor}, {@code theme} or {@code source}
 * @param count how many articles in the whole index have it
 */
public record Suggestion(String value, String facet, long count) {}
