import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Choice, MessageBody } from '../src/bot/api.ts';
import { commandDefinitions } from '../src/bot/commands/index.ts';
import { parseLine } from '../src/local/parse.ts';
import { PLAIN, renderMarkdown } from '../src/local/print.ts';
import { tempCorpus } from './helpers/corpus.ts';
import { assertFitsDiscord } from './helpers/discordRules.ts';
import { runScript, type ScriptRun } from './helpers/runScript.ts';

const parse = (line: string) => parseLine(line, commandDefinitions);

describe('the local client reads lines as typed in Discord', () => {
  it('parses commands with options, typed as in Discord', () => {
    assert.deepEqual(parse('/ask question: how many rations are left top: 2'), { kind: 'command', command: 'ask', options: { question: 'how many rations are left', top: 2 } });
    assert.deepEqual(parse('/source id: 001_9af66bd40fa38a69.txt paragraph: 3'), { kind: 'command', command: 'source', options: { id: '001_9af66bd40fa38a69.txt', paragraph: 3 } });
    assert.deepEqual(parse('/ask question: is it true? private: yes'), { kind: 'command', command: 'ask', options: { question: 'is it true?', private: true } });
    assert.deepEqual(parse('  /SOURCES  '), { kind: 'command', command: 'sources', options: {} });
    assert.deepEqual(parse('/help'), { kind: 'command', command: 'help', options: {} });
  });

  it('fills the first required option with text typed before any option name', () => {
    assert.deepEqual(parse('/ask who bombed Aleppo top: 1'), { kind: 'command', command: 'ask', options: { question: 'who bombed Aleppo', top: 1 } });
  });

  it('only treats the command’s own option names as markers', () => {
    assert.deepEqual(parse('/ask question: what does note: mean here'), { kind: 'command', command: 'ask', options: { question: 'what does note: mean here' } });
  });

  it('leaves malformed values for the handler to refuse, as Discord would', () => {
    assert.deepEqual(parse('/ask question: x top: two'), { kind: 'command', command: 'ask', options: { question: 'x', top: 'two' } });
  });

  it('reads button presses, autocomplete requests, comments and quit', () => {
    assert.deepEqual(parse('press More'), { kind: 'press', button: 'More' });
    assert.deepEqual(parse('press 2'), { kind: 'press', button: '2' });
    assert.deepEqual(parse('complete /ask question: x source: alep'), { kind: 'complete', command: 'ask', focused: 'source', options: { question: 'x', source: 'alep' } });
    assert.deepEqual(parse('# a comment'), { kind: 'nothing' });
    assert.deepEqual(parse(''), { kind: 'nothing' });
    assert.deepEqual(parse('quit'), { kind: 'quit' });
  });

  it('explains what it cannot read', () => {
    assert.equal(parse('/nope').kind, 'error');
    assert.match((parse('/nope') as { message: string }).message, /There is no \/nope\. Commands: \/ask, \/sources/);
    assert.equal(parse('hello').kind, 'error');
    assert.equal(parse('/help extra words').kind, 'error');
  });
});

describe('the local client prints messages as a person sees them', () => {
  it('renders escapes and keeps bold visible', () => {
    assert.equal(renderMarkdown('\\<@1> said \\*\\*hi\\*\\* **rations** `id_1.txt` @\u200beveryone', PLAIN), '<@1> said **hi** **rations** id_1.txt @everyone');
  });
});

let indexFile: Promise<string> | undefined;

/** Runs the local client as `npm run local` does, with lines on stdin. Runs share one saved index: the first builds it. */
async function runLocal(args: string[], lines: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  indexFile ??= tempCorpus().then((dir) => path.join(dir, 'index.json'));
  const index = await indexFile;
  return runScript('src/local/main.ts', args, {
    env: { ...process.env, CORPUS_DIR: 'seeds', INDEX_PATH: index, LOG_LEVEL: 'warn', ...env },
    stdin: `${lines.join('\n')}\n`,
  });
}

