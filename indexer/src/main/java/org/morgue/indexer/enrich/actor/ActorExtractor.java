package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.Actor;
import org.morgue.article.FieldLengths;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Mention;
import org.morgue.article.Span;

/**
 * Finds the actors an article names, in passes over the title and each block; each pass claims the
 * tokens it uses, so matches never overlap and the earlier, more reliable pass wins:
 *
 * <ol>
 *   <li>{@link BracketedNames}: companies Reuters marks in angle brackets ("<Sedio N.V.>");
 *   <li>{@link KeywordNames}: bodies and places named by a head word ("Fulton County Grand Jury"),
 *       before the gazetteer so a place inside a name does not take it apart;
 *   <li>{@link PossessiveUnits}: a company's unit between "its" and "unit" or "subsidiary" ("its
 *       Stuart Pharmaceuticals unit"), before the gazetteer for the same reason;
 *   <li>gazetteer aliases, case-sensitive, longest match first ("George Washington" is a person,
 *       "Washington" alone the U.S. government), where {@link CapitalPlaces} reads a capital after a
 *       preposition of place as the city ("in Washington") and a U.S. town named after a place wins
 *       over it ("Colorado Springs");
 *   <li>{@link OrganisationAppositives}: companies an appositive describes ("Nova, the Canadian
 *       company that ...");
 *   <li>{@link NameRules} for people in no gazetteer, outside Title Case headlines, {@link PeopleLists}
 *       for the other names of a list that names a person, then {@link AffiliationNames} for the firm
 *       a person is "of" ("Perrin Long of Lipper Analytical");
 *   <li>{@link UnlistedPlaces}: towns before their state ("Belleville, Ill."), after a street address
 *       ("of 734 Hartford Avenue, Providence,") and in datelines;
 *   <li>{@link ListedCities}, once every segment is read: towns of ANNIE's city list and GeoNames' U.S.
 *       towns after "in", "at" or "to" ("the conference in Columbus") or a person's "of", unless a
 *       person the article names has the word as surname;
 *   <li>{@link CompanyShortNames}: "Ionic" is "Ionic Industries Inc" once both are found;
 *   <li>{@link TeamShortNames}: "the Eagles" is a team once "Philadelphia Eagles" is found, and
 *       {@link HomeTeams}: on a sports page, "a loss to Kansas City" is the team;
 *   <li>{@link ArticlePersonVariants}: "Mickey Mantle" is "Mickey Charles Mantle" once both are found;
 *   <li>{@link SurnameResolver} and {@link RoleReferences}: surnames and "the president" of people
 *       named in full earlier in the article.
 * </ol>
 *
 * <p>then {@link PeriodNames} files a name under the actor it meant on the article's date ("Russia" in
 * 1961 is the Soviet Union), and {@link CountryInference} adds the country of every place and
 * government named, and the places of a dateline.
 *
 * <p><b>Salience.</b> Each mention weighs {@value #TITLE_WEIGHT} in the headline, {@value
 * #LEDE_WEIGHT} in the lede, {@value #SUMMARY_WEIGHT} in a key point or section heading and 1
 * elsewhere. An actor's raw score is the sum of its mentions' weights; its salience is that score
 * divided by the highest raw score in the article, rounded to three decimals, so the most
 * salient actor has 1.0 and an actor named once in the body of an article whose lead actor scores
 * 20 has 0.05. Salience ranks actors within an article; it is not a probability.
 *
 * <p>Demonyms ("Venezuelan", "French") are deliberately not matched: they describe people or
 * things from a country without naming an actor.
 *
 * <p>Thread-safe: immutable after construction, one instance serves every indexing thread.
 */
public final class ActorExtractor {
  static final double TITLE_WEIGHT = 3.0;
  static final double LEDE_WEIGHT = 2.0;
  static final double SUMMARY_WEIGHT = 1.5;
  private static final double BODY_WEIGHT = 1.0;

  private static final String DATA = "/org/morgue/indexer/enrich/actor/";

  private final Gazetteer gazetteer;
  private final NameRules rules;
  private final SurnameResolver surnames;
  private final ListedPersonVariants variants;
  private final ArticlePersonVariants articleVariants;
  private final CountryInference countries;
  private final KeywordNames keywordNames;
  private final OrganisationAppositives appositives;
  private final PossessiveUnits units;
  private final BracketedNames bracketed;
  private final CompanyShortNames companies;
  private final UnlistedPlaces places;
  private final ListedCities cities;
  private final PeriodNames periods;
  private final RoleReferences roles;
  private final TeamShortNames teams;
  private final AffiliationNames affiliations;
  private final CapitalPlaces capitals;
  private final LongerPlaceNames longerPlaces;
  private final PeopleLists lists;
  private final HomeTeams homeTeams;

