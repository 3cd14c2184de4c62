package org.morgue.search;

/** One facet value and how many matching articles have it. */
public record FacetCount(String value, long count) {}
