package org.morgue.article;

/**
 * One hedge, booster or attribution found in the text.
 *
 * @param kind hedge, booster or attribution
 * @param category the finer class, e.g. {@code modal}, {@code evidential}, {@code anonymous-source}
 * @param text the words as they appear
 * @param start offset in the article text
 * @param end offset in the article text
 * @param sentence index of the sentence it occurs in
 * @param quoted whether it stands inside a quotation, so that it is the quoted speaker's hedge,
 *     booster or attribution rather than the writer's; it counts towards the article's score all the
 *     same, since the article carries the claim either way
 */
public record Cue(CueKind kind, String category, String text, int start, int end, int sentence, boolean quoted) {}
