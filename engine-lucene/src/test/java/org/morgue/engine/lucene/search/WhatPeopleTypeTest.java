package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;

/**
 * Queries as people type and paste them, over the shipped corpus: common words, curly quotes, a
 * pasted headline's colon, a search that only excludes.
 */
class WhatPeopleTypeTest extends ShippedCorpusSearcherTest {
  static SearchResult search(String query) throws Exception {
    return searcher.search(SearchRequest.of(query));
  }

  static long total(String query) throws Exception {
    return search(query).total();
  }

  @Test
  void aCommonWordOutsideQuotesNarrowsNothing() throws Exception {
    // "the" was required of an actor's name, the one default field that keeps it: "the economy" found
    // only articles naming an actor with "the" in it (95 of economy's 186).
    assertTrue(total("economy") > 100, "economy: " + total("economy"));
    assertEquals(total("economy"), total("the economy"));
    assertEquals(total("war Iraq"), total("war in Iraq"));
    assertTrue(total("war in Iraq") > 0);
    assertEquals(total("Venezuela"), total("to Venezuela"));
    // A headline typed as it reads finds its article first.
    assertEquals("us-military-kill-claims-raise-the-stakes",
        search("US Military Kill Claims Raise the Stakes").hits().get(0).article().article().id());
  }

