/**
 * Analysing the archive for the index numbers each term once and reports each spelling once, however many batches
 * and worker threads it is split over: the numbers must give back exactly the terms `analyze` gives each sentence.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../src/search/analyzer.ts';
import { AnalysisState, analyzeDocuments, type AnalyzedBatch } from '../src/search/passageAnalysis.ts';

const DOCUMENTS = [
  {
    paragraphs: [
      'Russian and U.S. diplomats met in Geneva on Monday. The United States said 20,000 people had fled.',
      'SAID the Russian envoy: "Geneva is said to be ready." Russia, the US and the UN said so.',
    ],
  },
  { paragraphs: ['The U.N. envoy said the United States of America and Russia met again; 20000 people, 20,000 homes.'] },
  { paragraphs: ['Said said SAID. Geneva, Genève, geneva. Franco-Spanish talks; Sino-US trade; U.S.-Russian ties.'] },
  // A word that opens an alias phrase is also a word of its own: "United" alone is no country.
  { paragraphs: ['United we stand, the United States said. The United Nations met. Russians and Russia; united.'] },
];

/** Each batch's sentences as their terms, read back through the numbers and the vocabulary the batches built. */
function termsByNumber(batches: AnalyzedBatch[]): string[][] {
  const vocabulary: string[] = [];
  const sentences: string[][] = [];
  for (const batch of batches) {
    vocabulary.push(...batch.newTerms);
    let token = 0;
    for (const count of batch.tokenCounts) {
      sentences.push([...batch.tokenTerms.slice(token, token + count)].map((id) => vocabulary[id]!));
      token += count;
    }
  }
  return sentences;
}

/** The same sentences analysed one by one. */
function termsByAnalysis(batches: AnalyzedBatch[], documents: typeof DOCUMENTS): string[][] {
  const sentences: string[][] = [];
  for (const batch of batches) {
    let sentence = 0;
    for (let p = 0; p < batch.spans.length / 4; p++) {
      const [doc, paragraph, start, end] = batch.spans.slice(p * 4, p * 4 + 4);
      const text = documents[doc!]!.paragraphs[paragraph!]!.slice(start, end);
      for (let s = 0; s < batch.sentenceCounts[p]!; s++, sentence++) {
        const [from, to] = batch.sentenceBounds.slice(sentence * 2, sentence * 2 + 2);
        sentences.push(analyze(text.slice(from, to)).map((token) => token.term));
      }
    }
  }
  return sentences;
}

describe('analysing documents for the index', () => {
  test('term numbers read back as the terms of each sentence, across batches sharing one state', () => {
    const state = new AnalysisState();
    const batches = DOCUMENTS.map((doc, i) => analyzeDocuments([doc], i, state));
    assert.deepEqual(termsByNumber(batches), termsByAnalysis(batches, DOCUMENTS));
    const numbered = batches.flatMap((b) => b.newTerms);
    assert.equal(new Set(numbered).size, numbered.length, 'no term is numbered twice');
  });

  test('each spelling is reported once, with its term, by the first batch that has it', () => {
    const state = new AnalysisState();
    const batches = DOCUMENTS.map((doc, i) => analyzeDocuments([doc], i, state));
    const expected = new Map<string, { term: string; batch: number }>();
    DOCUMENTS.forEach((doc, batch) => {
      for (const token of doc.paragraphs.flatMap((text) => analyze(text))) {
        if (token.surface.length >= 4 && !token.surface.includes(' ') && !expected.has(token.surface)) expected.set(token.surface, { term: token.term, batch });
      }
    });
    const reported = batches.flatMap((b, batch) => b.spellings.map(([surface, term]) => [surface, { term, batch }] as const));
    assert.equal(reported.length, expected.size, 'each spelling once');
    assert.deepEqual(new Map(reported), expected);
  });

  test('a fresh state numbers from zero again, whatever another analysis numbered before', () => {
    analyzeDocuments(DOCUMENTS, 0, new AnalysisState());
    const batch = analyzeDocuments([DOCUMENTS[2]!], 0, new AnalysisState());
    assert.deepEqual(termsByNumber([batch]), termsByAnalysis([batch], [DOCUMENTS[2]!]));
    assert.deepEqual(batch.newTerms, [...new Set(batch.newTerms)]);
  });
});
