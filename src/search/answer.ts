import type { Span } from '../corpus/sentences.ts';
import { analyze, baseFormOf, fold, isCaseSensitiveAlias, relatedTerms, stemTerm, termOfWord, type Token } from './analyzer.ts';
import { MAX_EXCERPT_CHARS, trimToLimit, widenToFit } from './excerpt.ts';
import type { NewsIndex } from './newsIndex.ts';
import { isSubhead, MAX_SUBHEAD_CHARS } from './passages.ts';
import { MONTH, opensOnName, parseQuestion, sentenceServes, TITLES, wordsOf, type AnswerKind, type ParsedQuestion } from './question.ts';
import { allowedEdits, correctSpelling, isEnglishWord } from './spelling.ts';
import { spellingCandidates, termsStartingWith } from './vocabulary.ts';
import { englishSpecificity } from './english.ts';
import { isWrittenAcronym, namesWithInitials, spelledOutPattern, wordRunsWithInitials } from './acronyms.ts';
import { compoundSynonymsOf, derivedWordsOf, oppositesOf, phrasalSynonymsOf, synonymsOf } from './synonyms.ts';
import { isPersonNoun } from './wordnet.ts';
import type { Answer, AnswerOptions, AnswerResult, SourceRef } from './types.ts';

export const DEFAULT_TOP = 3;
/** Distinct passages BM25 puts forward per question, from which the shortlist read sentence by sentence is drawn… */
const CANDIDATES = 24;
/** …found among this many best hits: copies of one passage come in runs (ten in an archive of ten copies). */
const HITS_READ = 160;
/** How many postings (term–passage pairs) the candidate search may read, rarest terms first… */
const POSTINGS_BUDGET = 2_500;
/** …though it reads at least this many terms, up to a hard ceiling of postings beyond the first term. */
const MIN_SEARCH_TERMS = 2;
const POSTINGS_CEILING = 10_000;
/** A sentence whose rarest term is in more passages than this is too common to look for copies of. */
const MAX_COPY_POSTINGS = 300;
/** How many of an excerpt's rarest terms a copy must hold: the rarest finds the copies, the other three sift them. */
const COPY_TERMS = 4;
const MAX_WINDOW_SENTENCES = 3;
/** How many candidates are read sentence by sentence, chosen by the share of the question they hold… */
const SHORTLIST = 12;
/** …and how many of the best of them also put forward the passage that follows them. */
const FOLLOWERS_OF = 4;
/**
 * Passages read beyond the answers asked for, before the rest may be skipped on their bound: answers that turn
 * out to be copies of one another are merged, and their places taken by the next.
 */
const READ_BEYOND_TOP = 1;
/**
 * Questions news often sets up in one paragraph and answers at the opening of the next: why ('"Too many and the leg
 * goes dead," he said') and what someone said (the quotation after "was asked whether…"). Not who, when, where, how
 * much or how many: the paragraph after a setup names other people, dates, prices and counts other things as often
 * as it answers ("Eight councillors were absent." after a vote says nothing of how many voted against), and reading it
 * so answered questions the archive cannot. A reader's letter or an interviewer's labelled question is another
 * matter: the paragraph after it is the reply, whatever is asked (see `questionAbove`).
 */
const SET_UP_KINDS: ReadonlySet<AnswerKind> = new Set(['why', 'quote']);
/**
 * A question after a name, a figure, a date or a place is not answered by a passage that only restates it
 * ("Two Americans were executed" for "which two Americans were executed").
 */
const FACTOID_KINDS = new Set(['who', 'when', 'age', 'number', 'money', 'duration', 'where']);

/** The weights of ranking and abstention, in one place; they were set on development question sets. */
export const WEIGHTS = {
  /**
   * Share of the question's weight the best excerpt must carry for the question to count as answered. Below it,
   * the honest reply is that the coverage does not say.
   */
  answeredSupport: 0.5,
  /** Answers after the first must still carry this share, or they are noise next to a good first answer. */
  furtherSupport: 0.3,
  /**
   * How much a question word the corpus never uses weighs, against the rarest word it does use. A name or number
   * the coverage lacks ("Astana", "2017") means the question is about something else; a plain dictionary word
   * ("react", "latest") is more often the reader's paraphrase of what the text says in other words.
   */
  absentName: 1,
  absentWord: 0.3,
  absentUnknown: 0.8,
  /** Credit for a word found only in another form the stemmer does not join ("advisor" for "adviser")… */
  derivedCredit: 0.85,
  /** …and for another form of a word the archive also has as written ("kicked" for "kicker"). */
  otherFormCredit: 0.5,
  /** Credit for a word matched through a WordNet synonym ("haggling" for "wrangling"). */
  synonymCredit: 0.3,
  /**
   * Credit for a word of a yes-or-no question matched through its WordNet opposite ("denies" for "admit"). Above a
   * synonym's: WordNet files an opposite for the very word, where a synonym is any word of one of its senses.
   */
  oppositeCredit: 0.6,
  /** Credit for a word WordNet derives from the reader's in another part of speech ("violinist" for "violin"). */
  derivationCredit: 0.5,
  /** Credit for a misspelt word matched through its correction. */
  correctedCredit: 0.85,
  /** Credit a term earns from the surrounding reporting (previous paragraph, headline) rather than the passage… */
  contextCredit: 0.35,
  /** …and a name does, which the passage itself may call "he" or "the group". */
  contextNameCredit: 0.65,
  /**
   * Credit a name of the question earns when the article names it anywhere else: news names a person, a place or a
   * band once and then says "he", "the city", "the orchestra". The passage still lacks the name (it takes the
   * missing-name factor): this only lets the rest of what it carries count.
   */
  documentNameCredit: 0.5,
  /**
   * Credit a term of the previous paragraph earns when the excerpt brings what the question asks for: news sets
   * the question up in one paragraph ("asked the Oriole manager if…") and answers it in the next ("'It's a whole
   * lot easier,' he said").
   */
  continuationCredit: 0.65,
  /** Ranking bonus for an excerpt that brings what the question asks for (a new name, figure, date, reason). */
  servesBonus: 0.25,
  /** Ranking factor for a factoid question's excerpt that brings no such thing. */
  unservedFactoid: 1,
  /** Ranking bonus per share of the question's weight found as neighbouring words, in the question's order. */
  adjacency: 0.15,
  /** Ranking weight of the whole passage's coverage, beside the excerpt's. */
  passageCoverage: 0.1,
  /** Ranking weight of the BM25 score, normalised to the best candidate's: a tie-breaker. */
  bm25: 0.3,
  /** Share of its predecessor's BM25 score a passage put forward as a follower gets. */
  followerBm25: 0.7,
  /** Ranking cost of each sentence the excerpt needs beyond the first. */
  extraSentence: 0.08,
  /**
   * Share of the question's weight from which one term is what the question is about ("devastation" in
   * "valley devastation quote"): found in the passage, with the rest around it, it is no coincidence.
   */
  dominantShare: 0.7,
  /** Support factor for each name of the question the excerpt lacks though the archive has it… */
  missingNameSupport: 0.8,
  /** …and for each name the archive never mentions. */
  absentNameSupport: 0.5,
  /** Credit a money question's "cost", "price" or "pay" earns from an excerpt that holds a sum without the word. */
  impliedBySum: 0.65,
  /** Support factor when a "how many" or "how much" excerpt holds no figure at all… */
  numberMissing: 0.4,
  /** …and when a question asking for a name outright gets an excerpt that names no one new. */
  nameMissing: 0.5,
  /** Support factor when a "when" question's excerpt holds no date or time… */
  undatedSupport: 0.6,
  /** …and ranking factor for a "what did X say" excerpt that quotes no one. */
  unquoted: 0.7,
  /** Support factor when a who/where question's excerpt names no one and nowhere beyond the question's own words. */
  unnamedSupport: 0.8,
  /** English idf (over the Brown Corpus's paragraphs) from which a word counts as fully specific… */
  specificIdf: 8,
  /** …and the least share of its weight the commonest English word keeps. */
  minSpecificity: 0.35,
  /** Support factor when a "how many X" excerpt lacks X, or a number near it. */
  countedMissing: 0.6,
  /**
   * Support factor when a "how many" or "how much" excerpt holds only weak figures (a year, "several", "a few")
   * and none of them counts the thing asked about.
   */
  weakFigure: 0.7,
  /**
   * A name of the question the excerpt holds only a minor word of ("Turkish" of "Turkish President Erdogan")
   * counts as missing below this share of its credit.
   */
  partialName: 0.35,
  /** Support factor for an excerpt that holds a role the question ranks ("deputy envoy") without the rank. */
  rankMissing: 0.6,
  /**
   * Most credit a dictionary word the question writes as a name ("Who wrote War and Peace", "What did Brown say")
   * earns from a sentence that has it only in lower case: "peace" and "brown" there are other words. Below
   * `partialName`, so that the name counts as missing.
   */
  nameWordInLowerCase: 0.3,
  /**
   * Ranking factor for a passage whose best excerpt only asks: a reader's letter, an interviewer or a rhetorical "But
   * will it work?" standing alone restates the question, however many of its words it shares; the answer, if the
   * coverage gives one, comes after it. Such an excerpt never decides that the question is answered (see
   * `furtherSupport`). A window that also holds a statement is read as that statement's.
   */
  onlyAsks: 0.5,
};

/** A question term with what counts as finding it in a passage and how much finding it is worth. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Written as a name in the question ("Turkish", "Handarat"): an answer about something else lacks it. */
  isName: boolean;
  /** Index terms that satisfy it, with the share of `weight` each earns. */
  matches: Map<string, number>;
  /** Part of an "according to …" attribution: the document may name it anywhere. */
  attribution?: boolean;
  /** Part of a clause that sets the scene: for ranking, a plain word of it counts where the article tells it above. */
  setting?: boolean;
  /** For an acronym of the question ("FAA"), where a text spells it out ("Federal Aviation Agency"), which counts as finding it. */
  spelledOut?: RegExp;
  /** A dictionary word the question writes as a name on its own ("Brown", "Peace"): a lower-case one in the text is another word. */
  nameWord?: boolean;
  /** A name typed without capitals right after another, both plain lower-case words ("ilona schmidl"): one person's. */
  continuesName?: boolean;
  /**
   * For a name of several words, the index terms that satisfy each word in turn: a sentence naming "Albert Ellis"
   * names someone else than Albert Pike (see `namesSomeoneElse`).
   */
  nameParts?: Array<ReadonlyMap<string, number>>;
}

export interface SentenceView {
  span: Span;
  /** Its index terms, in order. */
  terms: string[];
  /** Credit share (0–1) this sentence earns for each query term, by term position. */
  credit: number[];
  /** How well it brings what the question asks for (0–1): a new name, figure, date, reason, quotation. */
  serves: number;
  /** Consecutive question terms standing together in it, by the first one's position. */
  adjacent: number[];
  /** Whether it ends on a question mark of its own, not one inside a quotation. */
  asks: boolean;
}

export interface Scored {
  passage: number;
  score: number;
  /** Share of the question's weight the best of the passage's windows carries, after penalties: decides answered or not. */
  support: number;
  sentences: SentenceView[];
  window: { first: number; last: number };
  /** Other documents whose passage is this same text. */
  copies: number[];
  /** The support ranking sees, with the story read a little further: admits further answers, never decides answered. */
  rankedSupport: number;
}

/**
 * Answers a question from the index: the passages that best answer it, each quoted verbatim and cited, or
 * `answered: false` when the coverage does not say.
 */
