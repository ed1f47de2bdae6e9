import type { AnswerKind } from './question.ts';
import { baseFormOf } from './analyzer.ts';
import { entriesOf, hypernymsOf, sensesOf } from './wordnet.ts';

/**
 * A question that names the kind of thing it wants ("what salary…", "which besieged town…", "what is the entrance
 * fee for…") says what its answer is, whichever words it uses: WordNet files a salary under payments, a town under
 * regions and a juror under persons. This is the classic answer typing of question answering, through the
 * hypernyms of the question's focus noun.
 */

/** Senses (noun, WordNet 3.1 sense number) under which a focus noun asks for a kind of answer; nearest wins. */
const KIND_OF_SENSE: Array<[AnswerKind, Array<[string, number]>]> = [
  ['money', [['cost', 1], ['price', 1], ['amount', 1], ['money', 1], ['tax', 1]]],
  ['duration', [['time_period', 1]]],
  ['when', [['date', 1], ['date', 5], ['date', 6], ['point', 6]]],
  ['number', [['measure', 2], ['number', 1], ['number', 2], ['statistic', 1], ['rate', 1], ['rate', 2], ['rate', 4], ['ratio', 1], ['magnitude', 1], ['amount', 4], ['point', 10]]],
  ['who', [['person', 1]]],
  // Regions, not any location: a "post" is a location too, but "what post did he take" asks for a job.
  ['where', [['region', 1], ['region', 3]]],
];

let kindOfSynset: Map<number, AnswerKind> | undefined;

function anchors(): Map<number, AnswerKind> {
  if (kindOfSynset) return kindOfSynset;
  kindOfSynset = new Map();
  for (const [kind, senses] of KIND_OF_SENSE) {
    for (const [lemma, sense] of senses) {
      const offset = sensesOf(lemma, 'noun')[sense - 1];
      if (offset !== undefined && !kindOfSynset.has(offset)) kindOfSynset.set(offset, kind);
    }
  }
  return kindOfSynset;
}

/** How far up WordNet's noun hierarchy to look (it is at most about 20 deep). */
const MAX_DEPTH = 20;
const kindCache = new Map<string, AnswerKind | null>();

/** The kind of answer a noun (WordNet lemma) asks for, from its commonest sense, or undefined for none. */
export function kindOfNoun(lemma: string): AnswerKind | undefined {
  const cached = kindCache.get(lemma);
  if (cached !== undefined) return cached ?? undefined;
  const sense = sensesOf(lemma, 'noun')[0];
  let found: AnswerKind | undefined;
  if (sense !== undefined) {
    const kinds = anchors();
    const seen = new Set<number>();
    let level = [sense];
    for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && !found; depth++) {
      const next: number[] = [];
      for (const offset of level) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        found ??= kinds.get(offset);
        next.push(...hypernymsOf('noun', offset));
      }
      level = next;
    }
  }
  if (kindCache.size >= 5_000) kindCache.clear();
  kindCache.set(lemma, found ?? null);
  return found;
}

const COPULA = /^(is|was|are|were)$/i;
/** Words that end the focus phrase: verbs of the question's own, pronouns, prepositions ("which one of…"). */
const ENDS_PHRASE =
  /^(is|was|are|were|be|been|being|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|one|ones|of|in|on|at|to|for|from|with|by|as|that|this|these|those|who|whom|which|what|it|its|they|their|he|his|she|her|we|you|there|not|and|or|so|now|then|currently|still|already|yet|ever|today)$/i;
/** A number modifies the focus, it is never the focus: "which two Americans". */
const NUMERAL = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|first|second|third|last)$/i;
const ARTICLE = /^(the|a|an)$/i;
const TIME_MODIFIER = /^(this|last|next|previous|past|coming)$/i;
/**
 * What may follow a "what is the X" focus: "the entrance fee for…", "the population of…", a word of time ("X's
 * earned run average so far this season"), or the question's end.
 */
const PREPOSITION = /^(of|for|in|on|at|to|from|with|by|during|after|before|about|under|over|between|among|per|when|if|so|now|then|currently|still|already|yet|ever|today|this|last)$/i;

