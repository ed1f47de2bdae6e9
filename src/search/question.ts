import { analyze, baseFormOf, isCaseSensitiveAlias, type Token } from './analyzer.ts';
import { focusKind, kindOfNoun, lemmaOf } from './focus.ts';
import { isEnglishWord } from './spelling.ts';
import { entriesOf } from './wordnet.ts';

/** What kind of information the reader wants back: it decides which sentence of a passage is the answer. */
export type AnswerKind = 'money' | 'duration' | 'age' | 'number' | 'who' | 'when' | 'where' | 'why' | 'quote' | 'other';

export interface ParsedQuestion {
  text: string;
  kind: AnswerKind;
  /** Content terms in question order, one per distinct term. */
  tokens: Token[];
  /** Quoted "exact phrases", as term sequences that must stand together in the answer. */
  phrases: string[][];
  /** For "how many X", the term for X: the thing counted must be in the answer. */
  counted?: string;
  /** All the terms naming the thing counted ("armed groups"): a figure before any of them counts it. */
  countedGroup?: string[];
  /** Terms of an "according to …" attribution: who said it or where it ran, which the document names somewhere. */
  attribution: Set<string>;
  /**
   * Terms of a clause of time that sets the scene ("…when the council voted", "…after their Zurich luncheon"): the
   * article tells the scene where the story begins, seldom again in the paragraph that answers.
   */
  setting: Set<string>;
  /** Every word of the question, folded: an answer must bring something beyond them. */
  words: Set<string>;
  /** The question asks for a name outright ("what is the name of…", "who is … called"). */
  asksName: boolean;
  /** A yes-or-no question ("Did the army admit it?"): a passage that says the opposite answers it too. */
  polar: boolean;
  /** A rank that makes a role another person's ("deputy envoy", "vice president"), as [rank term, role term]. */
  rankedRoles: Array<[string, string]>;
}

/** Ranks under a role that name another holder of it: the deputy envoy is not the envoy. */
const RANKED_ROLE = /\b(deputy|vice|assistant|associate|lieutenant)[\s-]+(\p{L}+)/giu;

