package org.morgue.search;

/**
 * How a query that is not valid syntax was searched instead: as its plain words.
 *
 * @param query the query actually run, e.g. {@code Trump's border} for {@code Trump's "border}
 * @param reason what was wrong with the query as typed, in the user's terms and saying where, e.g.
 *     {@code unbalanced quote after 'border'}
 */
public record QueryInterpretation(String query, String reason) {}
