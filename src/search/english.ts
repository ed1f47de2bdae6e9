import frequencyData from './data/english-frequency.json' with { type: 'json' };

const paragraphs = frequencyData.paragraphs;
const documentFrequency = new Map(Object.entries(frequencyData.df));

/**
 * How specific a term is in English at large: its idf over the paragraphs of the Brown Corpus, a standard sample
 * of edited American English. Words rarer than the sample can show (names, most technical terms) get the idf of a
 * term seen once.
 */
export function englishSpecificity(term: string): number {
  const df = documentFrequency.get(term) ?? 1;
  return Math.log(1 + (paragraphs - df + 0.5) / (df + 0.5));
}