const QUOTED = /["“”«»]([^"“”«»]{2,200})["“”«»]/gu;

const PERSON_NOUNS =
  'person|people|persons|man|men|woman|women|official|officials|leader|leaders|player|players|candidate|candidates|member|members|senator|senators|judge|coach|president|minister|author|writer|americans|officer|officers|spokesman|spokeswoman|chief|head|director|ambassador|envoy|general|commander|team|group|company|firm|country|countries|organi[sz]ation|party';

const MONEY_QUESTION =
  /\bhow much (money|did|does|do|will|would|is|was|are|were)?\b.*\b(pay|paid|cost|costs|spend|spent|earn|earned|worth|price|priced|sell|sold|buy|bought|raise|raised|budget|salary|fee|charge|charged|owe|owed|bring in|save|saved|fine|fined)\b|\bhow much money\b|\b(end|ended|ends) up costing\b|^what (did|does|do|will|would)\b[^?]*\bset\s+(?!(?:out|up|off|about|aside)\b)\w+(?:\s+\w+){0,4}\s+back\W*$|\bwhat (was|is) the (price|cost|salary|fee|budget)\b|\bwhat (did|does|do|was|is|were|will|would)\b[^?]*(?<!\b(?:the|a|an|its|their|his|her) )(?<!\b(?:say|said|says|tell|told|think|thinks|thought|ask|asked|talk|talked|speak|spoke|complain|complained)\b[^?]*\b(?:about|over|on) )\b(pay|paid|charge|charged|charges|cost|costs)\b/i;

/** "How old was…", "at what age…", "what was her age": an age is a figure, never a year or a date. */
const AGE_QUESTION = /\bhow old\b|\b(what|which) age\b|\bwhat (was|is|were|are) (his|her|their|its|the) ages?\b/i;
// The same, opening the question: "What did the mayor say about how old the bridge is?" asks for a quotation.
const AGE_OPENING = /^(how old|(at|from|by|until|to) (what|which) age|(what|which) ages?|what (was|is|were|are) (his|her|their|its|the) ages?)\b/i;

/**
 * The question word that opens a question says what it asks, whatever words follow ("What was the crowd when
 * Nischwitz won?" asks for a figure, not a date): these are tried first, on the question's start.
 */
const OPENING_PATTERNS: Array<[AnswerKind, RegExp]> = [
  ['who', /^(who|whom|whose)\b/i],
  ['when', /^(when|(what|which|in what) (day|date|time|year|month|week|season)s?)\b/i],
  ['where', /^where\b/i],
  // "What did the painting sell for?" asks a price, not a purpose ("What was the overture written for?").
  ['money', /^what (did|does|do|will|would)\b(?=[^?]*\b(sell|sold|fetch|fetched)\b)[^?]*\bfor\b/i],
  // "What led to the strike", "What excuse was given": a cause asked for without "why". "What made" asks for a cause
  // when a person follows and does something ("What made Ada Lind quit?"), for a thing otherwise ("What made the headlines").
  ['why', /^(why|what for|how come)\b|^what\b.*\bfor\s*\??$|^what (caused|causes|led to|leads to|prompted|forced|triggered|sparked|motivated|inspired|persuaded|convinced)\b|^what (excuse|reason|explanation|justification|motive)s?\b|^what (was|is|were|are) the (purpose|aim|goal) of\b/i],
  // Case matters here: a name is written with a capital.
  ['why', /^[Ww]hat (made|makes|drove|drives|got|gets) (him|her|them|\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*)*) \p{Ll}/u],
  ['duration', /^(how long|for how long)\b/i],
  ['age', AGE_OPENING],
  ['money', MONEY_QUESTION],
  ['number', /^(how (many|much|few|little|old|far|big|large|often|tall|high|deep|wide|fast|heavy|long a)|what (was|is|were|are) (the |(?:the )?(?:(?!(?:for|of|behind|about|in|on|at|to|with|from|by|it|is|was)\b)\S+ ){0,2}\S+?(?:['’]s|s['’]) |his |her |its |their )([a-z-]+ ){0,2}(number|size|amount|total|crowd|attendance|turnout|population|score|tally|margin|majority|count|percentage|rate|toll)(?=\s+(?:of|in|for|at|on|by|from|between|among|against|when|after|before|this|last|so)\b|\W*$)|what (percentage|proportion|share|amount|number|age))\b/i],
  ['quote', /^(what|how) (did|does|do|has|have|had|will|would)\b.*\b(say|said|says|tell|told|call|called|describe|describes|described|react|reacted|respond|responded|joke|joked|write|wrote|reply|replied|announce|announced|promise|promised|warn|warned|insist|insisted|define|defined|characteri[sz]e|characteri[sz]ed|sum up|summed up|answer|answered|make of|complain|complained)\b/i],
  // "What did she compare the timetable to?" ("how does it compare with…" asks for no words said).
  ['quote', /^(what|how) (did|does|do|has|have|had|will|would)\b(?=.*\bcompared?\b).*\bto\W*$/i],
  // "What was her reply", "What was the mayor's famous retort about…": words someone said, asked for by the noun the
  // question is about, not by one it mentions ("the date of the reply", "the reply deadline").
  ['quote', /^what (was|were|is|are) (?:(?!of\b)[\p{L}.'’-]+\s+){0,4}(reply|replies|retort|response|comment|comments|remark|remarks|quip|words|message)(?=\s+(about|to|when|after|over)\s+\w|\W*$)/iu],
];

/** Keyword questions say what they want last ("bond issue amount?", "kerry nickname?", "ceasefire start date"). */
const CLOSING_PATTERNS: Array<[AnswerKind, RegExp]> = [
  ['age', /\b(age|how old)\W*$/i],
  ['money', /\b(cost|costs|price|fee|fees|salary|budget|fine|bill|how much)\W*$/i],
  ['number', /\b(amount|how many|number|count|total|toll|population|score|size|attendance|crowd|percentage|figures?)\W*$/i],
  // "judge this year?" asks for the judge: "this year" only says which one.
  ['when', /(?<!\b(?:this|last|next) )\b(when|date|year|day|deadline|time)\W*$/i],
  ['where', /\b(where|location|whereabouts)\W*$/i],
  ['why', /\b(why|reason|motive|purpose)\W*$/i],
  ['who', /\b(who|whom|name|nickname|spokesman|spokeswoman|leader|winner|author)\W*$/i],
  ['quote', /\b(quote|quotes|quotation|remarks|comments|reaction)\W*$/i],
];

const KIND_PATTERNS: Array<[AnswerKind, RegExp]> = [
  ['age', AGE_QUESTION],
  ['money', MONEY_QUESTION],
  ['duration', /\bhow long\b|\bfor how (long|many (days|weeks|months|years))\b/i],
  ['number', /\b(how (many|much|old|far|big|large|often|tall|high|deep|wide)|number of|death toll|what (percentage|proportion|share|amount|age))\b/i],
  // "when" as a question word ("and when did…"), not as a conjunction ("the crowd when he won").
  ['when', /\bwhen (did|does|do|is|was|were|will|would|has|have|had|can|could)\b|\b(what (day|date|time|year|month|week)|which (day|date|year|month))\b|^\W*when\b/i],
  ['why', /\b(why|what for|for what reason|on what grounds|reason|purpose|meant to|intended to|aim(ed)? to|in order to)\b/i],
  ['quote', /\b(say|said|says|describe[ds]?|call(ed)?|quote[ds]?|react(ed)?|respond(ed)?|word(s|ed)?|told)\b/i],
  ['who', new RegExp(`(^|[.?!,]\\s*)(who|whom|whose)\\b|\\b(which|what) (\\w+ )?(${PERSON_NOUNS})\\b|\\bname of\\b|\\bnamed?\\b`, 'i')],
  ['where', /\b(where|(which|what) (part|city|town|place|country|area|region|district|neighbou?rhoods?|street|building|province|state))\b/i],
];

/** Every word of `text`, folded: what `ParsedQuestion.words` holds of a question. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The verbs a yes-or-no question opens on ("Did…", "Isn't…", "Can't…"). */
const AUXILIARY = "(?:(?:is|are|was|were|did|does|do|has|have|had|could|would|should)(?:n['’]?t)?|can(?:['’]?t|not)?|will|won['’]?t)";

/** A question that opens with a question word says what it wants there, not in its last word. */
function isWhQuestion(opening: string): boolean {
  return WH_OR_AUXILIARY_OPENING.test(opening);
}

const QUESTION_WORDS = 'who|whom|whose|what|which|where|when|why|how';
const WH_OR_AUXILIARY_OPENING = new RegExp(`^(?:${QUESTION_WORDS}|${AUXILIARY})(?![\\p{L}'’])`, 'iu');
/**
 * A yes-or-no question opens on an auxiliary, unless it only asks politely for a question word's answer: "Can you tell
 * me who won?" asks who, where "Was the man who attacked the guard released?" asks yes or no.
 */
const POLAR = new RegExp(`^${AUXILIARY}(?![\\p{L}'’])(?!.*\\b(?:know|tell|say|wonder|ask|explain|remember|idea)\\b.*\\b(?:${QUESTION_WORDS})\\b)`, 'iu');

/**
 * A question typed in capitals throughout says nothing by its case: "WHO WON" asks a person, not the WHO. Two-letter
 * abbreviations keep their capitals ("WHAT DID THE US SAY"): lower case makes "us" a pronoun.
 */
function withoutShouting(question: string): string {
  const letters = question.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return question;
  // "TELL US" is the pronoun; "THE US" the country.
  return question.replace(/\p{L}+/gu, (word, at: number) =>
    word.length === 2 && isCaseSensitiveAlias(word) && (word !== 'US' || /\bTHE\s+$/u.test(question.slice(0, at))) ? word : word.toLowerCase(),
  );
}

/**
 * A clause of up to 80 characters before a comma and the question word ("Under the new plan, how many…"). It holds
 * no question word and opens on no auxiliary: "By how much did fares rise, when…" and "Did she say, when asked…"
 * keep their own clause.
 */
const LEADING_CLAUSE = new RegExp(
  `^(?!${AUXILIARY}(?![\\p{L}'’]))(?:(?!\\b(?:${QUESTION_WORDS})\\b)[^,?]){1,80},\\s*(?=(${QUESTION_WORDS})\\b)`,
  'iu',
);

export function parseQuestion(question: string): ParsedQuestion {
  const text = withoutShouting(question);
  const seen = new Set<string>();
  const analysed = analyze(text, { question: true });
  const tokens = analysed.filter((token) => {
    if (seen.has(token.term)) return false;
    seen.add(token.term);
    return true;
  });
  const phrases = [...text.matchAll(QUOTED)]
    .map((match) => analyze(match[1]!).map((token) => token.term))
    .filter((terms) => terms.length >= 2);
  const opening = text
    .trim()
    .replace(/^(and|but|so|ok|okay|hey|hi|please|tell me|do you know|any idea|i wonder)[\s,]+/i, '')
    // Chat spells "what is" as "whats" or "what's".
    .replace(/^(who|what|where|when|how)['’]?s\b/i, '$1 is')
    // "When pressed, who did…", "Under the new plan, how many…": a clause before the question word says when or where
    // it applies, not what is asked. A question's own clause is no such thing ("What did the mayor say, when asked…").
    .replace(/^(when|once|if|after|before)\b[^,?]*,\s*(?=(who|whom|whose|what|which|where|why|how)\b)/i, '')
    .replace(LEADING_CLAUSE, '')
    // "By what score…", "under which law…": the preposition says how the answer fits, the question word what it is.
    .replace(/^(by|under|with|for|from|to|of|on|against|over|during|through|into|after|before)\s+(?=(what|which|whom|how)\b)/i, '');
  const kind =
    OPENING_PATTERNS.find(([, pattern]) => pattern.test(opening))?.[0] ??
    (isWhQuestion(opening) ? undefined : CLOSING_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0]) ??
    KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ??
    focusKind(opening) ??
    'other';
  const words = new Set(wordsOf(text));
  const asksName = /\bnamed?\b|\bnames\b|\bcalled\b/i.test(text) && kind === 'who';
  // Only before a person's title: "associate smoking with cancer" ranks nothing.
  const rankedRoles = [...text.matchAll(RANKED_ROLE)].flatMap((m): Array<[string, string]> => {
    const [rank, role] = [analyze(m[1]!)[0]?.term, analyze(m[2]!)[0]?.term];
    const title = lemmaOf(m[2]!, 'noun');
    return rank && role && title !== undefined && kindOfNoun(title) === 'who' ? [[rank, role]] : [];
  });
  const polar = POLAR.test(opening);
  const parsed: ParsedQuestion = { text, kind, tokens, phrases, words, asksName, polar, rankedRoles, attribution: attributionTerms(text, tokens), setting: settingTerms(text, analysed, kind) };
  const counted = countedThing(text);
  if (counted) {
    parsed.counted = counted.at(-1)!;
    parsed.countedGroup = counted;
  }
  return parsed;
}

/**
 * "according to the Herald's columnist", "according to the minister": the source a question credits is named in the
 * byline, the headline or an earlier paragraph of the document, seldom in the paragraph that answers.
 */
function attributionTerms(text: string, tokens: readonly Token[]): Set<string> {
  const spans = [...text.matchAll(/\baccording to\b([^,?;!]*)/gi)].map((match): [number, number] => {
    const end = match.index + match[0].length;
    return [end - match[1]!.length, end];
  });
  return termsWithin(tokens, spans);
}

/**
 * Words that open a clause or phrase of time. Not "before" or "until": the story of an event tells what came of it,
 * seldom who or what was there before.
 */
const SCENE_OPENERS = 'when|while|after|during|following|since';
const SCENE_OPENER = new RegExp(`\\b(?:${SCENE_OPENERS})\\b`, 'giu');
/**
 * Where a scene ends: a clause mark, another scene ("…after the vote during the strike"), or a word that opens
 * another part of the question ("…after the match about the stadium", "when asked whether…"), in lower case: "Much
 * Ado About Nothing" is a title.
 */
const SCENE_END = new RegExp(`[,?;!:(—–]|\\s-\\s|\\b(?:and|or|but|about|if|whether|${SCENE_OPENERS}|${QUESTION_WORDS})\\b`, 'u');
/** An auxiliary right after the word makes it a question word: "When did…", "…and when was it held". */
const QUESTION_AUXILIARY = new RegExp(`^\\s+${AUXILIARY}(?![\\p{L}'’])`, 'iu');
/** How far a scene is read: a clause, not a page, so that a question of many "when"s is read in linear time. */
const MAX_SCENE = 200;
/** Questions whose clause of time says which figure or time is asked for: "the population during the war". */
const ASKS_FIGURE_OR_TIME = new Set<AnswerKind>(['number', 'money', 'duration', 'age', 'when']);

/**
 * The spans of the question that set its scene: a clause or phrase of time after the question's own words
 * ("…retort when Barnes counted thirteen strokes"), or before its question word ("After the vote, who…"), without the
 * word that opens it. A question word is none ("When did…", "where and when was it held", "since when"), nor is
 * "after" before a verb's participle, where it is an adverb ("the day after named").
 */
function sceneSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const firstWord = text.search(/\p{L}/u);
  for (const match of text.matchAll(SCENE_OPENER)) {
    const from = match.index + match[0].length;
    const rest = text.slice(from, from + MAX_SCENE);
    if (QUESTION_AUXILIARY.test(rest) || /^\s*\W*$/u.test(rest)) continue;
    if (/^after$/i.test(match[0]) && isParticiple(/^\s+(\p{Ll}+)/u.exec(rest)?.[1])) continue;
    // Opening the question, it is a scene only when a comma ends it before the question proper.
    if (match.index === firstWord && !/^[^,?;!]*,/.test(rest)) continue;
    const length = rest.search(SCENE_END);
    spans.push([from, from + (length < 0 ? rest.length : length)]);
  }
  return spans;
}

/** "characterised", "named": a verb's past participle, not "Fred", "speed" or "red". */
function isParticiple(word: string | undefined): boolean {
  if (word === undefined || !word.endsWith('ed')) return false;
  return [word.slice(0, -2), word.slice(0, -1)].some((lemma) => entriesOf(lemma).some(([pos]) => pos === 'verb'));
}

/**
 * "What was Beatrice's reply when the rain-soaked play resumed?": the scene is told where the article begins the
 * story, and the reply a paragraph or more later names neither rain nor play again. A word the question also uses
 * outside its scene is part of what it asks.
 */
function settingTerms(text: string, tokens: readonly Token[], kind: AnswerKind): Set<string> {
  // `tokens` holds every word of the question, repeats included.
  if (ASKS_FIGURE_OR_TIME.has(kind)) return new Set();
  const spans = sceneSpans(text);
  if (spans.length === 0) return new Set();
  const within = withinSpans(tokens, spans);
  const outside = new Set(tokens.filter((_, i) => !within[i]).map((token) => token.term));
  return new Set(tokens.filter((token, i) => within[i] && !outside.has(token.term)).map((token) => token.term));
}

/** The terms of `tokens` that lie within one of `spans` (start and end offsets in the question). */
function termsWithin(tokens: readonly Token[], spans: ReadonlyArray<readonly [number, number]>): Set<string> {
  const within = withinSpans(tokens, spans);
  return new Set(tokens.filter((_, i) => within[i]).map((token) => token.term));
}

/**
 * Whether each of `tokens` (in question order) lies within the spans (in order of their starts). Overlapping spans
 * count as their union: one pass, keeping the furthest end of those begun.
 */
function withinSpans(tokens: readonly Token[], spans: ReadonlyArray<readonly [number, number]>): boolean[] {
  let next = 0;
  let end = -1;
  return tokens.map((token) => {
    while (next < spans.length && spans[next]![0] <= token.start) end = Math.max(end, spans[next++]![1]);
    return token.end <= end;
  });
}

/**
 * "how many Syrian soldiers were killed" counts soldiers: the last content word before the verb, with the words
 * before it. A word ending in -ed or an irregular verb form ("ships took part") right after the noun is the verb,
 * not part of the thing counted.
 */
function countedThing(text: string): string[] | undefined {
  // A full stop before a lower-case word or a figure ends an abbreviation, not the question ("how many no. 3 cans").
  const match = /\bhow (?:many|much)\s+((?:[^?.!,;]|\.(?=\s*[\p{Ll}\p{N}]))*)/iu.exec(text);
  if (!match) return undefined;
  const words = match[1]!.split(/\s+/);
  const group: string[] = [];
  for (const word of words) {
    const bare = word.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, '');
    if (/^(are|were|is|was|did|do|does|have|has|had|will|would|could|can|of|in|on|at|for|from|to|by|that|who|which|there|they|we|you|the|a|an|still|actually|really|now)$/.test(bare)) break;
    if (group.length > 0 && (/ed$/.test(bare) || isIrregularVerbForm(bare))) break;
    group.push(word);
  }
  const terms = analyze(group.join(' ')).map((token) => token.term);
  return terms.length > 0 ? terms : undefined;
}

/** Nouns whose plural is irregular: the table of irregular forms holds them beside the verbs' ("men" → man). */
const IRREGULAR_PLURALS = /^(men|women|people|ppl|children|feet|teeth|mice|geese|oxen|lice|dice)$/;

/** "took", "ran", "fell": an irregular form of a verb, not a plural noun ("men") or a chat abbreviation ("govt"). */
function isIrregularVerbForm(word: string): boolean {
  const base = baseFormOf(word);
  return base !== undefined && base !== word && !IRREGULAR_PLURALS.test(word) && entriesOf(base).some(([pos]) => pos === 'verb');
}

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|lakhs?|crores?|dozens?|half|quarter|several|a few|score)\b/gi;
// Newswire short forms too ("15.5 mln dlrs", "40 cts"), currency codes ("USD 40m", "Rs 12 crore") and the
// currencies most papers in English report in.
const MONEY =
  /[$£€¥₹]\s?\d|\b\d[\d,.]*\s*(dollars?|dlrs?|cents?|cts|pounds?|euros?|francs?|marks?|rubles?|roubles?|yen|yuan|rupees?|pesos?|rand|shillings?|dinars?|dirhams?|riyals?|naira|ringgit)\b|\b(million|billion|thousand|mln|bln|lakh|crore) (dollars|dlrs|pounds|stg|euros|rupees)\b/i;
/** A currency code before a sum, in capitals as written ("USD 40m", "Rs 12 crore"), not "CAD 3D software". */
const CURRENCY_CODE = /\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|JPY|CHF|CNY|Rs\.?|Rp)\s?\d[\d,.]*(?:bn|mn|m|k)?(?![\p{L}\d])/u;
export const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const TIME_WORDS = new RegExp(
  `\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|${MONTH}|yesterday|today|tonight|tomorrow|ago|last (week|month|year|night)|this (week|month|year|morning)|next (week|month|year)|1[6-9]\\d\\d|20\\d\\d|morning|afternoon|evening|weekend|since|until|earlier|later)\\b`,
  'gi',
);
/**
 * The day before the month, as most of the world writes it: "2 September", "14th March". Read in its own case, for
 * "60 may have died" and "10 march on the capital" are no dates.
 */
