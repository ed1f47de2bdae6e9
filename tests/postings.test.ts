/**
 * The index's own tables: BM25 read straight from MiniSearch's postings must rank and score as MiniSearch's own
 * search does, with boosts and a passage filter; the sentence and token tables found at build time match the
 * text; the MiniSearch built in bulk is the one adding the passages would make.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { splitSentences } from '../src/corpus/sentences.ts';
import { analyze } from '../src/search/analyzer.ts';
import MiniSearch from 'minisearch';
import { loadCorpus, parseArticle } from '../src/corpus/load.ts';
import { exportState, miniSearchOptions } from '../src/search/miniSearchState.ts';
import { buildIndex, type NewsIndex } from '../src/search/newsIndex.ts';
import { buildFromFolder } from '../src/search/store.ts';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const QUERIES = ['ceasefire Aleppo aid', 'Kerry Lavrov talks Geneva', 'hospital bombed', 'United Nations envoy de Mistura', 'zzzz'];

describe('PassagePostings', () => {
  let index: NewsIndex;
  before(async () => {
    index = (await buildFromFolder(SEEDS)).index;
  });

  const termsOf = (query: string) => [...new Set(analyze(query).map((t) => t.term))];

  test('scores and orders passages as MiniSearch does, boosts included', () => {
    for (const query of QUERIES) {
      const terms = termsOf(query);
      const boosts = new Map(terms.map((term, i) => [term, 1 - i * 0.2]));
      const expected = index.search.search(terms.join(' '), { combineWith: 'OR', boostTerm: (term: string) => boosts.get(term) ?? 1 });
      const got = index.postings.search(boosts, 1000);
      assert.equal(got.length, expected.length, query);
      // MiniSearch multiplies the sum by the number of terms found; PassagePostings gives the plain sum.
      const expectedScore = new Map(expected.map((hit) => [hit.id as number, hit.score / hit.queryTerms.length]));
      for (const hit of got) assert.ok(Math.abs(hit.score - expectedScore.get(hit.passage)!) < 1e-9, `${query}: passage ${hit.passage}`);
      for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.score >= got[i]!.score, 'best first');
    }
  });

  test('keeps only the best `limit`, and only accepted passages', () => {
    const boosts = new Map(termsOf('ceasefire Aleppo aid Syria').map((term) => [term, 1]));
    const all = index.postings.search(boosts, 1000);
    assert.deepEqual(index.postings.search(boosts, 5), all.slice(0, 5));
    const even = index.postings.search(boosts, 1000, (passage) => passage % 2 === 0);
    assert.deepEqual(even, all.filter((hit) => hit.passage % 2 === 0));
    assert.deepEqual(index.postings.search(boosts, 0), []);
  });

  test('answers membership and lists passages per term', () => {
    const [term] = termsOf('Aleppo');
    const passages = [...index.postings.passagesWith(term!)];
    assert.equal(passages.length, index.postings.frequency(term!));
    assert.ok(passages.length > 0);
    for (const passage of passages) {
      assert.ok(index.postings.has(term!, passage));
      assert.ok(analyze(index.passageText(passage)).some((t) => t.term === term));
    }
    assert.equal(index.postings.has('no-such-term', passages[0]!), false);
  });

  test('the sentence table holds each passage’s sentences as splitting its text finds them', () => {
    for (let p = 0; p < index.passageCount; p++) {
      assert.deepEqual(index.readSentences(p).map((s) => s.span), splitSentences(index.passageText(p)), `passage ${p}`);
    }
    assert.equal(index.sentences.first.length, index.passageCount + 1);
  });

  test('the token table holds each sentence’s terms as analysing its text finds them, and where they stand', () => {
    for (let p = 0; p < index.passageCount; p++) {
      const text = index.passageText(p);
      const analysed = index.readSentences(p).map(({ span }) => analyze(text.slice(span.start, span.end)).map((t) => ({ ...t, start: span.start + t.start, end: span.start + t.end })));
      assert.deepEqual(index.readSentences(p).map((s) => s.terms), analysed.map((tokens) => tokens.map((t) => t.term)), `passage ${p}`);
      assert.deepEqual(index.passageTokens(p), analysed.flat().map(({ term, start, end }) => ({ term, start, end })), `passage ${p}`);
    }
  });
});

describe('the MiniSearch built from the analysed passages', () => {
  test('a document no thread can analyse fails the build; it does not end the process', async () => {
    const corpus = await loadCorpus(SEEDS);
    // The second batch's thread fails while the first is still analysing a long document.
    const long = { ...corpus.documents[0]!, id: 'long', paragraphs: Array.from({ length: 40 }, () => corpus.documents.flatMap((doc) => doc.paragraphs)).flat() };
    const broken = { ...corpus.documents[1]!, id: 'broken', paragraphs: [42 as unknown as string] };
    await assert.rejects(buildIndex({ ...corpus, documents: [long, broken, ...corpus.documents] }, 'test', { batchParagraphs: 1, inThreadBelow: 0 }));
  });

  test('is the same whichever threads analysed which documents: terms are numbered corpus-wide in document order', async () => {
    const corpus = await loadCorpus(SEEDS);
    // The seeds are few enough to be analysed in this thread; a batch per paragraph, with worker threads asked for,
    // spreads the five articles over every analysing thread.
    const whole = await buildIndex(corpus, 'test');
    const spread = await buildIndex(corpus, 'test', { batchParagraphs: 1, inThreadBelow: 0 });
    assert.deepEqual(spread.tokens, whole.tokens);
    assert.deepEqual(spread.stats, whole.stats);
    assert.deepEqual(exportState(spread.search), exportState(whole.search));
    const keys = (search: MiniSearch<unknown>) => [...(search as unknown as { _index: Map<string, unknown> })._index.keys()];
    assert.deepEqual(keys(spread.search as MiniSearch<unknown>), keys(whole.search as MiniSearch<unknown>));
  });

  test('is the one adding each passage\'s distinct terms would make, term order and field lengths included', async () => {
    const files = {
      'a.txt': 'Ferry strike\nThe ferry crews walked out on Monday.\nAnd so it was.\nCrews said the ferry owners had not paid them since May.\n',
      'b.txt': 'Harbour reopens\nThe harbour reopened after the storm, and the first ferry left at noon.\n',
    };
    const documents = Object.entries(files).map(([name, text]) => parseArticle(name, Buffer.from(text)));
    assert.ok(documents.every((doc) => !('reason' in doc)));
    const index = await buildIndex({ dir: 'test', documents: documents as never, skipped: [] }, 'test');
    const added = new MiniSearch(miniSearchOptions);
    for (let p = 0; p < index.passageCount; p++) added.add({ id: p, terms: [...new Set(index.readSentences(p).flatMap((s) => s.terms))].join(' ') });
    // A passage of stop words only ("And so it was.") has no terms, and MiniSearch still counts it one long.
    const stopWordsOnly = Array.from({ length: index.passageCount }, (_, p) => p).find((p) => index.passageText(p) === 'And so it was.');
    assert.ok(stopWordsOnly !== undefined && index.readSentences(stopWordsOnly).every((sentence) => sentence.terms.length === 0));
    const built = exportState(index.search);
    const expected = exportState(added);
    assert.deepEqual(built, expected);
    const keys = (search: MiniSearch<unknown>) => [...(search as unknown as { _index: Map<string, unknown> })._index.keys()];
    assert.deepEqual(keys(index.search as MiniSearch<unknown>), keys(added as MiniSearch<unknown>));
  });
});
