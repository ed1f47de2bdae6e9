/**
 * Who a paragraph does not make the speaker: the "he" of a quotation that opens the next paragraph ('"We are
 * ready," he said') is the one its attribution names. Where an apposition sits beside the speaker's name ("the
 * lawyer for Ada Lind, Tom Ruiz, said", "Tom Ruiz, the lawyer for Ada Lind, said"), the names inside it are not.
 */
import { TITLES } from './question.ts';

/** Verbs of speech that attribute what follows or precedes to the one named ("he commented", "she went on"). */
export const SPEECH_VERBS =
  'said|says|added|adds|told|tells|explained|replied|continued|insisted|declared|warned|argued|noted|commented|remarked|observed|stated|answered|recalled|conceded|admitted|acknowledged|concluded|cautioned|stressed|wrote|went on';

/** Where one sentence or clause of reporting ends: a full stop that closes no title or initial, a colon, a quotation mark. */
const PIECE_END = new RegExp(`(?<!\\b(?:${TITLES}|\\p{Lu}))[.!?](?=\\s|$)|[;:"“”]`, 'u');
/** "…, said": the comma that closes an apposition right before the verb. */
const COMMA_BEFORE_VERB = new RegExp(`,\\s*(?:${SPEECH_VERBS})\\b`, 'u');
/** A clause that is a name and nothing else: capitalised words, titles and initials. */
const ONLY_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u;
/** Capitalised words that name no one: articles, pronouns, sentence openers. */
const NO_ONE = /^(?:The|A|An|He|She|They|It|We|I|This|That|In|On|At|For|But|And)$/u;

/**
 * The clauses of `text` an apposition puts beside a speaker's name and that name someone else: "the lawyer for Ada
 * Lind" in "the lawyer for Ada Lind, Tom Ruiz, said". None when the attribution is not of that form, or when more
 * than one clause could be the speaker's name ("In Tarvik, Mayor Ada Lind, said" is no apposition to read).
 */
export function bystanderClauses(text: string): string[] {
  const found: string[] = [];
  for (const piece of text.split(PIECE_END)) {
    const verb = COMMA_BEFORE_VERB.exec(piece);
    if (!verb) continue;
    const clauses = piece.slice(0, verb.index).split(',').map((clause) => clause.trim()).filter((clause) => clause !== '');
    const names = clauses.filter((clause) => ONLY_NAME.test(clause));
    if (names.length !== 1) continue;
    for (const clause of clauses) {
      if (clause !== names[0] && clause.split(/\s+/).some((word) => /^\p{Lu}/u.test(word) && !NO_ONE.test(word))) found.push(clause);
    }
  }
  return found;
}