export function answer(index: NewsIndex, question: string, options: AnswerOptions = {}): AnswerResult {
  const top = answersWanted(options);
  const { terms, scored, allowed } = rankPassages(index, question, options);
  const notAnswered = (nearest: SourceRef[] = []): AnswerResult => ({ question, answered: false, results: [], nearest });
  const best = scored[0];
  if (!best) return notAnswered();

  // The question counts as answered when one of the passages read carries it, though another may rank above it:
  // the paragraph after a setup that restates the question answers it, with less of the question's own words.
  if (!scored.some((s) => s.support >= WEIGHTS.answeredSupport)) {
    const nearest = [...new Set(scored.slice(0, 5).map((s) => index.passages.doc[s.passage]!))].slice(0, 3);
    return notAnswered(nearest.map((d) => index.sourceRef(d)));
  }

  const results: BuiltAnswer[] = [];
  for (const candidate of scored) {
    if (results.length >= top) break;
    if (candidate !== best && Math.max(candidate.support, candidate.rankedSupport) < WEIGHTS.furtherSupport) continue;
    const built = buildAnswer(index, terms, candidate);
    const duplicateOf = results.find((r) => isSameReport(r, built) || (r.doc === built.doc && r.paragraph0 === built.paragraph0));
    if (duplicateOf) {
      if (built.doc !== duplicateOf.doc && !duplicateOf.alsoIn.some((s) => s.id === built.source.id)) duplicateOf.alsoIn.push(built.source);
      continue;
    }
    results.push(built);
  }
  for (const result of results) {
    const known = new Set([result.source.id, ...result.alsoIn.map((s) => s.id)]);
    const knownDocs = new Set([result.doc, ...result.alsoIn.map((ref) => index.documentIndex(ref.id))]);
    for (const doc of findCopies(index, result.core, result.coreTerms, allowed, knownDocs)) {
      const ref = index.sourceRef(doc);
      if (!known.has(ref.id)) {
        known.add(ref.id);
        result.alsoIn.push(ref);
      }
    }
  }
  return {
    question,
    answered: true,
    results: results.map(({ key: _key, keyTerms: _keyTerms, core: _core, coreKey: _coreKey, coreTerms: _coreTerms, doc: _doc, paragraph0: _paragraph, ...answer }) => answer),
    nearest: [],
  };
}

/** How many answers `options` asks for, within 1–25. */
const answersWanted = (options: AnswerOptions) => Math.max(1, Math.min(options.top ?? DEFAULT_TOP, 25));

/** The passages read for a question, best first, with how each was scored: what `answer` quotes from. */
export interface Ranking {
  terms: QueryTerm[];
  scored: Scored[];
  allowed: Set<number | undefined> | undefined;
}

export function rankPassages(index: NewsIndex, question: string, options: AnswerOptions = {}): Ranking {
  const parsed = parseQuestion(question);
  const terms = resolveTerms(index, parsed);
  const allowed = options.documentIds ? new Set(options.documentIds.map((id) => index.documentIndex(id))) : undefined;
  const candidates = terms.length === 0 ? [] : findCandidates(index, parsed, terms, allowed);
  const topBm25 = candidates[0]?.bm25 ?? 1;
  const top = answersWanted(options);
  // Reading a passage sentence by sentence is the costly part of answering. What its terms alone allow it to score
  // bounds what the reading can give, so passages are read best bound first, until none left can make the answers.
  const servesOf = servingSentences(index, parsed, terms);
  const tests = matchTests(index, terms);
  const queue = new BoundQueue(
    index,
    parsed,
    terms,
    tests,
    // A subhead is searched for the paragraph under it, which `findCandidates` brings along: it is never quoted.
    candidates.filter((candidate) => !isSubheadPassage(index, candidate.passage)),
    topBm25,
  );
  const scored: Scored[] = [];
  const best: number[] = [];
  const credits = creditTable(terms);
  let supported = false;
  for (let next = queue.next(); next; next = queue.next()) {
    const { candidate, context, bound } = next;
    if (best.length >= top + READ_BEYOND_TOP && (supported || bound.support < WEIGHTS.answeredSupport)) {
      if (bound.score < best.at(-1)!) break;
    }
    rankingCredit(context, servesOf);
    const result = scorePassage(index, parsed, terms, credits, candidate.passage, candidate.bm25 / topBm25, candidate.copies, context);
    supported ||= result.support >= WEIGHTS.answeredSupport;
    scored.push(result);
    // The best scores read so far, highest first, as many as the answers and the one read beyond them.
    const at = best.findIndex((score) => result.score > score);
    best.splice(at < 0 ? best.length : at, 0, result.score);
    if (best.length > top + READ_BEYOND_TOP) best.pop();
  }
  scored.sort((a, b) => b.score - a.score);
  return { terms, scored, allowed };
}

interface Bounded {
  candidate: Candidate;
  context: Context;
  bound: Bound;
}

interface Bound {
  score: number;
  support: number;
}

/**
 * The candidates in the order of their bounds, best first (ties in the candidates' order), each with its context.
 * Working out a passage's context is most of what its bound costs, and most candidates are never read: each waits
 * under a looser bound, which credits every term the passage lacks with the most any context lends, and has its
 * context worked out only when that looser bound comes first. A passage comes out when its own bound beats every
 * other's bound, loose or not, which is the order sorting all bounds would give.
 */
class BoundQueue {
  private readonly waiting: Array<{ order: number; candidate: Candidate; parts: BoundParts; key: number; exact?: Bounded }>;

  constructor(
    private readonly index: NewsIndex,
    private readonly parsed: ParsedQuestion,
    private readonly terms: QueryTerm[],
    private readonly tests: MatchTests,
    candidates: Candidate[],
    topBm25: number,
  ) {
    // The most credit any context lends each term: a quotation's speaker may lend a name its best match in full.
    const mostLent = terms.map((term, i) => mostLentBy(parsed, term, tests[i]!));
    this.waiting = candidates.map((candidate, order) => {
      const parts = boundParts(index, parsed, terms, tests, candidate.passage, candidate.bm25 / topBm25);
      return { order, candidate, parts, key: boundOf(terms, parts, mostLent).score };
    });
    this.waiting.sort((a, b) => (comesFirst(a, b) ? -1 : comesFirst(b, a) ? 1 : 0));
  }

  next(): Bounded | undefined {
    for (let entry = this.waiting.shift(); entry; entry = this.waiting.shift()) {
      if (entry.exact) return entry.exact;
      const context = contextCredit(this.index, this.parsed, entry.candidate.passage, this.terms, this.tests);
      entry.exact = { candidate: entry.candidate, context, bound: boundOf(this.terms, entry.parts, lentBy(this.parsed, context)) };
      entry.key = entry.exact.bound.score;
      // Its own bound is no higher than its looser one: it goes back among the waiting, after those that beat it.
      let at = 0;
      while (at < this.waiting.length && comesFirst(this.waiting[at]!, entry)) at++;
      this.waiting.splice(at, 0, entry);
    }
    return undefined;
  }
}

/** Higher bound first, and on a tie the candidate that came first. */
function comesFirst(a: { key: number; order: number }, b: { key: number; order: number }): boolean {
  return a.key > b.key || (a.key === b.key && a.order < b.order);
}

/** What bounds a passage's score whatever its context: each term's best credit anywhere in it, what it may bring. */
interface BoundParts {
  held: number[];
  adjacency: number;
  serves: number;
  coverage: number;
  bm25: number;
}

