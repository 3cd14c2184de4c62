package org.morgue.article;

/** Where an actor is named in the text, and the words used. */
public record Mention(int start, int end, String text) {}
