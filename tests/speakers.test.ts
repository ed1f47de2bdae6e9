/** speakersNamed(): whom a paragraph's attribution names as speaking, for the "he said" of the next paragraph. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { speakersNamed } from '../src/search/speakers.ts';

test('of the clauses an apposition puts between commas, the speaker is the one that is only a name', () => {
  assert.deepEqual(speakersNamed('The lawyer for Ada Lind, Tom Ruiz, said the case would go ahead.'), ['Tom Ruiz']);
  assert.deepEqual(speakersNamed('Tom Ruiz, the lawyer for Ada Lind, said the case would go ahead.'), ['Tom Ruiz']);
});

test('the speaker may come before the verb or after it, with a title or initials', () => {
  assert.deepEqual(speakersNamed('Harbour Board Chairman Ines Varga told reporters the pier would reopen.'), ['Harbour Board Chairman Ines Varga']);
  assert.deepEqual(speakersNamed('"We are ready," Ruiz said on Monday.'), ['Ruiz']);
  assert.match(speakersNamed('"We are ready," said Dr. C. H. Okafor.')?.[0] ?? '', /^Dr\. C\. H\. Okafor/);
  assert.match(speakersNamed('Prices will rise, according to Ines Varga.')?.[0] ?? '', /^Ines Varga/);
  assert.deepEqual(speakersNamed('Yesterday Ines Varga said no.'), ['Ines Varga']);
});

test('a paragraph that names no one as speaking leaves the speaker open', () => {
  assert.equal(speakersNamed('He said the case would go ahead.'), undefined);
  assert.equal(speakersNamed('The minister said the case would go ahead.'), undefined);
  assert.equal(speakersNamed('Ada Lind founded the firm in 1990 with Tom Ruiz.'), undefined);
});
