package org.morgue.indexer.enrich.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.indexer.enrich.text.DataFile;

/**
 * Names that meant another actor in their time: from 1922 to 1991 news copy and the addresses say
 * "Russia", "the Russians" and "Moscow" for the Soviet Union and its government, and an archive that
 * spans the century should file that coverage under the Soviet Union, beside the articles that name it
 * so. Read from {@code actor/period-names.tsv}; an article without a date keeps the names as found.
 */
final class PeriodNames {
  /** One renaming: {@code found} means {@code then} in articles dated {@code from} to {@code to}, inclusive. */
  record Period(ActorKey found, LocalDate from, LocalDate to, ActorKey then) {}

  private final List<Period> periods;

  PeriodNames(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  /**
   * The periods of a file of lines {@code found <TAB> from <TAB> to <TAB> then}, both names canonical
   * names of the gazetteer; fails naming the line otherwise.
   */
  static PeriodNames load(DataFile data, Gazetteer gazetteer) {
    Map<String, ActorKey> byName = new LinkedHashMap<>();
    gazetteer.actors().forEach(actor -> byName.put(actor.name(), actor));
    List<Period> periods = new ArrayList<>();
    for (DataFile.Line line : data.lines()) {
      String[] columns = line.text().split("\t", -1);
      if (columns.length != 4) {
        throw new IllegalStateException(data.where(line) + ": expected 'name<TAB>from<TAB>to<TAB>name then', got '"
            + line.text() + "'");
      }
      ActorKey found = known(byName, columns[0].strip(), data, line);
      ActorKey then = known(byName, columns[3].strip(), data, line);
      periods.add(new Period(found, LocalDate.parse(columns[1].strip()), LocalDate.parse(columns[2].strip()), then));
    }
    return new PeriodNames(periods);
  }

  private static ActorKey known(Map<String, ActorKey> byName, String name, DataFile data, DataFile.Line line) {
    ActorKey actor = byName.get(name);
    if (actor == null) {
      throw new IllegalStateException(data.where(line) + ": '" + name + "' is no canonical name of the gazetteers");
    }
    return actor;
  }

  /** The mentions, each naming the actor its name meant on the article's date. */
  List<Found> resolve(List<Found> found, Optional<LocalDate> published) {
    if (published.isEmpty()) {
      return found;
    }
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      ActorKey then = then(mention.actor(), published.get());
      resolved.add(then == mention.actor() ? mention
          : new Found(then, mention.start(), mention.end(), mention.weight()));
    }
    return resolved;
  }

  /** The weights of actors named without offsets (a dateline), by the actor each meant on the date. */
  Map<ActorKey, Double> resolve(Map<ActorKey, Double> unplaced, Optional<LocalDate> published) {
    if (published.isEmpty()) {
      return unplaced;
    }
    Map<ActorKey, Double> resolved = new LinkedHashMap<>();
    unplaced.forEach((actor, weight) -> resolved.merge(then(actor, published.get()), weight, Double::sum));
    return resolved;
  }

  private ActorKey then(ActorKey actor, LocalDate date) {
    for (Period period : periods) {
      if (period.found().equals(actor) && !date.isBefore(period.from()) && !date.isAfter(period.to())) {
        return period.then();
      }
    }
    return actor;
  }
}
