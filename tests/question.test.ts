/**
 * What a question asks for: the opening question word decides, whatever conjunctions follow; a keyword question
 * says it last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { focusNoun } from '../src/search/focus.ts';
import { parseQuestion, sentenceServes } from '../src/search/question.ts';

const kinds: Array<[string, string]> = [
  ['What was the attendance when the Bears beat Indianapolis?', 'number'],
  ['What was the crowd when the Bears won?', 'number'],
  // A possessor before the figure's noun, as "the" before it.
  ["What was the city's population before the war?", 'number'],
  ['What was his batting average?', 'number'],
  ["What was New York's population?", 'number'],
  ["What was this season's average attendance?", 'number'],
  ["What was the 49ers' score?", 'number'],
  ["What was Zürich's population?", 'number'],
  ["What is the teachers' turnout?", 'number'],
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
  ['How old was the painter when he died?', 'age'],
  ['At what age did she quit?', 'age'],
  ['varga age?', 'age'],
  // "how old" inside a question that opens on what it asks does not take it over.
  ['What did the mayor say about how old the bridge is?', 'quote'],
  ['How many voters under what age turned out?', 'number'],
  ['What leads the league?', 'other'],
  ['Where did the pillars come from?', 'where'],
  ['ceasefire aleppo', 'other'],
  ['harbour bond issue amount?', 'number'],
  ['ceasefire start date', 'when'],
  ['stadium cost?', 'money'],
  ['governor veto quote', 'quote'],
  // "pay" after "about" is what was talked about, not a sum asked for.
  ['What did the union leader say about pay?', 'quote'],
  ['What did the club pay for the striker?', 'money'],
  ['What did the trust spend on pay last year?', 'money'],
  ['What did the minister tell reporters about pay?', 'quote'],
  ['whos the envoy for Syria', 'who'],
  // A cause asked for without "why".
  ['What prompted the skipper to turn back?', 'why'],
  ['What led to the ferry strike?', 'why'],
  ['What excuse did the board give for the delay?', 'why'],
  ['How come the ferry was late?', 'why'],
  ['What was the purpose of the weekly pause in the talks?', 'why'],
  ['What was the point of contention?', 'other'],
  ['On what grounds did the council refuse the plan?', 'why'],
  // "What made" a named person do something asks for a cause; what made the news does not.
  ['What made Ada Lind quit the harbour board?', 'why'],
  ['What made the headlines in Tarvik on Monday?', 'other'],
  // A leading preposition or clause says how the question applies, not what it asks; the question's own clause stays.
  ['To whom did the council write?', 'who'],
  ['Under the new timetable, how many ferries cross each day?', 'number'],
  ['What did the mayor say, when asked about the ferry?', 'quote'],
  ['By how much did fares rise, when adjusted for inflation?', 'number'],
  ['Did Ada Lind say, when asked, that she would resign?', 'quote'],
  ['How few boats still fish from the harbour?', 'number'],
  // Words said are asked for by more verbs than "say", and by their noun…
  ['How did the mayor characterise the ruling?', 'quote'],
  ['What did Ada Lind compare the new ferry timetable to?', 'quote'],
  ["How does Tarvik's budget compare with Lund's?", 'other'],
  ['What will the new bridge be made of?', 'other'],
  ['What did the coach make of the penalty decision?', 'quote'],
  ["What was the harbour master's famous retort about the gulls?", 'quote'],
  // A noun of words said that the question only mentions asks for nothing said.
  ['What was the date of the reply?', 'when'],
  ['What was the reply deadline?', 'when'],
  ['What is the answer to the housing shortage?', 'other'],
  ['What was the emergency response on Monday?', 'other'],
  // …though what someone claims is more often reported than quoted.
  ['What does the board claim the union is doing with the funds?', 'other'],
  // A price asked for without "how much".
  ['What did the harbour painting sell for at auction?', 'money'],
  ['What did the harbour painting sell for?', 'money'],
  ['What set the ferry talks back?', 'other'],
  ['What did Ada Lind set out to win back?', 'other'],
  ['What did the club sell the striker for?', 'money'],
  ['What did the new ferry terminal end up costing?', 'money'],
  ['What did the weekend at the Tarvik hotel set the couple back?', 'money'],
  ['What did the club go for in the first round of the draft?', 'other'],
  ['What did the mayor say the new pool will cost?', 'money'],
  // A figure's noun may take a word or two before it, and must end its phrase: "the majority view" is a view.
  ['What was the final score?', 'number'],
  ['What was the winning margin in the by-election?', 'number'],
  ['What was the turnout in the strike ballot?', 'number'],
  ['What is the majority view on the plan?', 'other'],
];

/** Questions that say what they want through the noun they ask about, typed through WordNet's hierarchy. */
const focusKinds: Array<[string, string]> = [
  ['whats the entrance fee for the museum', 'money'],
  ['What salary will the new chancellor get?', 'money'],
  ['What is the bank\'s current interest rate?', 'number'],
  // A word of time after the focus does not hide it.
  ['What is the pitcher\'s earned run average so far this season?', 'number'],
  // "last year" right after the noun says when: "year" is not what is asked for.
  ['What was the jobless rate last year?', 'number'],
  ["What was the shortstop's batting average last season?", 'number'],
  // A possessive pronoun says whose, as "the shortstop's" does.
  ['What was his batting average last season?', 'number'],
  ['What is her salary at the club?', 'money'],
  ['What is the bus fare now?', 'money'],
  ['Which besieged towns are pleading for help?', 'where'],
  ['Which juror did the FBI arrest for perjury?', 'who'],
  ['What deadline did the students give the theater owners?', 'when'],
  // A post is a location in WordNet's first sense, but not a region: here it is a job.
  ['What new diplomatic post did the ambassador take?', 'other'],
  ['What was the UN envoy hopeful about?', 'other'],
  ['Which one of the states slipped away from the president?', 'other'],
  ['What book was the musical adapted from?', 'other'],
  // Names before the noun say which ones, not what kind; a hyphenated modifier is no end of the phrase.
  ['Which Tarvik teenager ran the school bank?', 'who'],
  // A verb after the noun is the question's own, whatever else WordNet files it under ("won" is also a currency).
  ['Which Lund rider won the stage?', 'who'],
  ["What were Tarvik Ferries' pre-tax profits for the quarter?", 'money'],
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

test('a yes-or-no question opens on an auxiliary, negated or not, and does not ask politely for a question word', () => {
  for (const question of ['Did the army admit it?', "Isn't the bridge open?", 'Didn’t he win?', 'Was there any good news?', "Won't they sign?", 'Can the ferry sail?',
    'Was the man who attacked the guard released?', 'Is the bridge which collapsed in May open again?']) {
    assert.equal(parseQuestion(question).polar, true, question);
  }
  for (const question of ['Can you tell me who won the cup final?', 'Do you know what happened?', 'Who did the army blame?', 'Canada wins?', 'Island ferries cancelled?']) {
    assert.equal(parseQuestion(question).polar, false, question);
  }
});

test('"what/which NOUN" questions want what their noun is a kind of: a salary is money, a town a place', () => {
  for (const [question, kind] of focusKinds) assert.equal(parseQuestion(question).kind, kind, question);
});

test('the focus noun is the head of the phrase after the question word, as WordNet spells it', () => {
  assert.equal(focusNoun('what is the European Central Bank\'s current interest rate?'), 'interest_rate');
  assert.equal(focusNoun('whats the entrance fee for topkapi palace'), 'entrance_fee');
  assert.equal(focusNoun('Which two mistakes did they make?'), 'mistake');
  assert.equal(focusNoun('What is Paris after at the United Nations?'), undefined);
  assert.equal(focusNoun('What went wrong at the recital?'), undefined);
});

test('a place answers "where" also when its name opens with a lower-case particle ("in al Waer")', () => {
  assert.equal(sentenceServes('where', 'There are urgent pleas from communities in al Waer and Madaya.', new Set(['besieged', 'towns'])), 1);
  assert.equal(sentenceServes('where', 'There are urgent pleas from the besieged towns.', new Set(['besieged', 'towns'])), 0);
});

test('a date, a clock time, a year or a label is weaker evidence of a count than a figure', () => {
  const asked = new Set(['how', 'many', 'cars', 'can', 'fiat', 'make']);
  assert.equal(sentenceServes('number', 'Fiat can turn out 4,000 cars a day.', asked), 1);
  for (const sentence of ['The Fiat plant opened on May 10.', 'The shift starts at 6:35.', 'Fiat was founded in 1899.', 'The plant is No. 48 on the list.', 'It came 3rd.']) {
    assert.equal(sentenceServes('number', sentence, asked), 0.5, sentence);
  }
});

test('speech in single quotes serves a quote question as speech in double quotes does; apostrophes are no quotation', () => {
  for (const sentence of [
    'Council leader Ines Varga said: ‘This is the biggest investment the town has seen, and the fleet’s future is safe.’',
    '‘They’re building a marina for yachts,’ said the harbourmaster.',
    "The union said the operators had 'refused to put a single penny on the table'.",
  ]) {
    assert.equal(sentenceServes('quote', sentence), 1, sentence);
  }
  // A plural's apostrophe inside the quotation does not end it.
  assert.equal(sentenceServes('quote', '‘This is taxpayers’ money poured into berths for yachts,’ she said.'), 1);
  assert.equal(sentenceServes('quote', 'The union’s leaders and the players’ lawyers met on Friday’s agenda.'), 0);
  assert.equal(sentenceServes('quote', "The board called the offer 'grim'."), 0.5);
  assert.equal(sentenceServes('quote', '‘What do you and the mayor talk about at home?’ she asked.'), 0);
});

test('reading single quotes stays quick on a long run of them', () => {
  for (const text of [" 'ab".repeat(20_000), '‘'.repeat(50_000), " ‘a’b".repeat(20_000)]) sentenceServes('quote', text, new Set());
});

test('a date written day first ("2 September") serves a when-question as "September 2" does, and is no count', () => {
  const asked = new Set(['when', 'will', 'work', 'begin']);
  for (const sentence of ['Work is due to begin on 2 September.', 'Work begins on the 14th March.', 'Work begins on September 2.']) {
    assert.equal(sentenceServes('when', sentence, asked), 1, sentence);
  }
  assert.equal(sentenceServes('when', 'Work begins in September.', asked), 0.5);
  assert.equal(sentenceServes('number', 'The vote is on 2 September.', new Set(['vote'])), 0.5);
  // "may" and "march" are verbs too: only a capitalised month makes a date.
  assert.equal(sentenceServes('number', 'As many as 60 may have died in the blast.', new Set(['how', 'many', 'died', 'blast'])), 1);
  assert.equal(sentenceServes('when', 'Some 10 march on the capital each week.', new Set(['when', 'march'])), 0);
});

test('a sum in rupees, yuan or a currency code answers a money question; lakh and crore count', () => {
  for (const sentence of ['The state will spend Rs 12 crore on the bridge.', 'The bridge cost ₹450 crore.', 'The deal is worth USD 40m.', 'A ticket costs 20 yuan.', 'A fine of 5,000 rupees.']) {
    assert.equal(sentenceServes('money', sentence), 1, sentence);
  }
  assert.equal(sentenceServes('money', 'The bridge opened in 1950.'), 0);
  // A currency code counts in capitals before a figure, not in other words' letters.
  assert.equal(sentenceServes('money', 'The studio bought CAD 3D software.'), 0);
  assert.equal(sentenceServes('number', 'Nearly 3 lakh people were displaced.', new Set(['how', 'many', 'people'])), 1);
});

test('a cause serves a why-question, however the reporting words it', () => {
  for (const sentence of [
    'A storm warning prompted the decision.',
    'A heart attack put an end to her career.',
    'The leak caused the closure.',
    'The pay offer was rejected, which is why the crews walked out.',
    'The opening was held up by problems with the ventilation system.',
    'The month has no R in it, so no oysters are on the menu.',
    'The board will admit new members only if they live in the parish.',
    'The ferry will sail unless the wind rises above force eight.',
  ]) {
    assert.equal(sentenceServes('why', sentence), 1, sentence);
  }
  assert.equal(sentenceServes('why', 'The ferry sailed on Friday.'), 0);
  // "So" as an adverb, and a plain "if", give no reason.
  assert.equal(sentenceServes('why', 'The crew was so tired that night.'), 0);
  assert.equal(sentenceServes('why', 'She asked if the ferry would sail.'), 0);
  assert.equal(sentenceServes('why', 'The toll stands at 14, so far.'), 0);
  assert.equal(sentenceServes('why', 'Unless otherwise stated, figures are in euros.'), 0);
});

test('an age serves an age question; another figure does not', () => {
  const asked = new Set(['how', 'old', 'is', 'ines', 'varga']);
  for (const sentence of ['A 52-year-old Norwegian opened the show.', 'Ines Varga, 50, of Tarvik was elected.', 'She retired aged 70.', 'Now, at 26, she paints.', 'Varga (45) won.', 'She was 19 when she wrote it.', 'a seventy-five-year-old farmer']) {
    assert.equal(sentenceServes('age', sentence, asked), 1, sentence);
  }
  assert.equal(sentenceServes('age', 'She was born in 1953.', asked), 0.5);
  for (const sentence of [
    'The city has 250,000 residents and has been held since 2012.',
    'The office at 10 Downing Street.',
    'The 12 members met, 30 voted.',
    'In London, 3,000 people marched.',
    'Shares closed at 52, up 3 percent.',
    'Voting starts at 8, and closes at 10.',
    'Smith, 3, Jones, 4 and Brown, 5',
    'The Eagles led 21-7 when they fumbled.',
    'The car crashed at Turn 4.',
    'The ship turned 180 degrees.',
    'the team, 3, won',
  ]) {
    assert.equal(sentenceServes('age', sentence, asked), 0, sentence);
  }
});

test('reading ages stays quick on a long run of letters', () => {
  // Each once took seconds: the name-and-age patterns could start at any letter.
  for (const text of ['a'.repeat(50_000), 'A'.repeat(50_000), 'Ab, 1'.repeat(10_000)]) sentenceServes('age', text, new Set());
});

test('a hard-wrapped sentence serves as the same words on one line would', () => {
  assert.equal(sentenceServes('why', 'The ferry was cancelled due\nto the storm.'), 1);
  assert.equal(sentenceServes('money', 'The mill paid 15 million\ndollars for the site.'), 1);
});

test('a question in capitals throughout reads as one in lower case: no word of it is a name or an acronym by its case', () => {
  const shouted = parseQuestion('WHO WON THE HARBOUR BOARD ELECTION IN KESSINGTON?');
  const plain = parseQuestion('who won the harbour board election in kessington?');
  assert.equal(shouted.kind, 'who');
  assert.deepEqual(shouted.tokens.map((t) => t.term), plain.tokens.map((t) => t.term));
  // Two-letter abbreviations keep their capitals: "us" in lower case is a pronoun.
  assert.ok(parseQuestion('WHAT DID THE US SAY ABOUT THE HARBOUR?').tokens.some((t) => t.term === parseQuestion('What did the US say?').tokens[0]!.term));
  // "TELL US" is the pronoun.
  assert.ok(!parseQuestion('CAN YOU TELL US WHEN THE PORT REOPENED?').tokens.some((t) => t.term === parseQuestion('What did the US say?').tokens[0]!.term));
  // A capitalised acronym in an ordinary question keeps its case.
  assert.notDeepEqual(parseQuestion('What did the WHO say?').tokens.map((t) => t.term), parseQuestion('what did the who say?').tokens.map((t) => t.term));
});

test('a sum in the newswire’s short forms answers "how much"', () => {
  const asked = new Set(['how', 'much', 'did', 'the', 'mill', 'pay']);
  for (const sentence of ['The mill paid 15.5 mln dlrs for the site.', 'Shares rose 40 cts.', 'The mill paid 3 bln stg.']) {
    assert.equal(sentenceServes('money', sentence, asked), 1, sentence);
  }
});

test('titles and initials are no part of a new name: "Miss Sally May Saabye" answers who was Miss Rhode Island', () => {
  const asked = new Set(['who', 'was', 'miss', 'rhode', 'island', '1960']);
  assert.equal(sentenceServes('who', 'The crown went to Miss Sally May Saabye of Newport.', asked), 1);
  assert.equal(sentenceServes('who', 'The crown went to Miss Rhode Island.', asked), 0);
});

test('words someone said answer "what did X say"; a quoted word is weaker evidence', () => {
  assert.equal(sentenceServes('quote', '"The festival will be back next year," Holt said.'), 1);
  assert.equal(sentenceServes('quote', 'Holt called the year "grim" for the city.'), 0.5);
  assert.equal(sentenceServes('quote', 'Holt spoke to reporters.'), 0);
  // A quoted question is what was asked, not the reply.
  assert.equal(sentenceServes('quote', 'A reporter asked, "What do you and Mickey talk about at home"?'), 0);
  assert.equal(sentenceServes('quote', '"It\'s a whole lot easier," he said, "to increase the population of Nevada."'), 1);
});

test('a surname after initials is a full name ("C. H. Okafor"); "U.S. Secretary" and "U. S. Steel" are not', () => {
  const asked = new Set(['who', 'heads', 'the', 'bible', 'project']);
  assert.equal(sentenceServes('who', 'The project is headed by Prof. C. H. Okafor, a minister.', asked), 1);
  assert.equal(sentenceServes('who', 'The project is headed by the U.S. Secretary of the Interior.', asked), 0);
  assert.equal(sentenceServes('who', 'The project is paid for by U. S. Steel and the city.', asked), 0.5);
  // One initial may abbreviate a place.
  assert.equal(sentenceServes('who', 'The project was halted after N. Korea fired a missile.', asked), 0.5);
});

test('someone\'s role answers "who" weakly ("her chief of staff", "the bride\'s brother"); what someone owns does not', () => {
  const asked = new Set(['who', 'told', 'the', 'mayor', 'about', 'cracks']);
  assert.equal(sentenceServes('who', 'She heard only later, when her chief of staff telephoned.', asked), 0.5);
  assert.equal(sentenceServes('who', "The bride's elder brother will give her away.", asked), 0.5);
  assert.equal(sentenceServes('who', 'His lawyer filed an appeal on Monday.', asked), 0.5);
  assert.equal(sentenceServes('who', "The residents' lawyer filed the suit.", asked), 0.5);
  // The first noun after the possessive is what it possesses: a car is no one.
  assert.equal(sentenceServes('who', 'She heard only later, on her car radio.', asked), 0);
  // A contraction is no possessive.
  assert.equal(sentenceServes('who', "He's a lawyer by training.", asked), 0);
  assert.equal(sentenceServes('who', "There's no leader left in the party.", asked), 0);
  // A role the question names is what it asks about, not an answer.
  assert.equal(sentenceServes('who', 'She heard only later, from the mayor\'s office.', new Set([...asked, 'office'])), 0);
  assert.equal(sentenceServes('who', 'She heard only later from her aide.', new Set([...asked, 'aide'])), 0);
});

test('a word may stand between a count and its unit of time ("52 rainless days")', () => {
  assert.equal(sentenceServes('duration', 'After 52 rainless days it finally rained.'), 1);
  assert.equal(sentenceServes('duration', 'It finally rained at Del Mar.'), 0);
});

test('news gives a duration in words as well as in figures ("met briefly", "talked for hours")', () => {
  assert.equal(sentenceServes('duration', 'The two ministers met briefly on the sidelines of the summit.'), 1);
  assert.equal(sentenceServes('duration', 'Negotiators talked for hours without a break.'), 1);
  // "Overnight" says when the talks resumed more often than how long anything took.
  assert.equal(sentenceServes('duration', 'The talks resumed overnight.'), 0);
  // Hours of the day, or "hours" as the opening times, say nothing of how long.
  assert.equal(sentenceServes('duration', 'The ministers met at the embassy.'), 0);
  assert.equal(sentenceServes('duration', 'Opening hours are posted on the door.'), 0);
});

test('the thing "how many" counts runs to its verb, regular or irregular, and keeps irregular plurals', () => {
  assert.equal(parseQuestion('How many ships took part in the exercise?').counted, 'ship');
  assert.equal(parseQuestion('How many Syrian men died in the raid?').counted, 'man');
  assert.deepEqual(parseQuestion('How many armed groups were fighting for the capital?').countedGroup, ['arm', 'group']);
});

test('a lone surname no dictionary knows, opening the sentence, is a new name: news uses it after the first mention', () => {
  const asked = new Set(['who', 'is', 'standing', 'in', 'for', 'the', 'harbour', 'master']);
  assert.equal(sentenceServes('who', 'Kowalczyk will take over the harbour office on Monday.', asked), 0.5);
  // A dictionary word opening the sentence is no name, nor is a name the question already gives.
  assert.equal(sentenceServes('who', 'Somebody will take over the harbour office on Monday.', asked), 0);
  assert.equal(sentenceServes('who', 'Kowalczyk will take over the harbour office.', new Set([...asked, 'kowalczyk'])), 0);
});

test('a title before one word of a name makes it a person\'s ("Dr. Okafor"), however the sentence opens', () => {
  const asked = new Set(['which', 'of', 'the', 'three', 'engineers', 'chaired', 'tarvik', 'inquiry']);
  assert.equal(sentenceServes('who', 'Dr. Okafor chaired the inquiry.', asked), 0.5);
  assert.equal(sentenceServes('who', 'The inquiry was chaired by Cllr Okafor.', asked), 0.5);
  // A name the question gives is no answer, nor is its possessive, nor a title with nothing after it.
  assert.equal(sentenceServes('who', "Dr. Tarvik's inquiry was chaired by an engineer.", new Set([...asked, 'dr'])), 0);
  assert.equal(sentenceServes('who', 'The inquiry was chaired by the Dr. who found the fault.', asked), 0);
  // Titles stack: the name is the word after the last of them.
  assert.equal(sentenceServes('who', 'The man was arrested by Det. Sgt. Okafor.', asked), 0.5);
  assert.equal(sentenceServes('who', 'The man was arrested by Det. Sgt. Tarvik.', new Set([...asked, 'tarvik'])), 0);
  assert.equal(sentenceServes('who', 'The inquiry was opened by Mr. Hall.', asked), 0.5);
});

test('an abbreviation\'s full stop does not end the thing "how many" counts ("no. 2 pencils")', () => {
  assert.equal(parseQuestion('how many no. 2 pencils did the school buy').counted, 'pencil');
});

test('a clause before the question word says when the question applies, not what it asks; "this year" names no date', () => {
  assert.equal(parseQuestion('When asked about the strike, who spoke for the dockers?').kind, 'who');
  assert.equal(parseQuestion('If the vote fails, what happens to the harbour plan?').kind, parseQuestion('What happens to the harbour plan?').kind);
  assert.notEqual(parseQuestion('Which judge ruled on the harbour case this year?').kind, 'when');
  assert.equal(parseQuestion('Which year did the harbour close?').kind, 'when');
});

test('a full name after the title of the body it serves is a person\'s ("Harbour Board Chairman Ines Varga")', () => {
  const asked = new Set(['who', 'leads', 'the', 'harbour', 'board']);
  assert.equal(sentenceServes('who', 'The meeting was opened by Harbour Board Chairman Ines Varga of Kessington.', asked), 1);
  assert.equal(sentenceServes('who', 'The meeting was opened by the Harbour Board Council.', asked), 0);
});

test('"what does X charge" and "what did X pay" ask for money; "what did X do to cut the cost" does not', () => {
  assert.equal(parseQuestion('What does the ferry charge a car to cross the estuary?').kind, 'money');
  assert.equal(parseQuestion('What did the council pay for the new harbour crane?').kind, 'money');
  assert.notEqual(parseQuestion('What did the council do to cut the cost of the crane?').kind, 'money');
});

test('a British spelling in a question counts the same thing as the American one', () => {
  assert.deepEqual(parseQuestion('how many city centre shops closed').counted, parseQuestion('how many city center shops closed').counted);
});

test('a clause of time sets the scene of a question, except one asking for a figure or a time, whose clause says which', () => {
  const setting = (question: string) => [...parseQuestion(question).setting].sort();
  assert.deepEqual(setting('What did Solberg say when the rain-soaked play resumed?'), ['plai', 'rain', 'resum', 'soak']);
  assert.deepEqual(setting('Who read the statement after their Zurich luncheon, and why?'), ['luncheon', 'zurich']);
  assert.deepEqual(setting('After the vote, who spoke for the dockers?'), ['vote']);
  // A title's capitals are no end of the scene; another part of the question is ("about the stadium").
  assert.deepEqual(setting('What did she reply when Much Ado About Nothing resumed?'), ['ado', 'noth', 'resum']);
  assert.deepEqual(setting('What did the chairman say after the match about the new stadium?'), ['match']);
  assert.deepEqual(setting('What did the mayor say when the council met and who else spoke?'), ['council', 'meet']);
  assert.deepEqual(setting('What did Richards say when asked if the Orioles would improve?'), ['ask']);
  // Another scene's opening word is no part of the first; "Fred" and "speed" are no participles.
  assert.deepEqual(setting('What did the mayor say after the vote during the strike?'), ['strike', 'vote']);
  assert.deepEqual(setting('Who spoke after Fred Perry won?'), ['fred', 'perri', 'win']);
  assert.deepEqual(setting('What did Ada say after speed cameras went up?'), ['camera', 'go', 'speed']);
  // A word the question also uses outside the scene is part of what it asks.
  assert.deepEqual(setting('After the strike, what did the union leader say about the strike?'), []);
  // A question word, "before" as an adverb, and a clause saying which figure or time is asked.
  for (const question of [
    'When did the talks, after all, end?',
    'Where and when did the attack happen?',
    'Who won the vote and when was it held?',
    'Who knew about the leak and since when?',
    'How was the session the week before characterised?',
    'What was announced the day after named?',
    // What came before an event is seldom what its story tells.
    "Who was the club's manager before the takeover?",
    'How many people lived there before the war?',
    'How many rations were delivered during the pause?',
    'When did the mayor resign after the vote?',
  ]) {
    assert.deepEqual(setting(question), [], question);
  }
});