  ActorExtractor(Gazetteer gazetteer, BracketedNames bracketed, KeywordNames keywordNames,
      PossessiveUnits units, OrganisationAppositives appositives, CompanyShortNames companies, NameRules rules,
      UnlistedPlaces places, SurnameResolver surnames, RoleReferences roles, CountryInference countries,
      CapitalPlaces capitals, LongerPlaceNames longerPlaces, DataFile usTowns) {
    this.bracketed = bracketed;
    this.longerPlaces = longerPlaces;
    this.capitals = capitals;
    this.lists = new PeopleLists(rules);
    this.homeTeams = new HomeTeams(gazetteer);
    this.companies = companies;
    this.appositives = appositives;
    this.units = units;
    this.roles = roles;
    this.gazetteer = gazetteer;
    this.keywordNames = keywordNames;
    this.rules = rules;
    this.places = places;
    this.cities = ListedCities.load(rules, gazetteer, usTowns);
    this.periods = PeriodNames.load(DataFile.read(DATA + "period-names.tsv"), gazetteer);
    this.surnames = surnames;
    this.variants = new ListedPersonVariants(gazetteer);
    this.articleVariants = new ArticlePersonVariants(gazetteer);
    this.countries = countries;
    this.teams = new TeamShortNames(gazetteer, Set.copyOf(DataFile.read(DATA + "place-plurals.txt").words()),
        Set.copyOf(DataFile.read(DATA + "sports-words.txt").words()));
    this.affiliations = new AffiliationNames(gazetteer, keywordNames.placeAndNoActorHeads(), keywordNames.notNameStarts());
  }

  /**
   * The first words of the places Morgue knows, U.S. towns and gazetteer places: "Chester", "Santa",
   * "Dakota", which the census lists as given names too.
   */
  private static Set<String> placeWords(Gazetteer gazetteer, DataFile usTowns) {
    Set<String> words = new java.util.HashSet<>();
    usTowns.words().forEach(town -> words.add(town.split(" ")[0]));
    gazetteer.actors().stream().filter(actor -> actor.type() == ActorType.PLACE)
        .forEach(actor -> words.add(actor.name().split(" ")[0]));
    return words;
  }

  /**
   * The extractor with the gazetteers that ship with Morgue: the files listed in {@code
   * actor/gazetteers.txt}, and the word lists the name rules use.
   */
  public static ActorExtractor fromResources() {
    List<DataFile> files =
        DataFile.read(DATA + "gazetteers.txt").words().stream().map(f -> DataFile.read(DATA + f)).toList();
    Gazetteer gazetteer = Gazetteer.load(files);
    DataFile usTowns = DataFile.read(DATA + "us-towns.txt");
    List<String> companySuffixes = DataFile.read(DATA + "company-suffixes.txt").words();
    NameRules rules = new NameRules(
        DataFile.read(DATA + "titles.txt").words(),
        companySuffixes,
        DataFile.read(DATA + "name-particles.txt").words(),
        DataFile.read(DATA + "not-names.txt").words(),
        GivenNames.load(DataFile.read(DATA + "nicknames.txt").words(), DataFile.read(DATA + "census-given-names.txt"),
            placeWords(gazetteer, usTowns)),
        Surnames.load(DataFile.read(DATA + "census-surnames.txt")),
        roleNouns());
    DataFile notNameStarts = DataFile.read(DATA + "not-name-starts.txt");
    KeywordNames keywordNames =
        KeywordNames.load(DataFile.read(DATA + "name-keywords.tsv"), companySuffixes,
            notNameStarts, DataFile.read(DATA + "place-plurals.txt"), DataFile.read(DATA + "industry-heads.txt"),
            gazetteer, rules::isPlainGivenName);
    Set<String> unitNouns = Set.copyOf(DataFile.read(DATA + "unit-nouns.txt").words());
    BracketedNames bracketed =
        new BracketedNames(Set.copyOf(notNameStarts.words()), keywordNames.organisationHeads(), unitNouns);
    SurnameResolver surnames =
        new SurnameResolver(gazetteer, rules, DataFile.read(DATA + "name-suffixes.txt").words());
    CapitalPlaces capitals = CapitalPlaces.load(DataFile.read(DATA + "capital-places.tsv"));
    LongerPlaceNames longerPlaces = new LongerPlaceNames(gazetteer);
    CountryInference countries = CountryInference.load(
        DataFile.read(DATA + "places-in-countries.tsv"), DataFile.read(DATA + "dateline-seats.tsv"), gazetteer,
        capitals.cities(), longerPlaces);
    RoleReferences roles = RoleReferences.load(DataFile.read(DATA + "role-references.tsv"), gazetteer);
    OrganisationAppositives appositives = new OrganisationAppositives(rules, Set.copyOf(notNameStarts.words()),
        Set.copyOf(DataFile.read(DATA + "organisation-nouns.txt").words()));
    PossessiveUnits units = new PossessiveUnits(rules, gazetteer, unitNouns);
    return new ActorExtractor(gazetteer, bracketed, keywordNames, units, appositives,
        new CompanyShortNames(gazetteer, companySuffixes), rules, new UnlistedPlaces(rules), surnames, roles, countries,
        capitals, longerPlaces, usTowns);
  }

