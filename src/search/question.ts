import { analyze, type Token } from './analyzer.ts';

/** What kind of information the reader wants back: it decides which sentence of a passage is the answer. */
export type AnswerKind = 'number' | 'who' | 'when' | 'where' | 'why' | 'quote' | 'other';

export interface ParsedQuestion {
  text: string;
  kind: AnswerKind;
  /** Content terms in question order, one per distinct term. */
  tokens: Token[];
  /** Quoted "exact phrases", as term sequences that must stand together in the answer. */
  phrases: string[][];
  /** For "how many X", the term for X: the thing counted must be in the answer. */
  counted?: string;
}

const QUOTED = /["“”«»]([^"“”«»]{2,200})["“”«»]/gu;

const KIND_PATTERNS: Array<[AnswerKind, RegExp]> = [
  ['number', /\b(how (many|much|old|long|far|big|large|often|tall|high|deep|wide)|number of|death toll|what (percentage|proportion|share|amount|age))\b/i],
  ['when', /\b(when|what (day|date|time|year|month|week)|which (day|date|year|month))\b/i],
  ['why', /\b(why|what for|for what reason|reason|purpose|meant to|intended to|aim(ed)? to|in order to)\b/i],
  ['quote', /\b(say|said|says|describe[ds]?|call(ed)?|quote[ds]?|react(ed)?|respond(ed)?|word(s|ed)?|told)\b/i],
  ['who', /(^|[.?!]\s*)(who|whom|whose)\b|\bwhich (person|official|minister|leader|group|man|woman|country|organi[sz]ation)\b|\bname of\b/i],
  ['where', /\b(where|which (city|town|place|country|area|region|district|neighbou?rhoods?))\b/i],
];

export function parseQuestion(text: string): ParsedQuestion {
  const seen = new Set<string>();
  const tokens = analyze(text, { question: true }).filter((token) => {
    if (seen.has(token.term)) return false;
    seen.add(token.term);
    return true;
  });
  const phrases = [...text.matchAll(QUOTED)]
    .map((match) => analyze(match[1]!).map((token) => token.term))
    .filter((terms) => terms.length >= 2);
  const kind = KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
  const parsed: ParsedQuestion = { text, kind, tokens, phrases };
  const counted = countedThing(text);
  if (counted) parsed.counted = counted;
  return parsed;
}

/**
 * "how many Syrian soldiers were killed" counts soldiers: the last content word before the verb. A word ending
 * in -ed right after the noun ("people died") is the verb, not part of the thing counted.
 */
function countedThing(text: string): string | undefined {
  const match = /\bhow (?:many|much)\s+([^?.!,;]*)/i.exec(text);
  if (!match) return undefined;
  const words = match[1]!.split(/\s+/);
  const group: string[] = [];
  for (const word of words) {
    const bare = word.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, '');
    if (/^(are|were|is|was|did|do|does|have|has|had|will|would|could|can|of|in|on|at|for|from|to|by|that|who|which|there|they|we|you|the|a|an|still|actually|really|now)$/.test(bare)) break;
    if (group.length > 0 && /ed$/.test(bare)) break;
    group.push(word);
  }
  const terms = analyze(group.join(' ')).map((token) => token.term);
  return terms.at(-1);
}

/** Which answer kinds a sentence can serve: a number, a named person, a date, a reason, a quotation. */
export function sentenceServes(kind: AnswerKind, sentence: string): boolean {
  switch (kind) {
    case 'number':
      return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|several|few)\b/i.test(sentence);
    case 'who':
      return /\b\p{Lu}[\p{L}'’-]+\s+(?:(?:al|de|bin|van|von|la|le|[A-Z]\.)\s+)?\p{Lu}[\p{L}'’-]+/u.test(sentence.slice(1));
    case 'when':
      return /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|yesterday|today|tonight|tomorrow|ago|last (week|month|year|night)|this (week|month|year|morning)|next (week|month|year)|\d{4}|morning|afternoon|evening|weekend|earlier|later|since|until)\b/i.test(sentence);
    case 'where':
      return /\b(in|at|near|outside|inside|from|to)\s+(the\s+)?\p{Lu}/u.test(sentence);
    case 'why':
      return /\b(because|due to|in order to|so that|so as to|to (allow|alleviate|avoid|prevent|help|ensure|protect|stop|save|give|get|bring|make|put|restore)|aim(ed|s)? (at|to)|in preparation for|in response to|as a result|reason|since|after|amid|for fear|to pave)\b/i.test(sentence);
    case 'quote':
      return /["“”]/.test(sentence);
    default:
      return false;
  }
}
