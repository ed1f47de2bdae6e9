/** bystanderClauses(): the names an attribution's apposition gives beside the speaker's, who are not speaking. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bystanderClauses } from '../src/search/speakers.ts';

test('the clause beside the speaker\'s name, before it or after it, names a bystander', () => {
  assert.deepEqual(bystanderClauses('The lawyer for Ada Lind, Tom Ruiz, said the case would go ahead.'), ['The lawyer for Ada Lind']);
  assert.deepEqual(bystanderClauses('Tom Ruiz, the lawyer for Ada Lind, said the case would go ahead.'), ['the lawyer for Ada Lind']);
  assert.deepEqual(bystanderClauses("Ada Lind's lawyer, Dr. Tom Ruiz, commented that the case would go ahead."), ["Ada Lind's lawyer"]);
});

test('an attribution without such an apposition names no bystander', () => {
  for (const text of [
    'Ada Lind and Tom Ruiz said on Monday that they would appeal.',
    'Ada Lind will appeal the harbour ruling, her office said Monday.',
    'Tom Ruiz, 54, said the case would go ahead.',
    'Tom Ruiz, the family lawyer, said the case would go ahead.',
    // Two clauses could be the speaker's name: no reading is safe.
    'In Tarvik, Tom Ruiz, the lawyer for Ada Lind, said the case would go ahead.',
    'Tom Ruiz, lawyer for Pia Holm, Ines Varga, and Ada Lind, said they would appeal.',
    '"We are ready," said Tom Ruiz, the lawyer for Ada Lind.',
  ]) {
    assert.deepEqual(bystanderClauses(text), [], text);
  }
});

test('reading a long paragraph with no full stop stays quick', () => {
  // A regular expression that backtracks would take minutes here; each is linear.
  for (const text of [`${'Tarvik Harbour Board '.repeat(2000)}and ${'the pier, '.repeat(2000)}said`, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(400) + '!, said', 'no stop and no verb '.repeat(1000)]) {
    bystanderClauses(text);
  }
});