const DAY_FIRST =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/g;
/**
 * Figures that label rather than count: dates, clock times, years, ordinals, "No. 48", "330 A.D.". A sentence
 * whose only new figure is one of these seldom holds the count a "how many" question asks for.
 */
const LABEL_NUMBERS = new RegExp(
  `\\b(${MONTH})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}:\\d\\d\\b|\\b(1[6-9]\\d\\d|20\\d\\d)\\b|\\bno\\.\\s*\\d+|\\b\\d+(st|nd|rd|th)\\b|\\b\\d+\\s*(a\\.d\\.|b\\.c\\.)`,
  'gi',
);
// "a 52-year-old farmer", "aged 70", "at the age of 12", "at 26, she…", "19 when she wrote it", "turned 50", "Ines Varga, 50, of Tarvik", "Ines Varga (45)": an age.
const AGE_NUMBER_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
// A figure never stops inside a longer one ("3,000", "180 degrees"), and a clock time or a score is no age.
const AGE_WORDS = new RegExp(
  String.raw`\b(\d{1,3}|${AGE_NUMBER_WORDS})[\s-]+(years?|months?)[\s-]+old\b|\b(aged?|age of|turns|turned|turning|will turn)\s+\d{1,3}(?!\d|[,.]\d)(?!\s*(?:degrees|percent|per cent|%|times))|(?:^|[,;(]\s*)at\s+\d{1,3},(?!\d)|(?<!\d[-–:]?)\b\d{1,3}\s+when\s+(he|she|they|i|we)\b`,
  'giu',
);
// After a capitalised name, in its own case: "Ines Varga, 50, of Tarvik", "Ines Varga (45)"; not a list of them.
const AGE_AFTER_NAME = /(?<!\p{L})\p{Lu}\p{Ll}+(?:,\s*\d{1,3},(?!\d)(?!\s*\p{Lu}\p{Ll}+,\s*\d)|\s+\(\d{1,3}\))/gu;
// "52 rainless days", "two full weeks": a word may stand between the count and the unit. News also gives a duration
// without a figure: "met briefly", "talked for hours" ("overnight" says when more often than how long).
const DURATION =
  /\b(\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|several|few|many|some)[\s-]+(?:\p{Ll}+[\s-]+)?(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)\b|\bsince\b|\buntil\b|\b(all|the whole) (day|night|week|month|year)\b|\b(briefly|for (hours|days|weeks|months|years|decades|ages))\b/iu;