  /**
   * Lower-case nouns that give a person's role after a name and a comma: ANNIE's job titles and
   * {@code actor/appositive-roles.txt}.
   */
  private static Set<String> roleNouns() {
    Set<String> roles = new HashSet<>();
    AnnieLists.singleWords(List.of("jobtitles.lst", "title_lower.lst"))
        .forEach(title -> roles.add(title.toLowerCase(java.util.Locale.ROOT)));
    roles.addAll(DataFile.read(DATA + "appositive-roles.txt").words());
    return roles;
  }

  /** How many actors the gazetteers know. */
  int knownActors() {
    return gazetteer.size();
  }

  /** Every actor the article names, most salient first; ties in order of first mention. */
  public List<Actor> extract(Article article) {
    String text = article.text();
    List<Segment> segments = segments(article, text);
    Set<String> filesNamed = new HashSet<>();
    List<Found> found = new ArrayList<>();
    for (Segment segment : segments) {
      for (TokenMatch match : bracketed.find(text, segment)) {
        found.add(found(segment, match));
      }
      if (!segment.headline()) {
        for (TokenMatch match : keywordNames.find(text, segment)) {
          found.add(found(segment, match));
        }
        for (TokenMatch match : units.find(text, segment)) {
          found.add(found(segment, match));
        }
      }
      List<TokenMatch> known = gazetteerMatches(text, segment, filesNamed);
      for (TokenMatch match : known) {
        found.add(found(segment, match));
      }
      if (!segment.headline()) {
        for (TokenMatch match : appositives.find(text, segment)) {
          found.add(found(segment, match));
        }
        List<TokenMatch> people = new ArrayList<>(known);
        for (TokenMatch match : rules.find(text, segment.tokens(), segment.covered())) {
          found.add(found(segment, match));
          people.add(match);
        }
        for (TokenMatch match : lists.find(text, segment, people)) {
          found.add(found(segment, match));
          people.add(match);
        }
        for (TokenMatch match : affiliations.find(text, segment, people)) {
          found.add(found(segment, match));
        }
      }
      if (segment != segments.getFirst()) {
        for (TokenMatch match : places.find(text, segment, known)) {
          found.add(found(segment, match));
        }
      }
    }
    // After every segment, so that a town's name that is the last word of someone the article names
    // anywhere ("Arnold Palmer ... to Palmer") stays his.
    Set<String> surnamesNamed = new HashSet<>();
    Set<Integer> peopleEnds = new HashSet<>();
    for (Found mention : found) {
      if (mention.actor().type() == ActorType.PERSON) {
        String name = mention.actor().name();
        surnamesNamed.add(name.substring(name.lastIndexOf(' ') + 1));
        peopleEnds.add(mention.end());
      }
    }
    for (Segment segment : segments.subList(1, segments.size())) {
      for (TokenMatch match : cities.find(text, segment, surnamesNamed, peopleEnds)) {
        found.add(found(segment, match));
      }
    }
    found = homeTeams.resolve(
        text, teams.resolve(companies.resolve(found), segments, surnamesNamed), () -> teams.sportsWords(segments));
    // Periods after the countries: "in Moscow" of 1961 is in the Soviet Union, as "Russia" of 1961 is.
    List<Found> resolved = periods.resolve(
        countries.addCountries(text, roles.resolve(segments,
            variants.resolve(surnames.resolve(text, segments, articleVariants.resolve(found))))),
        article.published());
    return rank(text, resolved,
        periods.resolve(countries.fromDateline(article, LEDE_WEIGHT), article.published()));
  }

  private static List<Segment> segments(Article article, String text) {
    List<Segment> segments = new ArrayList<>();
    Span title = article.titleSpan();
    segments.add(Segment.of(text, title.start(), title.end(), TITLE_WEIGHT, true));
    List<Span> spans = article.blockSpans();
    for (int b = 0; b < spans.size(); b++) {
      Block block = article.blocks().get(b);
      double weight = switch (block.kind()) {
        case LEDE -> LEDE_WEIGHT;
        case KEY_POINT, HEADING -> SUMMARY_WEIGHT;
        default -> BODY_WEIGHT;
      };
      Span span = spans.get(b);
      segments.add(Segment.of(text, span.start(), span.end(), weight, block.kind() == BlockKind.HEADING));
    }
    return segments;
  }

