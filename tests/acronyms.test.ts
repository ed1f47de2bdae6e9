import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWrittenAcronym, namesWithInitials, spelledOutPattern, wordRunsWithInitials } from '../src/search/acronyms.ts';

test('an acronym is three to six capitals as written', () => {
  assert.ok(isWrittenAcronym('FAA'));
  assert.ok(isWrittenAcronym('UNOSAT'));
  assert.ok(!isWrittenAcronym('DA'), 'two letters are as likely a person’s initials');
  assert.ok(!isWrittenAcronym('Faa'));
  assert.ok(!isWrittenAcronym('faa'));
});

test('a spelled-out name matches its acronym, small words skipped, whole words only', () => {
  const pattern = spelledOutPattern('NPA');
  assert.ok(pattern.test('the National Parks Authority said'));
  assert.ok(spelledOutPattern('BWS').test('the Bureau of Water Supply'));
  assert.ok(!pattern.test('the national parks authority'), 'lower case is no name');
  assert.ok(!pattern.test('XNational Parks Authority'));
});

test('a question’s capitalised names and their initials, past the question’s opening word', () => {
  assert.deepEqual(
    namesWithInitials('Did Harbour Safety Board inspectors agree?').map((n) => n.acronym),
    ['HSB'],
  );
  const [name] = namesWithInitials('What did the Bureau of Water Supply say?');
  assert.equal(name?.acronym, 'BWS');
  assert.equal('What did the Bureau of Water Supply say?'.slice(name!.start, name!.end), 'Bureau of Water Supply');
  // Some initials keep a small word of the name: each is tried both ways.
  const kept = namesWithInitials('Who chairs the Committee on Appeal for Human Rights?').map((n) => n.acronym);
  assert.deepEqual(kept.sort(), ['CAFHR', 'CAHR', 'COAFHR', 'COAHR']);
  // However the reader capitalises them.
  assert.deepEqual(namesWithInitials('Who chairs the Committee On Appeal For Human Rights?').map((n) => n.acronym).sort(), ['CAFHR', 'CAHR', 'COAFHR', 'COAHR']);
  // A name of many small words keeps the initials that skip them all.
  assert.deepEqual(namesWithInitials('Did the Royal Society for the Prevention of Cruelty to Animals act?').map((n) => n.acronym), ['RSPCA']);
  // A name of two words has initials too short to tell from a person's.
  assert.deepEqual(namesWithInitials('Who is Anna Lopatka?'), []);
});

test('a question in lower case is read for initials over every run of three to six words', () => {
  const runs = wordRunsWithInitials('who chairs the coastal pilots association now');
  const question = 'who chairs the coastal pilots association now';
  const cpa = runs.find((run) => run.acronym === 'CPA');
  assert.equal(question.slice(cpa!.start, cpa!.end), 'coastal pilots association');
  // A question with a capital says where its names are.
  assert.deepEqual(wordRunsWithInitials('Who chairs the coastal pilots association?'), []);
});