const REASON =
  /,\s*so\s+(?!(far|long|often|much|many|few|little|called|too|that)\b)|\b(only if|unless(?!\s+(?:otherwise|stated|noted|indicated)\b)|because|due to|in order to|so that|so as to|to (allow|alleviate|avoid|prevent|help|ensure|protect|stop|save|give|get|bring|make|put|restore|keep|meet|provide|honou?r|mark|celebrate|protest|support|raise|force|win|end|reduce|cut|pay)|aim(ed|s)? (at|to)|in preparation for|in response to|as a (result|salute|tribute|memorial|protest|reward|gesture|favou?r|precaution|consequence)|reason|since|for fear|to pave|owing to|thanks to|caused by|led to|leads to|lead to|resulted in|stems? from|grew out of|blamed|attributed|designed to|intended|meant to|in an effort to|in hopes? of|hoping to|on the grounds|for the purpose|motivated|out of (fear|concern|respect|necessity)|so they|so he|so she|so we|so it|put an end to|forced (him|her|them|it|us)|prompted|caused|causing|on account of|which is why|that is why|that's why|the result of|(held up|delayed|hampered|slowed|stalled|set back|pushed back|hit) by)\b/i;
// Two capitalised words in a row ("Ivan Allen", "Jan Egeland", "Vitaly Churkin"), allowing initials and particles,
// or a surname after initials ("C. H. Dodd", though not "U.S. Secretary").
const NAME =
  /\b(?:\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s*)*(?:(?:al|de|bin|van|von|la|le|du|da)[\s-]+)?\p{Lu}[\p{L}'’-]+)+|(?<![\p{L}.])(?:\p{Lu}\.\s+)+\p{Lu}[\p{L}'’-]+)/gu;