  @Test
  void aQueryOfOnlyCommonWordsSaysSoRatherThanFindingNothing() throws Exception {
    for (String common : java.util.List.of("to the", "\"the\"", "\u201Cof the\u201D")) {
      InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> search(common), common);
      assertTrue(refused.getMessage().contains("too common"), refused.getMessage());
    }
    assertEquals(total("economy"), total("\"the\" economy"));
    for (String nothing : java.util.List.of("\"\"", "&", "\u201C\u201D")) {
      InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> search(nothing), nothing);
      assertTrue(refused.getMessage().contains("no words to search"), refused.getMessage());
    }
    // A field that keeps every word still searches it.
    assertDoesNotThrow(() -> search("actor:\"Department of the Treasury\""));
  }

  @Test
  void aPhraseInQuotesIsTheWordsAsWrittenNotTheActorTheEnrichmentNamed() throws Exception {
    // The trial's journalist dated "Soviet Union" by its first hit: Coolidge's 1923 address, which says
    // "Russia" and which the enrichment names the Soviet Union. Quoted, it is the words in the text.
    assertEquals(total("body:\"Soviet Union\" OR title:\"Soviet Union\""), total("\"Soviet Union\""));
    assertTrue(total("\"Soviet Union\"") < total("actor:\"Soviet Union\""),
        total("\"Soviet Union\"") + " against " + total("actor:\"Soviet Union\""));
    for (SearchHit hit : search("\"Soviet Union\"").hits()) {
      String text = (hit.article().article().title() + " " + hit.article().article().body()).replaceAll("\\s+", " ");
      assertTrue(text.contains("Soviet Union") || text.contains("soviet union") || text.contains("SOVIET UNION"),
          hit.article().article().id());
    }
    assertTrue(total("Soviet") > total("body:Soviet OR title:Soviet"), "unquoted words still search the names too");
  }

  @Test
  void aPossessiveFindsWhatItsNameFinds() throws Exception {
    // "Soviet Union's" found 63 where "Soviet Union" finds 69: the articles that only their actors name
    // so (Coolidge's "Russia") were lost, since names kept the "'s" that prose drops.
    assertEquals(total("Soviet Union"), total("Soviet Union's"));
    assertEquals(total("Soviet Union"), total("Soviet Union\u2019s"));
    assertEquals(total("actor:\"Soviet Union\""), total("actor:\"Soviet Union's\""));
  }

  @Test
  void aHyphenAfterAnAbbreviationJoinsItsWordsAsAnyInnerHyphenDoes() throws Exception {
    // "U.S.-Soviet" was "Soviet" alone (71 articles) where three addresses write it.
    assertEquals(total("\"U.S. Soviet\""), total("U.S.-Soviet"));
    assertTrue(total("U.S.-Soviet") > 0 && total("U.S.-Soviet") < total("Soviet"), total("U.S.-Soviet") + " of " + total("Soviet"));
  }

  @Test
  void curlyQuotesMakeAPhraseAsStraightOnesDo() throws Exception {
    long phrase = total("\"grand jury\"");
    assertTrue(phrase > 0 && phrase < total("grand jury"), phrase + " of " + total("grand jury"));
    assertEquals(phrase, total("\u201Cgrand jury\u201D"));
    assertEquals(phrase, total("\u201Egrand jury\u201C"));
    assertEquals(phrase, total("\u00ABgrand jury\u00BB"));
    assertEquals(phrase, total("\u00AB grand jury \u00BB"));
    assertEquals(phrase, total("\u2018grand jury\u2019"));
    // A closing single quote inside a word is an apostrophe: the phrase runs on past it.
    long possessive = total("\"nation's economy\"");
    assertTrue(possessive > 0 && possessive < total("nation's economy"), possessive + "");
    assertEquals(possessive, total("\u2018nation\u2019s economy\u2019"));
    assertEquals(total("nation's economy"), total("nation\u2019s economy"), "an apostrophe alone opens nothing");
  }

  @Test
  void aColonBeforeASpaceIsPunctuationUnlessItsWordIsAField() throws Exception {
    assertEquals(total("Venezuela Maduro"), total("Venezuela: Maduro"));
    String headline = "Grover Cleveland: State of the Union, December 2, 1895";
    assertEquals("sotu-1895-cleveland", search(headline).hits().get(0).article().article().id());
    assertEquals(total("title:jury"), total("title: jury"));
    assertDoesNotThrow(() -> search("http://www.whitehouse.gov"), "a pasted address names no field");
    assertTrue(total("title: jury") < total("jury"));
    // Written against its word, a colon still names a field, and an unknown one is refused.
    InvalidQueryException unknown = assertThrows(InvalidQueryException.class, () -> search("Venezuela:Maduro"));
    assertTrue(unknown.getMessage().contains("unknown field 'Venezuela'"), unknown.getMessage());
  }

  @Test
  void anAmpersandInsideANameKeepsItOneWord() throws Exception {
    // One address says "AT&T"; before, the query was "at" (a stop word) and "t", found on initials.
    SearchResult att = search("AT&T");
    assertEquals(1, att.total(), att.hits().stream().map(hit -> hit.article().article().id()).toList().toString());
    assertEquals("sotu-1985-reagan", att.hits().get(0).article().article().id());
    long rAndD = total("R&D");
    assertTrue(rAndD >= 1 && rAndD <= 3, "R&D: " + rAndD);
    assertEquals(rAndD, total("r&d"));
  }

  @Test
  void usInCapitalsIsTheCountryNotThePronounNorEveryUse() throws Exception {
    // Porter made "use", "using" and "useful" "us", and folding made "US" the pronoun: 267 of 279 matched.
    assertEquals(total("U.S."), total("US"));
    assertEquals(total("body:\"U.S.\""), total("body:US"));
    // Before, "US", "us" and "used" were one term: each of these was 0.
    assertTrue(total("body:us -body:US") > 0, "the pronoun without the country");
    assertTrue(total("body:used -body:us") > 0, "'used' without the pronoun");
  }

  @Test
  void oneNameSpelledAsDesksAndDecadesSpellItIsOneWord() throws Exception {
    // The addresses say "Al Qaida" and, in two of them, "al Qaeda"; the 1961 clippings "Peking" and
    // "Teheran"; none says "Hezbollah" or "Myanmar". Today's spelling found only its own.
    String[][] spellings = {{"Qaeda", "Qaida"}, {"Beijing", "Peking"}, {"Tehran", "Teheran"}, {"Hezbollah", "Hizballah"},
        {"Myanmar", "Burma"}, {"Osama", "Usama"}};
    for (String[] names : spellings) {
      assertEquals(total(names[1]), total(names[0]), names[0] + " and " + names[1]);
      java.util.regex.Pattern today = java.util.regex.Pattern.compile("\\b" + names[0] + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
      long onlyTheOld = search(names[0]).hits().stream().map(hit -> hit.article().article().body())
          .filter(body -> !today.matcher(body).find()).count();
      assertTrue(onlyTheOld > 0, names[0] + " finds articles that spell it " + names[1] + " alone");
    }
    assertEquals(total("\"al Qaida\""), total("\"al Qaeda\""));
    // The actor field too: the gazetteer names the group al-Qaeda whatever the article wrote.
    assertTrue(total("actor:Qaida") > 0);
    assertEquals(total("actor:Qaeda"), total("actor:Qaida"));
    java.util.List<String> marked = search("Qaeda").hits().stream().flatMap(hit -> hit.snippet().parts().stream())
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.stream().anyMatch(text -> text.equals("Qaida")), "the spelling the article has is marked: " + marked);
    // A prefix of a spelling the index holds as another form still finds it.
    assertEquals(total("Qaida"), total("Qaid*"));
    assertEquals(0, total("Peking -Peki*"), "every article Peking finds, Peki* finds");
    assertEquals(total("body:Teheran"), total("body:Tehe*"));
    // An ordinary word is left alone: "used" is not "us", nor is a name's neighbour joined to it.
    assertTrue(total("Burma") < total("Burma OR Rangoon"), "Rangoon is its own word");
  }

  @Test
  void aDecadeIsOneWordWithOrWithoutItsApostropheAndNotTheYear() throws Exception {
    // The addresses write "the 1980's" and never "the 1980s"; the tokenizer made "1980's" the year
    // 1980 and an "s", so 1980s found no address and 1980's every one naming the year.
    long decade = total("1980s");
    assertTrue(decade >= 7, "1980s: " + decade + " " + search("1980s").hits().stream().map(hit -> hit.article().article().id()).toList());
    assertEquals(decade, total("1980's"));
    assertEquals(decade, total("1980\u2019s"));
    java.util.regex.Pattern written = java.util.regex.Pattern.compile("\\b1980['\u2019]?s\\b");
    java.util.List<String> bodies = search("1980s").hits().stream().map(hit -> hit.article().article().body()).toList();
    assertTrue(bodies.stream().allMatch(body -> written.matcher(body).find()), "every hit names the decade");
    assertTrue(total("1980") > decade, "the year is a word of its own");
    java.util.List<String> marked = search("1980s").hits().stream().flatMap(hit -> hit.snippet().parts().stream())
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.contains("1980's"), "the apostrophe is marked with its decade: " + marked);
  }

  @Test
  void anOrdinalIsOneWordInLettersOrInFigures() throws Exception {
    // The addresses say "twentieth century" and "20th century", "Fourth of July" and "4th of July";
    // each writing found only its own.
    for (String[] writings : new String[][] {{"\"20th century\"", "\"twentieth century\"", "\"twentieth-century\""},
        {"\"4th of July\"", "\"Fourth of July\""}, {"14th", "fourteenth"}}) {
      assertTrue(total(writings[0]) > 0, writings[0]);
      for (String writing : writings) {
        assertEquals(total(writings[0]), total(writing), writing + " finds what " + writings[0] + " does");
      }
    }
    java.util.regex.Pattern figures = java.util.regex.Pattern.compile("\\b20th century");
    assertTrue(search("\"20th century\"").hits().stream().map(hit -> hit.article().article().body())
        .anyMatch(body -> !figures.matcher(body).find()), "20th century finds an address that writes it in letters");
    // "first" and "second" are mostly other words ("at first", "a second"): 1st is not every first.
    assertTrue(total("1st") < total("first"), total("1st") + " of " + total("first"));
  }

  @Test
  void aFigureWithAPercentSignIsThatFigurePercentHoweverWritten() throws Exception {
    // The tokenizer dropped the sign: "5%" searched the bare number, every article holding a 5, and
    // the addresses' "at an interest of 5%" was not "5 percent".
    long phrase = total("\"5 percent\"");
    for (String writing : java.util.List.of("5%", "\"5%\"", "\"5 per cent\"")) {
      assertEquals(phrase, total(writing), writing + " finds what \"5 percent\" does");
    }
    assertTrue(phrase > 0 && phrase < total("5") / 2, phrase + " of " + total("5"));
    java.util.regex.Pattern worded = java.util.regex.Pattern.compile("\\b5 per ?cent", java.util.regex.Pattern.CASE_INSENSITIVE);
    java.util.List<org.morgue.search.SearchHit> signOnly = search("5%").hits().stream()
        .filter(hit -> !worded.matcher(hit.article().article().body()).find()).toList();
    assertTrue(!signOnly.isEmpty(), "5% finds an article that writes only the sign");
    String marked = signOnly.get(0).snippet().parts().stream().filter(org.morgue.search.Snippet.Part::marked)
        .map(org.morgue.search.Snippet.Part::text).collect(java.util.stream.Collectors.joining(" "));
    assertTrue(marked.contains("%"), "the sign is marked with its figure: " + marked);
    assertEquals(total("interest AND \"5 percent\""), total("interest 5%"));
  }

  @Test
  void aDateTypedInFiguresFindsItWrittenInWords() throws Exception {
    // The texts write dates in words, never in figures: "12/7/1941" found nothing.
    assertTrue(total("\"December 7, 1941\"") > 0);
    assertEquals(total("\"December 7, 1941\""), total("12/7/1941"));
    assertEquals(total("\"July 4, 1776\""), total("07/04/1776"));
    // Cut short as the clippings cut months: one writes "Sept. 19, 1961".
    assertTrue(total("\"Sept. 19, 1961\"") > 0);
    assertEquals(total("\"Sept. 19, 1961\""), total("9/19/1961"));
    // No such day: the figures as typed.
    assertEquals(0, total("13/45/1941"));
  }

  @Test
  void aDayWithoutItsYearIsFoundHoweverTheTextsWriteIt() throws Exception {
    // A journalist's trial (session 45): "9/11" missed the addresses of 2002 to 2006, which say
    // "September the 11th", and "September 11th" found nothing at all.
    java.util.List<String> nineEleven = ids(search("9/11"));
    for (String year : new String[] {"2002", "2003", "2004", "2005", "2006", "2007", "2011"}) {
      assertTrue(nineEleven.stream().anyMatch(id -> id.startsWith("sotu-" + year + "-")), year + ": " + nineEleven);
    }
    assertTrue(total("9/11") > total("\"9 11\""));
    long september11 = total("\"September 11\"");
    for (String typed : new String[] {"September 11", "September 11th", "Sept. 11", "September the 11th",
        "\"the 11th of September\""}) {
      assertEquals(september11, total(typed), typed);
    }
    assertTrue(ids(search("September 11th")).contains("sotu-2002-bush"));
    // Every month with its day is a date, not only those newspapers cut short: "July 4" found a July
    // beside any 4.
    assertTrue(total("July 4") < total("July AND 4"), "July 4");
    assertEquals(total("July 4"), total("7/4"));
    // A common fraction stays the numbers it is, not the 4th of March.
    assertEquals(total("\"3 4\""), total("3/4"));
  }

  @Test
  void aBareTildeAllowsTheEditsAWordOfItsLengthCanBear() throws Exception {
    // A journalist's trial (session 45): "Cuban~" matched 272 of 279 articles, the first on "can".
    long cuban = total("Cuban~");
    assertTrue(cuban < 100, "Cuban~: " + cuban);
    assertEquals(total("Cuban~1"), cuban);
    assertTrue(total("Cuban~2") > cuban, "two edits asked for are two edits");
    assertTrue(total("Cuban~") >= total("Cuba"), "Cuba is one edit from Cuban");
    // A long word still gets two: a misspelt name is found.
    assertEquals(total("Khrushchev"), total("Khrushcheb~"));
  }

  private static java.util.List<String> ids(SearchResult result) {
    return result.hits().stream().map(hit -> hit.article().article().id()).toList();
  }

  @Test
  void aBritishSpellingFindsTheAmericanOne() throws Exception {
    // The archive is American: "defence", "labour" and "colour" found nothing, "organisation" three
    // articles (through an actor's name, "World Trade Organisation") of the hundreds that say "organization".
    for (String[] words : new String[][] {{"defence", "defense"}, {"labour", "labor"}, {"organisation", "organization"},
        {"colour", "color"}, {"centre", "center"}, {"programme", "program"}, {"organised", "organized"}}) {
      assertTrue(total(words[1]) > 10, words[1] + ": " + total(words[1]));
      assertEquals(total(words[1]), total(words[0]), words[0]);
    }
    assertEquals(total("\"national defense\""), total("\"national defence\""));
    assertEquals(total("theme:\"Organized crime\""), total("theme:\"Organised crime\""));
    assertTrue(total("theme:\"Organised crime\"") > 0);
    java.util.List<String> marked = search("defence").hits().get(0).snippet().parts().stream()
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.stream().anyMatch(text -> text.equalsIgnoreCase("defense")), "the article's own spelling is marked: " + marked);
    assertEquals(0, total("organisation -organis*"), "a prefix of the British spelling finds what it does");
  }

  @Test
  void aLoneStarOrStarColonStarIsEverythingAsInSolrAndElasticsearch() throws Exception {
    long all = total("");
    assertTrue(all > 0);
    assertEquals(all, total("*"));
    assertEquals(all, total(" *:* "));
  }

  @Test
  void aSearchThatOnlyExcludesFindsEverythingElse() throws Exception {
    long all = total("");
    long venezuela = total("Venezuela");
    assertTrue(venezuela > 0 && venezuela < all);
    assertEquals(all - venezuela, total("-Venezuela"));
    assertEquals(all - venezuela, total("NOT Venezuela"));
    assertEquals(total("grand -jury"), total("grand AND (NOT jury)"));
    assertTrue(total("grand -jury") > 0);
  }

  @Test
  void aHighlightMarksTheWordsSearchedNotTheTextBetweenThem() throws Exception {
    // Words typed together are also rewarded for standing close, through a sloppy phrase; a highlighter
    // marks a phrase's match whole, so "dictator Maduro" marked "dictator of Venezuela, Nicolás Maduro".
    for (String query : java.util.List.of("dictator Maduro", "Venezuela Maduro")) {
      java.util.List<String> marked = searcher.search(org.morgue.search.SearchRequest.of(query)).hits().get(0).snippet()
          .parts().stream().filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
      assertTrue(!marked.isEmpty() && marked.stream().allMatch(text -> !text.contains(" ")), query + ": " + marked);
    }
    java.util.List<String> phrase = searcher.search(org.morgue.search.SearchRequest.of("\"grand jury\"")).hits().get(0)
        .snippet().parts().stream().filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(phrase.stream().anyMatch(text -> text.equalsIgnoreCase("grand jury")), "a phrase typed is marked whole: " + phrase);
  }

  @Test
  void aHyphenInsideAWordJoinsItsPartsAsASlashDoes() throws Exception {
    // Apart, "9-11" found baseball scores and dates; "anti-guerrilla" ranked "anti-Negro" first.
    long hyphen = total("9-11");
    assertEquals(total("\"9 11\""), hyphen);
    assertTrue(hyphen < total("9 11"), hyphen + " of " + total("9 11"));
    assertEquals(total("\"anti guerrilla\""), total("anti-guerrilla"));
    assertEquals(total("-Venezuela"), total("-Venezuela"), "a leading hyphen still excludes");
    assertTrue(total("-Venezuela") > total("Venezuela"));
  }

  @Test
  void aWordTheYearsWriteClosedOpenOrHyphenatedIsFoundHoweverItIsTyped() throws Exception {
    // Kennedy's addresses say "Viet Nam" and "Viet-Nam", later ones "Vietnam"; Brown's 1961 clippings
    // "per cent" where today's text says "percent". "Vietnam" found 25 articles and "ceasefire" none.
    // A regular expression searches one indexed term as written, so in the body it counts the closed
    // word alone (the actor field names the country Vietnam however the text wrote it).
    for (String[] writings : new String[][] {{"Vietnam", "Viet-Nam", "Viet Nam", "\"Viet Nam\""},
        {"percent", "per cent", "per-cent", "\"per cent\""}, {"cooperation", "co-operation"}, {"cooperate", "co-operate", "co-operated"},
        {"worldwide", "world-wide", "\"world wide\""}, {"ceasefire", "cease-fire", "cease fire"},
        {"teenagers", "teen-agers"}, {"teenage", "teen-age"}, {"WWII", "\"World War II\"", "\"Second World War\"", "WW2", "ww2", "\"World War 2\"", "\"World War Two\""}}) {
      long all = total(writings[0]);
      for (String writing : writings) {
        assertEquals(all, total(writing), writing + " finds what " + writings[0] + " does");
      }
    }
    assertTrue(total("body:Vietnam") > total("body:/vietnam/"), "Vietnam also finds Viet-Nam: " + total("body:/vietnam/"));
    assertTrue(total("body:percent") > total("body:/percent/"), "percent also finds per cent: " + total("body:/percent/"));
    assertTrue(total("ceasefire") > 0);
    // No text says "WWII": it finds the addresses that say "World War II" and those that say "Second World War".
    java.util.List<String> bodies = searcher.search(new SearchRequest("WWII", java.util.Map.of(), java.util.Optional.empty(),
        java.util.Optional.empty(), org.morgue.search.SortOrder.RELEVANCE, 100, 10)).hits().stream()
        .map(hit -> hit.article().article().body()).toList();
    assertTrue(bodies.stream().anyMatch(body -> body.contains("World War II") && !body.contains("Second World War")));
    assertTrue(bodies.stream().anyMatch(body -> body.contains("Second World War") && !body.contains("World War II")));
    assertTrue(search("Vietnam").hits().stream().map(hit -> hit.article().article().id()).toList()
        .contains("sotu-1963-kennedy"), "Kennedy's 1963 address, which says Viet-Nam");
    java.util.List<String> marked = search("Vietnam").hits().stream().flatMap(hit -> hit.snippet().parts().stream())
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.contains("Viet-Nam") && marked.contains("Vietnam"), "each article's writing is marked: " + marked);
    // Inside a longer phrase too: "percent increase" found none of Brown's "per cent increase".
    for (String[] writings : new String[][] {{"\"percent increase\"", "\"per cent increase\"", "\"per-cent increase\""},
        {"\"cooperation between\"", "\"co-operation between\""}, {"\"the Vietnam war\"", "\"the Viet-Nam war\""}}) {
      long all = total(writings[0]);
      assertTrue(all > 0, writings[0]);
      for (String writing : writings) {
        assertEquals(all, total(writing), writing + " finds what " + writings[0] + " does");
      }
    }
    assertTrue(search("\"percent increase\"").hits().stream().map(hit -> hit.article().article().id()).toList()
        .contains("brown-ca19"), "the 1961 clipping that says \"per cent increase\"");
    // Words typed apart that the list does not hold stay two words; a hyphen before a word excludes it.
    assertEquals(total("long AND time"), total("long time"));
    assertTrue(total("per -cent") < total("per"));
    assertEquals(total("per") - total("per AND cent"), total("per -cent"));
  }

  @Test
  void aSaintOrATitleCutShortIsFoundWrittenInFullAndTheOtherWayRound() throws Exception {
    // The clippings write "St. Louis" and "Mt. Vernon" (the addresses "Mount Vernon"): "Saint Louis"
    // and "Mt. Vernon" found nothing.
    for (String[] writings : new String[][] {{"\"St. Louis\"", "\"Saint Louis\"", "\"st louis\""},
        {"\"Mount Vernon\"", "\"Mt. Vernon\"", "\"mt vernon\""}, {"\"Lt. Gov.\"", "\"lieutenant governor\""},
        {"\"St. Louis club\"", "\"the Saint Louis club\""}, {"\"Mr. President\"", "\"Mister President\""},
        {"\"Feb. 9\"", "\"February 9\""}, {"\"Jan. 20\"", "\"January 20\"", "\"jan 20\""}}) {
      assertTrue(total(writings[0]) > 0, writings[0]);
      for (String writing : writings) {
        assertEquals(total(writings[0]), total(writing), writing + " finds what " + writings[0] + " does");
      }
    }
    // Typed without quotes the words still match apart, as before, and the pair also as the phrase.
    assertEquals(total("\"St. Louis\""), total("Saint Louis"), "no text says Saint and Louis");
    assertEquals(total("St. Louis"), total("St AND Louis"));
    assertTrue(total("Mt. Vernon") >= total("\"Mount Vernon\""));
    assertTrue(total("lieutenant governor") > total("\"lieutenant governor\""));
    // A month cut short before a day, as the clippings write dates, finds the addresses that write
    // it in full: "Feb. 9" found only clippings.
    // With the year after a comma, as a date is written: "Sept. 11, 2001" found nothing.
    assertTrue(total("Sept. 11, 2001") > 0);
    assertEquals(total("\"September 11\" AND 2001"), total("Sept. 11, 2001"));
    // And the month and day are a date only together: "Sept. 11" found a clipping's "Sept. 6" with an
    // "11" elsewhere, "Dec. 7, 1941" Truman's table of "Oct.-Dec. 1945" and "$7".
    for (String date : new String[] {"Sept. 11", "Feb. 9", "Dec. 7", "Jan. 20th"}) {
      assertEquals(total("\"" + date + "\""), total(date), date);
    }
    assertEquals(total("\"December 7\" AND 1941"), total("Dec. 7, 1941"));
    java.util.List<String> ninthOfFebruary = search("Feb. 9").hits().stream().map(hit -> hit.article().article().id()).toList();
    assertTrue(ninthOfFebruary.stream().anyMatch(id -> id.startsWith("brown-"))
        && ninthOfFebruary.stream().anyMatch(id -> id.startsWith("sotu-")), ninthOfFebruary.toString());
    java.util.List<String> marked = search("Saint Louis").hits().stream().flatMap(hit -> hit.snippet().parts().stream())
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.contains("St. Louis"), "the article's writing is marked: " + marked);
    // A short form with no name after it is left as typed: "St." ending "Main St." is a street.
    assertEquals(total("main AND st"), total("Main St."));
    assertEquals(total("\"main st\""), total("\"Main St.\""));
  }

  @Test
  void aWordFindsItsInflectionsButNotTheWordsDerivedFromIt() throws Exception {
    for (String[] forms : new String[][] {{"election", "elections"}, {"tax", "taxes"}, {"vote", "voted", "voting"},
        {"negotiation", "negotiations"}}) {
      for (String form : forms) {
        assertEquals(total(forms[0]), total(form), form + " finds what " + forms[0] + " does");
      }
    }
    // Porter made each pair one word: "communism" found 234 of the 279 articles, as "community" did,
    // and "news" found every article saying "new".
    for (String[] pair : new String[][] {{"communism", "community"}, {"news", "new"}, {"business", "busy"},
        {"university", "universe"}}) {
      assertTrue(total(pair[0]) > 0 && total(pair[1]) > 0, pair[0] + ", " + pair[1]);
      assertTrue(total(pair[0] + " -" + pair[1]) > 0 || total(pair[1] + " -" + pair[0]) > 0,
          pair[0] + " and " + pair[1] + " are two words");
    }
    assertTrue(total("communism") < 100, "communism: " + total("communism"));
  }

  @Test
  void anAcronymWithDotsIsTheAcronym() throws Exception {
    // Brown's 1961 clippings and most addresses write "U.N.", later ones "UN": each found 14 and 23
    // articles, 4 of them both. "U.S.S.R." and "USSR" found 2 each, none the same.
    for (String[] writings : new String[][] {{"UN", "U.N.", "u.n."}, {"USSR", "U.S.S.R."}, {"FBI", "F.B.I."}}) {
      for (String writing : writings) {
        assertEquals(total(writings[0]), total(writing), writing + " finds what " + writings[0] + " does");
      }
    }
    assertTrue(total("body:UN") > 20, "UN: " + total("body:UN"));
    java.util.List<String> marked = search("UN").hits().stream().flatMap(hit -> hit.snippet().parts().stream())
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.contains("U.N") || marked.contains("U.N."), "the article's own writing is marked: " + marked);
    // The country stays the country, apart from the pronoun.
    assertEquals(total("US"), total("U.S."));
    assertEquals(total("U.S."), total("u.s."));
    assertTrue(total("body:us -body:US") > 0);
  }

  @Test
  void aNumberIsOneNumberWithOrWithoutItsThousandsCommas() throws Exception {
    // The texts write "10,000"; "10000" found none of them.
    for (String[] number : new String[][] {{"10,000", "10000"}, {"1,000,000", "1000000"}}) {
      assertTrue(total(number[0]) > 10, number[0] + ": " + total(number[0]));
      assertEquals(total(number[0]), total(number[1]), number[1]);
    }
    assertEquals(total("\"1,000 miles\""), total("\"1000 miles\""));
    assertTrue(total("\"1,000 miles\"") > 0);
  }

  @Test
  void anActorsOtherNameOrAcronymFindsTheArticlesNamingIt() throws Exception {
    // No address says "FDR", "JFK" or "LBJ": each found nothing, while the archive names the three
    // presidents in dozens of articles.
    for (String[] person : new String[][] {{"FDR", "Franklin D. Roosevelt"}, {"JFK", "John F. Kennedy"},
        {"LBJ", "Lyndon B. Johnson"}}) {
      long named = total("actor:\"" + person[1] + "\"");
      assertTrue(named > 5, person[1] + ": " + named);
      assertEquals(named, total(person[0] + " AND actor:\"" + person[1] + "\""), person[0] + " finds every one");
      assertEquals(total(person[0]), total("actor:" + person[0]));
    }
    assertEquals(total("F.D.R."), total("FDR"));
    // A country's acronym too: "UK" found nothing, while 159 articles name the United Kingdom
    // (as "Britain", "Great Britain", "England"...).
    long kingdom = total("actor:\"United Kingdom\"");
    assertTrue(kingdom > 100, "United Kingdom: " + kingdom);
    assertEquals(kingdom, total("UK AND actor:\"United Kingdom\""));
    assertEquals(total("UK"), total("U.K."));
    // The hit says why it is there: the sentence naming the person, marked, not the lead (where the
    // body names them: Roosevelt's own addresses name him in their title alone).
    java.util.List<String> marked = search("JFK").hits().get(0).snippet().parts().stream()
        .filter(org.morgue.search.Snippet.Part::marked).map(org.morgue.search.Snippet.Part::text).toList();
    assertTrue(marked.stream().anyMatch(text -> text.contains("Kennedy")), marked.toString());
    // Completions and the actor list's filter box know them too, and the filter box any word of a name.
    assertEquals("Franklin D. Roosevelt", searcher.suggest("FDR", 5).getFirst().value());
    assertTrue(searcher.suggest("UK", 5).stream().anyMatch(s -> s.value().equals("United Kingdom")));
    assertEquals(java.util.List.of("Franklin D. Roosevelt"), actorsListed("FDR"));
    assertTrue(actorsListed("Roosevelt").containsAll(java.util.List.of("Franklin D. Roosevelt", "Theodore Roosevelt")),
        actorsListed("Roosevelt").toString());
    assertTrue(actorsListed("ike").contains("Dwight D. Eisenhower"), actorsListed("ike").toString());
    // A place's demonym is no such name: "American" finds what the words say, not every U.S. article.
    assertTrue(total("American") < total("actor:\"United States\""), total("American") + "");
  }

  /** The actors the whole archive's actor list shows when narrowed by {@code typed}. */
  private static java.util.List<String> actorsListed(String typed) throws Exception {
    SearchRequest narrowed = new SearchRequest("", java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty(),
        org.morgue.search.SortOrder.NEWEST, 0, 10, java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Map.of("actor", typed));
    return searcher.search(narrowed).facets().get("actor").stream().map(org.morgue.search.FacetCount::value).toList();
  }

  @Test
  void orInLowerCaseBetweenTwoWordsIsTheOperator() throws Exception {
    assertEquals(total("Cuba OR Soviet"), total("Cuba or Soviet"));
    assertTrue(total("Cuba or Soviet") > total("Cuba Soviet"), "either, not both");
    assertEquals(total("\"war or peace\""), total("\"war or peace\""), "inside quotes it stays a word");
  }

  /**
   * A hit found through an actor shows that actor's sentence, not that of another whose name shares
   * a word: Bush's 2006 address showed "the good life of Coretta Scott King" for Martin Luther King
   * Jr. (a journalist's trial, session 38). And a person named with a middle name the list gives
   * otherwise is the listed person: "Nikita S. Khrushchev" was a second Khrushchev in the facet.
   */
  @Test
  void anActorsHitShowsThatActorsSentenceAndANameWithAMiddleInitialIsTheListedPerson() throws Exception {
    SearchResult king = search("actor:\"Martin Luther King Jr.\"");
    org.morgue.search.SearchHit bush = king.hits().stream()
        .filter(hit -> hit.article().article().id().equals("sotu-2006-bush")).findFirst().orElseThrow();
    String marked = bush.snippet().parts().stream().filter(org.morgue.search.Snippet.Part::marked)
        .map(org.morgue.search.Snippet.Part::text).collect(java.util.stream.Collectors.joining("|"));
    assertEquals("Martin Luther King", marked, bush.snippet().toString());
    java.util.List<String> khrushchevs = actorsListed("Khrushchev");
    assertEquals(java.util.List.of("Nikita Khrushchev"), khrushchevs);
    assertTrue(actorsListed("Eisenhower").stream().noneMatch(name -> name.startsWith("Dwight David")),
        actorsListed("Eisenhower").toString());
  }

  /**
   * A decade typed in words or cut short is the decade: "sixties" found "sixty billion dollars" by
   * its stem, and "'60s" and "the 80s" found nothing (a journalist's trial, session 38).
   */
  @Test
  void aDecadeInWordsOrCutShortIsSearchedAsTheArchiveWritesIt() throws Exception {
    long sixties = total("1960s");
    assertTrue(sixties > 0);
    for (String typed : java.util.List.of("sixties", "Sixties", "'60s", "\u201960s", "60s", "the 60s")) {
      SearchResult result = search(typed);
      assertEquals(sixties, result.total(), typed);
      assertTrue(result.interpretation().orElseThrow().query().contains("1960s"), typed);
    }
    assertEquals(total("1980s"), total("the eighties"));
    assertEquals(total("1960s Cuba"), total("sixties Cuba"));
    assertTrue(search("\"sixties\"").interpretation().isEmpty(), "quoted, as typed");
    assertTrue(search("1960s").interpretation().isEmpty());
  }

  /**
   * "not" in lower case stays a word, as "found not guilty" needs, and a word too common to search:
   * "Cuba not missiles" finds the articles naming both, so the answer says "not" was left out and how
   * to exclude (a journalist's trial, session 38, got the opposite of the coverage meant, unwarned).
   */
  @Test
  void notInLowerCaseIsLeftOutAndTheAnswerSaysSo() throws Exception {
    SearchResult typed = search("Cuba not missiles");
    assertEquals(total("Cuba missiles"), typed.total());
    assertTrue(total("Cuba NOT missiles") > typed.total(), "NOT is the operator: " + total("Cuba NOT missiles"));
    assertEquals("Cuba missiles", typed.interpretation().orElseThrow().query());
    assertTrue(typed.interpretation().orElseThrow().reason().contains("write NOT in capitals"),
        typed.interpretation().orElseThrow().reason());
    assertEquals("guilty", search("Not guilty").interpretation().orElseThrow().query());
    for (String stays : java.util.List.of("Cuba NOT missiles", "\"not guilty\"", "nothing notable", "Cuba missiles", "knot")) {
      assertTrue(search(stays).interpretation().isEmpty(), stays);
    }
  }

  @Test
  void orJoinsTheWordsBesideItBeforeTheOthersAreRequired() throws Exception {
    // Lucene's parser made Cuba and Soviet optional here: the 42 articles on missiles, ten naming neither.
    assertEquals(total("(Cuba OR Soviet) missiles"), total("Cuba OR Soviet missiles"));
    assertTrue(total("Cuba OR Soviet missiles") < total("missiles"), "missiles alone: " + total("missiles"));
    assertEquals(total("Cuba OR Soviet missiles"), total("missiles Cuba OR Soviet"));
    assertEquals(total("Cuba OR Soviet missiles"), total("Cuba or Soviet missiles"));
    assertEquals(total("tax AND (jury OR senate)"), total("tax AND jury OR senate"));
    assertTrue(total("tax AND jury OR senate") < total("tax"));
    assertEquals(total("(Cuba OR Soviet) missiles -Russia"), total("Cuba OR Soviet missiles -Russia"));
    assertEquals(total("Cuba") + total("Soviet") - total("Cuba Soviet"), total("Cuba OR Soviet"), "OR alone is either");
    // From the second trial: an AND after an OR made its word required again, and two OR groups one
    // word apart became one.
    assertEquals(total("(Cuba OR Soviet) AND missiles"), total("Cuba OR Soviet AND missiles"));
    assertEquals(total("(Cuba OR Soviet) (missiles OR rockets)"), total("Cuba OR Soviet missiles OR rockets"));
    assertTrue(total("Cuba OR Soviet missiles OR rockets") < total("Cuba OR Soviet OR missiles OR rockets"));
    assertEquals(total("war AND (peace OR treaty) AND alliance"), total("war AND peace OR treaty AND alliance"));
    assertEquals(total("(Cuba OR Soviet) -missiles"), total("Cuba OR Soviet AND NOT missiles"));
    assertEquals(total("Cuba OR Soviet missiles"), total("Cuba Or Soviet missiles"), "Or with a capital is the operator too");
    assertEquals(total("Soviet -Cuba"), total("NOT Cuba OR Soviet"), "an exclusion stays the one word after it");
    assertEquals(total("Cuba OR Soviet") - total("(Cuba OR Soviet) missiles"), total("Cuba OR Soviet -missiles"),
        "OR with only an exclusion beside it stays either, less the excluded");
  }
}
