/**
 * Excerpts: at most 400 characters, verbatim from one paragraph, whole sentences where they fit, otherwise cut
 * with "…" at word boundaries. Checked on every answer to many questions over the seeds, over 30 Brown Corpus
 * news files, and over synthetic paragraphs built to force cuts; then `trimToLimit` and `widenToFit` alone.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus } from '../src/corpus/load.ts';
import { splitSentences, type Span } from '../src/corpus/sentences.ts';
import { answer } from '../src/search/answer.ts';
import { MAX_EXCERPT_CHARS, trimToLimit, widenToFit } from '../src/search/excerpt.ts';
import { buildIndex, type NewsIndex } from '../src/search/newsIndex.ts';
import type { AnswerResult } from '../src/search/types.ts';
import { sharedPath } from './helpers/shared.ts';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const BROWN = sharedPath('corpora/brown');
const ELLIPSIS = '…';
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}'’-]/u.test(char);

/** A small deterministic random generator (mulberry32), so generated texts and questions never change. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'council committee report officials river bridge market harbour winter summer budget school teachers parents ' +
  'farmers village highway station railway engineers contract plans housing tenants landlord taxes revenue ' +
  'hospital doctors nurses patients election voters ballots district county mayor governor senate assembly ' +
  'factory workers union wages strike pension morning evening weekend season harvest weather storm flood ' +
  'police officers court judge lawyers witness verdict appeal museum library garden orchestra theatre players'
).split(' ');

/** `count` characters or so of words with no sentence punctuation at all, with marker phrases at given offsets. */
function unpunctuated(seed: number, count: number, markers: Array<[number, string]>): string {
  const next = random(seed);
  const words: string[] = [];
  let length = 0;
  const pending = [...markers].sort((a, b) => a[0] - b[0]);
  while (length < count) {
    const word = pending.length > 0 && length >= pending[0]![0] ? pending.shift()![1] : VOCABULARY[Math.floor(next() * VOCABULARY.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

/** One sentence of about `count` characters: clauses joined by commas, ending in a single full stop. */
function longSentence(seed: number, count: number, markers: Array<[number, string]>): string {
  const body = unpunctuated(seed, count, markers).split(' ');
  const clauses: string[] = [];
  for (let i = 0; i < body.length; i += 9) clauses.push(body.slice(i, i + 9).join(' '));
  const text = clauses.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * Checks one answer against the excerpt contract and returns a description of what is wrong, if anything.
 * Pieces between "…" must be found in order in the cited paragraph, and at each "…" the source text must not
 * run on in a word on both sides of the cut.
 */
function excerptProblem(index: NewsIndex, result: AnswerResult): string | undefined {
  for (const [rank, r] of result.results.entries()) {
    const where = `"${result.question}" #${rank + 1} (${r.source.id} ¶${r.paragraph}): ${JSON.stringify(r.excerpt)}`;
    if (r.excerpt.length > MAX_EXCERPT_CHARS) return `too long (${r.excerpt.length}): ${where}`;
    if (r.excerpt.replaceAll(ELLIPSIS, '').trim() === '') return `empty: ${where}`;
    const doc = index.document(r.source.id);
    if (!doc) return `unknown document: ${where}`;
    const paragraph = doc.paragraphs[r.paragraph - 1];
    if (paragraph === undefined) return `no such paragraph: ${where}`;
    for (const term of r.terms) if (!r.excerpt.includes(term)) return `highlighted term ${JSON.stringify(term)} not in the excerpt: ${where}`;

    if (!r.excerpt.includes(ELLIPSIS)) {
      const at = paragraph.indexOf(r.excerpt);
      if (at < 0) return `not verbatim: ${where}`;
      // Uncut excerpts are whole sentences: they start and end where sentences do.
      const spans = splitSentences(paragraph);
      let whole = false;
      for (let from = at; from >= 0 && !whole; from = paragraph.indexOf(r.excerpt, from + 1)) {
        whole = spans.some((s) => s.start === from) && spans.some((s) => s.end === from + r.excerpt.length);
      }
      if (!whole) return `uncut excerpt is not whole sentences: ${where}`;
      continue;
    }

    const pieces = r.excerpt.split(ELLIPSIS);
    let cursor = 0;
    for (const [i, piece] of pieces.entries()) {
      if (piece === '') continue;
      const cutBefore = i > 0;
      const cutAfter = i < pieces.length - 1;
      let found = -1;
      for (let from = paragraph.indexOf(piece, cursor); from >= 0; from = paragraph.indexOf(piece, from + 1)) {
        const end = from + piece.length;
        const cleanStart = !cutBefore || !(isWordChar(paragraph[from - 1]) && isWordChar(paragraph[from]));
        const cleanEnd = !cutAfter || !(isWordChar(paragraph[end - 1]) && isWordChar(paragraph[end]));
        if (cleanStart && cleanEnd) {
          found = from;
          break;
        }
      }
      if (found < 0) {
        return paragraph.includes(piece) ? `cut inside a word: ${where}` : `piece ${JSON.stringify(piece.slice(0, 60))} not verbatim: ${where}`;
      }
      cursor = found + piece.length;
    }
  }
  return undefined;
}

function checkAll(index: NewsIndex, questions: readonly string[]): { answers: number; cut: number } {
  const problems: string[] = [];
  let answers = 0;
  let cut = 0;
  for (const question of questions) {
    const result = answer(index, question, { top: 3 });
    answers += result.results.length;
    cut += result.results.filter((r) => r.excerpt.includes(ELLIPSIS)).length;
    const problem = excerptProblem(index, result);
    if (problem) problems.push(problem);
  }
  assert.deepEqual(problems.slice(0, 10), [], `${problems.length} of ${questions.length} questions broke the excerpt contract`);
  return { answers, cut };
}

/** Questions made from the corpus itself: content words of paragraphs, whole sentences, quoted word pairs. */
function questionsFrom(index: NewsIndex, seed: number, perDocument: number): string[] {
  const next = random(seed);
  const questions: string[] = [];
  const forms = [
    (w: string[]) => `${w.join(' ')}?`,
    (w: string[]) => `What did they say about ${w.join(' and ')}?`,
    (w: string[]) => `Who ${w.slice(0, 2).join(' ')}?`,
    (w: string[]) => `When was the ${w.join(' ')}?`,
    (w: string[]) => `How many ${w[0]} were there in ${w.slice(1).join(' ')}?`,
    (w: string[]) => `Why ${w.join(' ')}`,
    (w: string[]) => `"${w.slice(0, 2).join(' ')}"`,
  ];
  for (const doc of index.documents) {
    for (let k = 0; k < perDocument; k++) {
      const paragraph = doc.paragraphs[Math.floor(next() * doc.paragraphs.length)]!;
      const words = paragraph.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length >= 4);
      if (words.length < 3) continue;
      if (k % 4 === 3) {
        // A whole sentence as the question: the answer is that sentence or the paragraph around it.
        const spans = splitSentences(paragraph);
        const span = spans[Math.floor(next() * spans.length)]!;
        questions.push(paragraph.slice(span.start, span.end));
        continue;
      }
      const start = Math.floor(next() * (words.length - 2));
      const picked = next() < 0.5 ? words.slice(start, start + 3) : [words[start]!, words[Math.floor(next() * words.length)]!, words[words.length - 1]!];
      questions.push(forms[Math.floor(next() * forms.length)]!(picked));
    }
  }
  return questions;
}

let seeds: NewsIndex;
let brown: NewsIndex;
let brownDir: string;

before(async () => {
  seeds = await buildIndex(await loadCorpus(SEEDS), 'excerpt-test');

  brownDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-excerpt-'));
  const files = (await readdir(BROWN)).filter((f) => /^ca\d+\.txt$/.test(f)).sort().slice(0, 30);
  assert.equal(files.length, 30);
  for (const file of files) await copyFile(path.join(BROWN, file), path.join(brownDir, file));

  await mkdir(path.join(brownDir, 'synthetic'));
  const noPunctuation = unpunctuated(7, 10_000, [
    [150, 'quixotic zeppelin'],
    [5_000, 'marmalade observatory'],
    [9_850, 'tangerine lighthouse'],
  ]);
  assert.ok(noPunctuation.length >= 10_000 && !/[.!?]/.test(noPunctuation));
  await writeFile(path.join(brownDir, 'synthetic', 'no-punctuation.txt'), `A paragraph without a full stop\n${noPunctuation}\n`);
  const sentence = longSentence(11, 3_000, [
    [40, 'periwinkle aqueduct'],
    [1_500, 'saffron gondola'],
    [2_900, 'cobalt windmill'],
  ]);
  const single = longSentence(13, 1_500, [[700, 'juniper carousel']]);
  await writeFile(
    path.join(brownDir, 'synthetic', 'long-sentence.txt'),
    `One very long sentence\n\nThe hearing opened on Monday. ${sentence} The hearing closed on Friday.\n\n${single}\n\nA short last paragraph ends the file.\n`,
  );
  brown = await buildIndex(await loadCorpus(brownDir), 'excerpt-test');
});

after(() => rm(brownDir, { recursive: true, force: true }));

describe('excerpts of real answers', () => {
  test('over the seeds: at most 400 characters, verbatim, whole words', () => {
    const own = [
      'Who is the UN special envoy for Syria?',
      'How many food rations are left in east Aleppo?',
      'What did Egeland say about a meningitis outbreak?',
      'Where did US and Russian officials resume talks?',
      'Who will Ayrault meet in Moscow?',
      'What does the French and Spanish draft resolution urge?',
      'What was the aid convoy hit by?',
      'Who is the WHO spokesman?',
      'What did the Syrian Observatory for Human Rights say about the Handarat camp?',
      'What did Assad tell The Associated Press?',
      'How many people lived in Aleppo before the war?',
      'When did the truce go into effect?',
      'What did Ban Ki-moon say?',
      'What do the White Helmets do?',
      'Why did Kerry want planes grounded?',
      'What happened in Daraya?',
      'How long will the talks between senior US and Russian officials last?',
      'What is the 48-hour pause?',
      'Which forces are turning up the heat in Syria?',
      'Did the Pentagon say anything about sharing intelligence?',
      'What did Lavrov insist on at the General Assembly?',
      '"cessation of hostilities"',
      'aleppo',
      'ceasefire',
      'the',
      'What is the capital of Peru?',
      'Kerry Lavrov Geneva truce Aleppo Madaya Daraya Egeland de Mistura Churkin Ayrault Assad',
      '',
    ];
    const { answers } = checkAll(seeds, [...own, ...questionsFrom(seeds, 1, 24)]);
    assert.ok(answers > 150, `only ${answers} answers were checked`);
  });

  test('over 30 Brown Corpus files and synthetic long paragraphs: cut with "…" at word boundaries', () => {
    const synthetic = [
      'quixotic zeppelin',
      'What about the marmalade observatory?',
      'Where is the tangerine lighthouse?',
      'tangerine lighthouse marmalade observatory',
      'periwinkle aqueduct',
      'Tell me about the saffron gondola',
      'cobalt windmill',
      'When did the hearing close and what about the cobalt windmill?',
      'juniper carousel',
      'quixotic zeppelin and the juniper carousel',
    ];
    for (const question of synthetic) {
      const result = answer(brown, question);
      assert.ok(result.answered, `synthetic question not answered: ${question}`);
      assert.ok(result.results[0]!.source.id.startsWith('synthetic/'), question);
    }
    const { answers, cut } = checkAll(brown, [...synthetic, ...questionsFrom(brown, 2, 9)]);
    assert.ok(answers > 200, `only ${answers} answers were checked`);
    assert.ok(cut >= synthetic.length, `only ${cut} excerpts were cut: the "…" path was hardly exercised`);
  });

  test('a cut excerpt keeps the words that matched', () => {
    for (const [question, words] of [
      ['Where is the tangerine lighthouse?', ['tangerine', 'lighthouse']],
      ['What about the marmalade observatory?', ['marmalade', 'observatory']],
      ['Tell me about the saffron gondola', ['saffron', 'gondola']],
    ] as const) {
      const first = answer(brown, question).results[0]!;
      assert.ok(first.excerpt.includes(ELLIPSIS), first.excerpt);
      for (const word of words) assert.ok(first.excerpt.includes(word), `${word} missing from ${first.excerpt}`);
    }
  });
});

describe('trimToLimit', () => {
  const words = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `word${from + i}`).join(' ');
  const weightOf = (text: string, word: string, weight = 1) => {
    const start = text.indexOf(word);
    assert.ok(start >= 0, word);
    return { start, end: start + word.length, weight };
  };
  /** The result's text is the cut stretch, with "…" where it was cut, and its offsets say where that stretch is. */
  function assertConsistent(text: string, trimmed: { text: string; start: number; end: number }, limit = MAX_EXCERPT_CHARS) {
    assert.ok(trimmed.text.length <= limit, `${trimmed.text.length} > ${limit}`);
    const expected = `${trimmed.start > 0 ? ELLIPSIS : ''}${text.slice(trimmed.start, trimmed.end)}${trimmed.end < text.length ? ELLIPSIS : ''}`;
    assert.equal(trimmed.text, expected);
    if (trimmed.start > 0) assert.ok(!(isWordChar(text[trimmed.start - 1]) && isWordChar(text[trimmed.start])), 'cut inside a word at the start');
    if (trimmed.end < text.length) assert.ok(!(isWordChar(text[trimmed.end - 1]) && isWordChar(text[trimmed.end])), 'cut inside a word at the end');
  }

  test('text within the limit is returned whole', () => {
    for (const text of ['', 'One short sentence.', 'x'.repeat(MAX_EXCERPT_CHARS)]) {
      assert.deepEqual(trimToLimit(text, []), { text, start: 0, end: text.length });
    }
  });

  test('without weights the start is kept and the end cut at a word', () => {
    const text = words(200);
    const trimmed = trimToLimit(text, []);
    assert.equal(trimmed.start, 0);
    assert.ok(trimmed.text.endsWith(ELLIPSIS) && !trimmed.text.startsWith(ELLIPSIS));
    assertConsistent(text, trimmed);
    assert.ok(trimmed.text.length > MAX_EXCERPT_CHARS - 20, 'the cut wastes little room');
  });

  test('the stretch with the most weight wins, cut on both sides', () => {
    const text = words(300);
    const middle = trimToLimit(text, [weightOf(text, 'word150')]);
    assert.ok(middle.text.startsWith(ELLIPSIS) && middle.text.endsWith(ELLIPSIS), middle.text);
    assert.ok(middle.text.includes('word150 '));
    assertConsistent(text, middle);

    const end = trimToLimit(text, [weightOf(text, 'word299')]);
    assert.ok(end.text.startsWith(ELLIPSIS) && !end.text.endsWith(ELLIPSIS), end.text);
    assert.ok(end.text.endsWith('word299'));
    assertConsistent(text, end);

    const heavier = trimToLimit(text, [weightOf(text, 'word3', 1), weightOf(text, 'word250', 1), weightOf(text, 'word255', 1)]);
    assert.ok(heavier.text.includes('word250 ') && heavier.text.includes('word255 '), heavier.text);
    assertConsistent(text, heavier);
  });

  test('a cut keeps a clause after the matches, so what follows them is shown too', () => {
    // The matched words fit in the first 400 characters, but the answer comes after them: a window kept at the
    // sentence's start would cut it off.
    const text = `So in these pages one can share ${words(40)} at the delights of one of the world's finest restaurants, La Bonne Auberge, which is situated on the seacoast twenty miles west of the Nice airport; and at the infinite variety of London.`;
    assert.ok(text.indexOf('Auberge') < MAX_EXCERPT_CHARS && text.indexOf('twenty miles') > MAX_EXCERPT_CHARS, 'the case this test is about');
    const trimmed = trimToLimit(text, [weightOf(text, 'restaurants'), weightOf(text, 'Bonne'), weightOf(text, 'Auberge')]);
    assert.ok(trimmed.text.includes('twenty miles west of the Nice airport'), trimmed.text);
    assert.ok(trimmed.text.includes('restaurants, La Bonne Auberge'), trimmed.text);
    assertConsistent(text, trimmed);
    // Where the matches leave a clause after them, the sentence keeps its start: the subject a who-question asks for.
    const subject = `Mayor Ilona Varga, who has served ${words(20)} and spoke to a crowded hall of residents, announced on Friday that the harbour budget would be cut by a fifth next year, ${words(40, 100)}.`;
    assert.ok(subject.length > MAX_EXCERPT_CHARS && subject.indexOf('budget would be cut') + 100 < MAX_EXCERPT_CHARS, 'the case this test is about');
    const kept = trimToLimit(subject, [weightOf(subject, 'announced'), weightOf(subject, 'harbour'), weightOf(subject, 'budget'), weightOf(subject, 'cut')]);
    assert.ok(kept.text.startsWith('Mayor Ilona Varga'), kept.text);
    assertConsistent(subject, kept);
  });

  test('a smaller limit is respected too', () => {
    const text = 'The council met on Monday to discuss the harbour budget and the new railway station plans.';
    for (const limit of [60, 80]) {
      const trimmed = trimToLimit(text, [weightOf(text, 'harbour')], limit);
      assertConsistent(text, trimmed, limit);
      assert.ok(trimmed.text.includes('harbour'), `${limit}: ${trimmed.text}`);
    }
  });

  test('a limit smaller than the lead before a match still keeps the match', () => {
    const text = 'The council met on Monday to discuss the harbour budget and the new railway station plans.';
    const trimmed = trimToLimit(text, [weightOf(text, 'harbour')], 20);
    assertConsistent(text, trimmed, 20);
    assert.ok(trimmed.text.includes('harbour'), trimmed.text);
  });

  test('nasty white space and long words at the cut', () => {
    const spaced = `${words(40)}\n\n\t   ${words(40, 40)}   \n ${words(40, 80)}`;
    assertConsistent(spaced, trimToLimit(spaced, [weightOf(spaced, 'word60')]));
    const url = `https://example.org/${'very-long-path/'.repeat(8)}index.html`;
    const withUrl = `${words(45)} ${url} ${words(45, 45)}`;
    for (const word of ['word0', 'word44', 'word46', 'word89']) {
      const trimmed = trimToLimit(withUrl, [weightOf(withUrl, word)]);
      assertConsistent(withUrl, trimmed);
      assert.ok(!trimmed.text.includes('https') || trimmed.text.includes(url), `the URL was cut: ${trimmed.text}`);
    }
    const curly = `“${words(60)},” he said. ‘${words(60, 60)}’`;
    assertConsistent(curly, trimToLimit(curly, [weightOf(curly, 'word100')]));
  });
});

describe('widenToFit', () => {
  /** Sentences of `length` characters with one space between them. */
  const layout = (count: number, length: number): Span[] => Array.from({ length: count }, (_, i) => ({ start: i * (length + 1), end: i * (length + 1) + length }));

  test('a passage that fits is taken whole', () => {
    const spans = layout(3, 100);
    assert.deepEqual(widenToFit(spans, 1, 1, [0, 1, 0]), { start: 0, end: spans[2]!.end });
  });

  test('grows toward the more relevant neighbour while it fits', () => {
    const spans = layout(5, 150);
    assert.deepEqual(widenToFit(spans, 2, 2, [0, 5, 1, 0, 0]), { start: spans[1]!.start, end: spans[2]!.end });
    assert.deepEqual(widenToFit(spans, 2, 2, [0, 0, 1, 5, 0]), { start: spans[2]!.start, end: spans[3]!.end });
    for (const widened of [widenToFit(spans, 2, 2, [0, 5, 1, 0, 0]), widenToFit(spans, 0, 0, [1, 0, 0, 0, 0]), widenToFit(spans, 4, 4, [0, 0, 0, 0, 1])]) {
      assert.ok(widened.end - widened.start <= MAX_EXCERPT_CHARS);
    }
  });

  test('short sentences are gathered up to the limit', () => {
    const spans = layout(20, 50);
    const widened = widenToFit(spans, 10, 10, new Array<number>(20).fill(0));
    assert.ok(widened.end - widened.start <= MAX_EXCERPT_CHARS);
    assert.ok(widened.end - widened.start > MAX_EXCERPT_CHARS - 52, 'room for one more sentence was left unused');
    assert.ok(widened.start <= spans[10]!.start && widened.end >= spans[10]!.end);
  });

  test('a chosen window already over the limit is returned as it is, for trimming', () => {
    const spans = layout(4, 300);
    assert.deepEqual(widenToFit(spans, 1, 2, [0, 1, 1, 0]), { start: spans[1]!.start, end: spans[2]!.end });
    assert.deepEqual(widenToFit(spans, 3, 3, [0, 0, 0, 1]), { start: spans[3]!.start, end: spans[3]!.end });
  });
});
