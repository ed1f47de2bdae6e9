/**
 * Writes src/search/data/spelling-variants.json: British spellings and the American ones news in the other
 * variety writes ("characterised" → characterized, "colour" → color, "travelled" → traveled, "metre" → meter), so that a reader's spelling meets the
 * reporter's. A pair is kept only when both spellings are words of the same dictionary (the word-list package), so
 * "promise" (no "promize") and "four" ("for" is another word, and too short to be a variant) stay as they are:
 *   npx tsx scripts/spellingVariants.ts
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import wordListPath from 'word-list';

const words = new Set(readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean));
const variants: Record<string, string> = {};
/** Words the rules would take for variants of another: "timbre" is no "timber", "outré" no "outer". */
const OTHER_WORDS = new Set(['lettre', 'outre', 'timbre', 'chambre', 'ombre', 'cabre', 'petre', 'matre']);
/** A spelling rule: the British form's pattern, what it becomes, and which matches it holds for. */
type Rule = { pattern: RegExp; american: string; holds?: (match: RegExpExecArray) => boolean };
const rules: Rule[] = [
  // realise, characterised, organisation
  { pattern: /is(e|es|ed|ing|er|ers|ation|ations|able)$/, american: 'iz$1' },
  // analyse, paralysed
  { pattern: /ys(e|es|ed|ing|er|ers)$/, american: 'yz$1' },
  // colour, honoured, labourers: the stem has six letters or more ("scoured" is no "scored")
  { pattern: /our(|s|ed|ing|er|ers|ful|able|ite|ites)$/, american: 'or$1', holds: (m) => m.index + 3 >= 6 },
  // catalogue, dialogues
  { pattern: /ogue(|s)$/, american: 'og$1', holds: (m) => m.index + 3 >= 6 },
  // licence, offences
  { pattern: /ence(|s)$/, american: 'ense$1', holds: (m) => m.index + 4 >= 7 },
  // metre, theatres, fibre: -tre and -bre only ("livre" is no "liver"), of five letters or more ("lettre" is French)
  { pattern: /([tb])re(|s)$/, american: '$1er$2', holds: (m) => m.index + 3 >= 5 && !OTHER_WORDS.has(m.input.replace(/s$/, '')) },
  // travelled, cancelling, jeweller: the single-l word is one of four letters or more ("tilled" is no "tiled")
  { pattern: /ll(ed|ing|er|ers)$/, american: 'l$1', holds: (m) => m.index + 1 >= 4 && words.has(m.input.slice(0, m.index + 1)) },
];
for (const word of words) {
  for (const rule of rules) {
    const match = rule.pattern.exec(word);
    if (!match || (rule.holds && !rule.holds(match))) continue;
    const american = word.replace(rule.pattern, rule.american);
    if (american !== word && words.has(american)) variants[word] = american;
  }
}
const sorted = Object.fromEntries(Object.entries(variants).sort(([a], [b]) => a.localeCompare(b)));
const out = path.resolve(import.meta.dirname, '..', 'src', 'search', 'data', 'spelling-variants.json');
await writeFile(
  out,
  `${JSON.stringify({ _source: 'British spellings and their American variants, both words of the word-list dictionary; made by scripts/spellingVariants.ts. Index and questions both map each British form to its variant before stemming.', forms: sorted }, null, 0)}\n`,
);
console.log(Object.keys(sorted).length, 'variants');