/** The WordNet lemma a written word stands for as a noun or adjective, trying its singular. */
export function lemmaOf(word: string, pos: 'noun' | 'adj'): string | undefined {
  const folded = word.toLowerCase();
  const forms = [folded];
  if (pos === 'noun') {
    if (folded.endsWith('ies')) forms.push(`${folded.slice(0, -3)}y`);
    if (folded.endsWith('s')) forms.push(folded.slice(0, -1));
    if (folded.endsWith('es')) forms.push(folded.slice(0, -2));
  }
  return forms.find((form) => entriesOf(form).some(([p]) => p === pos));
}

/**
 * The noun that names what the question asks for, as a WordNet lemma ("entrance_fee", "town"), or undefined when
 * its opening names none: "what/which [adjectives] NOUN did…", "what is the [adjectives] NOUN of…", "what is
 * Y's NOUN?". `opening` is the question from its question word on.
 */
export function focusNoun(opening: string): string | undefined {
  const match = /^(what|which)(['’]?s\b)?\s+(.*)$/i.exec(opening);
  if (!match) return undefined;
  let words = match[3]!.split(/\s+/).filter(Boolean);
  // After "what is", the focus is a noun phrase that ends the clause: "what was the UN envoy hopeful about" has none.
  const afterCopula = match[2] !== undefined || COPULA.test(words[0] ?? '');
  if (COPULA.test(words[0] ?? '')) words = words.slice(1);
  if (ARTICLE.test(words[0] ?? '')) words = words.slice(1);
  // "what is the European Central Bank's interest rate": the focus follows the possessor.
  const possessor = words.slice(0, 5).findIndex((w) => /\p{L}(['’]s|s['’])$/u.test(w) || /^(his|her|its|their)$/i.test(w));
  if (afterCopula && possessor >= 0) words = words.slice(possessor + 1);

  const phrase: string[] = [];
  const isNoun: boolean[] = [];
  let endsClause = false;
  // "Which Tarvik teenager", "which Dutch sailors": names before the noun say which ones, not what kind.
  if (!afterCopula) {
    const names = words.slice(0, 3).findIndex((w) => !/^\p{Lu}[\p{L}'’.-]*$/u.test(w));
    if (names > 0 && /^\p{Ll}/u.test(words[names]!)) words = words.slice(names);
  }
  for (const written of words.slice(0, 4)) {
    const word = written.replace(/[?.!,;:]+$/, '');
    // A capitalised word is a name ("Paris", "Front"), not the kind of thing asked for.
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || ENDS_PHRASE.test(word)) break;
    // After a noun, a verb's past or third-person form is the question's own verb, whatever else WordNet files it
    // under ("which rider won…": "won" is also a currency).
    if (isNoun.includes(true) && (baseFormOf(word) ?? word) !== word) break;
    // After a noun, "this", "last" or "next" opens a word of time that says when, not what: "the jobless rate last year".
    if (isNoun.includes(true) && TIME_MODIFIER.test(word)) break;
    const noun = NUMERAL.test(word) ? undefined : lemmaOf(word, 'noun');
    // A hyphenated modifier WordNet lacks ("pre-tax", "long-awaited") still leads to the noun.
    if (!noun && !NUMERAL.test(word) && !lemmaOf(word, 'adj') && !/\p{L}-\p{L}/u.test(word)) break;
    phrase.push(noun ?? word.toLowerCase());
    isNoun.push(noun !== undefined);
    if (word !== written) {
      endsClause = true;
      break;
    }
  }
  const next = words[phrase.length]?.replace(/[?.!,;:]+$/, '');
  if (phrase.length === 0) return undefined;
  if (afterCopula && !endsClause && next !== undefined && !PREPOSITION.test(next)) return undefined;
  if (!afterCopula && next === undefined) return undefined;
  // The head is the last noun; a compound WordNet knows ("entrance fee", "earned run average") is more precise.
  for (let end = phrase.length; end > 0; end--) {
    if (!isNoun[end - 1]) continue;
    for (let start = 0; start < end; start++) {
      const lemma = phrase.slice(start, end).join('_');
      if (sensesOf(lemma, 'noun').length > 0) return lemma;
    }
  }
  return undefined;
}

/** The kind of answer a question's focus noun asks for, or undefined when it names none or none WordNet types. */
export function focusKind(opening: string): AnswerKind | undefined {
  const noun = focusNoun(opening);
  return noun === undefined ? undefined : kindOfNoun(noun);
}