  private List<TokenMatch> gazetteerMatches(String text, Segment segment, Set<String> filesNamed) {
    List<TokenMatch> matches = new ArrayList<>();
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    for (int i = 0; i < tokens.size(); i++) {
      if (covered[i]) {
        continue;
      }
      Optional<GazetteerEntry> entry =
          gazetteer.longestMatch(tokens, i, segment.headline(), segment.shouting(), filesNamed);
      if (entry.isPresent() && segment.free(i, i + entry.get().tokens().size())
          && !(entry.get().tokens().size() == 1 && rules.endsMiddleInitialName(tokens, i, covered))
          && !namesSomeoneElse(tokens, i, i + entry.get().tokens().size(), entry.get(), segment, filesNamed)) {
        int end = i + entry.get().tokens().size();
        int townEnd = entry.get().actor().type() == ActorType.PLACE ? cities.townEnd(tokens, i, end) : end;
        TokenMatch match = townEnd > end && segment.free(i, townEnd)
            ? new TokenMatch(new ActorKey(NameRules.canonical(text, tokens, i, townEnd), ActorType.PLACE), i, townEnd)
            : longerPlaces.read(text, capitals.read(new TokenMatch(entry.get().actor(), i, end), segment), segment);
        matches.add(match.cover(covered));
        filesNamed.add(entry.get().file());
        i = match.end() - 1;
      }
    }
    return matches;
  }

  /**
   * Whether a listed person's name found here names someone or something else ({@link
   * NameRules#namesAnother}), or a town placed by its state ("Garland, Tex."). The other rules then
   * read the longer name for what it is. Headlines, where every word is capitalised, are left as they
   * were.
   */
  private boolean namesSomeoneElse(List<Token> tokens, int at, int end, GazetteerEntry entry, Segment segment,
      Set<String> filesNamed) {
    if (entry.actor().type() != ActorType.PERSON || segment.headline() || segment.shouting()) {
      return false;
    }
    if (rules.namesAnother(tokens, at, end, entry.tokens().size() == 1,
        k -> gazetteer.longestMatch(tokens, k, false, false, filesNamed).isPresent())) {
      return true;
    }
    return entry.tokens().size() == 1 && end + 1 < tokens.size() && tokens.get(end).key().equals(",")
        && gazetteer.longestMatch(tokens, end + 1, false, false, filesNamed)
            .filter(place -> place.actor().type() == ActorType.PLACE).isPresent();
  }

  private static Found found(Segment segment, TokenMatch match) {
    List<Token> tokens = segment.tokens();
    return new Found(
        match.actor(), tokens.get(match.first()).start(), tokens.get(match.end() - 1).end(), segment.weight());
  }

  /**
   * Groups mentions into actors and ranks them; {@code unplaced} are weights of actors named where
   * the text has no offsets (a dateline), which may have no mentions at all.
   */
  private List<Actor> rank(String text, List<Found> found, Map<ActorKey, Double> unplaced) {
    Map<ActorKey, List<Found>> byActor = new LinkedHashMap<>();
    found.stream()
        .filter(f -> FieldLengths.within(f.actor().name(), FieldLengths.MAX_ACTOR))
        .sorted(Comparator.comparingInt(Found::start))
        .forEach(f -> byActor.computeIfAbsent(f.actor(), a -> new ArrayList<>()).add(f));
    unplaced.keySet().stream().filter(actor -> FieldLengths.within(actor.name(), FieldLengths.MAX_ACTOR))
        .forEach(actor -> byActor.computeIfAbsent(actor, a -> new ArrayList<>()));
    Map<ActorKey, Double> raw = new HashMap<>();
    byActor.forEach((actor, mentions) -> raw.put(actor, rawScore(mentions) + unplaced.getOrDefault(actor, 0.0)));
    double top = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    List<Actor> actors = new ArrayList<>(byActor.size());
    byActor.forEach(
        (actor, mentions) ->
            actors.add(
                new Actor(
                    actor.name(),
                    actor.type(),
                    gazetteer.roleOf(actor),
                    mentions.stream().map(f -> new Mention(f.start(), f.end(), text.substring(f.start(), f.end()))).toList(),
                    Math.round(1000 * raw.get(actor) / top) / 1000.0,
                    gazetteer.aliasesOf(actor))));
    // Stable sort: equal salience keeps the order of first mention from the map.
    actors.sort(Comparator.comparingDouble(Actor::salience).reversed());
    return List.copyOf(actors);
  }

  private static double rawScore(List<Found> mentions) {
    return mentions.stream().mapToDouble(Found::weight).sum();
  }
}