describe('npm run local -- --json', () => {
  it('runs the bot’s handlers on piped lines and prints one API body per message sent or edited, then exits', { timeout: 40_000 }, async () => {
    const run = await runLocal(
      ['--json'],
      [
        '/help',
        '/ask question: how many rations are left top: 2',
        '/ask who bombed Aleppo top: 1',
        'press More',
        'press Back',
        '/ask question: who bombed Aleppo private: true top: 1',
        'press Post to channel',
        '/source id: 001_9af66bd40fa38a69.txt paragraph: 3',
        'press ¶4',
        'press 9',
        '/sources',
        'complete /ask source: cluster',
        '/reload',
        '/ask question: top: 9',
        '/nonsense',
        'press More',
      ],
    );
    assert.equal(run.code, 0, run.stderr);
    const bodies = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as MessageBody & { choices?: Choice[] });
    const messages = bodies.filter((b) => !('choices' in b));
    for (const body of messages) assertFitsDiscord(body);
    const [help, rations, bombed, more, back, privately, posted, source, next, sources, choices, reload, invalid] = bodies;
    assert.equal(bodies.length, 13, run.stdout);
    assert.equal(help!.flags, 64);
    assert.match(help!.embeds![0]!.description!, /`\/ask question \[top\] \[source\] \[private\]`/);
    assert.equal(rations!.content, '**Q:** how many rations are left');
    assert.match(rations!.embeds![0]!.description!, /4000 food \*\*rations left\*\*/);
    assert.equal(bombed!.embeds!.length, 1);
    assert.equal(bombed!.components![0]!.components[0]!.label, 'More');
    assert.match(more!.embeds![0]!.footer!.text, /^Answer 2 of/);
    assert.deepEqual(back!.embeds, bombed!.embeds);
    assert.deepEqual(privately!.components![0]!.components.map((b) => b.label), ['More', 'Post to channel']);
    assert.equal(posted!.flags, undefined);
    assert.deepEqual(posted!.embeds, privately!.embeds);
    assert.match(source!.embeds![0]!.description!, /^¶3 of 13\n/);
    assert.match(next!.embeds![0]!.description!, /^¶4 of 13\n/);
    assert.equal(sources!.embeds![0]!.title, 'Sources');
    assert.deepEqual(choices, { choices: [{ name: 'Cluster Bombs Leave Aleppo In Flames And Truce In Tatters · 002_04a37cd5f8b22a37.txt', value: '002_04a37cd5f8b22a37.txt' }] });
    assert.equal(reload!.flags, 64);
    assert.match(reload!.content!, /Only moderators/);
    assert.equal(invalid!.flags, 64);
    assert.match(invalid!.content!, /`question` is required/);
    assert.match(run.stderr, /There is no \/nonsense/);
    assert.match(run.stderr, /The last buttons were: \[1 ¶3\] \[2 ¶5\]/);
    assert.match(run.stderr, /The last reply has no buttons\./);
  });

  it('prints a readable conversation without --json, here as a moderator', { timeout: 40_000 }, async () => {
    const run = await runLocal(['--as', 'moderator'], ['/ask question: how many rations are left', '/help', '/reload']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /── Newsdesk \(edited\)\n\*\*Q:\*\* how many rations are left\n {2}│ > .*4000 food \*\*rations left\*\*/);
    assert.match(run.stdout, /── Newsdesk · only you can see this\n {2}│ \*\*Newsdesk\*\*/);
    assert.match(run.stdout, /── Newsdesk \(edited\) · only you can see this\n {2}│ \*\*Reloaded\*\*\n {2}│ Now answering from 5 articles/);
  });

  it('stops with one clear line and exit code 1 on a bad setting', { timeout: 40_000 }, async () => {
    const bad = await runLocal(['--json'], [], { ASK_RATE_WINDOW_SECONDS: '-3' });
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr.trim(), 'Invalid setting ASK_RATE_WINDOW_SECONDS: must be a whole number');
  });
});