function boundParts(index: NewsIndex, parsed: ParsedQuestion, terms: QueryTerm[], tests: MatchTests, passage: number, bm25: number): BoundParts {
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
  // Quotation marks are paired across a whole passage as they are not within one sentence (a stray inch mark):
  // any mark may let one of its sentences bring a quotation.
  const text = index.passageText(passage);
  const whole = parsed.kind === 'quote' ? (/["“”'‘’]/.test(text) ? 1 : 0) : sentenceServes(parsed.kind, text, parsed.words);
  // A later sentence may open on a surname ("Moscow denies…") where the passage's first does not.
  const serves = parsed.kind === 'who' && whole < 0.5 && someSentenceOpensOnName(index, passage, text, parsed.words) ? 0.5 : whole;
  const impliedBySum = (term: QueryTerm) => (parsed.kind === 'money' && serves >= 1 && SUM_WORDS.has(term.term) ? WEIGHTS.impliedBySum : 0);
  const held = terms.map((term, i) =>
    Math.max(firstCredit(tests[i]!, (test) => test.holds(passage)), term.spelledOut ? spellsOut(term, text) : 0, impliedBySum(term)),
  );
  let adjacent = 0;
  for (let i = 0; i + 1 < terms.length; i++) if (held[i]! > 0 && held[i + 1]! > 0) adjacent += Math.min(terms[i]!.weight, terms[i + 1]!.weight);
  const coverage = terms.reduce((sum, t, i) => sum + t.weight * held[i]!, 0) / totalWeight;
  return { held, adjacency: adjacent / totalWeight, serves, coverage, bm25 };
}

/**
 * The most a passage can score and the most support it can carry, given what its context lends each term (`lent`,
 * by term position): every penalty waived, the full bonus for bringing what is asked.
 */
function boundOf(terms: QueryTerm[], parts: BoundParts, lent: readonly number[]): Bound {
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
  const support = terms.reduce((sum, t, i) => sum + t.weight * Math.max(parts.held[i]!, lent[i]!), 0) / totalWeight;
  return {
    // No sentence brings more of what is asked than the whole passage does.
    score:
      support +
      WEIGHTS.adjacency * parts.adjacency +
      WEIGHTS.servesBonus * parts.serves +
      WEIGHTS.passageCoverage * parts.coverage +
      WEIGHTS.bm25 * parts.bm25,
    support,
  };
}

/**
 * Loads what answering loads on first use (WordNet, the English dictionary, the index's vocabulary lookups), so
 * that the first question after a start or a reload is as fast as the others. Call before serving an index.
 */
export function warmUp(index: NewsIndex): void {
  synonymsOf('news');
  isEnglishWord('news');
  termsStartingWith(index, 'news', 0);
  void index.postings;
}

function resolveTerms(index: NewsIndex, parsed: ParsedQuestion): QueryTerm[] {
  const n = index.passageCount;
  const frequency = (term: string) => index.stats.documentFrequency.get(term) ?? 0;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // A question typed without capitals says nothing by its case ("greer garson favorite designer"): there a word no
  // dictionary knows that the archive writes capitalised is a name, as it would be capitalised. A run of them stays
  // words of their own (see `mergeNames`): joined into one name, they lost an answer on the held-out set. But it is
  // one person's name, missed once when a passage says "she" (see `continuesName`).
  const uncapitalised = withoutCapitals(parsed.text);
  const resolved = parsed.tokens.map((token): QueryTerm => {
    const found = frequency(token.term) > 0;
    const isName = writtenAsName(parsed.text, token) || (uncapitalised && found && unknownWord(token) && archiveCapitalises(index, token));
    const matches = new Map<string, number>();
    if (found) matches.set(token.term, 1);
    else {
      // A word no dictionary knows is misspelt before it is another form: "theives" means "thieves", not "thei".
      if (isCorrectable(token)) {
        // Chat drops the apostrophe of a possessive ("kovaks bridge"): the word before the "s" is the one to correct.
        const written = token.surface.length >= 5 && token.surface.endsWith('s') ? [token.surface, token.surface.slice(0, -1)] : [token.surface];
        for (const word of written) {
          const candidates = spellingCandidates(index, word, allowedEdits(word.length));
          for (const corrected of correctSpelling(word, candidates, likelyMeant(index, parsed, token))) {
            matches.set(corrected, WEIGHTS.correctedCredit);
          }
          if (matches.size > 0) break;
        }
      }
      if (matches.size === 0) for (const derived of derivedForms(index, token.term)) matches.set(derived, WEIGHTS.derivedCredit);
    }

    for (const base of [...matches.keys(), token.term]) {
      for (const related of relatedTerms.get(base) ?? []) {
        if (!matches.has(related.term) && frequency(related.term) > 0) matches.set(related.term, related.weight);
      }
    }
    // The reporter's word may be another form of the reader's ("kicked" for "kicker", "leadership" for "lead").
    if (found && !isName) {
      for (const derived of derivedForms(index, token.term)) if (!matches.has(derived)) matches.set(derived, WEIGHTS.otherFormCredit);
    }
    // Synonyms come last and are left out of the weighing below.
    const weighed = [...matches.keys()];
    // A name gets no synonyms: "Price" in "Gov. Price Daniel" is no cost, though "price" is.
    const plainWord = /^\p{L}+$/u.test(token.surface) && !isName;
    for (const derived of plainWord ? derivationTerms(token) : []) {
      if (!matches.has(derived) && frequency(derived) > 0) matches.set(derived, WEIGHTS.derivationCredit);
    }
    for (const synonym of plainWord ? [...synonymTerms(token), ...phrasalTerms(parsed.text, token), ...compoundTerms(parsed.text, token)] : []) {
      if (!matches.has(synonym) && frequency(synonym) > 0) matches.set(synonym, WEIGHTS.synonymCredit);
    }
    for (const opposite of plainWord && parsed.polar ? oppositeTerms(token) : []) {
      if (!matches.has(opposite) && frequency(opposite) > 0) matches.set(opposite, WEIGHTS.oppositeCredit);
    }
    // A word found only through its other forms or related words weighs as they do; one found only through
    // WordNet synonyms weighs as an absent word, so a loose match cannot make the question look better covered.
    const idfInCorpus = found
      ? idf(frequency(token.term))
      : weighed.length > 0
        ? Math.max(...weighed.map((t) => idf(frequency(t))))
        : idf(0) * absentWeight(parsed.text, token);
    // A small archive cannot tell "hard" from "Kefraya" (each in one passage); English at large can.
    const specificity = englishSpecificity(token.term);
    const weight = idfInCorpus * Math.min(1, Math.max(WEIGHTS.minSpecificity, specificity / WEIGHTS.specificIdf));
    const written = parsed.text.slice(token.start, token.end);
    return {
      term: token.term,
      weight,
      matches,
      isName,
      ...(parsed.attribution.has(token.term) ? { attribution: true } : {}),
      ...(parsed.setting.has(token.term) ? { setting: true } : {}),
      ...(isWrittenAcronym(written) ? { spelledOut: spelledOutPattern(written) } : {}),
      ...(isName && /^\p{Lu}\p{Ll}+$/u.test(written) && isEnglishWord(token.surface) && !inNameRun(parsed.text, token) && !afterArticle(parsed.text, token)
        ? { nameWord: true }
        : {}),
    };
  });
  // A name the question spells out is found by its initials too, where the archive uses them: initials that spell
  // a word ("ART" of Andrew Robert Taylor, "TEN") are the word in the index, not the name.
  for (const name of [...namesWithInitials(parsed.text), ...wordRunsWithInitials(parsed.text)]) {
    // Most runs of a question make initials the archive never uses: that lookup goes first.
    const plain = name.acronym.toLowerCase();
    if (frequency(plain) === 0 || isEnglishWord(plain)) continue;
    const initials = analyze(name.acronym);
    if (initials.length !== 1 || initials[0]!.term !== plain) continue;
    const spelled = parsed.tokens.flatMap((token, i) => (token.start >= name.start && token.end <= name.end ? [i] : []));
    // Initials stand for the name only where the archive says so: an article that uses them names it in full too.
    // "fire begin inside" makes FBI; no article about the FBI says so.
    if (!spelledOutBeside(index, plain, spelled.map((i) => resolved[i]!))) continue;
    for (const i of spelled) resolved[i]!.matches.set(plain, 1);
  }
  if (uncapitalised) {
    for (let i = 1; i < resolved.length; i++) {
      const gap = parsed.text.slice(parsed.tokens[i - 1]!.end, parsed.tokens[i]!.start);
      // A year or an alias such as "us" beside a name is no part of it.
      const word = (k: number) => resolved[k]!.isName && /^\p{Ll}+$/u.test(parsed.tokens[k]!.surface);
      if (word(i) && word(i - 1) && /^[\s-]+$/u.test(gap)) resolved[i]!.continuesName = true;
    }
  }
  return mergeNames(parsed, resolved);
}

/** A capitalised word beside another ("Sleeping Beauty", "Goodbody & Company") is part of a longer name. */
function inNameRun(question: string, token: Token): boolean {
  const before = question.slice(0, token.start);
  const after = question.slice(token.end);
  const neighbour = /\p{Lu}[\p{L}'’.-]*(?:\s+&)?\s+$/u.exec(before);
  // The question's opening word ("Did Rose win?") is capitalised as a sentence opens, not as a name is.
  const preceding = neighbour === null ? '' : before.slice(0, neighbour.index);
  const opensQuestion = neighbour !== null && (!/\S/u.test(preceding) || /[.!?]\s*$/u.test(preceding));
  return (neighbour !== null && !opensQuestion) || /^(?:\s+&)?\s+\p{Lu}/u.test(after);
}

/**
 * A capitalised word right after an article or possessive ("the Mayor", "the Army") or after "a" and an adjective
 * ("a lasting Peace") is a reader's capital for a title or for emphasis: names of people and works take neither.
 */
function afterArticle(question: string, token: Token): boolean {
  const before = question.slice(0, token.start);
  return /\b(?:the|this|that|his|her|its|their|our|my|your)\s+$/iu.test(before) || /\b(?:a|an)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/iu.test(before);
}

/** Whether `sentence` writes one of the words that satisfy `term` capitalised, as a name is. */
function writesAsName(sentence: string, term: QueryTerm): boolean {
  // A hyphen ends the word: "Brown-Forman" writes "Brown" as a name.
  for (const [word] of sentence.matchAll(/\p{Lu}[\p{L}'’]*/gu)) {
    const found = termOfWord(word.toLowerCase());
    if (found !== undefined && term.matches.has(found)) return true;
  }
  return false;
}

/** A capitalised word, its dots and hyphens kept ("Jr.", "Ki-moon"). */
const CAPITALISED_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
/** Capitalised words in a row, one or more: a sentence's names and titles as written. */
const CAPITALISED_RUN = new RegExp(`${CAPITALISED_WORD}(?:\\s+${CAPITALISED_WORD})*`, 'gu');
/** Words of a capitalised run that are no one's name: titles, suffixes, days, months and a sentence's opening words. */
const NOT_NAME_WORD = new RegExp(
  `^(?:the|a|an|in|on|at|but|and|of|${TITLES}|mx|mlle|herr|dame|hon|rt|pres|lieut|pvt|pfc|atty|msgr|jr|sr|st|ii|iii|` +
    `monday|tuesday|wednesday|thursday|friday|saturday|sunday|${MONTH})$`,
  'i',
);

/**
 * Whether `sentence` names someone else with part of the question's name: "Albert Ellis" for a question about
 * Albert Pike, "Robert Kennedy" for John Kennedy. A name with all the question's words, more of them ("Rafael
 * Leonidas Trujillo Molina") or only some and titles ("Mrs. Pohl") is the one asked about, as is one beside a place
 * ("Toronto's Brenne", "Norwegian Brenne") or joined to another by a hyphen ("the Kvale-Brenne accord").
 */
function namesSomeoneElse(sentence: string, parts: ReadonlyArray<ReadonlyMap<string, number>>): boolean {
  const isOtherName = (word: { text: string; possessive: boolean } | undefined) => {
    if (word === undefined || word.possessive || word.text.length < 2 || /^[\p{Lu}.]+$/u.test(word.text)) return false;
    const folded = word.text.toLowerCase();
    // A dictionary word, or one the analyzer reads as another (a demonym as its country: "Norwegian" → norway).
    return !NOT_NAME_WORD.test(folded) && !isEnglishWord(folded) && termOfWord(folded) === stemTerm(folded);
  };
  const runs = [...sentence.matchAll(CAPITALISED_RUN)].map(([run]) => {
    // A hyphen joins two names into one thing ("Kvale-Brenne"), or splits one name the analyzer reads as two ("Ki-moon").
    const words = run.split(/\s+/).flatMap((written) =>
      written.split('-').map((text, k, pieces) => ({
        text: text.replace(/['’]s?$|\.$/u, ''),
        possessive: /['’]s?$/u.test(text),
        joinedBefore: k > 0,
        joinedAfter: k < pieces.length - 1,
      })),
    );
    const partAt = words.map(({ text }) => {
      const folded = text.toLowerCase();
      const term = NOT_NAME_WORD.test(folded) ? undefined : termOfWord(folded);
      return term === undefined ? -1 : parts.findIndex((p) => p.has(term));
    });
    return { words, partAt };
  });
  // A sentence that names the person in full may name others in part ("Labor Secretary Goldberg and Commerce
  // Secretary Hodges" for Secretary Goldberg).
  if (parts.every((_, at) => runs.some(({ partAt }) => partAt.includes(at)))) return false;
  for (const { words, partAt } of runs) {
    for (let k = 0; k < words.length; k++) {
      const at = partAt[k]!;
      if (at < 0) continue;
      // The question's next word replaced by another name, or its word before; a middle name ("Roger Eugene Maris")
      // stands between the two.
      const next = words[k]!.joinedAfter ? undefined : words[k + 1];
      const previous = words[k]!.joinedBefore ? undefined : words[k - 1];
      if (at + 1 < parts.length && partAt[k + 1]! < 0 && isOtherName(next) && !partAt.slice(k + 1).includes(at + 1)) return true;
      // A given name's short form is the person asked about ("Hal Brenne" for Halvard Brenne); a surname's is not.
      if (at > 0 && partAt[k - 1]! < 0 && isOtherName(previous) && !isShortForm(previous!.text, parts[at - 1]!) && !partAt.slice(0, k).includes(at - 1)) return true;
    }
  }
  return false;
}

/**
 * Whether a name word is the short form of a part of the question's name, or the part of it: "Hal" of Halvard,
 * "Alex" of Alexander, "Halvard" where the question says "Hal". A short form that is no prefix (Bill, Bob) is not
 * known.
 */
function isShortForm(written: string, part: ReadonlyMap<string, number>): boolean {
  const word = written.toLowerCase();
  for (const term of part.keys()) {
    const [shorter, longer] = word.length <= term.length ? [word, term] : [term, word];
    if (shorter.length >= MIN_SHORT_FORM && longer.length - shorter.length >= MIN_CUT && longer.startsWith(shorter)) return true;
  }
  return false;
}

const MIN_SHORT_FORM = 2;
/**
 * A short form drops a syllable or more ("Sam" of Samuel); a name a letter or two longer is another person's, often
 * the feminine of it (Svenja, Ivanka, Karina).
 */
const MIN_CUT = 3;

/** Most credit a dictionary word of a name earns alone, when the name has a rarer word of its own. */
const PLAIN_NAME_PART = 0.3;

const NAME_RUN = new RegExp(`${CAPITALISED_WORD}(?:\\s+${CAPITALISED_WORD})+`, 'gu');

/**
 * A multi-word name in the question ("Jean-Marc Ayrault", "Anna Hengesbach") is one thing asked about, not two:
 * news calls a person by surname after the first mention ("Mr Ayrault"), so the name's rarest word alone finds
 * it in full, and its words do not count twice against a passage that names the person once.
 */
function mergeNames(parsed: ParsedQuestion, terms: QueryTerm[]): QueryTerm[] {
  const merged = [...terms];
  for (const run of parsed.text.matchAll(NAME_RUN)) {
    const members = parsed.tokens
      .map((token, i) => ({ token, i }))
      .filter(({ token }) => token.start >= run.index && token.end <= run.index + run[0].length);
    if (members.length < 2) continue;
    const parts = members.map(({ i }) => terms[i]!);
    const weight = Math.max(...parts.map((p) => p.weight));
    // "Festival" of "Lopatka's Summer Festival" is in many stories: the name's own word must be there too.
    const plain = members.map(({ token }) => /^\p{L}+$/u.test(token.surface) && isEnglishWord(token.surface));
    const ceiling = (k: number) => (plain[k] && parts.some((other, j) => !plain[j] && other.weight > parts[k]!.weight) ? PLAIN_NAME_PART : 1);
    const matches = new Map<string, number>();
    parts.forEach((part, k) => {
      for (const [term, credit] of part.matches) matches.set(term, Math.max(matches.get(term) ?? 0, Math.min(ceiling(k), (credit * part.weight) / weight)));
    });
    // The words after a title are the person's own ("Prime Minister Halvard Brenne"): a sentence that puts a given
    // name where the question has "Mayor" still names Mayor Brenne.
    const title = members.findLastIndex(({ token }) => isPersonNoun(token.surface));
    const personalName = parts.slice(title + 1);
    const name: QueryTerm = {
      term: parts.map((p) => p.term).join('+'),
      weight,
      matches,
      isName: true,
      ...(personalName.length >= 2 ? { nameParts: personalName.map((p) => p.matches) } : {}),
      ...(parts.some((p) => p.attribution) ? { attribution: true } : {}),
      ...(parts.some((p) => p.setting) ? { setting: true } : {}),
    };
    members.forEach(({ i }, k) => (merged[i] = k === 0 ? name : undefined!));
  }
  return merged.filter((term): term is QueryTerm => term !== undefined);
}

/** WordNet synonyms of a plain word, as index terms; names and alias terms have none worth having. */
function synonymTerms(token: Token): string[] {
  if (token.term.includes('_')) return [];
  // An irregular form is not in WordNet as written: "written" has the synonyms of "write".
  return asIndexTerms(token.surface, token, () => synonymsOf(baseFormOf(token.surface) ?? token.surface));
}

/** WordNet's opposites of a plain word, as index terms ("admit" → deni). */
function oppositeTerms(token: Token): string[] {
  if (token.term.includes('_')) return [];
  return asIndexTerms(`!${token.surface}`, token, () => oppositesOf(baseFormOf(token.surface) ?? token.surface));
}

/** The words WordNet derives from a plain word in other parts of speech, as index terms ("violin" → violinist). */
function derivationTerms(token: Token): string[] {
  if (token.term.includes('_')) return [];
  return asIndexTerms(`+${token.surface}`, token, () => derivedWordsOf(baseFormOf(token.surface) ?? token.surface));
}

/** What the phrasal verb a question word opens means, as index terms ("carry on" → continu, proceed). */
function phrasalTerms(question: string, token: Token): string[] {
  const following = question.slice(token.end).match(/^\s+([\p{L}]+)(?:\s+([\p{L}]+))?/u);
  if (!following) return [];
  const words = following.slice(1).filter((w): w is string => w !== undefined);
  const verb = baseFormOf(token.surface) ?? token.surface;
  return asIndexTerms([token.surface, ...words].join(' '), token, () => phrasalSynonymsOf(verb, words));
}

/**
 * What the noun compound a question word ends means, as index terms: the reader's "prison term" is the reporter's
 * "sentence", which neither "prison" nor "term" alone is to WordNet. The compound names one sense, where its words
 * have many.
 */
function compoundTerms(question: string, token: Token): string[] {
  const before = question.slice(0, token.start).match(/(?<![\p{L}'’])(\p{L}+)\s+$/u);
  // A number word ("one thousand" → yard, grand) has no compound worth its synonyms.
  if (!before || token.term.startsWith('n_')) return [];
  const previous = before[1]!;
  // "high school" → high: the compound's own first word is already a term of the question; crediting it again lets
  // one word of a passage ("high street") count as two. Left out inside the lookup, so that it is cached with it.
  return asIndexTerms(`${previous} ${token.surface}#`, token, () => {
    const own = termOfWord(previous.toLowerCase());
    return compoundSynonymsOf(previous, token.surface).filter((word) => termOfWord(word) !== own);
  });
}

/** The single-word synonyms `lookup` gives, as index terms other than the token's own, cached under `key`. */
function asIndexTerms(key: string, token: Token, lookup: () => string[]): string[] {
  let terms = synonymTermCache.get(key);
  if (!terms) {
    const analysed = lookup().map(termOfWord);
    terms = [...new Set(analysed)].filter((term): term is string => term !== undefined && term !== token.term);
    if (synonymTermCache.size >= SYNONYM_CACHE_LIMIT) synonymTermCache.clear();
    synonymTermCache.set(key, terms);
  }
  return terms;
}

/** Synonyms as index terms, by question word (and phrase): readers ask with the same few thousand words again and again. */
const synonymTermCache = new Map<string, string[]>();
const SYNONYM_CACHE_LIMIT = 20_000;

/**
 * Whether a question has no capitalised word but those a phone or a keyboard capitalises for the reader: the
 * opening word ("What was okonjo's first task"), the pronoun "I", and abbreviations that only count in capitals ("US").
 */
function withoutCapitals(question: string): boolean {
  for (const match of question.matchAll(/\p{Lu}[\p{L}.]*/gu)) {
    const opens = !/\S/u.test(question.slice(0, match.index)) || /[.!?]\s*$/u.test(question.slice(0, match.index));
    if (!opens && match[0] !== 'I' && !isCaseSensitiveAlias(match[0].replace(/\./g, ''))) return false;
  }
  return true;
}

/** A word of letters no dictionary knows, and no chat abbreviation of one ("thx", "ppl" and "govt" are words). */
function unknownWord(token: Token): boolean {
  return /^\p{L}+$/u.test(token.surface) && !isEnglishWord(token.surface) && baseFormOf(token.surface) === undefined;
}

/** Passages read for how the archive writes a term: enough to tell a name from a word, few enough to stay quick. */
const CASE_PASSAGES = 20;

/**
 * Whether the archive writes the reader's word capitalised more often than not where no sentence opens: "Okonjo" and
 * "Kovak's" are names; "recieve", a typo of one article, and "vax" are words, though no dictionary has them. The word
 * as written, not its term: "Sharpe" is a name though "sharp", its stem, is a word.
 */
function archiveCapitalises(index: NewsIndex, token: Token): boolean {
  const { first: sentenceFirst, bounds } = index.sentences;
  const { first: tokenFirst, term: tokenTerm, bounds: tokenBounds, vocabulary } = index.tokens;
  // A possessive's "s" is the name's too, either way round: "okonjo" is written "Okonjo's", "kovaks" "Kovak's".
  const bare = token.surface.replace(/s$/u, '');
  let written = 0;
  let capitalised = 0;
  let lower = 0;
  let read = 0;
  for (const passage of index.postings.passagesWith(token.term)) {
    if (++read > CASE_PASSAGES) break;
    const text = index.passageText(passage);
    for (let i = sentenceFirst[passage]!; i < sentenceFirst[passage + 1]!; i++) {
      const sentenceStart = bounds[2 * i]!;
      for (let k = tokenFirst[i]!; k < tokenFirst[i + 1]!; k++) {
        if (vocabulary[tokenTerm[k]!] !== token.term) continue;
        const at = sentenceStart + tokenBounds[2 * k]!;
        if (fold(text.slice(at, sentenceStart + tokenBounds[2 * k + 1]!)).replace(/s$/u, '') !== bare) continue;
        written++;
        // A sentence's first word is capitalised whatever it is.
        if (!/\p{L}/u.test(text.slice(sentenceStart, at))) continue;
        if (/\p{Lu}/u.test(text[at]!)) capitalised++;
        else lower++;
      }
    }
  }
  // A misspelling found through its stem ("controled" for "control") is not written so at all. Met only where
  // sentences open, a word no dictionary knows is a name more often than not.
  return written > 0 && capitalised >= lower;
}

/** A capitalised word that does not open the question, or a number: a name, date or figure the reader means. */
function writtenAsName(question: string, token: Token): boolean {
  const written = question.slice(token.start, token.end);
  const before = question.slice(0, token.start);
  return /\p{N}/u.test(written) || (/^\p{Lu}/u.test(written) && /\S/u.test(before) && !/[.!?]\s*$/u.test(before));
}

function absentWeight(question: string, token: Token): number {
  if (writtenAsName(question, token)) return WEIGHTS.absentName;
  return /^\p{L}+$/u.test(token.surface) && isEnglishWord(token.surface) ? WEIGHTS.absentWord : WEIGHTS.absentUnknown;
}

/**
 * Corpus terms that are another form of an absent term: one a prefix of the other, differing by a short suffix
 * ("advisor"/"advis(er)", "failur(e)"/"fail"). Stems shorter than four letters have too many such relatives.
 */
function derivedForms(index: NewsIndex, term: string): string[] {
  if (term.length < 4 || !/^\p{Ll}+$/u.test(term)) return [];
  const frequency = (t: string) => index.stats.documentFrequency.get(t) ?? 0;
  const found = termsStartingWith(index, term, 3).filter((t) => t !== term);
  for (let length = Math.max(4, term.length - 3); length < term.length; length++) {
    if (frequency(term.slice(0, length)) > 0) found.push(term.slice(0, length));
  }
  return found.sort((a, b) => frequency(b) - frequency(a)).slice(0, 3);
}

/**
 * How likely the reader meant `term` by a misspelt word, among corrections equally close to it: "palce" is
 * "palace" in a question about Topkapi, though "place" is commoner. What decides is how often the term shares a
 * passage with the question's other words, then how common it is.
 */
function likelyMeant(index: NewsIndex, parsed: ParsedQuestion, misspelt: Token): (term: string) => number {
  const { postings } = index;
  const others = parsed.tokens
    .filter((t) => t !== misspelt && postings.frequency(t.term) > 0)
    .map((t) => t.term)
    .sort((a, b) => postings.frequency(a) - postings.frequency(b))
    .slice(0, 3);
  const n = index.passageCount;
  return (term) => {
    // The share of the term's passages that also hold each other word, the rarer words counting for more: a
    // common word ("place") meets "live" somewhere by chance; "palace" meets "Topkapi" because it is about it.
    let together = 0;
    for (const other of others) {
      const [rarer, commoner] = postings.frequency(term) <= postings.frequency(other) ? [term, other] : [other, term];
      let shared = 0;
      for (const passage of postings.passagesWith(rarer)) if (postings.has(commoner, passage)) shared++;
      together += (Math.log(n / postings.frequency(other)) * shared) / postings.frequency(term);
    }
    return together + postings.frequency(term) / (n + 1);
  };
}

/** Only plain words can be misspellings: not numbers, not alias terms, not real words the corpus happens to lack. */
function isCorrectable(token: Token): boolean {
  return /^\p{L}+$/u.test(token.surface) && token.term === token.term.toLowerCase() && !token.term.includes('_') && !isEnglishWord(token.surface);
}

interface Candidate {
  passage: number;
  bm25: number;
  copies: number[];
  /** Share of the question's weight the passage holds, from the terms the search matched (no re-reading). */
  coverage: number;
}

/**
 * BM25 over passages picks the candidates; identical passages in several documents are one candidate.
 * The search reads the rarest terms first and stops adding terms once their postings pass a budget: a term in
 * thousands of passages cannot single out the answer, and reading its postings is what makes a search slow on a
 * large archive. The sentence scoring that follows still weighs every term of the question.
 */
function findCandidates(index: NewsIndex, parsed: ParsedQuestion, terms: QueryTerm[], allowed: Set<number | undefined> | undefined): Candidate[] {
  const frequency = (term: string) => index.stats.documentFrequency.get(term) ?? 0;
  const credits = new Map<string, number>();
  for (const [term, credit] of terms.flatMap((t) => [...t.matches])) credits.set(term, Math.max(credits.get(term) ?? 0, credit));
  const byRarity = (list: Iterable<string>) =>
    [...list]
      .map((term) => ({ term, frequency: frequency(term) }))
      .filter((entry) => entry.frequency > 0)
      .sort((a, b) => a.frequency - b.frequency)
      .map((entry) => entry.term);
  // Each question term's own best match comes before the widening words (synonyms, related terms), however rare
  // those are: a search made only of widenings would miss the passages that use the reader's own words.
  const primaries = byRarity(new Set(terms.map((t) => [...t.matches].sort((a, b) => b[1] - a[1])[0]?.[0]).filter((m): m is string => m !== undefined)));
  const boosts = new Map<string, number>();
  let postings = 0;
  for (const term of [...primaries, ...byRarity(credits.keys())]) {
    if (boosts.has(term)) continue;
    const over = postings + frequency(term);
    if (over > POSTINGS_BUDGET && (boosts.size >= MIN_SEARCH_TERMS || (boosts.size > 0 && over > POSTINGS_CEILING))) continue;
    boosts.set(term, credits.get(term)!);
    postings += frequency(term);
  }
  if (boosts.size === 0) return [];
  const hits = index.postings.search(boosts, HITS_READ, allowed && ((passage) => allowed.has(index.passages.doc[passage]!)));
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
  const byText = new Map<string, Candidate>();
  // Only the terms searched can have been found: each question term's searched matches, best credit first.
  const searched = terms.map((t) => [...t.matches].filter(([m]) => boosts.has(m)).sort((a, b) => b[1] - a[1]));
  for (const hit of hits) {
    if (byText.size >= CANDIDATES) break;
    const text = index.passageText(hit.passage);
    // Explainers share their subheads ("How much will it cost?"): each is its own document's, over its own answer.
    const key = isSubheadPassage(index, hit.passage) ? `${index.passages.doc[hit.passage]}\u0000${text}` : text;
    const same = byText.get(key);
    if (same) {
      same.copies.push(index.passages.doc[hit.passage]!);
      continue;
    }
    let held = 0;
    terms.forEach((t, i) => {
      const found = searched[i]!.find(([m]) => index.postings.has(m, hit.passage));
      if (found) held += t.weight * found[1];
    });
    byText.set(key, { passage: hit.passage, bm25: hit.score, copies: [], coverage: held / totalWeight });
  }
  // Reading passages sentence by sentence is the costly part of answering: only the likeliest are read.
  const topBm25 = hits[0]?.score ?? 1;
  const shortlist = [...byText.values()]
    .sort((a, b) => b.coverage + WEIGHTS.bm25 * (b.bm25 / topBm25) - (a.coverage + WEIGHTS.bm25 * (a.bm25 / topBm25)))
    .slice(0, SHORTLIST);
  // News puts the answer in the paragraph after the one that names the subject ("The couple was married Aug. 2,
  // 1913." after the paragraph naming the mayor and his wife): the best hits bring their next passage along.
  const texts = new Set(shortlist.map((c) => index.passageText(c.passage)));
  const follow = (passage: number, bm25: number): string | undefined => {
    const next = passage + 1;
    if (next >= index.passageCount || index.passages.doc[next] !== index.passages.doc[passage]) return undefined;
    const text = index.passageText(next);
    if (texts.has(text)) return undefined;
    texts.add(text);
    shortlist.push({ passage: next, bm25, copies: [], coverage: 0 });
    return text;
  };
  // A subhead is never quoted (see `rankPassages`): what it finds is the paragraph under it, shortlisted or not.
  for (const candidate of byText.values()) if (isSubheadPassage(index, candidate.passage)) follow(candidate.passage, candidate.bm25 * WEIGHTS.followerBm25);
  for (const hit of shortlist.slice(0, FOLLOWERS_OF)) {
    const text = follow(hit.passage, hit.bm25 * WEIGHTS.followerBm25);
    // A follower that brings nothing of what is asked may only bridge the setup to its answer: the passage after
    // it comes along too.
    if (text !== undefined && parsed.kind !== 'other' && sentenceServes(parsed.kind, text, parsed.words) === 0) {
      follow(hit.passage + 1, hit.bm25 * WEIGHTS.followerBm25 * WEIGHTS.followerBm25);
    }
  }
  return shortlist;
}

/** For each index term, the question terms (by position) it satisfies and the credit it earns for each. */
type CreditTable = Map<string, Array<[number, number]>>;

/** Reading a passage looks each of its tokens up once, not once per question term. */
function creditTable(terms: QueryTerm[]): CreditTable {
  const table: CreditTable = new Map();
  terms.forEach((term, i) => {
    for (const [indexTerm, credit] of term.matches) {
      const entry = table.get(indexTerm);
      if (entry) entry.push([i, credit]);
      else table.set(indexTerm, [[i, credit]]);
    }
  });
  return table;
}

function scorePassage(
  index: NewsIndex,
  parsed: ParsedQuestion,
  terms: QueryTerm[],
  credits: CreditTable,
  passage: number,
  bm25: number,
  copies: number[],
  context: Context,
): Scored {
  const text = index.passageText(passage);
  const acronyms = terms.flatMap((term, i) => (term.spelledOut ? [i] : []));
  const nameWords = terms.flatMap((term, i) => (term.nameWord ? [i] : []));
  const fullNames = terms.flatMap((term, i) => (term.nameParts ? [i] : []));
  const sentences: SentenceView[] = index.readSentences(passage).map(({ span, terms: sentenceTerms }) => {
    const credit = new Array<number>(terms.length).fill(0);
    for (const term of sentenceTerms) {
      for (const [i, earned] of credits.get(term) ?? []) if (earned > credit[i]!) credit[i] = earned;
    }
    const sentence = text.slice(span.start, span.end);
    for (const i of acronyms) credit[i] = Math.max(credit[i]!, spellsOut(terms[i]!, sentence));
    for (const i of nameWords) if (credit[i]! > WEIGHTS.nameWordInLowerCase && !writesAsName(sentence, terms[i]!)) credit[i] = WEIGHTS.nameWordInLowerCase;
    for (const i of fullNames) if (credit[i]! > 0 && namesSomeoneElse(sentence, terms[i]!.nameParts!)) credit[i] = 0;
    return {
      span,
      terms: sentenceTerms,
      credit,
      adjacent: adjacentPairs(sentenceTerms, terms, credits),
      serves: sentenceServes(parsed.kind, sentence, parsed.words),
      asks: asksItself(sentence),
    };
  });
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
  const dominant = terms.findIndex((t) => t.weight >= WEIGHTS.dominantShare * totalWeight);
  const countedIndex = parsed.counted === undefined ? -1 : terms.findIndex((t) => t.term === parsed.counted);
  const countedModifiers = terms.filter((t) => t.term !== parsed.counted && parsed.countedGroup?.includes(t.term));
  const passageTerms = parsed.phrases.length === 0 ? '' : ` ${sentences.flatMap((s) => s.terms).join(' ')} `;
  const phrasesHeld = parsed.phrases.every((phrase) => passageTerms.includes(` ${phrase.join(' ')} `));

  // A who-question whose passage, the paragraph before it and the passage after it name no one new is about something
  // the coverage reports without saying who: "the painting sold for $40,000" for "who bought the painting".
  const namesAround = (): boolean => {
    const around = [...context.previous];
    if (passage + 1 < index.passageCount && index.passages.doc[passage + 1] === index.passages.doc[passage]) around.push(passage + 1);
    return sentences.some((s) => s.serves > 0) || around.some((p) => sentenceServes(parsed.kind, index.passageText(p), parsed.words) > 0);
  };
  const nobodyAround = parsed.kind === 'who' && !namesAround();
  // A money question's "cost" or "pay" is what an excerpt holding a sum gives, whether or not it uses the word.
  const sumWords = parsed.kind === 'money' ? terms.flatMap((t, i) => (SUM_WORDS.has(t.term) ? [i] : [])) : [];
  const opening = sentences.length > 0 ? text.slice(sentences[0]!.span.start, sentences[0]!.span.end) : '';
  const quotesPronoun = parsed.kind === 'quote' && (PRONOUN_QUOTE.test(opening) || PRONOUN_SPEECH.test(opening));
  let opensQuoting: boolean | undefined;
  const opensOnQuotation = () => (opensQuoting ??= sentenceServes('quote', opening) >= 1);
  let opensNaming: boolean | undefined;
  // The speaker the setup itself names ("Asked about the strike, Prime Minister Anthony Albanese said…") is not someone
  // new when the reply names him again ("…,' Mr Albanese said").
  const opensNamingSomeoneNew = () => (opensNaming ??= sentenceServes('who', opening, wordsWith(parsed.words, context.previous.map((p) => index.passageText(p)))) > 0);
  // A question is no answer, unless the reader asks what someone asked. A labelled question with its preamble ("Writes:
  // My sheepdog is 12. How much aspirin…?") asks as a whole, in every window of a long one.
  const questionsAnswer = ASKS_WHAT_WAS_ASKED.test(parsed.text);
  const asksAsAWhole = isLabelledQuestion(index, passage);
  let bestWindow = { first: 0, last: 0 };
  let bestScore = -Infinity;
  let bestOnlyAsks = false;
  let bestSupport = 0;
  let bestRankedSupport = 0;
  for (let first = 0; first < sentences.length; first++) {
    // Each window is the one before it and one more sentence: its credit and what it serves grow by that sentence.
    const credit = new Array<number>(terms.length).fill(0);
    let serves = 0;
    let onlyAsks = !questionsAnswer;
    let adjacentWeight = 0;
    const together = new Array<boolean>(terms.length).fill(false);
    for (let last = first; last < Math.min(sentences.length, first + MAX_WINDOW_SENTENCES); last++) {
      const length = sentences[last]!.span.end - sentences[first]!.span.start;
      if (last > first && length > MAX_EXCERPT_CHARS) break;
      // Whether a sentence of the window (first to last) satisfies `holds`.
      const inWindow = (holds: (sentence: SentenceView) => boolean) => {
        for (let k = first; k <= last; k++) if (holds(sentences[k]!)) return true;
        return false;
      };
      const added = sentences[last]!;
      for (let i = 0; i < terms.length; i++) credit[i] = Math.max(credit[i]!, added.credit[i]!);
      for (const i of added.adjacent) {
        if (together[i]) continue;
        together[i] = true;
        adjacentWeight += Math.min(terms[i]!.weight, terms[i + 1]!.weight);
      }
      serves = Math.max(serves, added.serves);
      onlyAsks &&= added.asks || asksAsAWhole;
      const opens = serves > 0 || first === 0;
      // A quotation that opens its paragraph on "he said" carries on the speaker the paragraph before names.
      const speaking = parsed.kind === 'quote' && first === 0 && serves >= 1 && quotesPronoun;
      // A sum says what something costs when it stands by that thing ("the £40m scheme", "Rs 12 crore as relief"), not
      // anywhere in the window ("the club's new stand cost £12m" says nothing of what the club paid for a striker).
      const sumStands =
        serves >= 1 && sumWords.length > 0 && inWindow((sentence) => terms.some((term, i) => !sumWords.includes(i) && figureBeside(sentence.terms, term)));
      // The share of the question the window carries, with `surrounding` the credit the reporting around it lends.
      const supportWith = (surrounding: number[]) => {
        const spoken = speaking ? surrounding.map((c, i) => Math.max(c, context.speaker[i]!)) : surrounding;
        const around = sumStands ? spoken.map((c, i) => (sumWords.includes(i) ? Math.max(c, WEIGHTS.impliedBySum) : c)) : spoken;
        let support = credit.reduce((sum, c, i) => sum + Math.max(c, around[i]!, context.inDocument[i]!) * terms[i]!.weight, 0) / totalWeight;
        let previousNameMissing = false;
        for (let i = 0; i < terms.length; i++) {
          const term = terms[i]!;
          const held = Math.max(credit[i]!, around[i]!);
          const nameBeforeMissing = previousNameMissing;
          previousNameMissing = false;
          if (!term.isName || held >= WEIGHTS.partialName || (held > 0 && credit[i] === 0)) continue;
          previousNameMissing = true;
          // "ilona schmidl-seeberg" is one name missing, not three.
          if (term.continuesName && nameBeforeMissing) continue;
          // A name the archive never mentions means the question is about something it does not cover.
          support *= term.matches.size === 0 ? WEIGHTS.absentNameSupport : WEIGHTS.missingNameSupport;
        }
        // "how many armed groups" is answered by "12 armed militias": a figure before another word of the thing counted.
        // "How much money" is counted by the sum itself.
        const sumCounts = sumStands && sumWords.includes(countedIndex);
        if (countedIndex >= 0 && !sumCounts && credit[countedIndex] === 0 && !inWindow((s) => countedModifiers.some((m) => countsThing(s.terms, m)))) {
          support *= WEIGHTS.countedMissing;
        }
        const asksFigure = parsed.kind === 'number' || parsed.kind === 'money';
        // A year, "several" or "a few" is weak evidence of the figure asked for, unless it counts the thing asked about.
        if (asksFigure && serves > 0 && serves < 1 && !(countedIndex >= 0 && inWindow((s) => countsThing(s.terms, terms[countedIndex]!)))) {
          support *= WEIGHTS.weakFigure;
        }
        // An age is never a year nor any other figure: "died in 1953" does not say how old he was.
        if ((asksFigure && serves === 0) || (parsed.kind === 'age' && serves < 1)) support *= WEIGHTS.numberMissing;
        else if (parsed.asksName && serves === 0) support *= WEIGHTS.nameMissing;
        else if ((parsed.kind === 'who' || parsed.kind === 'where' || parsed.kind === 'duration') && serves === 0) {
          support *= nobodyAround ? WEIGHTS.nameMissing : WEIGHTS.unnamedSupport;
        }
        else if (parsed.kind === 'when' && serves === 0) support *= WEIGHTS.undatedSupport;
        else if (countedIndex >= 0 && !sumCounts && credit[countedIndex]! > 0 && !inWindow((s) => countsThing(s.terms, terms[countedIndex]!))) support *= WEIGHTS.countedMissing;
        if (!phrasesHeld) support *= 0.5;
        // "The UN envoy Staffan de Mistura" says nothing of who the deputy envoy is.
        // Read from the window's own words: a capitalised "Deputy Coach" is one name term of the question.
        for (const [rank, role] of parsed.rankedRoles) {
          if (inWindow((s) => s.terms.includes(role)) && !inWindow((s) => s.terms.includes(rank))) support *= WEIGHTS.rankMissing;
        }
        // One shared word is a coincidence, not an answer, when the question says more than one thing; unless that
        // word is most of what the question says and the rest is in the reporting around it.
        let termsShared = 0;
        // A paragraph that gives a reason or a quotation right after one that sets a why-question up ("Haskell kicks
        // only a dozen a session.") shares that paragraph's words: news gives the reason next, often in words no
        // pattern of a reason knows ('"Too many and the leg goes dead," he said'). A paragraph that gives neither
        // (the weather, the next fixture) stays a coincidence, as does any reply to a question of another kind (see
        // SET_UP_KINDS). A quotation question is set up the same way ("was asked whether the library would reopen"
        // before '"Not before the roof is mended," the mayor replied'), but a reply naming someone new is another
        // speaker's ('"The pitch is a disgrace," said the club's captain Tom Brandt'). A labelled question sets up
        // whatever reply follows it ("No. It usually goes up.").
        const answersSetUp =
          first === 0 &&
          context.setUp !== undefined &&
          (context.setUp === 'asked' || serves > 0 || opensOnQuotation()) &&
          (parsed.kind !== 'quote' || !opensNamingSomeoneNew());
        for (let i = 0; i < terms.length; i++) if (credit[i]! > 0 || context.asked[i]! > 0 || ((speaking || answersSetUp || (sumStands && sumWords.includes(i))) && around[i]! > 0)) termsShared++;
        const oneWordShared = terms.length >= 2 && termsShared < 2;
        const dominantInContext = dominant >= 0 && credit[dominant]! >= 1 && around.some((c, i) => i !== dominant && c > 0);
        return oneWordShared && !dominantInContext ? Math.min(support, 0.3) : support;
      };
      // A paragraph's opening sentence carries on from the paragraph before it ("The couple was married Aug. 2,
      // 1913."), whatever it brings; later sentences do when they bring what is asked.
      const surrounding = opens ? context.continued : context.plain;
      const carried = supportWith(surrounding);
      const support = onlyAsks ? Math.min(carried, WEIGHTS.furtherSupport) : carried;
      // Ranking reads the story around a little further: not from a paragraph that already answered, and past one
      // that only bridges a setup to its answer. It never decides whether the question is answered.
      const rankedCredit = opens && context.ranked ? context.ranked : surrounding;
      const ranked = context.scene ? supportWith(withScene(rankedCredit, context.scene)) : rankedCredit === surrounding ? carried : supportWith(rankedCredit);
      const score =
        (ranked + WEIGHTS.adjacency * (adjacentWeight / totalWeight) + serves * WEIGHTS.servesBonus - WEIGHTS.extraSentence * (last - first)) *
        (serves > 0 ? 1 : FACTOID_KINDS.has(parsed.kind) ? WEIGHTS.unservedFactoid : parsed.kind === 'quote' ? WEIGHTS.unquoted : 1) *
        (onlyAsks ? WEIGHTS.onlyAsks : 1);
      if (score > bestScore) {
        bestScore = score;
        bestWindow = { first, last };
        bestOnlyAsks = onlyAsks;
      }
      // How much of the question the passage carries is its best window's share, whichever window ranks best: the
      // quotation after "he said" may rank above the sentence that names the speaker and the subject.
      bestSupport = Math.max(bestSupport, support);
      bestRankedSupport = Math.max(bestRankedSupport, ranked);
    }
  }
  const passageCredit = terms.reduce((sum, t, i) => sum + t.weight * Math.max(0, ...sentences.map((s) => s.credit[i]!)), 0);
  return {
    passage,
    // The window's score took `onlyAsks` already; the passage's share and search score take it too.
    score: bestScore + (WEIGHTS.passageCoverage * (passageCredit / totalWeight) + WEIGHTS.bm25 * bm25) * (bestOnlyAsks ? WEIGHTS.onlyAsks : 1),
    support: bestSupport,
    rankedSupport: bestRankedSupport,
    sentences,
    window: bestWindow,
    copies,
  };
}

/** `words` and every word of `texts`, folded as `ParsedQuestion.words` is. */
function wordsWith(words: ReadonlySet<string>, texts: readonly string[]): Set<string> {
  return new Set([...words, ...texts.flatMap(wordsOf)]);
}

/** Words a sum stands in for: "the £40m scheme" says what the scheme costs without the word. */
const SUM_WORDS = new Set(analyze('cost costs price pay paid spend spent worth fee fees charge fare salary budget value money cash fund funds funding sum amount').map((t) => t.term));
// "Thirteen Italian airmen": the analyzer keeps the teens and tens as words (stemmed: "twenti", "thirti").
const NUMBER_TERM =
  /^(\p{N}|n_\d)|^(dozen|hundr|thousand|million|billion|lakh|crore|half|quarter|sever|score|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenti|thirti|forti|fifti|sixti|seventi|eighti|nineti)/u;

/** "4000 food rations", "killed 83 Syrian soldiers": a number shortly before the thing the question counts. */
function countsThing(sentenceTerms: readonly string[], counted: QueryTerm): boolean {
  return sentenceTerms.some((t, k) => counted.matches.has(t) && sentenceTerms.slice(Math.max(0, k - 4), k).some((u) => NUMBER_TERM.test(u)));
}

/** A figure within a few words either side of the term: "the £40m scheme", "Rs 12 crore as immediate relief". */
function figureBeside(sentenceTerms: readonly string[], term: QueryTerm): boolean {
  return sentenceTerms.some((t, k) => term.matches.has(t) && sentenceTerms.slice(Math.max(0, k - 4), k + 5).some((u) => NUMBER_TERM.test(u)));
}

/**
 * News paragraphs lean on the one before them ("his humanitarian adviser Jan Egeland said" after a paragraph
 * naming de Mistura) and on the headline: terms found there count for part of their weight.
 */
function contextCredit(index: NewsIndex, parsed: ParsedQuestion, passage: number, terms: QueryTerm[], tests: MatchTests): Context {
  const doc = index.passages.doc[passage]!;
  const title = index.titleTermsOf(doc);
  const previous = passagesOfPreviousParagraph(index, passage);
  const heading = index.headingOf(passage);
  const inTitle = tests.map((matches) => firstCredit(matches, (test) => title.has(test.term) || heading.terms.has(test.term)));
  // The question a subhead asks is the one its paragraph answers, about what the headline names ("How much will it
  // cost?" under "Tarvik tidal barrier: …"): the words of both are shared, not a coincidence.
  const asked = inTitle.map((credit) => (heading.asks ? credit : 0));
  const inPrevious = tests.map((matches) => firstCredit(matches, (test) => previous.some(test.holds)));
  const around = (i: number) => Math.max(inTitle[i]!, inPrevious[i]!);
  // A long paragraph is cut into windows: a name its earlier windows give is the "he" of the later ones.
  const earlier = earlierWindows(index, passage);
  const inEarlier = terms.map((term, i) => (term.isName ? firstCredit(tests[i]!, (test) => earlier.some(test.holds)) : 0));
  // The source an "according to" credits is named somewhere in the document: the byline, an earlier paragraph.
  const inArticle = (i: number) => firstCredit(tests[i]!, (test) => title.has(test.term) || heldInDocument(index, passage, test.holds));
  const attributed = terms.map((term, i) => (term.attribution ? inArticle(i) : 0));
  // The scene a question sets ("…when the rain-soaked play resumed") is told where the story begins, seldom again
  // beside the reply: for ranking, its plain words count from the headline or any paragraph above as from the
  // paragraph before. It never decides whether the question is answered: the scene says which occasion is meant, and
  // an article that tells it may not give the answer for that one. A name of the scene, missing from the passage,
  // still takes the missing-name factor ("while she was on the London stage" is not answered by where she was born).
  const inScene = (term: QueryTerm) => term.setting === true && !term.isName;
  const toldAbove = (i: number) => firstCredit(tests[i]!, (test) => title.has(test.term) || heldAbove(index, passage, test.holds));
  const scene = terms.some(inScene) ? terms.map((term, i) => (inScene(term) ? WEIGHTS.contextCredit * toldAbove(i) : 0)) : undefined;
  const inDocument = terms.map((term, i) =>
    term.isName ? WEIGHTS.documentNameCredit * firstCredit(tests[i]!, (test) => heldInDocument(index, passage, test.holds)) : 0,
  );
  // Pronouns stand in for names ("he said" after "de Mistura told reporters"), seldom for anything else.
  const plain = terms.map((term, i) =>
    Math.max((term.isName ? WEIGHTS.contextNameCredit : WEIGHTS.contextCredit) * around(i), WEIGHTS.contextNameCredit * Math.max(inEarlier[i]!, attributed[i]!, asked[i]!)),
  );
  // The paragraph two back may lend credit to ranking (see rankingCredit); "other" questions say nothing of what
  // they ask, so no paragraph can be told to answer them or to bridge (a labelled reply answers them all the same).
  const readsAround = parsed.kind !== 'other' && previous.length > 0;
  // Whether a paragraph's credit (or the article's, for an "according to" source) carries as much of the question as
  // an answer must.
  const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
  const carriesQuestion = (credit: readonly number[]) =>
    terms.reduce((sum, term, i) => sum + term.weight * Math.max(credit[i]!, attributed[i]!), 0) >= WEIGHTS.answeredSupport * totalWeight;
  // A reader's letter or an interviewer asks the question in a paragraph of its own, and the next one answers it,
  // whatever its kind.
  const askedAbove = earlier.length === 0 ? questionAbove(index, passage) : undefined;
  const inQuestion = tests.map((matches) => (askedAbove === undefined ? 0 : firstCredit(matches, (test) => askedAbove.some(test.holds))));
  const answersQuestion = askedAbove !== undefined && carriesQuestion(inQuestion);
  const twoBack = readsAround ? passagesOfPreviousParagraph(index, Math.min(...previous)) : [];
  return {
    plain,
    asked,
    continued: plain.map((credit, i) => Math.max(credit, WEIGHTS.continuationCredit * Math.max(inPrevious[i]!, answersQuestion ? inQuestion[i]! : 0))),
    speaker: terms.map((term, i) => (term.isName ? inPrevious[i]! : 0)),
    inDocument,
    readsAround,
    previous,
    inPrevious,
    // Only the reply to the kinds of question news sets up so is read this way (SET_UP_KINDS, see `scorePassage`), and
    // only at the opening of its paragraph.
    setUp: answersQuestion
      ? 'asked'
      : SET_UP_KINDS.has(parsed.kind) && previous.length > 0 && earlier.length === 0 && carriesQuestion(inPrevious)
        ? 'told'
        : undefined,
    twoBack: tests.map((matches) => (twoBack.length === 0 ? 0 : firstCredit(matches, (test) => twoBack.some(test.holds)))),
    ...(scene ? { scene } : {}),
  };
}

/** `credit` with what the question's scene lends each term where that is more. */
function withScene(credit: readonly number[], scene: readonly number[]): number[] {
  return credit.map((c, i) => Math.max(c, scene[i]!));
}

/**
 * The most a passage's context lends each question term, toward its support or, for a scene, its ranking (see
 * `boundOf`), by term position.
 */
function lentBy(parsed: ParsedQuestion, context: Context): number[] {
  // A quotation that opens on "he said" takes the previous paragraph's names in full (see `speaking`).
  const speaker = parsed.kind === 'quote';
  return context.continued.map((continued, i) =>
    Math.max(continued, WEIGHTS.continuationCredit * context.twoBack[i]!, context.inDocument[i]!, speaker ? context.speaker[i]! : 0, context.scene?.[i] ?? 0),
  );
}

/**
 * The most `lentBy` can give a term, whatever the context, for `BoundQueue`'s looser bound: every credit
 * `contextCredit` lends is one of the term's match credits (`tests`, best first) scaled by a weight named here, or
 * unscaled for a quotation's speaker. A weight it used beyond these would change the order in which passages are
 * read, and so the answers.
 */
function mostLentBy(parsed: ParsedQuestion, term: QueryTerm, tests: readonly MatchTest[]): number {
  const best = tests[0]?.credit ?? 0;
  if (parsed.kind === 'quote' && term.isName) return best;
  return best * Math.max(WEIGHTS.contextCredit, WEIGHTS.contextNameCredit, WEIGHTS.continuationCredit, WEIGHTS.documentNameCredit);
}

/**
 * For ranking, what the previous paragraph brings of what is asked decides how far back the story lends credit to
 * a passage about to be read. A paragraph whose sentence holds a word of the question and answers it is no setup
 * for this one; a paragraph that brings nothing ("Now Richards, of course, is known as a deep thinker") only bridges
 * the setup before it to this answer. Worked out only for the passages read: it reads the previous paragraph's
 * sentences.
 */
function rankingCredit(context: Context, servesOf: (passage: number) => ServingSentences): void {
  if (!context.readsAround) return;
  const served = context.previous.map(servesOf);
  const answeredBefore = served.some((s) => s.answers);
  const bridge = served.every((s) => !s.brings);
  if (!answeredBefore && !bridge) return;
  context.ranked = context.plain.map((credit, i) =>
    Math.max(credit, answeredBefore ? 0 : WEIGHTS.continuationCredit * context.inPrevious[i]!, bridge ? WEIGHTS.continuationCredit * context.twoBack[i]! : 0),
  );
}

/** Whether a passage brings anything of what the question asks, and whether a sentence of it answers outright. */
interface ServingSentences {
  brings: boolean;
  answers: boolean;
}

/** What each passage brings of what the question asks, worked out once per passage and question. */
function servingSentences(index: NewsIndex, parsed: ParsedQuestion, terms: QueryTerm[]): (passage: number) => ServingSentences {
  const known = new Map<number, ServingSentences>();
  const asked = new Set(terms.flatMap((term) => [...term.matches.keys()]));
  return (passage) => {
    let found = known.get(passage);
    if (!found) {
      found = { brings: false, answers: false };
      const text = index.passageText(passage);
      for (const { span, terms: sentenceTerms } of index.readSentences(passage)) {
        const serves = sentenceServes(parsed.kind, text.slice(span.start, span.end), parsed.words);
        if (serves === 0) continue;
        found.brings = true;
        if (serves >= 1 && sentenceTerms.some((t) => asked.has(t))) found.answers = true;
      }
      known.set(passage, found);
    }
    return found;
  };
}

/** Verbs that attribute speech to the one named before them ("he commented", "she went on"). */
const SPEECH_VERBS =
  'said|says|added|adds|told|tells|explained|replied|continued|insisted|declared|warned|argued|noted|commented|remarked|observed|stated|answered|recalled|conceded|admitted|acknowledged|concluded|cautioned|stressed|wrote|went on';

/** "He added that drivers were 'fed up'": a paragraph that opens on what the one named before went on to say. */
const PRONOUN_SPEECH = new RegExp(`^(?:He|She|They)\\s+(?:also\\s+)?(?:${SPEECH_VERBS})\\b`, 'u');

/** "It's a whole lot easier," he said (or in single marks): a quotation whose speaker is the one named before. */
const PRONOUN_QUOTE =
  new RegExp(`^(?:["“][^"“”]+["”]|['‘](?:[^'‘’]|['’](?=\\p{L})|(?<=s)['’](?=\\s+\\p{Ll}))+['’]),?\\s+(he|she|they)\\s+(${SPEECH_VERBS})\\b`, 'iu');

/** Credit (by term position) the text around a passage lends its terms, for excerpts that do not or do answer. */
interface Context {
  plain: number[];
  /** Credit from a question subhead right above the passage, which it answers. */
  asked: number[];
  continued: number[];
  /** The previous paragraph's credit for the question's names: the speaker of a "he said" quotation. */
  speaker: number[];
  /** Credit for the question's names the article gives elsewhere: counts toward support, never lifts a missing name. */
  inDocument: number[];
  /** What ranking lends an excerpt that opens its paragraph or brings what is asked, when it differs from `continued`. */
  ranked?: number[];
  /** What ranking lends the plain words of a scene the question sets, when it sets one (see `contextCredit`). */
  scene?: number[];
  /** Whether ranking reads the previous paragraph for what it brings (set when the question's kind says what it asks). */
  readsAround: boolean;
  previous: number[];
  /** The previous paragraph's credit for each question term… */
  inPrevious: number[];
  /** …and the one before it's (all zero for questions whose kind says nothing of it). */
  twoBack: number[];
  /**
   * For a passage that opens its paragraph, what sets the question up: a labelled question just above it that
   * carries as much of the reader's question as an answer must ('asked', see `questionAbove`); for a question of
   * SET_UP_KINDS, the previous paragraph when it alone carries that much ('told').
   */
  setUp?: 'asked' | 'told';
}

/**
 * Whether a sentence ends on a question mark of its own. One inside a quotation is someone's question the text
 * reports ('"Who pays?" she asked', and Brown's '…admitting this"?'); so is a sentence that opens a quotation it
 * does not close, where the splitter cut inside one.
 */
function asksItself(sentence: string): boolean {
  // Most sentences end otherwise: the last character decides before any pattern is tried.
  let end = sentence.length - 1;
  while (end >= 0 && /\s/u.test(sentence[end]!)) end--;
  if (sentence[end] !== '?' || `"”’'`.includes(sentence[end - 1] ?? '')) return false;
  const straight = sentence.match(/"/g)?.length ?? 0;
  const opening = sentence.match(/“/g)?.length ?? 0;
  const closing = sentence.match(/”/g)?.length ?? 0;
  return straight % 2 === 0 && opening === closing;
}

/**
 * A question about what someone asked ("What did Brandt ask the board?", "What question did she put to them?"), not
 * one that only uses the words ("Who did police question?", "the asking price", "the boundary question").
 */
const ASKS_WHAT_WAS_ASKED =
  /\bwhat\b[^?]*\b(?:ask(?:s|ed)?|inquired?|enquired?|wonder(?:s|ed)?|quer(?:y|ied))\b(?!\s+(?:for|price)\b)|\bwhat questions?\b[^?]*\b(?:ask|put|pose|raise)[sd]?\b/iu;

/**
 * The labels of a question-and-answer layout: a reader's letter or an interview ("Writes:", "Q:", "Question --") and
 * its reply ("Reply:", "A:", "Answer --"). A one-letter label takes a colon, or a full stop only when both turns have
 * one ("Q." … "A."): "A. Philip Randolph" is a name. A transcript's turns ("BRANDT:" … "OSEI:") count only when both
 * are labelled, since a colon dateline ("GUWAHATI:") opens running copy too; and any other "X:" ("Note:", "The mayor
 * said:") is no label.
 */
const QUESTION_LABEL = /^(?:Q\s*:|(?:Question|Writes|Asks|Query)\s*(?::|--|—))/u;
const REPLY_LABEL = /^(?:A\s*:|(?:Answer|Reply|Replies|Response)\s*(?::|--|—))/u;
const REPLY_LINE = /^(?:A|Answer|Reply|Replies|Response)\s*[:.]?\s*$/u;
const SPEAKER_LABEL = /^\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+)?\s*:/u;
const DOTTED_QUESTION = /^Q\.\s/u;
const DOTTED_REPLY = /^A\.\s/u;

/** Whether a question paragraph and the one after it, with the line between them if any, are labelled as an exchange. */
function isLabelledExchange(question: string, reply: string, between: string | undefined): boolean {
  if (between !== undefined) return REPLY_LINE.test(between);
  return (
    QUESTION_LABEL.test(question) ||
    REPLY_LABEL.test(reply) ||
    (DOTTED_QUESTION.test(question) && DOTTED_REPLY.test(reply)) ||
    (SPEAKER_LABEL.test(question) && SPEAKER_LABEL.test(reply))
  );
}

/** Whether passage `p` is part of a paragraph labelled as a question ("Writes:", "Q:") that ends on one. */
function isLabelledQuestion(index: NewsIndex, p: number): boolean {
  const { doc, paragraph } = index.passages;
  const text = index.documents[doc[p]!]!.paragraphs[paragraph[p]!]!;
  if (!QUESTION_LABEL.test(text) && !DOTTED_QUESTION.test(text)) return false;
  let last = p;
  while (last + 1 < index.passageCount && doc[last + 1] === doc[p] && paragraph[last + 1] === paragraph[p]) last++;
  return endsAsking(index, last);
}

/** Whether passage `p`'s last sentence asks (see `asksItself`). */
function endsAsking(index: NewsIndex, p: number): boolean {
  const sentence = index.readSentences(p).at(-1);
  return sentence !== undefined && asksItself(index.passageText(p).slice(sentence.span.start, sentence.span.end));
}

/**
 * The passages of the question asked right above passage `p` in a question-and-answer layout, or undefined: the
 * paragraph above ends on a sentence that asks, and a label marks the exchange, on the question, on the reply or on
 * a line of its own between them ("Writes: Does…?", "Reply:", "No. It usually goes up."). A question in running
 * copy ("Will shoppers stay away?") is the writer's, and the next paragraph need not answer it.
 */
function questionAbove(index: NewsIndex, p: number): number[] | undefined {
  const { doc, paragraph } = index.passages;
  const above = p - 1;
  if (above < 0 || doc[above] !== doc[p]) return undefined;
  const gap = paragraph[p]! - paragraph[above]!;
  if (gap > 2) return undefined;
  const paragraphs = index.documents[doc[p]!]!.paragraphs;
  const between = gap === 2 ? paragraphs[paragraph[p]! - 1]! : undefined;
  if (!isLabelledExchange(paragraphs[paragraph[above]!]!, paragraphs[paragraph[p]!]!, between)) return undefined;
  if (!endsAsking(index, above)) return undefined;
  const found: number[] = [];
  for (let q = above; q >= 0 && doc[q] === doc[p] && paragraph[q] === paragraph[above]; q--) found.push(q);
  return found;
}

/** Full credit when `text` spells out the acronym `term` is, none otherwise. */
function spellsOut(term: QueryTerm, text: string): number {
  return term.spelledOut?.test(text) ? 1 : 0;
}

/** A match of a question term with a test of which passages hold it. */
interface MatchTest {
  term: string;
  credit: number;
  holds: (passage: number) => boolean;
}

/** Each question term's matches, best credit first. */
type MatchTests = ReadonlyArray<readonly MatchTest[]>;

/** Each term's postings are looked up once a question, not once for each passage asked about. */
function matchTests(index: NewsIndex, terms: QueryTerm[]): MatchTests {
  return terms.map((term) =>
    [...term.matches].sort((a, b) => b[1] - a[1]).map(([indexTerm, credit]) => ({ term: indexTerm, credit, holds: index.postings.holderTest(indexTerm) })),
  );
}

/**
 * The best credit among a term's matches that `found` accepts: tried best first, the first found decides (0: none).
 * A match of no credit never counts, as none earns anything.
 */
function firstCredit(matches: readonly MatchTest[], found: (match: MatchTest) => boolean): number {
  for (const match of matches) if (match.credit > 0 && found(match)) return match.credit;
  return 0;
}

/** The windows of `passage`'s own paragraph before it (none unless the paragraph was long enough to be cut). */
function earlierWindows(index: NewsIndex, passage: number): number[] {
  const { doc, paragraph } = index.passages;
  const found: number[] = [];
  for (let p = passage - 1; p >= 0 && doc[p] === doc[passage] && paragraph[p] === paragraph[passage]; p--) found.push(p);
  return found;
}

/** Documents read for a name beside its initials: enough for an acronym the archive uses, few enough to stay quick. */
const INITIALS_DOCUMENTS = 10;

/** Whether a document that uses `initials` also holds every one of `words` (by their own terms or their matches). */
function spelledOutBeside(index: NewsIndex, initials: string, words: QueryTerm[]): boolean {
  const seen = new Set<number>();
  for (const passage of index.postings.passagesWith(initials)) {
    const doc = index.passages.doc[passage]!;
    if (seen.has(doc)) continue;
    seen.add(doc);
    // The words as written or corrected, not their synonyms: the name in full is what the article spells out.
    if (words.every((word) => [...word.matches].some(([term, credit]) => credit >= WEIGHTS.correctedCredit && documentHas(index, passage, term)))) return true;
    if (seen.size >= INITIALS_DOCUMENTS) return false;
  }
  return false;
}

/** Whether a sentence of `passage` (whose text is `text`) opens on a name no dictionary has (see `opensOnName`). */
function someSentenceOpensOnName(index: NewsIndex, passage: number, text: string, asked: ReadonlySet<string>): boolean {
  const { first, bounds } = index.sentences;
  for (let i = first[passage]!; i < first[passage + 1]!; i++) if (opensOnName(text.slice(bounds[2 * i]!, bounds[2 * i + 1]!), asked)) return true;
  return false;
}

/** Whether passage `p` is a whole paragraph that is a subhead ("How much will it cost?"). */
function isSubheadPassage(index: NewsIndex, p: number): boolean {
  return index.passages.end[p]! - index.passages.start[p]! <= MAX_SUBHEAD_CHARS && index.passages.start[p] === 0 && isSubhead(index.passageText(p));
}

/** Whether any passage of `passage`'s document holds index term `term`. */
function documentHas(index: NewsIndex, passage: number, term: string): boolean {
  return heldInDocument(index, passage, index.postings.holderTest(term));
}

/** Whether any passage of `passage`'s document passes `holds`: its passages are contiguous around it. */
function heldInDocument(index: NewsIndex, passage: number, holds: (passage: number) => boolean): boolean {
  if (holds(passage) || heldAbove(index, passage, holds)) return true;
  const { doc } = index.passages;
  for (let p = passage + 1; p < index.passageCount && doc[p] === doc[passage]; p++) if (holds(p)) return true;
  return false;
}

/** Whether a passage of `passage`'s document above it `holds`. */
function heldAbove(index: NewsIndex, passage: number, holds: (passage: number) => boolean): boolean {
  const { doc } = index.passages;
  for (let p = passage - 1; p >= 0 && doc[p] === doc[passage]; p--) if (holds(p)) return true;
  return false;
}

/** The passages that make up the paragraph before `passage`'s own (several when it was long). */
function passagesOfPreviousParagraph(index: NewsIndex, passage: number): number[] {
  const { doc, paragraph } = index.passages;
  const wanted = paragraph[passage]! - 1;
  const found: number[] = [];
  for (let p = passage - 1; p >= 0 && doc[p] === doc[passage] && paragraph[p]! >= wanted; p--) {
    if (paragraph[p] === wanted) found.push(p);
  }
  return found;
}

/**
 * The consecutive question terms (by the first one's position) that stand together in a sentence, the second
 * within two words of the first: a phrase of the question found as a phrase.
 */
function adjacentPairs(sentenceTerms: readonly string[], terms: QueryTerm[], credits: CreditTable): number[] {
  const pairs: number[] = [];
  for (let k = 0; k < sentenceTerms.length; k++) {
    for (const [i] of credits.get(sentenceTerms[k]!) ?? []) {
      if (i + 1 >= terms.length || pairs.includes(i)) continue;
      const next = terms[i + 1]!.matches;
      if (next.has(sentenceTerms[k + 1] ?? '') || next.has(sentenceTerms[k + 2] ?? '')) pairs.push(i);
    }
  }
  return pairs;
}

/** An answer with what the deduplication needs: the excerpt's terms in order and the answering sentences. */
interface BuiltAnswer extends Answer {
  /** The excerpt's terms, in order, space-separated with spaces at both ends. */
  key: string;
  /** The excerpt's distinct terms. */
  keyTerms: ReadonlySet<string>;
  /** The verbatim sentences that answer (the excerpt before widening), and their terms. */
  core: string;
  coreKey: string;
  coreTerms: string[];
  doc: number;
  paragraph0: number;
}

function buildAnswer(index: NewsIndex, terms: QueryTerm[], scored: Scored): BuiltAnswer {
  const text = index.passageText(scored.passage);
  const relevance = scored.sentences.map((s) => s.credit.reduce((sum, c, i) => sum + c * terms[i]!.weight, 0));
  const spans = scored.sentences.map((s) => s.span);
  const widened = widenToFit(spans, scored.window.first, scored.window.last, relevance);
  const tokens = index.passageTokens(scored.passage).filter((t) => t.start >= widened.start && t.end <= widened.end);
  const matchedTokens = tokens.filter((t) => terms.some((term) => term.matches.has(t.term)));
  const weights = matchedTokens.map((t) => ({
    start: t.start - widened.start,
    end: t.end - widened.start,
    weight: Math.max(...terms.map((term) => (term.matches.get(t.term) ?? 0) * term.weight)),
  }));
  const trimmed = trimToLimit(text.slice(widened.start, widened.end), weights);
  const shown = matchedTokens.filter((t) => t.start - widened.start >= trimmed.start && t.end - widened.start <= trimmed.end);
  const doc = index.passages.doc[scored.passage]!;
  const paragraph0 = index.passages.paragraph[scored.passage]!;
  const termsWithin = (start: number, end: number) => tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.term);
  const core = { start: scored.sentences[scored.window.first]!.span.start, end: scored.sentences[scored.window.last]!.span.end };
  const coreTerms = termsWithin(core.start, core.end);
  const excerptTerms = termsWithin(widened.start + trimmed.start, widened.start + trimmed.end);
  return {
    excerpt: trimmed.text,
    terms: [...new Set(shown.map((t) => text.slice(t.start, t.end)))],
    source: index.sourceRef(doc),
    paragraph: paragraph0 + 1,
    score: Math.round(scored.score * 1000) / 1000,
    alsoIn: [...new Set(scored.copies)].filter((d) => d !== doc).map((d) => index.sourceRef(d)),
    key: termKey(excerptTerms),
    keyTerms: new Set(excerptTerms),
    core: text.slice(core.start, core.end),
    coreKey: termKey(coreTerms),
    coreTerms,
    doc,
    paragraph0,
  };
}

/** Terms in order, space-separated with spaces at both ends, so that one key can be looked for inside another. */
const termKey = (terms: readonly string[]) => ` ${terms.join(' ')} `;

/**
 * Two answers are the same report when one's excerpt carries the other's answering sentences (a wire sentence
 * reused inside different paragraphs), or when nearly all their terms are shared (a reworded copy).
 */
function isSameReport(a: BuiltAnswer, b: BuiltAnswer): boolean {
  if (a.key.includes(b.coreKey) || b.key.includes(a.coreKey)) return true;
  let shared = 0;
  for (const term of a.keyTerms) if (b.keyTerms.has(term)) shared++;
  // Over the larger set: a short excerpt whose words all occur in a longer, different passage is not its copy.
  return shared / Math.max(a.keyTerms.size, b.keyTerms.size, 1) >= 0.8;
}

/**
 * Other documents that carry an answer's sentences: among the passages holding their rarest term, those whose
 * text contains them (up to case, quote styles and white space). Articles that reuse a wire story's sentences are found this way.
 */
function findCopies(
  index: NewsIndex,
  text: string,
  textTerms: readonly string[],
  allowed: Set<number | undefined> | undefined,
  known: ReadonlySet<number | undefined>,
): number[] {
  const distinct = [...new Set(textTerms)];
  if (distinct.length < COPY_TERMS) return [];
  // The four rarest terms, the first met first among equals: only they are asked of the index.
  const byRarity: Array<{ term: string; frequency: number }> = [];
  for (const term of distinct) {
    const frequency = index.stats.documentFrequency.get(term) ?? 0;
    if (byRarity.length === COPY_TERMS && frequency >= byRarity.at(-1)!.frequency) continue;
    let at = byRarity.length;
    while (at > 0 && byRarity[at - 1]!.frequency > frequency) at--;
    byRarity.splice(at, 0, { term, frequency });
    if (byRarity.length > COPY_TERMS) byRarity.pop();
  }
  if (byRarity[0]!.frequency > MAX_COPY_POSTINGS) return [];
  const [rarest, ...others] = byRarity.map((entry) => entry.term);
  const wanted = comparable(text);
  const docs = new Set<number>();
  for (const passage of index.postings.passagesWith(rarest!)) {
    const doc = index.passages.doc[passage]!;
    if (known.has(doc) || docs.has(doc) || (allowed && !allowed.has(doc))) continue;
    // A copy holds the text's other rare terms too: the index says so before the text is compared.
    if (!others.every((term) => index.postings.has(term, passage))) continue;
    // Making a passage comparable only shortens it: one shorter than the text cannot hold it.
    const candidate = index.passageText(passage);
    if (candidate.length >= wanted.length && comparable(candidate).includes(wanted)) docs.add(doc);
  }
  return [...docs];
}

/** Text as compared for copies: case, quote styles and white space do not make two reports different. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’‛]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim();
}

