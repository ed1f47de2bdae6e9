import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, escapeMarkdown, highlight, inline, truncateMarkdown } from '../src/render/markdown.ts';
import { oneLine, sanitize, truncate } from '../src/render/text.ts';
import { renderPlain } from '../src/render/plainText.ts';
import { assertOnlyOwnMarkup } from './helpers/discordRules.ts';

const NASTY = [
  '@everyone look',
  '@here and @Everyone',
  'ping <@123456789012345678> and <@!1> and role <@&42> and channel <#99>',
  'time <t:1700000000:R> emoji <:pepe:123> <a:dance:456> command </ask:1>',
  '**bold** __underline__ *it* _it_ ~~strike~~ ||spoiler||',
  '[click me](http://evil.example) and [x](<https://a.b>)',
  '# Heading',
  '## Sub heading',
  '-# subtext',
  '> quoted',
  '>>> quoted rest',
  '- item',
  '* item',
  '+ item',
  '1. numbered',
  '12) numbered',
  '```js\ncode fence\n```',
  'inline `code` here',
  'a lone backslash at the end \\',
  '\\*already escaped\\*',
  'C:\\path\\to\\file',
  '\u202eRTL override\u202c and \u2066isolate\u2069 and \u200fRLM',
  'zero\u200bwidth\u200c joiners\u200d and \ufeff BOM',
  'family 👩‍👩‍👧‍👦 flag 🇺🇦 skin 👍🏽 keycap 1️⃣',
  'Z' + '\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(10) + 'algo',
  'control\u0000chars\u0007here\u001b[31m',
  'lone \ud800 surrogate \udc00 halves',
  'line one\nline two\r\nline three',
];

describe('sanitize', () => {
  it('removes control characters, direction overrides and broken surrogates, and caps piles of combining marks', () => {
    assert.equal(sanitize('a\u0000b\u0007c\u001bd'), 'abcd');
    assert.equal(sanitize('x\u202ey\u202cz\u2066w\u2069'), 'xyzw');
    assert.equal(sanitize('keep \u200e\u200f marks'), 'keep \u200e\u200f marks');
    assert.equal(sanitize('a\ud800b\udc00c'), 'a\ufffdb\ufffdc');
    const zalgo = sanitize(`Z${'\u0301'.repeat(50)}`);
    assert.equal(zalgo, `Z${'\u0301'.repeat(4)}`);
    assert.equal(sanitize('Vi\u1ec7t ph\u1edf e\u0301\u0302'), 'Vi\u1ec7t ph\u1edf e\u0301\u0302');
    assert.equal(sanitize('tabs\tand\nnewlines stay'), 'tabs\tand\nnewlines stay');
    assert.equal(sanitize('👩‍👩‍👧‍👦🇺🇦'), '👩‍👩‍👧‍👦🇺🇦');
  });

  it('oneLine folds every run of whitespace, newlines included, into one space', () => {
    assert.equal(oneLine('  a\n\n b\r\n\tc  '), 'a b c');
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis within the limit', () => {
    assert.equal(truncate('short', 10), 'short');
    const cut = truncate('word '.repeat(100), 50);
    assert.ok(cut.length <= 50);
    assert.ok(cut.endsWith('…'));
  });

  it('never cuts an emoji, a flag or a letter from its accents', () => {
    const text = '👩‍👩‍👧‍👦'.repeat(20);
    for (let max = 1; max < 60; max++) {
      const cut = truncate(text, max);
      assert.ok(cut.length <= max, `max ${max}`);
      assert.ok(!/[\ud800-\udbff]$/.test(cut.replace(/…$/, '')), `split surrogate at ${max}`);
      assert.equal(cut.replace(/…$/, '').length % '👩‍👩‍👧‍👦'.length, 0, `split cluster at ${max}`);
    }
    assert.equal(truncate('🇺🇦🇺🇦🇺🇦', 5), '🇺🇦…');
    assert.equal(truncate('🇺🇦🇺🇦🇺🇦', 8), '🇺🇦…');
    assert.equal(truncate('e\u0301e\u0301e\u0301', 4), 'e\u0301…');
  });

  it('handles degenerate limits', () => {
    assert.equal(truncate('abcdef', 1), '…');
    assert.equal(truncate('abcdef', 0), '');
  });
});

