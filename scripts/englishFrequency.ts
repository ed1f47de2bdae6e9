/**
 * Writes src/search/data/english-frequency.json: in how many paragraphs of the Brown Corpus (W. N. Francis and
 * H. Kučera, Brown University, 1964–1979; "redistribution permitted") each analysed term occurs — the corpus behind
 * the Kučera–Francis frequency list, a standard sample of edited American English. Newsdesk uses it to tell a
 * word common in English ("hard", "push") from a specific one ("convoy", "Kefraya") when the archive is too small
 * to tell by itself. Rerun after any change to the analyzer:
 *   npx tsx scripts/englishFrequency.ts ../shared/corpora/brown
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyze, ANALYZER_VERSION } from '../src/search/analyzer.ts';

const dir = process.argv[2] ?? '../shared/corpora/brown';
const MIN_PARAGRAPHS = 2;
const df = new Map<string, number>();
let paragraphs = 0;
for (const name of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
  const text = await readFile(path.join(dir, name), 'utf8');
  for (const paragraph of text.split(/\n\s*\n/).slice(1)) {
    if (paragraph.trim() === '') continue;
    paragraphs++;
    for (const term of new Set(analyze(paragraph).map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1);
  }
}
const kept = [...df].filter(([, n]) => n >= MIN_PARAGRAPHS).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const out = {
  _source:
    'Paragraph frequencies of analysed terms in the Brown Corpus (Francis and Kučera, Brown University; redistribution permitted), terms in at least 2 paragraphs. Made by scripts/englishFrequency.ts; regenerate when the analyzer changes.',
  analyzerVersion: ANALYZER_VERSION,
  paragraphs,
  df: Object.fromEntries(kept),
};
await writeFile('src/search/data/english-frequency.json', `${JSON.stringify(out)}\n`);
console.log(`${paragraphs} paragraphs, ${kept.length} terms`);
