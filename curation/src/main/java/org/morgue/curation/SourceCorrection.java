package org.morgue.curation;

import java.time.Instant;

/**
 * A decision about one source name across the archive: an entry of the sources' authority file. The
 * same newspaper reaches the archive under several names ("Bayside Gazette" in a CMS export, "The
 * Bayside Gazette" as its pages' og:site_name, a folder's name for its plain-text files), and its
 * articles are one source only once a curator says so.
 *
 * @param source the name as the articles give it (or as an earlier rename made it)
 * @param renameTo the name to use instead; when another source already has it, this merges the two,
 *     and the old name stays an alias, so articles indexed later from it get the new name too
 * @param curator who made the decision
 * @param updated when
 * @param version counts its changes
 */
public record SourceCorrection(String source, String renameTo, String curator, Instant updated, long version) {}