/** Titles news writes before a name, most of them abbreviated ("Lt. Col.", "Cllr", "Messrs"). */
export const TITLES = 'Mr|Mrs|Ms|Messrs|Mme|Miss|Dr|Prof|Rev|Fr|Sir|Lady|Lord|Gov|Sen|Rep|Gen|Col|Maj|Lt|Capt|Cmdr|Adm|Sgt|Cpl|Cllr|Supt|Insp|Det';
// Words of a capitalised run that are not the name: sentence openers, titles ("Miss Sally May Saabye" answers a
// question about the Miss Rhode Island pageant) and initials.
const NOT_NAMES = new RegExp(`^(The|A|An|In|On|At|But|And|When|If|As|After|Before|He|She|It|They|We|This|That|${TITLES}|Jr|Sr|St|\\p{Lu})$`, 'u');
/** A "Dr. Okafor" or a "Det. Sgt. Okafor" is a person, though the titles leave one word of the name (see `sentenceServes`). */
const TITLED_SURNAME = new RegExp(`\\b(?:(?:${TITLES})\\.?\\s+)+(?:\\p{Lu}\\.\\s*)*(\\p{Lu}[\\p{L}'’-]+)`, 'gu');
// Words that make a capitalised run the name of a body, a place or an event rather than of a person.
const INSTITUTION_WORDS =
  /^(Group|Council|Nations|Assembly|Department|Committee|University|College|School|Party|Union|States|Street|County|City|Republic|Army|Forces?|Agency|Organi[sz]ation|Court|House|Senate|Congress|Ministry|Office|Bureau|Company|Corporation|Inc|Association|Society|Church|Hospital|Board|Commission|Fund|Bank|Airport|Station|River|Mountains?|Sea|Ocean|Square|Avenue|Road|Hall|Club|Conference|Summit|Games|Cup|Treaty|Act|Bill|Accord|Agreement|Observatory|Front|Movement|Council's|Nations')$/;

