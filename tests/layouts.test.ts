/**
 * How an archive lays out its files must not change what it answers: the seed articles written out again
 * hard-wrapped between blank lines, and as wire copy with indented paragraphs, read into the same paragraphs and
 * give the same answers to the sample questions.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { readQuestions } from '../src/eval/questions.ts';
import { answer } from '../src/search/answer.ts';
import { buildIndex } from '../src/search/newsIndex.ts';
import { sharedPath } from './helpers/shared.ts';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const WIDTH = 72;

/** Greedy wrapping at `width` columns, as text editors and wire systems do; words are never broken. */
function wrap(paragraph: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('layouts', () => {
  let original: Corpus;
  const layouts: Record<string, Corpus> = {};
  const folders: string[] = [];

  before(async () => {
    original = await loadCorpus(SEEDS);
    const writers: Record<string, (title: string, paragraphs: readonly string[]) => string> = {
      wrapped: (title, paragraphs) => [title, ...paragraphs.map((p) => wrap(p, WIDTH).join('\n'))].join('\n\n') + '\n',
      wire: (title, paragraphs) => [title, ...paragraphs.flatMap((p) => wrap(p, WIDTH, '    '))].join('\n') + '\n',
    };
    for (const [layout, write] of Object.entries(writers)) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `newsdesk-${layout}-`));
      folders.push(dir);
      for (const doc of original.documents) await writeFile(path.join(dir, doc.id), write(doc.title, doc.paragraphs));
      layouts[layout] = await loadCorpus(dir);
    }
  });
  after(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

  for (const layout of ['wrapped', 'wire']) {
    test(`${layout}: the same titles and paragraphs, line breaks aside`, () => {
      const read = layouts[layout]!;
      assert.equal(read.documents.length, original.documents.length);
      for (const doc of original.documents) {
        const other = read.documents.find((d) => d.id === doc.id)!;
        assert.equal(other.title, doc.title, doc.id);
        assert.deepEqual(other.paragraphs.map(oneLine), doc.paragraphs.map(oneLine), doc.id);
      }
    });

    test(`${layout}: the same answers to the sample questions`, async () => {
      const questions = await readQuestions(sharedPath('eval/seeds-dev.jsonl'));
      const plain = await buildIndex(original, 'plain');
      const laidOut = await buildIndex(layouts[layout]!, layout);
      for (const q of questions) {
        const summary = (index: typeof plain) =>
          answer(index, q.question).results.map((r) => `${r.source.id} ¶${r.paragraph}: ${oneLine(r.excerpt)}`);
        assert.deepEqual(summary(laidOut), summary(plain), q.question);
      }
    });
  }
});