describe('escapeMarkdown', () => {
  it('escapes everything Discord would format or resolve, and nothing shows differently', () => {
    for (const text of NASTY) assertOnlyOwnMarkup(escapeMarkdown(sanitize(text)), JSON.stringify(text));
  });

  it('breaks mass mentions with a zero-width space and backslashes mention brackets', () => {
    assert.equal(escapeMarkdown('@everyone @here'), '@\u200beveryone @\u200bhere');
    assert.equal(escapeMarkdown('<@123>'), '\\<@123>');
    assert.equal(escapeMarkdown('<@&1> <#2>'), '\\<@&1> \\<#2>');
  });

  it('escapes line-opening markers on every line but leaves them alone mid-line', () => {
    assert.equal(escapeMarkdown('# a\n- b\n> c\n2. d'), '\\# a\n\\- b\n\\> c\n2\\. d');
    assert.equal(escapeMarkdown('rebel-held 1. x > y'), 'rebel-held 1. x > y');
  });

  it('keeps ordinary news text readable', () => {
    const text = `"It's urgent," he said of the city's rebel-held part (about 20,000 people).`;
    assert.equal(escapeMarkdown(text), text);
  });

  it('escapes backslashes so an escape in the corpus cannot un-escape the next character', () => {
    assert.equal(escapeMarkdown('\\*x\\*'), '\\\\\\*x\\\\\\*');
    assertOnlyOwnMarkup(escapeMarkdown('end \\'));
  });
});

describe('inline and code', () => {
  it('inline puts outside text on one safe line', () => {
    const out = inline('# Title\n@everyone **now**');
    assert.ok(!out.includes('\n'));
    assertOnlyOwnMarkup(out);
  });

  it('code shows an id literally, and falls back to escaping when it holds a backtick', () => {
    assert.equal(code('001_9af66bd40fa38a69.txt'), '`001_9af66bd40fa38a69.txt`');
    assert.equal(code('a`b*c'), 'a\\`b\\*c');
    assertOnlyOwnMarkup(code('x`<@1>`y'));
  });
});

describe('highlight', () => {
  it('bolds whole-word matches in any case, escaping the rest', () => {
    assert.equal(highlight('Food rations left: 4000.', ['rations']), 'Food **rations** left: 4000.');
    assert.equal(highlight('RATIONS and rationsX', ['rations']), '**RATIONS** and rationsX');
  });

  it('joins matches that touch, overlap or stand one space apart into one bold run', () => {
    assert.equal(highlight('food rations left', ['rations', 'left', 'food']), '**food rations left**');
    assert.equal(highlight('United States', ['United States', 'States']), '**United States**');
  });

  it('keeps markers paired whatever the terms and text hold', () => {
    for (const text of NASTY) {
      const words = sanitize(text).split(/\s+/).filter(Boolean);
      assertOnlyOwnMarkup(highlight(text, words), JSON.stringify(text));
      assertOnlyOwnMarkup(highlight(text, ['*', '**', '\\', '<@', 'everyone', '']), JSON.stringify(text));
    }
  });

  it('cannot rebuild a mention by bolding part of it', () => {
    const out = highlight('@everyone <@123>', ['everyone', '123']);
    assertOnlyOwnMarkup(out);
  });
});

describe('truncateMarkdown', () => {
  it('returns short markdown unchanged', () => {
    assert.equal(truncateMarkdown('**a** b', 100), '**a** b');
  });

  it('never splits an escape, a code span or a grapheme, and closes an open bold run', () => {
    const markdown = `> ${highlight('word *star* `tick` <@1> 👩‍👩‍👧‍👦 rations '.repeat(30), ['rations', 'star'])} — \`001_abc.txt\``;
    for (let max = 1; max <= markdown.length; max += 7) {
      const cut = truncateMarkdown(markdown, max);
      assert.ok(cut.length <= max, `max ${max}: ${cut.length}`);
      if (max >= 6) assertOnlyOwnMarkup(cut, `cut at ${max}`);
      assert.ok(!/[\ud800-\udbff]$/.test(cut.replace(/…(\*\*)?$/, '')), `split surrogate at ${max}`);
    }
  });

  it('keeps a cut inside bold readable: the run is closed after the ellipsis', () => {
    assert.equal(truncateMarkdown('**abcdefghij**', 8), '**abc…**');
  });
});

describe('renderPlain', () => {
  it('quotes a hard-wrapped excerpt on one line, as the reply does', () => {
    const source = { id: 'r1.txt', title: 'MARROWAY CUTS DIVIDEND', outlet: 'Reuters', date: '1987-02-26' };
    const excerpt = 'Marroway said it would cut its dividend to 10 cts a\nshare, payable April 1 to holders of record March\n15.';
    const text = renderPlain({ question: 'When is the dividend paid?', answered: true, nearest: [], results: [{ excerpt, terms: [], source, paragraph: 3, score: 1, alsoIn: [] }] });
    assert.match(text, /^1\. “Marroway said it would cut its dividend to 10 cts a share, payable April 1 to holders of record March 15\.”$/m);
  });
});
