/**
 * What a question asks for: the opening question word decides, whatever conjunctions follow; a keyword question
 * says it last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuestion } from '../src/search/question.ts';

const kinds: Array<[string, string]> = [
  ['What was the attendance when the Bears beat Indianapolis?', 'number'],
  ['What was the crowd when the Bears won?', 'number'],
  ['What did the mayor say when he signed the bill?', 'quote'],
  ['How did the minister respond to the report?', 'quote'],
  ['When did the bridge collapse?', 'when'],
  ['and when did the talks start', 'when'],
  ['Which year did the bridge open?', 'when'],
  ['Who replaced the coach when he retired?', 'who'],
  ['How much did the city pay for the stadium?', 'money'],
  ['How much severance pay do volunteers get?', 'money'],
  ['How many soldiers were killed when the convoy was hit?', 'number'],
  ['What was the overture written for?', 'why'],
  ['Why did the settlers move south?', 'why'],
  ['How long did the siege last?', 'duration'],
  ['Where did the pillars come from?', 'where'],
  ['ceasefire aleppo', 'other'],
  ['harbour bond issue amount?', 'number'],
  ['ceasefire start date', 'when'],
  ['stadium cost?', 'money'],
  ['governor veto quote', 'quote'],
];

test('a keyword question\'s request word ("quote") is what it wants, not a word to find', () => {
  assert.deepEqual(
    parseQuestion('governor veto quote').tokens.map((t) => t.term),
    ['governor', 'veto'],
  );
});

test('the opening words decide what kind of answer a question wants', () => {
  for (const [question, kind] of kinds) assert.equal(parseQuestion(question).kind, kind, question);
});