/**
 * Speech in single quotes, as British and Australian papers print it: ‘We won’t move,’ she said. A mark opens a
 * quotation after a space or a dash and closes one before a space or a stop, never between letters, so an
 * apostrophe ("won’t", "the union’s") neither opens nor closes one. Read in one pass: a pattern looking for the
 * closing mark from every opening one takes seconds on a long run of them.
 */
export function singleQuotations(sentence: string): Array<{ words: string; asked: boolean }> {
  const found: Array<{ words: string; asked: boolean }> = [];
  let opened = -1;
  // "taxpayers’ money": a mark after an "s" and before a lower-case word may be a plural's apostrophe. It closes
  // the quotation only if nothing later does.
  let possessive = -1;
  const close = (at: number) => {
    const words = sentence.slice(opened + 1, at);
    if (/\S/.test(words)) found.push({ words, asked: /\?\s*$/.test(words) || /^\s*\?/.test(sentence.slice(at + 1)) });
    opened = -1;
    possessive = -1;
  };
  for (const mark of sentence.matchAll(/['‘’]/g)) {
    const at = mark.index;
    const before = sentence[at - 1] ?? ' ';
    const after = sentence[at + 1] ?? ' ';
    if (opened >= 0 && mark[0] !== '‘' && !WORD_CHARACTER.test(after)) {
      if (before === 's' && /^\s+\p{Ll}/u.test(sentence.slice(at + 1, at + 4))) possessive = at;
      else close(at);
    } else if (opened < 0 && mark[0] !== '’' && !WORD_CHARACTER.test(before) && !/['‘’]/.test(before) && /[^\s'‘’]/.test(after)) {
      opened = at;
    }
  }
  if (opened >= 0 && possessive >= 0) close(possessive);
  return found;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether a sentence opens on a lone capitalised word no dictionary has, which is not among `asked`: news calls a
 * person by surname after the first mention ("Ierulli will replace Desmond D. Connall"). Weak evidence of a name.
 */
export function opensOnName(sentence: string, asked: ReadonlySet<string>): boolean {
  const opening = /^[^\p{L}]*(\p{Lu}\p{Ll}+)(?![\p{L}'’-])/u.exec(sentence)?.[1];
  return (
    opening !== undefined && !NOT_NAMES.test(opening) && !INSTITUTION_WORDS.test(opening) && !asked.has(opening.toLowerCase()) && !isEnglishWord(opening.toLowerCase())
  );
}

/** A full date or a year ("Aug. 2, 1913", "2 September", "in 1944"): a stronger answer to "when" than "Friday" or "earlier". */
const FULL_DATES = new RegExp(`\\b(1[6-9]\\d\\d|20\\d\\d)\\b|\\b(${MONTH})\\.?\\s+\\d{1,2}\\b`, 'gi');

/** Full dates and years, in either order of day and month. */
const fullDates = (sentence: string) => [...sentence.matchAll(FULL_DATES), ...sentence.matchAll(DAY_FIRST)];

/**
 * A possessive and up to three words after it: "his chief of staff", "The residents' lawyer", not a contraction
 * ("He's a lawyer", "There's no leader left").
 */
const POSSESSED =
  /\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|(?!(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Tt]here|[Hh]ere|[Ww]hat|[Ww]ho|[Ww]here|[Ll]et)['’]s\b)\p{L}+['’]s|\p{L}+s['’](?=\s))((?:\s+\p{Ll}[\p{Ll}-]*){1,3})/gu;

/** Whether `sentence` names a person by a role someone holds ("her brother", "Aleppo's rebels"), in words not asked about. */
function namesSomeonesRole(sentence: string, isNew: (text: string) => boolean): boolean {
  for (const m of sentence.matchAll(POSSESSED)) {
    for (const word of m[1]!.trim().split(/\s+/)) {
      const lemma = word.length >= 3 ? lemmaOf(word, 'noun') : undefined;
      if (lemma === undefined) continue;
      // The first noun after the possessive is what it possesses: "his chief of staff" is a chief, "her car keys" a car.
      // (So a compound is read by its first noun: "the city's police chief" is police, and names no one.)
      if (isNew(word) && kindOfNoun(lemma) === 'who') return true;
      break;
    }
  }
  return false;
}

/**
 * How well a sentence brings what the question asks for, beyond the question's own words: 1 for a figure, a full
 * name, a full date, a reason, a quotation; 0.5 for weaker evidence (a number word, a lone capitalised word, a
 * weekday); 0 for none. `asked` holds the question's own words, folded.
 */
export function sentenceServes(kind: AnswerKind, written: string, asked: ReadonlySet<string> = new Set()): number {
  // The patterns below read words apart by one space ("due to"); a hard-wrapped sentence may have a line break there.
  const sentence = written.includes('\n') ? written.replace(/\s+/g, ' ') : written;
  const isNew = (text: string) => !text.toLowerCase().split(/[\s,.'’-]+/).every((w) => w === '' || w === 's' || asked.has(w));
  switch (kind) {
    case 'money':
      return MONEY.test(sentence) || CURRENCY_CODE.test(sentence) ? 1 : 0;
    case 'number': {
      const holdsNewFigure = (text: string) => [...text.matchAll(/\d[\d,.]*/g)].some((m) => isNew(m[0]));
      if (holdsNewFigure(sentence.replace(LABEL_NUMBERS, ' ').replace(DAY_FIRST, ' '))) return 1;
      if (holdsNewFigure(sentence)) return 0.5;
      return [...sentence.matchAll(NUMBER_WORDS)].some((m) => isNew(m[0])) ? 0.5 : 0;
    }
    case 'who': {
      let best = 0;
      for (const m of sentence.matchAll(NAME)) {
        let words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.test(w.replace(/\.$/, '')));
        // "Nations’" and "Council's" are the institution's words too, whichever apostrophe the text uses. A full name
        // may follow the body whose title it holds ("Harbour Board Chairman Ines Varga"): that is a person's.
        const institution = words.findLastIndex((w) => INSTITUTION_WORDS.test(w.replace(/['’]s?$/u, '')));
        if (institution >= 0) {
          words = words.slice(institution + 1);
          if (words.length < 2) continue;
        }
        // "John Kerry" is no answer to a question naming Kerry: a new name shares no word with the question.
        if (words.length === 0 || !words.every((w) => isNew(w))) continue;
        if (words.length >= 2) return 1;
        // Two initials make one surname a full name ("C. H. Okafor"), unless the word is a dictionary one ("U. S.
        // Steel"); one may abbreviate a place ("N. Korea").
        if ((m[0].match(/(?:^|\s)\p{Lu}\.(?=\s)/gu)?.length ?? 0) >= 2 && !isEnglishWord(words[0]!.toLowerCase())) return 1;
        if (m.index > 0) best = 0.5;
      }
      // Later mentions keep a title and drop the given name ("Dr. Okafor chaired the inquiry"): one word, but a person's.
      if (best === 0 && [...sentence.matchAll(TITLED_SURNAME)].some((m) => !NOT_NAMES.test(m[1]!) && isNew(m[1]!))) return 0.5;
      // News often answers "who" with someone's role rather than a name ("when his chief of staff showed him",
      // "the bride's brother will give her away"): a person whose the sentence says, weakly.
      if (best === 0 && namesSomeonesRole(sentence, isNew)) return 0.5;
      return best === 0 && opensOnName(sentence, asked) ? 0.5 : best;
    }
    case 'when':
      if (fullDates(sentence).some((m) => isNew(m[0]))) return 1;
      return [...sentence.matchAll(TIME_WORDS)].some((m) => isNew(m[0])) ? 0.5 : 0;
    case 'duration':
      return DURATION.test(sentence) ? 1 : 0;
    case 'age':
      // A new figure written as an age; a birth year only lets the reader work it out.
      if ([...sentence.matchAll(AGE_WORDS), ...sentence.matchAll(AGE_AFTER_NAME)].some((m) => isNew(m[0].replace(/\b(years?|months?|old|aged?|age|of|at|turn(s|ed|ing)?|when|he|she|they|i|we)\b/gi, ' ')))) return 1;
      return /\bborn\b/i.test(sentence) && fullDates(sentence).some((m) => isNew(m[0])) ? 0.5 : 0;
    case 'where':
      // "in al Waer", "from de Gaulle airport": Arabic and Romance place names open with a lower-case particle.
      return [...sentence.matchAll(/\b(?:in|at|near|outside|inside|from)\s+(?:the\s+)?(?:(?:al|el|ad|as|an|ar|de|del|la|le|du|di|da)[\s-]+)?(\p{Lu}[\p{L}-]+)/gu)].some((m) => isNew(m[1]!)) ? 1 : 0;
    case 'why':
      return REASON.test(sentence) ? 1 : 0;
    case 'quote': {
      // Words someone said answer "what did X say"; a quoted title or term ("the 'grim' events") is weaker evidence,
      // and a quoted question ("What do you and Mickey talk about at home"?) is what was asked, not the reply.
      const quotes = [
        ...[...sentence.matchAll(/["“]([^"“”]+)["”]?\s*(\?)?/g)].map((m) => ({ words: m[1]!, asked: /\?\s*$/.test(m[1]!) || m[2] !== undefined })),
        ...singleQuotations(sentence),
      ];
      if (quotes.some((q) => q.words.trim().split(/\s+/).length >= 4 && !q.asked)) return 1;
      if (quotes.length > 0 && quotes.every((q) => q.asked)) return 0;
      return quotes.length > 0 || /["“”]/.test(sentence) ? 0.5 : 0;
    }
    default:
      return 0;
  }
}
