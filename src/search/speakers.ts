/**
 * Who a paragraph says is speaking: the "he" of a quotation that opens the next paragraph ('"We are ready," he
 * said') is the one the attribution names, not every name the paragraph gives. In "the lawyer for Ada Lind, Tom
 * Ruiz, said the case would go ahead" the speaker is Tom Ruiz.
 */

/** Verbs of speech that may also come before their speaker ("said Tom Ruiz", "added the minister")… */
const INVERTIBLE =
  'said|says|added|adds|explained|replied|continued|insisted|declared|warned|argued|noted|commented|remarked|observed|stated|answered|recalled|conceded|admitted|acknowledged|concluded|cautioned|stressed|wrote';
/** …and all that attribute speech to the one before them ("Ines Varga told reporters", "he went on"). */
export const SPEECH_VERBS = `${INVERTIBLE}|told|tells|went on`;
/** The verbs after a speaker, with "asked", whose subject may be the one speaking next. */
const SPEAKING = `${SPEECH_VERBS}|asked`;
/** What a speaker's name follows ("according to Dr. Okafor"; the one "asked" answers next). */
const SPEAKER_NEXT = `${INVERTIBLE}|asked|according to`;
/** A capitalised run: a name, perhaps with a title or initials ("Dr. C. H. Okafor", "Harbour Board Chairman Ines Varga"). */
const NAME_RUN = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*`;
/** The name right after the verb: "said Tom Ruiz", "according to Dr. Okafor". */
const NAME_AFTER = new RegExp(String.raw`\b(?:${SPEAKER_NEXT})\s+(${NAME_RUN})`, 'gu');
/** The verb, with everything of its sentence before it. */
const VERB_AFTER = new RegExp(String.raw`([^.!?;:"“”]*?)\b(?:${SPEAKING})\b`, 'gu');
/** A clause that is a name and nothing else, once a capitalised sentence opener is set aside. */
const ONLY_NAME = new RegExp(String.raw`^(?:The\s+)?(${NAME_RUN})$`, 'u');
/** Capitalised words that name no one: pronouns, articles and sentence openers. */
const NO_ONE = /^(?:He|She|They|It|We|I|You|The|A|An|This|That|These|Those|But|And|Then|Also|Later|Earlier|Yesterday|Today)$/u;

/**
 * The names that paragraph `text` gives as speakers, or undefined when it attributes nothing to a named speaker
 * (then any name it gives may be the "he" that follows).
 */
export function speakersNamed(text: string): string[] | undefined {
  const names: string[] = [];
  const add = (run: string | undefined) => {
    const words = run?.trim().split(/\s+/).filter((word) => !NO_ONE.test(word)) ?? [];
    if (words.length > 0) names.push(words.join(' '));
  };
  for (const match of text.matchAll(NAME_AFTER)) add(match[1]);
  for (const match of text.matchAll(VERB_AFTER)) {
    const before = match[1]!;
    // "Tom Ruiz, the lawyer for Ada Lind, said" and "the lawyer for Ada Lind, Tom Ruiz, said": of the clauses an
    // apposition puts between commas, the speaker is the one that is only a name.
    if (/,\s*$/.test(before)) {
      const clauses = before.split(',').map((clause) => clause.trim());
      add(clauses.findLast((clause) => ONLY_NAME.test(clause)));
      continue;
    }
    // "Ines Varga said", "Chairman Ines Varga told reporters": the run of capitals the verb follows.
    add(new RegExp(String.raw`(${NAME_RUN})\s*$`, 'u').exec(before)?.[1]);
  }
  return names.length > 0 ? names : undefined;
}
