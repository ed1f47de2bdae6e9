/**
 * The corpus loader: what a folder of article files becomes (documents with titles, dates, outlets and
 * paragraphs), what it refuses (files that are not text), and the sentence splitter every excerpt relies on.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { before, describe, test, type TestContext } from 'node:test';
import pino from 'pino';
import { CorpusError, listArticleFiles, loadCorpus, parseArticle } from '../src/corpus/load.ts';
import { isFurniture } from '../src/corpus/layout.ts';
import { parseDocument, toIsoDate } from '../src/corpus/parse.ts';
import { splitSentences } from '../src/corpus/sentences.ts';
import type { Corpus, NewsDocument, SkippedFile } from '../src/corpus/types.ts';
import { openIndex } from '../src/search/store.ts';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');

/** A throw-away corpus folder holding `files` (paths relative to it), removed when the test ends. */
async function tempCorpus(t: TestContext, files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-corpus-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

function parse(text: string, markdown = false) {
  return parseDocument(text, { markdown });
}

function isDocument(result: NewsDocument | SkippedFile): result is NewsDocument {
  return !('reason' in result);
}

/** The sentences of `text` as the strings its spans cut out. */
function sentences(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

/** Spans are in order, do not overlap, hold no outer white space, and leave nothing but white space uncovered. */
function assertSpansTile(text: string): void {
  const spans = splitSentences(text);
  let cursor = 0;
  for (const span of spans) {
    assert.ok(span.start >= cursor && span.end > span.start && span.end <= text.length, `bad span ${JSON.stringify(span)} in ${JSON.stringify(text)}`);
    assert.match(text.slice(cursor, span.start), /^\s*$/u, `text lost between sentences: ${JSON.stringify(text.slice(cursor, span.start))}`);
    const sentence = text.slice(span.start, span.end);
    assert.equal(sentence, sentence.trim(), `sentence has outer white space: ${JSON.stringify(sentence)}`);
    cursor = span.end;
  }
  assert.match(text.slice(cursor), /^\s*$/u, `text lost after the last sentence: ${JSON.stringify(text.slice(cursor))}`);
}

describe('the seed corpus', () => {
  let corpus: Corpus;
  const raw = new Map<string, string>();
  const doc = (prefix: string): NewsDocument => {
    const found = corpus.documents.find((d) => d.id.startsWith(prefix));
    assert.ok(found, `no seed document ${prefix}`);
    return found;
  };

  before(async () => {
    corpus = await loadCorpus(SEEDS);
    for (const d of corpus.documents) raw.set(d.id, (await readFile(path.join(SEEDS, d.id), 'utf8')).replace(/\r\n?/g, '\n'));
  });

  test('loads all five articles, with their file names as ids, and skips nothing', () => {
    assert.deepEqual(
      corpus.documents.map((d) => d.id),
      ['000_025659df9b5cb3f3.txt', '001_9af66bd40fa38a69.txt', '002_04a37cd5f8b22a37.txt', '003_60a62e6749ea2996.txt', '004_10a781a0ece468b5.txt'],
    );
    assert.deepEqual(corpus.skipped, []);
    assert.equal(corpus.dir, SEEDS);
    for (const d of corpus.documents) assert.match(d.contentHash, /^[0-9a-f]{64}$/);
  });

  test('every paragraph is verbatim text of its file and none is page furniture', () => {
    for (const d of corpus.documents) {
      assert.ok(d.paragraphs.length > 5, d.id);
      for (const paragraph of d.paragraphs) {
        assert.ok(raw.get(d.id)!.includes(paragraph), `${d.id}: paragraph not verbatim: ${paragraph.slice(0, 80)}`);
        assert.equal(paragraph, paragraph.trim(), `${d.id}: paragraph with outer white space`);
        assert.ok(!isFurniture(paragraph), `${d.id}: furniture kept as a paragraph: ${paragraph}`);
      }
    }
  });

  test('004: "Share" and "Advertisement" lines are dropped, the rest of its blank-line paragraphs kept', () => {
    const d = doc('004');
    const text = raw.get(d.id)!;
    assert.match(text, /^Share$/m);
    assert.match(text, /^Advertisement$/m);
    assert.ok(!d.paragraphs.some((p) => /^(share|advertisement)$/i.test(p.trim())));
    const blocks = text
      .split(/\n[ \t]*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '' && block !== 'Share' && block !== 'Advertisement');
    // The first block left is the headline, which becomes the title.
    assert.equal(blocks[0], 'Syria launches new air strikes on Aleppo');
    assert.deepEqual(d.paragraphs, blocks.slice(1));
  });

  test('headline first lines become titles; articles without one get a lead from their first sentence', () => {
    const d002 = doc('002');
    assert.equal(d002.title, 'Cluster Bombs Leave Aleppo In Flames And Truce In Tatters');
    assert.ok(d002.paragraphs[0]!.startsWith('Secretary of State John Kerry was informed'));
    assert.equal(doc('003').title, 'Syrian govt forces seize Aleppo camp from rebels-monitor, rebel, state TV');
    assert.equal(doc('004').title, 'Syria launches new air strikes on Aleppo');

    // 000 opens with reporting, not a headline: the first paragraph stays, the title is a short lead of it.
    const d000 = doc('000');
    assert.ok(d000.paragraphs[0]!.startsWith('Talks between senior US and Russian officials on a broad ceasefire'));
    assert.ok(d000.title.startsWith('Talks between senior US and Russian officials'), d000.title);
    assert.ok(d000.title.length <= 100, d000.title);
    const d001 = doc('001');
    assert.ok(d001.title.startsWith('France is to launch a new push'), d001.title);
    assert.ok(d001.title.length <= 100, d001.title);
    for (const d of [d000, d001]) {
      const lead = d.title.replace(/…$/, '');
      assert.ok(d.paragraphs[0]!.startsWith(lead), `${d.id}: title is not a lead of the first paragraph`);
      // A lead cut short ends at a word boundary.
      if (d.title.endsWith('…')) assert.match(d.paragraphs[0]![lead.length] ?? ' ', /[\s,;:]/);
    }
  });

  test('002: one paragraph per line, each line verbatim', () => {
    const d = doc('002');
    const lines = raw.get(d.id)!.split('\n').map((line) => line.trim()).filter(Boolean);
    assert.deepEqual(d.paragraphs, lines.slice(1));
  });

  test('001: date 2016-10-06 and outlet Reuters, and neither marker left in the text', () => {
    const d = doc('001');
    assert.ok(raw.get(d.id)!.startsWith(' date 2016-10-06 '));
    assert.ok(raw.get(d.id)!.trimEnd().endsWith('– (Reuters)'));
    assert.equal(d.date, '2016-10-06');
    assert.equal(d.outlet, 'Reuters');
    assert.ok(d.paragraphs[0]!.startsWith('France is to launch'), d.paragraphs[0]);
    assert.ok(d.paragraphs.at(-1)!.endsWith('told a news briefing.'), d.paragraphs.at(-1));
    for (const paragraph of d.paragraphs) {
      assert.ok(!paragraph.includes('(Reuters)'), paragraph);
      assert.ok(!/\bdate 2016-10-06\b/.test(paragraph), paragraph);
    }
  });

  test('articles that state no date or outlet get none', () => {
    for (const prefix of ['000', '002', '003', '004']) {
      assert.equal(doc(prefix).date, undefined, prefix);
      assert.equal(doc(prefix).outlet, undefined, prefix);
    }
  });

  test('sentence spans tile every seed paragraph exactly', () => {
    for (const d of corpus.documents) for (const paragraph of d.paragraphs) assertSpansTile(paragraph);
  });

  test('"Mr." and curly quotes in the seeds do not break sentences', () => {
    const optimist = doc('002').paragraphs.find((p) => p.includes('Mr. Optimist'));
    assert.ok(optimist);
    assert.deepEqual(sentences(optimist), ['“Kerry’s got the reputation of Mr. Optimist”, an aide acknowledged.']);
    const quoted = doc('001').paragraphs.find((p) => p.startsWith('The security council began negotiations'));
    assert.ok(quoted);
    assert.deepEqual(sentences(quoted), [quoted]);
  });

  test('"U.N." in the seeds does not break sentences', () => {
    const kerry = doc('002').paragraphs[0]!;
    assert.match(kerry, /U\.N\. General Assembly in NY\.$/);
    assert.deepEqual(sentences(kerry), [kerry]);
    const council = doc('002').paragraphs.find((p) => p.includes('U.N. Security Council meeting'));
    assert.ok(council);
    assert.equal(
      sentences(council)[0],
      'The diametrically opposed views of Washington and Moscow were on full display at a U.N. Security Council meeting on Wednesday that had originally been called to enshrine the truce.',
    );
    const assembly = doc('004').paragraphs.find((p) => p.includes('sidelines of the U.N. General Assembly'));
    assert.ok(assembly);
    assert.deepEqual(sentences(assembly), [assembly]);
  });
});

describe('sentence splitting', () => {
  test('keeps "U.S.", "U.N.", "Mr." and initials inside their sentences', () => {
    assert.deepEqual(sentences('The U.S. envoy met Mr. Smith at the U.N. headquarters on Monday. He left on Tuesday.'), [
      'The U.S. envoy met Mr. Smith at the U.N. headquarters on Monday.',
      'He left on Tuesday.',
    ]);
    assert.deepEqual(sentences('Officials at the U.N. Security Council met on Monday. Nothing was agreed.'), [
      'Officials at the U.N. Security Council met on Monday.',
      'Nothing was agreed.',
    ]);
    assert.deepEqual(sentences('J. R. R. Tolkien wrote the book in Oxford. It sold well.'), ['J. R. R. Tolkien wrote the book in Oxford.', 'It sold well.']);
    assert.deepEqual(sentences('Mr. Lavrov met Dr. Ayrault in Paris. Mrs. Clinton did not.'), ['Mr. Lavrov met Dr. Ayrault in Paris.', 'Mrs. Clinton did not.']);
    assert.deepEqual(sentences('U.S. President Barack Obama spoke on Monday. John F. Kennedy was mentioned.'), [
      'U.S. President Barack Obama spoke on Monday.',
      'John F. Kennedy was mentioned.',
    ]);
    assert.deepEqual(sentences('Kerry, the U.S. Secretary of State, spoke. Lavrov listened.'), ['Kerry, the U.S. Secretary of State, spoke.', 'Lavrov listened.']);
  });

  test('"U.S." before a capitalised noun and run-together initials stay inside the sentence', () => {
    assert.deepEqual(sentences('A vote in the U.S. Senate failed. It was close.'), ['A vote in the U.S. Senate failed.', 'It was close.']);
    assert.deepEqual(sentences('The U.S. State Department said nothing. Reporters waited.'), ['The U.S. State Department said nothing.', 'Reporters waited.']);
    assert.deepEqual(sentences('Officials at the U.S. Embassy said so. Nobody else did.'), ['Officials at the U.S. Embassy said so.', 'Nobody else did.']);
    assert.deepEqual(sentences('The book by J.R.R. Tolkien sold well. It was long.'), ['The book by J.R.R. Tolkien sold well.', 'It was long.']);
  });

  test('a full stop before a lower-case word ends an abbreviation, not the sentence', () => {
    assert.deepEqual(sentences('Each American ate 1,488 lbs. per person last year. Some ate 8 oz. more a day. Others ate less.'), [
      'Each American ate 1,488 lbs. per person last year.',
      'Some ate 8 oz. more a day.',
      'Others ate less.',
    ]);
  });

  test('a figure after "approx." or "No." goes on the sentence; a month or a firm before "The" ends one', () => {
    assert.deepEqual(sentences('The hall seats approx. 400 people. It opened in 1990.'), ['The hall seats approx. 400 people.', 'It opened in 1990.']);
    assert.deepEqual(sentences('He sang Prelude No. 12, Op. 32 twice. It was late.'), ['He sang Prelude No. 12, Op. 32 twice.', 'It was late.']);
    assert.deepEqual(sentences('Prices rose in Jan. The rise was the largest in a decade.'), ['Prices rose in Jan.', 'The rise was the largest in a decade.']);
    assert.deepEqual(sentences('The deal was signed in Sept. Later it fell apart.'), ['The deal was signed in Sept.', 'Later it fell apart.']);
    assert.deepEqual(sentences('He arrived Aug. 2. The talks began at once.'), ['He arrived Aug. 2.', 'The talks began at once.']);
    assert.deepEqual(sentences('Sales grew at Smith Bros. The firm said so. Pens, pencils, etc. They sold.'), [
      'Sales grew at Smith Bros.',
      'The firm said so.',
      'Pens, pencils, etc.',
      'They sold.',
    ]);
    // Where no sentence opens, they stay abbreviations.
    assert.deepEqual(sentences('He was born on Jan. 5 in Ohio. He works at Acme Inc. in Boston. The Jan. 6 hearing ran long.'), [
      'He was born on Jan. 5 in Ohio.',
      'He works at Acme Inc. in Boston.',
      'The Jan. 6 hearing ran long.',
    ]);
    // "Co." is also a county, before a name; "EST" is no "est.", and a figure that opens a sentence still opens it.
    assert.deepEqual(sentences('The Cook Co. Police Department said so. It was late.'), ['The Cook Co. Police Department said so.', 'It was late.']);
    assert.deepEqual(sentences('The game starts at 8 p.m. EST. 2,000 fans are expected.'), ['The game starts at 8 p.m. EST.', '2,000 fans are expected.']);
  });

  test('curly and straight quotes close the sentence they end', () => {
    assert.deepEqual(sentences('He said, “We will stay.” Then he left. She said, "No way." It ended.'), [
      'He said, “We will stay.”',
      'Then he left.',
      'She said, "No way."',
      'It ended.',
    ]);
  });

  test('spans slice the original text exactly, whatever its white space', () => {
    const texts = [
      '  Leading spaces.   Two  spaces   inside.\nA new line here.  ',
      'Tabs\tinside\ta sentence. And\u00a0a no-break space. Done',
      'No final punctuation at all',
      'Ellipsis... and more. “Quoted,” he said... Then: the end!',
      'Is it? Yes! No. 3.5 percent rose to 4.2 percent. The U.S.-backed rebels held.',
      'Line one\nLine two\n\nLine three after a blank line.',
      'Émigrés in Zürich said “ça suffit.” Ban Ki-moon agreed.',
      '',
      '   ',
    ];
    for (const text of texts) assertSpansTile(text);
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences('   '), []);
  });
});

describe('page furniture', () => {
  test('sharing, advertising and credit lines are furniture', () => {
    for (const line of ['Share', 'SHARE', '  Advertisement  ', 'Advertisement:', 'Share this article', 'Tweet', 'Image copyright Getty Images', 'Advertisement - Scroll to continue', 'Read more', '12 comments', '', '   ',
      // Links and credits between the paragraphs of a scraped page or a wire story.
      'Read more: City budget approved', 'Related: Mayor quits after vote', 'Watch: The moment the bridge fell', 'Photograph: Ines Varga/The Courier',
      'Follow Ines Varga on Twitter', 'Sign up for our morning briefing newsletter', '4 min read', 'Listen to this article',
      'Reporting by Marek Haskell and Ines Varga in Tarvik; Editing by Jon Lusk', 'Additional reporting by Ines Varga in London',
      '(Reporting by Marek Haskell; Editing by Jon Lusk)', 'Follow us on Facebook', 'Photo by Getty Images',
      // Web pages' promotions, banners and syndication notes, and picture captions, which end on their credit.
      'Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST', 'Get the free morning headlines email for news from our team',
      'We use cookies to improve your experience.', '(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)',
      'Also Read | Monsoon arrives in Kerala three days late, says IMD', 'SKIP ADVERTISEMENT', '@hmarkby', 'More from the Independent', '(Photo: AP)',
      'Representative image. (Photo: PTI)', 'The Carnegie library in Wexham opened in 1904. Photograph: Tom Reddle/The Guardian',
      'The Carnegie library in Wexham opened in 1904 (Tom Reddle/PA)', 'Passengers at the terminal last summer.Credit...Dana Roy for The New York Times',
      '&#3;']) {
      assert.ok(isFurniture(line), `should be furniture: ${JSON.stringify(line)}`);
    }
  });

  test('reporting that starts like furniture is not furniture', () => {
    for (const line of ['Share prices fell 3 percent on Monday.', 'Advertisement spending rose.', 'Reuters reported the attack on Friday.', 'More than 200 people died.', 'Watch the skies, the general said.',
      // A credit line names people in capitals; reporting goes on in lower case.
      'Reporting by the BBC revealed that the mayor lied.', 'Editing by hand took weeks, she said.', 'Photographs of the crash were shown to the jury.', 'Related issues will be discussed on Friday.',
      'Also on the ballot: a measure to raise the sales tax by half a cent.', 'More from the hearing: the judge asked why.', 'Related: the council also cut funding for youth clubs.',
      'Pictures by drone showed the scale of the flooding.', 'Like thousands of others on Facebook, Ines Varga changed her profile picture.',
      'Sign up drives for the new bus pass begin on Monday.', 'The photo: a crowd at the gates.', 'Topics for the debate were chosen by ballot.',
      // A promotion or a credit stops where a sentence of reporting would go on; a poll's credit is no photographer's.
      'Support for the president fell to 38 percent, according to a poll (Reuters/Ipsos).', 'Labour leads by six points (YouGov/Times).',
      'Fares rise on the harbour route (Reuters/Ipsos)',
      'Sign up for flood alerts, officials urged residents on Tuesday.', 'Sign up for updates on the road closures, police said.',
      'With inputs from residents, traders and the police, the council redrew the plan.', 'Get the latest flood alerts from the Environment Agency, residents were told.',
      'Email the author of the complaint, the judge ordered.', 'Read all the latest news on the strike at the union website, members were told.']) {
      assert.ok(!isFurniture(line), `should be reporting: ${JSON.stringify(line)}`);
    }
  });

  test('furniture lines never become paragraphs, in either layout', () => {
    const perLine = parse('Share\nTroops advance on the city\nTroops advanced on the city on Monday, officials said.\nAdvertisement\nThe advance slowed on Tuesday.\nTweet\n');
    assert.equal(perLine.title, 'Troops advance on the city');
    assert.deepEqual(perLine.paragraphs, ['Troops advanced on the city on Monday, officials said.', 'The advance slowed on Tuesday.']);
    const blank = parse('Share\n\nTroops advance on the city\n\nTroops advanced on the city on Monday, officials said.\n\nAdvertisement\n\nThe advance slowed on Tuesday.\n\nShare this article\n');
    assert.equal(blank.title, 'Troops advance on the city');
    assert.deepEqual(blank.paragraphs, ['Troops advanced on the city on Monday, officials said.', 'The advance slowed on Tuesday.']);
  });

  test('the headlines listed under "Read more", "Topics" or "More on this story" go with their label', () => {
    const d = parse(
      'Ferry firm fined\n\nThe operator of the Pell Island ferry has been fined £310,000.\n\nRead more\n\nLibraries closing at fastest rate in a decade\n\nFerry firm under investigation\n\nThe maritime board said the crew had disabled a counter.\n\nTopics\n\nFerries\n\nLocal government\n',
    );
    assert.deepEqual(d.paragraphs, ['The operator of the Pell Island ferry has been fined £310,000.', 'The maritime board said the crew had disabled a counter.']);
    // Above the reporting, a label heads the page's own navigation: the headline, byline and date under it are this
    // article's.
    const top = parse('Top stories\n\nFerry firm fined over overcrowding\n\nBy Ruth Anker\n\n6 October 2016\n\nThe operator was fined £310,000.\n\nThe board met.\n');
    assert.deepEqual([top.title, top.date, top.paragraphs], ['Ferry firm fined over overcrowding', '2016-10-06', ['The operator was fined £310,000.', 'The board met.']]);
  });
});

describe('titles, dates and outlets', () => {
  test('a first line that reads as a sentence is not a headline', () => {
    const quoted = parse('“We will not leave,” the mayor said on Monday.\nThe city council met later that day to discuss the siege.');
    assert.deepEqual(quoted.paragraphs, ['“We will not leave,” the mayor said on Monday.', 'The city council met later that day to discuss the siege.']);
    assert.equal(quoted.title, '“We will not leave,” the mayor said on Monday.');
    const question = parse('Is this the end of the truce?\nDiplomats met again in Geneva on Friday.');
    assert.equal(question.paragraphs.length, 2);
  });

  test('a numbered list keeps one item a paragraph, and a wrapped date keeps its day', () => {
    const items = ['1. Glass goes in the blue box, not the green bin.', '2. Food waste is collected weekly.', '3. Garden waste costs £45 a year.', '4. Black bins are emptied every three weeks.', '5. Fines of up to £80 apply for contaminated bins.'];
    const d = parse(`New bin rules\n\nThe council's new recycling rules start on Monday. Here is what changes:\n\n${items.join('\n')}\n\nThe council said the changes would save £1.2m a year.\n`);
    assert.deepEqual(d.paragraphs.slice(1, 6), items);
    const wrapped = parse('Dividend cut\n\nMarroway said it would cut its dividend to 10 cts a share from 15 cts,\npayable April 1 to holders of record March\n15. The board met on Monday to approve the cut.\n\nShares fell.\n');
    assert.equal(wrapped.paragraphs.length, 2, JSON.stringify(wrapped.paragraphs));
    // A number after an abbreviation carries on the sentence, in a file wrapped throughout.
    const seeded = parse(
      [
        'Open draw',
        '',
        'The champion arrives in Melbourne on Friday for the first grand',
        'slam of the year, where the organisers confirmed she was seeded No.',
        '1. The draw puts her against a qualifier in the opening round on',
        'Monday evening, weather permitting, the tournament said.',
        '',
        'Her coach said she had trained for three weeks in Dubai before the',
        'trip and was fully fit after the shoulder injury of last autumn.',
        '',
      ].join('\n'),
    );
    assert.equal(seeded.paragraphs.length, 2, JSON.stringify(seeded.paragraphs));
  });

  test('a headline right above its first paragraph, with blank lines after, stays a headline', () => {
    const d = parse(
      'Council approves new cycle lanes across the city centre\nThe city council on Monday approved plans for 14 miles of protected cycle lanes, to be built over three years.\n\nWork begins in May.\n',
    );
    assert.equal(d.title, 'Council approves new cycle lanes across the city centre');
    assert.deepEqual(d.paragraphs, ['The city council on Monday approved plans for 14 miles of protected cycle lanes, to be built over three years.', 'Work begins in May.']);
  });

  test('a headline with quotes is still a headline', () => {
    const d = parse('Minister says "no deal" after talks\nThe minister said there would be no deal, after talks ended late on Friday.\nTalks resume next week.');
    assert.equal(d.title, 'Minister says "no deal" after talks');
    assert.equal(d.paragraphs.length, 2);
  });

  test('a long first sentence gives a lead cut at a word, with "…"', () => {
    const first = 'Talks between senior officials of both governments on a broad ceasefire across the whole region are likely to last into the weekend, the envoy said.';
    const d = parse(`${first}\nFighting went on.`);
    assert.ok(d.title.endsWith('…'), d.title);
    const lead = d.title.slice(0, -1);
    assert.ok(first.startsWith(lead));
    assert.match(first[lead.length]!, /[\s,]/);
    assert.ok(d.title.length <= 100);
  });

  test('toIsoDate reads the usual date styles and rejects what is not a date', () => {
    for (const text of ['2016-10-06', '6 October 2016', 'October 6, 2016', 'Oct. 6, 2016', 'Thursday, 6 Oct 2016', '6-OCT-2016']) assert.equal(toIsoDate(text), '2016-10-06', text);
    for (const text of ['14/10/2016', '10/14/2016']) assert.equal(toIsoDate(text), '2016-10-14', text);
    for (const text of ['2016-13-40', 'yesterday', 'Thursday', 'October 2016', '10/06/2016', '31-SEP-2016']) assert.equal(toIsoDate(text), undefined, text);
  });

  test('dates from an opening date line, outlets from a trailing credit or a dateline', () => {
    const a = parse('Published: 6 October 2016\nGovernment forces advanced on Thursday, a monitor said.\nThe advance slowed later. – (AP)');
    assert.equal(a.date, '2016-10-06');
    assert.equal(a.outlet, 'AP');
    assert.deepEqual(a.paragraphs, ['Government forces advanced on Thursday, a monitor said.', 'The advance slowed later.']);

    const b = parse('date 2016-10-06 Government forces advanced on Thursday, a monitor said.\n\nThe advance slowed later.\n\n- (Reuters)');
    assert.equal(b.date, '2016-10-06');
    assert.equal(b.outlet, 'Reuters');
    assert.deepEqual(b.paragraphs, ['Government forces advanced on Thursday, a monitor said.', 'The advance slowed later.']);

    const c = parse('ALEPPO, Syria (Reuters) - Government forces advanced on Thursday, a monitor said.\nThe advance slowed later.');
    assert.equal(c.outlet, 'Reuters');
    assert.ok(c.paragraphs[0]!.startsWith('ALEPPO, Syria (Reuters) - Government forces'), 'the dateline stays part of the paragraph');
  });

  test("wire copy: an agency's name alone on the last line is the outlet's sign-off, and a feed's time stamp the date", () => {
    const wire = parse('10-JUN-2019 15:01:51.79\nFERRY CREWS END STRIKE\n    STROMVIK, June 10 - Ferry crews returned to work on\nFriday after a nine-day strike.\n    Sailings resume on Saturday.\n Reuter\n');
    assert.equal(wire.outlet, 'Reuters', 'by the agency\'s usual name');
    // A wire feed's time stamp above the headline dates the article.
    assert.equal(wire.date, '2019-06-10');
    assert.equal(wire.title, 'FERRY CREWS END STRIKE');
    assert.deepEqual(wire.paragraphs, ['STROMVIK, June 10 - Ferry crews returned to work on\nFriday after a nine-day strike.', 'Sailings resume on Saturday.']);
    for (const signOff of ['(AP)', '-- AFP', 'Reuters']) {
      const d = parse(`Ferry crews returned to work on Friday.\n\nSailings resume on Saturday.\n\n${signOff}\n`);
      assert.equal(d.outlet, signOff.replace(/[-() ]/g, ''), signOff);
      assert.deepEqual(d.paragraphs, ['Ferry crews returned to work on Friday.', 'Sailings resume on Saturday.'], signOff);
    }
    // The same copy with a blank line under the time stamp and the headline, signed off in capitals over a feed's
    // end mark.
    const spaced = parse('10-JUN-2019 15:01:51.79\n\nFERRY CREWS END STRIKE\n\n    STROMVIK, June 10 - Ferry crews returned to work on\nFriday after a nine-day strike.\n    Sailings resume on Saturday.\n REUTER\n&#3;\n');
    assert.deepEqual([spaced.title, spaced.date, spaced.outlet], [wire.title, wire.date, wire.outlet]);
    assert.deepEqual(spaced.paragraphs, wire.paragraphs);
    // A last paragraph that only opens on an agency's name, or another capitalised word alone, is kept.
    assert.deepEqual(parse('Ferry crews returned to work.\n\nReuters reported the news first.').paragraphs.at(-1), 'Reuters reported the news first.');
    assert.equal(parse('Ferry crews returned to work.\n\nStromvik').outlet, undefined);
  });

  test('a date line in the ways sites write it dates the article and is not quoted', () => {
    const lines: Array<[string, string]> = [
      ['First published on Thu 6 Oct 2016 10.32 BST', '2016-10-06'],
      ['Last Updated: 06th October, 2016 10:32 IST', '2016-10-06'],
      ['October 6, 2016 / 10:32 AM / Updated 2 hours ago', '2016-10-06'],
      ['6 October 2016 • 3 min read', '2016-10-06'],
      ['Posted: Thu, Oct 6th 2016 @ 10:32 am', '2016-10-06'],
      ['Updated 8 October 2016, first published 6 October 2016', '2016-10-06'],
      ['Updated 10:32 AM ET, Thu October 6, 2016', '2016-10-06'],
      ['2016/10/06', '2016-10-06'],
      ['06.10.2016', '2016-10-06'],
    ];
    for (const [line, date] of lines) {
      const d = parse(`Port strike called off\n\n${line}\n\nDock workers called off a planned strike on Tuesday.\n\nThe union will vote next week.\n`);
      assert.equal(d.date, date, line);
      assert.deepEqual(d.paragraphs, ['Dock workers called off a planned strike on Tuesday.', 'The union will vote next week.'], line);
    }
    // A day and month in slashes is June in one country and October in another: no date is made of it.
    assert.equal(parse('Port strike called off\n\n06/10/2016\n\nDock workers called off a planned strike.\n').date, undefined);
    // A sentence that holds a date is reporting.
    const sentence = parse('Port strike called off\n\nOn 6 October 2016 the union met.\n\nDock workers called off a planned strike.\n');
    assert.equal(sentence.paragraphs[0], 'On 6 October 2016 the union met.');
  });

  test('a plain-text header block of known keys is read like front matter and cut from the body', () => {
    const d = parse(
      'Headline: Ferry strike ends at Stromvik\nPUBLISHED: 12 June 2019\nPublisher: Orkney Ledger\nLink: https://example.org/ferry\nByline: Ruth Anker\n\nFerry crews at Stromvik returned to work on Friday after a nine-day strike.\n\nSailings resume on Saturday.\n',
    );
    assert.equal(d.title, 'Ferry strike ends at Stromvik');
    assert.equal(d.date, '2019-06-12');
    assert.equal(d.outlet, 'Orkney Ledger');
    assert.equal(d.url, 'https://example.org/ferry');
    assert.deepEqual(d.paragraphs, ['Ferry crews at Stromvik returned to work on Friday after a nine-day strike.', 'Sailings resume on Saturday.']);

    // An unknown key ends the block: the lines from it on are the text.
    const partial = parse('Title: Ferry strike ends\nNote: the figures are provisional.\nFerry crews returned to work on Friday.\nSailings resume on Saturday.');
    assert.equal(partial.title, 'Ferry strike ends');
    assert.deepEqual(partial.paragraphs, ['Note: the figures are provisional.', 'Ferry crews returned to work on Friday.', 'Sailings resume on Saturday.']);
    // A first sentence with a colon is no header block, nor is a known key whose value reads as a sentence.
    for (const first of ['Note: crews returned to work on Friday after the vote.', 'Source: union officials said the strike would end on Friday.']) {
      const plain = parse(`${first}\nSailings resume on Saturday.`);
      assert.deepEqual(plain.paragraphs, [first, 'Sailings resume on Saturday.']);
      assert.equal(plain.outlet, undefined);
    }

    // In Markdown, front matter still wins over a header block under it.
    const md = parse('---\ntitle: Strike over\n---\nTitle: Ferry strike ends\nSource: Orkney Ledger\n\nFerry crews returned to work on Friday.\n', true);
    assert.equal(md.title, 'Strike over');
    assert.equal(md.outlet, 'Orkney Ledger');
    assert.deepEqual(md.paragraphs, ['Ferry crews returned to work on Friday.']);
  });

  test('a line that is only a date, near the top or at the end, dates the article and is no paragraph', () => {
    const reporting = ['Ferry crews at Stromvik returned to work on Friday after a nine-day strike.', 'Sailings resume on Saturday.'];
    for (const line of ['Monday, June 10, 2019', 'Jun. 10, 2019', '10 June 2019', '2019-06-10', 'Posted: June 10, 2019 10:32 GMT', 'updated June 10, 2019 4:05 p.m. ET']) {
      const top = parse(['Ferry strike ends', line, ...reporting].join('\n'));
      assert.equal(top.date, '2019-06-10', line);
      assert.equal(top.title, 'Ferry strike ends', line);
      assert.deepEqual(top.paragraphs, reporting, line);
    }
    const end = parse([...reporting, 'Published 10 June 2019'].join('\n\n'));
    assert.equal(end.date, '2019-06-10');
    assert.deepEqual(end.paragraphs, reporting);

    // A date that cannot be read, or has no year, stays as text and dates nothing.
    for (const line of ['June 40, 2019', 'June 10']) {
      const unread = parse(['Ferry strike ends', line, ...reporting].join('\n'));
      assert.equal(unread.date, undefined, line);
      assert.deepEqual(unread.paragraphs, [line, ...reporting], line);
    }
    // Bare dates through the text head a timeline's entries: they date the events, not the article.
    const timeline = parse('Strike timeline\nJune 1, 2019\nCrews walked out.\nJune 10, 2019\nCrews returned.');
    assert.equal(timeline.date, undefined);
    assert.deepEqual(timeline.paragraphs, ['June 1, 2019', 'Crews walked out.', 'June 10, 2019', 'Crews returned.']);
  });

  test('a byline near the top is no paragraph; a sentence that opens with "By" is', () => {
    const reporting = ['Ferry crews at Stromvik returned to work on Friday after a nine-day strike.', 'Sailings resume on Saturday.'];
    for (const byline of ['By Ruth Anker', 'BY RUTH ANKER, Staff Writer', 'By Ruth Anker and Tomas Vell', 'By Ruth Anker of The Orkney Ledger',
      'By Ruth Anker | Staff Writer', 'Written by Ruth Anker', 'By Ruth Anker @ruthanker', 'By Ruth Anker in Kirkwall']) {
      const d = parse(['Ferry strike ends', byline, ...reporting].join('\n'));
      assert.equal(d.title, 'Ferry strike ends', byline);
      assert.deepEqual(d.paragraphs, reporting, byline);
    }
    // A byline that says when the article ran dates it.
    for (const byline of ['By Ruth Anker on 4 March 2020', 'Posted by Ruth Anker on March 4, 2020', 'By Ruth Anker - 4 March 2020']) {
      const d = parse(['Ferry strike ends', byline, ...reporting].join('\n'));
      assert.deepEqual([d.paragraphs, d.date], [reporting, '2020-03-04'], byline);
    }
    // A day and a place after "By" name no one.
    for (const line of ['By Tuesday in Kirkwall', 'By Tuesday In Kirkwall']) assert.deepEqual(parse(['Ferry strike ends', line, ...reporting].join('\n')).paragraphs, [line, ...reporting]);
    // Above the headline, a byline is not taken for one.
    assert.equal(parse(['By Ruth Anker', 'Ferry strike ends', ...reporting].join('\n')).title, 'Ferry strike ends');

    // A headline that opens with "By" is still the headline; a byline whose name is also a word or a month is a byline.
    for (const headline of ['By Popular Demand', 'BY THE NUMBERS', 'By Tuesday Evening']) {
      assert.equal(parse([headline, ...reporting].join('\n')).title, headline);
    }
    for (const byline of ['By The Orkney Ledger', 'By Our Island Staff', 'By May Anker', 'By Summer Vell']) {
      assert.deepEqual(parse(['Ferry strike ends', byline, ...reporting].join('\n')).paragraphs, reporting, byline);
    }
    for (const sentence of ['By noon the first ferry had sailed.', 'By noon the first ferry had sailed', 'By Friday Crews Had Voted To Return.']) {
      assert.deepEqual(parse(['Ferry strike ends', sentence, ...reporting].join('\n')).paragraphs, [sentence, ...reporting], sentence);
    }
  });

  test('the dateline outlet is read from the first paragraph of reporting, with or without a place or a date', () => {
    const above = 'Ferry strike ends\nBy Ruth Anker\n12 June 2019\n';
    const forms: Array<[string, string]> = [
      ['STROMVIK, Orkney (Reuters) - Ferry crews returned to work on Friday.', 'Reuters'],
      ['STROMVIK, June 10 (AFP) — Ferry crews returned to work on Friday.', 'AFP'],
      ['Stromvik, Orkney, Jun. 10 (Northern Wire) -- Ferry crews returned to work on Friday.', 'Northern Wire'],
      ['(UPI) -- Ferry crews returned to work on Friday.', 'UPI'],
      ['(UPI) – Ferry crews returned to work on Friday.', 'UPI'],
    ];
    for (const [first, outlet] of forms) {
      const d = parse(`${above}${first}\nSailings resume on Saturday.`);
      assert.equal(d.outlet, outlet, first);
      assert.equal(d.paragraphs[0], first, 'the dateline stays part of its paragraph');
      // The date in a dateline has no year, and none is guessed.
      assert.equal(d.date, '2019-06-12', first);
      const headless = parse(`${first}\nSailings resume on Saturday.`);
      assert.equal(headless.date, undefined, first);
      // With no headline, the title leads with the news, not with where and by whom it was filed.
      assert.equal(headless.title, 'Ferry crews returned to work on Friday.', first);
    }
    // An editor's label in parentheses is no outlet, nor is a lawmaker's party and state; a lead keeps them.
    assert.equal(parse('(Updated) - Ferry crews returned to work on Friday.\nSailings resume on Saturday.').outlet, undefined);
    const senator = parse('Sen. Ines Varga (D-Ore.) — a critic of the board — said fares would rise again.\nSailings resume on Saturday.');
    assert.equal(senator.outlet, undefined);
    assert.ok(senator.title.startsWith('Sen. Ines Varga (D-Ore.)'), senator.title);
  });

  test('outlets in the other ways wires and web pages give them', () => {
    const later = '\nThe union will vote next week.';
    // Indian wires close the dateline without a dash; the title leads past it.
    const pti = parse(`Mumbai, Jan 12 (IANS) The state government announced a relief package for farmers.${later}`);
    assert.deepEqual([pti.outlet, pti.title], ['IANS', 'The state government announced a relief package for farmers.']);
    assert.equal(parse(`Monsoon nears Kerala\nNew Delhi, May 28 (PTI) The monsoon is likely to reach Kerala by June 3.${later}`).outlet, 'PTI');
    // The older AP wire writes an underscore, under an agency byline that is not reporting.
    const ap = parse(`Shipyard strike ends\nAssociated Press Writer\nNORFOLK, Va. (AP) _ Workers at the shipyard voted Sunday to end a strike.${later}`);
    assert.equal(ap.outlet, 'AP');
    assert.ok(ap.paragraphs[0]!.startsWith('NORFOLK'), ap.paragraphs[0]);
    // A web page's title names its site, and the page repeats the headline under it.
    const bbc = parse(`Ferry firm fined over overcrowding - BBC News\nFerry firm fined over overcrowding\nThe operator has been fined £310,000.${later}`);
    assert.deepEqual([bbc.title, bbc.outlet, bbc.paragraphs[0]], ['Ferry firm fined over overcrowding', 'BBC News', 'The operator has been fined £310,000.']);
    assert.deepEqual([parse(`Ferry firm fined | The Kelby Courier\nThe operator was fined.${later}`).outlet], ['The Kelby Courier']);
    // Under an Indian wire story: the sign-off over the desk's initials, the desk codes, and an inputs credit.
    const ians = parse(`Relief for farmers\nMumbai, Jan 12 (IANS) The state announced relief for farmers.${later}\n--IANS\nsk/vm\n`);
    assert.deepEqual([ians.outlet, ians.paragraphs.length], ['IANS', 2]);
    assert.deepEqual(parse(`Curfew extended\nKolkata: The curfew was extended till January 31.${later}\n(With inputs from PTI)\nPTI ABC XYZ KRS\n`).paragraphs.length, 2);
    assert.equal(parse(`Ferry firm fined | Kelby Evening Post\nThe operator was fined.${later}`).outlet, 'Kelby Evening Post');
    assert.equal(parse(`New Delhi, Aug 4 (ANI): The court sought the ministry's reply.${later}`).outlet, 'ANI');
    // An agency's name ending a sentence wrapped over the last line is no sign-off; indented under a table, it is.
    assert.equal(parse('Belltown Foods 4th qtr net\n\n    CHICAGO, March 2 - Shr 41 cts vs 38 cts\n    Net 12.1 mln vs 11.3 mln\n Reuter\n').outlet, 'Reuters');
    const wrapped = parse('Talks resume\n\nThe talks were reported first by the state news agency\nXinhua\n');
    assert.deepEqual([wrapped.outlet, wrapped.paragraphs], [undefined, ['The talks were reported first by the state news agency\nXinhua']]);
    assert.equal(parse('Talks resume\n\nThe talks were carried by:\nXinhua\n').outlet, undefined);
    // A headline's own dash, a section after a bar or a lawmaker's party are no outlet.
    assert.deepEqual([parse(`Why I quit | The Atlantic\nThe writer quit.${later}`).outlet], ['The Atlantic']);
    for (const text of [`Storms - what we know\nThe storm hit on Monday.${later}`, `Ferry firm fined | Local\nThe operator was fined.${later}`, `Opinion | The Fed Is Wrong Again\nThe Fed raised rates.${later}`,
      `Opinion | Here Comes The Sun\nThe sun came.${later}`, `Brexit talks | The Week Ahead\nTalks resume.${later}`, `Sen. Ines Varga (Democrat) Voted against the plan on Friday.${later}`]) {
      assert.equal(parse(text).outlet, undefined, text);
    }
  });

  test('a dateline with its year dates the article; the old wire form puts the outlet after a dash', () => {
    const later = '\nSailings resume on Saturday.';
    const dated = parse(`STROMVIK, Orkney, June 10, 2019 (Reuters) - Ferry crews returned to work on Friday.${later}`);
    assert.equal(dated.outlet, 'Reuters');
    assert.equal(dated.date, '2019-06-10');
    assert.equal(dated.title, 'Ferry crews returned to work on Friday.');
    // A date line above the dateline says when the article ran, which wins over when it was filed.
    assert.equal(parse(`12 June 2019\nSTROMVIK, June 10, 2019 (AFP) — Ferry crews returned to work.${later}`).date, '2019-06-12');
    const wire = parse(`Stromvik, Ore., June 10 -- (AP) -- Ferry crews returned to work on Friday.${later}`);
    assert.equal(wire.outlet, 'AP');
    assert.equal(wire.date, undefined, 'a dateline without a year gives no date');
    assert.equal(wire.title, 'Ferry crews returned to work on Friday.');
    assert.equal(parse(`LONDON, March 3rd, 2014 (Reuters) - Ferry crews returned to work.${later}`).date, '2014-03-03');
    // A label or a party in the dateline's place is no outlet.
    assert.equal(parse(`Results, June 1, 2019 (Provisional) - The list follows.${later}`).outlet, undefined);
    assert.equal(parse(`Sen. Ines Varga -- (D) -- voted against the fares.${later}`).outlet, undefined);
    // A dash before parentheses elsewhere in a lead is no dateline.
    assert.equal(parse(`The ferry -- (the old one) -- sailed on Friday.${later}`).outlet, undefined);
  });

  test('ordinal dates read as dates', () => {
    assert.equal(toIsoDate('3rd March 2014'), '2014-03-03');
    assert.equal(toIsoDate('March 21st, 2014'), '2014-03-21');
    assert.equal(toIsoDate('Sunday 2nd November 2014'), '2014-11-02');
    assert.equal(parse('Ferry strike ends\nPublished 22nd June 2019\nFerry crews returned to work.\nSailings resume.').date, '2019-06-22');
    assert.equal(toIsoDate('31st June 2014'), undefined);
  });

  test('a date is one the calendar has, or none', () => {
    assert.equal(toIsoDate('Sept. 30, 2014'), '2014-09-30');
    assert.equal(toIsoDate('Sept. 31, 2014'), undefined);
    assert.equal(toIsoDate('2015-02-29'), undefined);
    assert.equal(toIsoDate('2016-02-29'), '2016-02-29');
  });

  test('a header line, a furniture check and a trailing credit read a long run of spaces without searching it over and over', () => {
    // Each once took seconds on such a line; now none reads a header or a credit into it.
    const d = parse(`Title: a${' \t'.repeat(40_000)}b\nThe port closed on Monday, officials said. –${' '.repeat(40_000)}(Reuters`);
    assert.equal(d.outlet, undefined);
    assert.equal(d.paragraphs.length, 2);
  });
});

describe('Markdown front matter', () => {
  test('title, date, outlet and url from front matter win over the text', async (t) => {
    const dir = await tempCorpus(t, {
      'story.md': [
        '---',
        'title: Front matter title',
        'date: 2020-05-01',
        'outlet: Front Outlet',
        'url: https://example.com/story',
        '---',
        'date 2016-10-06 # Headline in the body',
        '',
        'Government forces advanced on Thursday, a **monitor** said, citing [sources](https://example.com/sources).',
        '',
        'The advance slowed later. – (Reuters)',
        '',
      ].join('\n'),
      'wire.md': ['---', 'title: "Wire story: talks resume"', 'date: May 2, 2020', 'source: Wire Agency', 'url: https://example.com/wire', '---', '', '# Talks resume in Geneva', '', 'Talks resumed in Geneva on Saturday, the envoy said.', ''].join('\n'),
    });
    const { documents } = await loadCorpus(dir);
    const story = documents.find((d) => d.id === 'story.md');
    assert.ok(story);
    assert.equal(story.title, 'Front matter title');
    assert.equal(story.date, '2020-05-01');
    assert.equal(story.outlet, 'Front Outlet');
    assert.equal(story.url, 'https://example.com/story');
    assert.ok(story.paragraphs.includes('Government forces advanced on Thursday, a monitor said, citing sources.'), JSON.stringify(story.paragraphs));
    for (const paragraph of story.paragraphs) assert.ok(!/^---|title:|url:|\*\*|\]\(/.test(paragraph), paragraph);

    const wire = documents.find((d) => d.id === 'wire.md');
    assert.ok(wire);
    assert.equal(wire.title, 'Wire story: talks resume');
    assert.equal(wire.date, '2020-05-02');
    assert.equal(wire.outlet, 'Wire Agency');
    assert.equal(wire.url, 'https://example.com/wire');
    assert.deepEqual(wire.paragraphs, ['Talks resumed in Geneva on Saturday, the envoy said.']);
  });

  test('front matter that is not strict YAML, in TOML, under other keys or in a plain-text file is read too', () => {
    const body = 'Two dock workers were injured in a fire at Pier 9 on Sunday night.\n\nFire crews took two hours to bring it under control.\n';
    const colon = parse(`---\ntitle: Harbour fire: two injured\npublished: 14/06/2021\npublisher: Coast Gazette\n---\n${body}`, true);
    assert.deepEqual([colon.title, colon.date, colon.outlet], ['Harbour fire: two injured', '2021-06-14', 'Coast Gazette']);
    const toml = parse(`+++\ntitle = "Harbour fire leaves two injured"\ndate = 2021-06-14T18:30:00Z\n+++\n${body}`, true);
    assert.deepEqual([toml.title, toml.date, toml.paragraphs.length], ['Harbour fire leaves two injured', '2021-06-14', 2]);
    const plain = parse(`---\ntitle: Harbour fire leaves two injured\ndate: 2021-06-14\n---\n${body}`);
    assert.deepEqual([plain.title, plain.date, plain.paragraphs.length], ['Harbour fire leaves two injured', '2021-06-14', 2]);
    // When the article first ran is its date, whichever line comes first.
    assert.equal(parse(`Updated: 8 October 2016\nPublished: 6 October 2016\n\n${body}`).date, '2016-10-06');
    // Keys in any case, other names for them, a time after the date.
    const keys = parse(`---\nHeadline: Harbour fire\nPubDate: 2021-06-14 18:30\nPublication: Coast Gazette\n---\n${body}`, true);
    assert.deepEqual([keys.title, keys.date, keys.outlet], ['Harbour fire', '2021-06-14', 'Coast Gazette']);
    // YAML that parses is read whatever else it holds (lists, folded titles, keys Newsdesk does not use), in a
    // plain-text file too; a title is a title however long.
    const tagged = parse(`---\ntitle: >\n  Harbour fire leaves two\n  injured\ntags: [fire, harbour]\nauthor:\n  - Jane Holt\ndate: 2021-06-14\n---\n${body}`);
    assert.deepEqual([tagged.title, tagged.date, tagged.paragraphs.length], ['Harbour fire leaves two injured', '2021-06-14', 2]);
    const long = `Harbour fire ${'and its long aftermath '.repeat(8)}`.trim();
    assert.equal(parse(`---\ntitle: ${long}\n---\n${body}`, true).title, long);
    // Between two rules, prose that names no key is text, in Markdown too.
    const ruledProse = parse(`---\nThe council voted on Monday to close the library.\n\nIt will shut in May, officials said.\n---\n${body}`, true);
    assert.equal(ruledProse.paragraphs.length, 4, JSON.stringify(ruledProse.paragraphs));
    // In a plain-text file, a rule of dashes around text is text, even when a line of it reads like a key.
    assert.equal(parse(`---\nFire at Pier 9\n---\n${body}`).title, 'Fire at Pier 9');
    const ruled = parse(`---\nLibrary to close\n\nThe council voted to close the library.\n\nSource: council minutes\n---\nCorrection: an earlier version gave the wrong date.\n`);
    assert.deepEqual([ruled.title, ruled.outlet, ruled.paragraphs.length], ['Library to close', undefined, 3]);
  });

  test('a Markdown file without front matter takes its "#" headline as title', () => {
    const d = parse('# Talks resume in Geneva\n\nTalks resumed in Geneva on Saturday, the envoy said.\n\nNo deal is expected.\n', true);
    assert.equal(d.title, 'Talks resume in Geneva');
    assert.deepEqual(d.paragraphs, ['Talks resumed in Geneva on Saturday, the envoy said.', 'No deal is expected.']);
  });
});

describe('paragraph layouts', () => {
  test('one paragraph per line', () => {
    const d = parse('Aid convoy reaches besieged town\nAn aid convoy reached the besieged town on Monday, the Red Cross said.\nIt carried food for 20,000 people.\n“We need more,” a doctor said.\n');
    assert.equal(d.title, 'Aid convoy reaches besieged town');
    assert.deepEqual(d.paragraphs, ['An aid convoy reached the besieged town on Monday, the Red Cross said.', 'It carried food for 20,000 people.', '“We need more,” a doctor said.']);
  });

  test('blank-line separated, with a hard-wrapped paragraph joined and a headline over its first paragraph', () => {
    const wrapped = [
      'The first paragraph of this report was hard-wrapped at about seventy',
      'characters by the tool that saved it, so each of its lines stops in',
      'the middle of a sentence and the loader must read them as one.',
    ];
    const text = ['Convoy reaches town', 'A convoy reached the besieged town on Monday, officials said.', '', ...wrapped, '', 'A short closing paragraph.', ''].join('\n');
    const d = parse(text);
    assert.equal(d.title, 'Convoy reaches town');
    assert.equal(d.paragraphs.length, 3, JSON.stringify(d.paragraphs));
    assert.equal(d.paragraphs[0], 'A convoy reached the besieged town on Monday, officials said.');
    assert.equal(d.paragraphs[1]!.replace(/\s+/g, ' '), wrapped.join(' '));
    assert.ok(text.includes(d.paragraphs[1]!), 'the joined paragraph is still verbatim text of the file');
    assert.equal(d.paragraphs[2], 'A short closing paragraph.');
  });

  test('blank-line separated, with a block of long one-line paragraphs that is not joined', () => {
    const block = [
      'The minister resigned on Tuesday after a week of protests in the capital, in which tens of thousands of people marched on parliament.',
      'Officials said a successor would be named within days, although no candidate has yet emerged from the ruling coalition of four parties.',
      'Markets rose on the news.',
    ];
    const d = parse(['Minister resigns', '', ...block, '', 'A closing paragraph after a blank line.', ''].join('\n'));
    assert.equal(d.title, 'Minister resigns');
    assert.deepEqual(d.paragraphs, [...block, 'A closing paragraph after a blank line.']);
  });

  test('blank-line separated, with a block of short one-line paragraphs that is not joined', () => {
    const block = [
      'The minister resigned on Tuesday after a week of protests in the capital.',
      'Officials said a successor would be named within days.',
      'Markets rose on the news.',
    ];
    const d = parse(['Minister resigns', '', ...block, '', 'A closing paragraph after a blank line.', ''].join('\n'));
    assert.deepEqual(d.paragraphs, [...block, 'A closing paragraph after a blank line.']);
  });

  test('a file hard-wrapped throughout: a paragraph whose line breaks where a sentence ends is still one paragraph', () => {
    const text = [
      'Ferry fares to rise',
      '',
      'The harbour board voted on Tuesday to raise ferry fares by a tenth',
      'from the spring, its third rise in as many years, the board chairman',
      'said after the vote.',
      '',
      'Councillors had asked the harbour board to wait for the report of Mrs.',
      'Ines Varga, which is due in March.',
      '',
      'The fare for a car and driver will rise from the spring to 41 pounds.',
      'Foot passengers will pay 6 pounds, up from 5.50, and children under',
      'twelve travel free as before.',
      '',
      'Season tickets are unchanged for a year, and the night crossing keeps',
      'its lower fare until the new timetable starts in the autumn.',
      '',
    ].join('\n');
    const d = parse(text);
    assert.equal(d.title, 'Ferry fares to rise');
    assert.equal(d.paragraphs.length, 4, JSON.stringify(d.paragraphs));
    assert.match(d.paragraphs[1]!, /^Councillors[^]*Ines Varga, which is due in March\.$/);
    assert.match(d.paragraphs[2]!, /^The fare for a car[^]*as before\.$/);
    for (const paragraph of d.paragraphs) assert.ok(text.includes(paragraph), 'each paragraph is verbatim text of the file');
    // Its sentences are read across the line breaks.
    assert.deepEqual(sentences(d.paragraphs[2]!).map((x) => x.replace(/\s+/g, ' ')), [
      'The fare for a car and driver will rise from the spring to 41 pounds.',
      'Foot passengers will pay 6 pounds, up from 5.50, and children under twelve travel free as before.',
    ]);
  });

  test('a hard-wrapped file keeps its subheads, lists, one long line and Markdown links apart from its paragraphs', () => {
    const wrapped = [
      'The harbour board voted on Tuesday to raise ferry fares by a tenth',
      'from the spring, its third rise in as many years, the board chairman',
      'said after the vote.',
    ];
    const text = [
      '## Ferry fares to rise',
      '',
      ...wrapped,
      '',
      '## Background',
      'The crossing has lost money for four years, according to the [annual',
      'report](https://example.org/harbour/annual-report-2019.pdf) the board',
      'published in March, and the old boats need new engines soon.',
      '',
      'Key facts:',
      '- Cars: 41 pounds',
      '- Foot passengers: 6 pounds',
      '',
      'Source: the harbour board’s fares notice, at https://example.org/harbour/fares',
      '',
      'Season tickets are unchanged for a year, and the night crossing keeps',
      'its lower fare until the new timetable starts in the autumn.',
      '',
    ].join('\n');
    const d = parse(text, true);
    assert.equal(d.title, 'Ferry fares to rise');
    assert.deepEqual(
      d.paragraphs.map((p) => p.replace(/\s+/g, ' ')),
      [
        wrapped.join(' '),
        'Background',
        'The crossing has lost money for four years, according to the annual report the board published in March, and the old boats need new engines soon.',
        'Key facts:',
        '- Cars: 41 pounds',
        '- Foot passengers: 6 pounds',
        'Source: the harbour board’s fares notice, at https://example.org/harbour/fares',
        'Season tickets are unchanged for a year, and the night crossing keeps its lower fare until the new timetable starts in the autumn.',
      ],
    );
  });

  test('a wrapped list item carries on over its lines, and a dash that wrapping puts first on a line carries on its sentence', () => {
    const text = [
      'The harbour board voted on Tuesday to raise ferry fares by a tenth',
      'from the spring, its third rise in as many years, the board chairman',
      'said after the vote. Engineers will spend the winter on the crane rails',
      '- a job the board said would take until the spring - and on the quay',
      'walls, which the floods damaged last year.',
      '',
      'Key facts:',
      '- Schools on the island get free crossings for pupils and teachers',
      'from the spring, paid for by the county council.',
      '- Foot passengers: 6 pounds',
      '',
    ].join('\n');
    assert.deepEqual(
      parse(text).paragraphs.map((p) => p.replace(/\s+/g, ' ')),
      [
        'The harbour board voted on Tuesday to raise ferry fares by a tenth from the spring, its third rise in as many years, the board chairman said after the vote. Engineers will spend the winter on the crane rails - a job the board said would take until the spring - and on the quay walls, which the floods damaged last year.',
        'Key facts:',
        '- Schools on the island get free crossings for pupils and teachers from the spring, paid for by the county council.',
        '- Foot passengers: 6 pounds',
      ],
    );
  });

  test('wire copy: no blank lines, each paragraph indented and wrapped; a wrapped word that looks like furniture stays', () => {
    const text = [
      'FERRY FARES TO RISE',
      '    The harbour board voted on Tuesday to raise ferry fares by a tenth',
      'from the spring, after floods damaged the quay at the ferry',
      'home.',
      '    The fare for a car and driver will rise to 41 pounds, the board',
      'said.',
      '',
    ].join('\n');
    const d = parse(text);
    assert.equal(d.title, 'FERRY FARES TO RISE');
    assert.deepEqual(
      d.paragraphs.map((p) => p.replace(/\s+/g, ' ')),
      ['The harbour board voted on Tuesday to raise ferry fares by a tenth from the spring, after floods damaged the quay at the ferry home.', 'The fare for a car and driver will rise to 41 pounds, the board said.'],
    );
    // A wrapped sentence is one sentence, its line break no boundary.
    assert.equal(sentences(d.paragraphs[1]!).length, 1);
  });

  test('one paragraph per line with an indented quotation is not read as wire copy', () => {
    const lines = ['Poet honoured', 'The town honoured its poet on Sunday with a reading in the square.', '    “The tide goes out, the tide comes in,', '    and the harbour lights come on.”', 'The reading ended with a minute of silence.'];
    const d = parse(lines.join('\n'));
    assert.equal(d.paragraphs.length, 4, JSON.stringify(d.paragraphs));
  });

  test('CRLF line endings and a byte-order mark leave no trace in the text', () => {
    const bytes = Buffer.from('\uFEFFTalks resume\r\nTalks resumed in Geneva on Saturday, the envoy said.\r\nNo deal is expected.\r\n', 'utf8');
    const d = parseArticle('crlf.txt', bytes);
    assert.ok(isDocument(d));
    assert.equal(d.title, 'Talks resume');
    assert.deepEqual(d.paragraphs, ['Talks resumed in Geneva on Saturday, the envoy said.', 'No deal is expected.']);
  });

  test('curly and straight quotes are kept as written', () => {
    const d = parse('The mayor said “we will stay” and the governor said "we will go".\nHe called it the city’s \'last chance\'.');
    assert.deepEqual(d.paragraphs, ['The mayor said “we will stay” and the governor said "we will go".', 'He called it the city’s \'last chance\'.']);
  });
});

describe('loading a folder', () => {
  const GOOD = 'Talks resume in Geneva\nTalks resumed in Geneva on Saturday, the envoy said.\nNo deal is expected.\n';

  test('files that are not text are skipped with a reason naming them, and the rest load', async (t) => {
    const dir = await tempCorpus(t, {
      'good.txt': GOOD,
      'good.md': '# Convoy reaches town\n\nA convoy reached the town on Monday.\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'latin1.txt': Buffer.from('Le caf\xe9 de la gare a ferm\xe9 ses portes lundi.\n', 'latin1'),
      'empty.txt': '',
      'blank.md': '  \n\t\n   \n',
      'furniture.txt': 'Share\n\nAdvertisement\nTweet\n\nShare this article\n',
      'nested/deeper/bad.txt': Buffer.from([0x48, 0x69, 0x00, 0x21]),
    });
    const told: SkippedFile[] = [];
    const corpus = await loadCorpus(dir, { onSkip: (file) => told.push(file) });
    assert.deepEqual(corpus.documents.map((d) => d.id), ['good.md', 'good.txt']);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.path, s.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['binary.txt', 'blank.md', 'empty.txt', 'furniture.txt', 'latin1.txt', 'nested/deeper/bad.txt']);
    assert.match(reasons['binary.txt']!, /binary/i);
    assert.match(reasons['nested/deeper/bad.txt']!, /binary/i);
    assert.match(reasons['latin1.txt']!, /UTF-8/i);
    assert.match(reasons['empty.txt']!, /empty/i);
    assert.match(reasons['blank.md']!, /empty/i);
    assert.match(reasons['furniture.txt']!, /furniture|no article text/i);
    assert.deepEqual([...told].sort((a, b) => a.path.localeCompare(b.path)), corpus.skipped);
  });

  test('openIndex warns about every skipped file by name and still indexes the rest', async (t) => {
    const dir = await tempCorpus(t, { 'good.txt': GOOD, 'binary.txt': Buffer.from([0x00, 0x01, 0x02]), 'empty.txt': '' });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const log = pino({ level: 'warn' }, sink);
    const { index, skipped } = await openIndex(dir, path.join(dir, '.index', 'index.json'), log);
    assert.deepEqual(index.documents.map((d) => d.id), ['good.txt']);
    assert.deepEqual(skipped.map((s) => s.path), ['binary.txt', 'empty.txt']);
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => entry.level >= 40);
    for (const name of ['binary.txt', 'empty.txt']) assert.ok(warnings.some((w) => w.msg.includes(name)), `no warning names ${name}: ${JSON.stringify(warnings)}`);
  });

  test('nested folders give ids with "/", and only .txt and .md files are read', async (t) => {
    const dir = await tempCorpus(t, {
      'top.md': GOOD,
      '2016/oct/aleppo.txt': GOOD,
      '2016/oct/notes.json': '{"note": "Talks resumed in Geneva on Saturday."}',
      '2016/page.html': '<p>Talks resumed in Geneva on Saturday.</p>',
      'README': GOOD,
      'story.txt.bak': GOOD,
      'photo.png': GOOD,
    });
    assert.deepEqual(await listArticleFiles(dir), ['2016/oct/aleppo.txt', 'top.md']);
    const corpus = await loadCorpus(dir);
    assert.deepEqual(corpus.documents.map((d) => d.id), ['2016/oct/aleppo.txt', 'top.md']);
    assert.deepEqual(corpus.skipped, []);
  });

  test('a missing corpus folder, or a file given as one, throws CorpusError', async (t) => {
    const missing = path.join(os.tmpdir(), `newsdesk-missing-${process.pid}-${Date.now()}`);
    await assert.rejects(loadCorpus(missing), (error: unknown) => error instanceof CorpusError && error.message.includes(missing));
    await assert.rejects(listArticleFiles(missing), CorpusError);
    const dir = await tempCorpus(t, { 'good.txt': GOOD });
    await assert.rejects(loadCorpus(path.join(dir, 'good.txt')), CorpusError);
  });

  test('an empty folder loads as an empty corpus', async (t) => {
    const dir = await tempCorpus(t, {});
    const corpus = await loadCorpus(dir);
    assert.deepEqual(corpus.documents, []);
    assert.deepEqual(corpus.skipped, []);
  });
});
