package org.morgue.server.curation;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.morgue.curation.Curation;
import org.morgue.curation.journal.Change;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PageLinks;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.problem.BadRequestException;

/** {@code /api/changes}: the record of every curation change, newest first, and all of it as a file. */
public final class ChangeHandlers {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;

  private final CurationRequests requests;
  private final Freshness freshness;

  public ChangeHandlers(CurationRequests requests, Freshness freshness) {
    this.requests = requests;
    this.freshness = freshness;
  }

  /**
   * One page of the record.
   *
   * @param total how many changes match (all of them, or those of {@code target})
   * @param next the next (older) page, when there is one
   */
  public record ChangePage(List<Change> changes, long total, Optional<String> next) {}

  /**
   * {@code size}, {@code before} (a change's seq: the page starts after it, going back), {@code since}
   * (a change's seq: only the changes made after it, what a poller has not seen yet) and {@code target}
   * (e.g. {@code collection:x}; {@code article:x} finds a batch post that wrote x too, {@link
   * Curation#concerns}). The record only grows, so its last seq names what any page of it
   * shows: that is the answer's tag, and the last change's time its date, for a poller's 304.
   */
  public void list(Context ctx) throws BadRequestException, IOException {
    int size = CurationRequests.intParameter(ctx, "size", DEFAULT_PAGE, MAX_PAGE);
    int before = CurationRequests.intParameter(ctx, "before", Integer.MAX_VALUE, Integer.MAX_VALUE);
    int since = CurationRequests.intParameter(ctx, "since", 0, Integer.MAX_VALUE);
    String target = ctx.queryParam("target");
    List<Change> all = requests.curation().changes();
    Instant last = all.isEmpty() ? null : all.getLast().at();
    boolean sharedSecond = all.size() > 1
        && all.get(all.size() - 2).at().getEpochSecond() == last.getEpochSecond();
    if (last != null && freshness.notModifiedKept(ctx, "\"c" + all.getLast().seq() + "\"", last, sharedSecond)) {
      return;
    }
    List<Change> matching = all.stream()
        .filter(change -> target == null || target.isBlank() || Curation.concerns(change, target.strip()))
        .filter(change -> change.seq() > since)
        .toList();
    List<Change> older = matching.reversed().stream().filter(change -> change.seq() < before).toList();
    List<Change> page = older.stream().limit(size).toList();
    Optional<String> next = older.size() > size && !page.isEmpty()
        ? Optional.of(PublicAddress.path(ctx, "/api/changes") + "?size=" + size + "&before=" + page.get(page.size() - 1).seq()
            + (since > 0 ? "&since=" + since : "")
            + (target == null || target.isBlank() ? "" : "&target=" + java.net.URLEncoder.encode(target.strip(), StandardCharsets.UTF_8)))
        : Optional.empty();
    next.ifPresent(link -> PageLinks.next(ctx, link));
    ctx.json(new ChangePage(page, matching.size(), next));
  }

  /** Every change, oldest first, one JSON object per line: the journal, to archive or audit elsewhere. */
  public void export(Context ctx) throws IOException {
    // Streamed, so sent before the after-handler could refuse it: it has no tag, so only If-Match: * passes.
    Freshness.requireMatch(ctx, null);
    List<Change> changes = requests.curation().changes();
    ctx.contentType("application/x-ndjson; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"morgue-changes.jsonl\"");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      for (Change change : changes) {
        out.write(CurationRequests.JSON.writeValueAsString(change));
        out.write('\n');
      }
    }
  }
}
