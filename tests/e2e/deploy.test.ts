/**
 * End to end: `npm run deploy-commands` (src/bot/deployCommands.ts, run as its own process) against the local fake of
 * Discord, pointed at it only through DISCORD_API_BASE. What the fake received must be exactly the command
 * definitions of src/bot/commands — names, options, default member permissions, DM availability.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { commandDefinitions } from '../../src/bot/commands/index.ts';
import { FAKE_BOT_TOKEN, ROUTES, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord.ts';
import { environmentWith } from './environment.ts';

/** The definitions as JSON on the wire: what Discord should receive. */
const EXPECTED = JSON.parse(JSON.stringify(commandDefinitions)) as unknown;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs deploy-commands as `npm run deploy-commands` does (tsx), with only the given settings; killed after 20 s. */
function deployCommands(settings: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/deployCommands.ts'], {
      env: environmentWith(settings),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('npm run deploy-commands against a fake Discord', () => {
  let fake: FakeDiscord;

  before(async () => {
    fake = await startFakeDiscord();
  });

  after(() => fake.close());

  /** The registration requests received since `from` (a position in `fake.requests`). */
  const registrations = (from: number): RecordedRequest[] =>
    fake.requests.slice(from).filter((r) => r.route === ROUTES.putGuildCommands || r.route === ROUTES.putGlobalCommands);

  function assertExactlyTheDefinitions(request: RecordedRequest): void {
    assert.equal(request.method, 'PUT', 'PUT overwrites the whole set: no command is left over from an older version');
    assert.equal(request.headers.authorization, `Bot ${FAKE_BOT_TOKEN}`);
    assert.deepEqual(request.body, EXPECTED);

    // The same, spelled out for the properties a reader looks for first.
    const body = request.body as Array<Record<string, unknown>>;
    assert.deepEqual(
      body.map((c) => c.name),
      ['ask', 'sources', 'source', 'reload', 'help'],
    );
    const reload = body.find((c) => c.name === 'reload')!;
    assert.equal(reload.default_member_permissions, '32', 'Manage Server by default');
    assert.equal(reload.dm_permission, false);
    assert.deepEqual(reload.contexts, [0], 'servers only');
    for (const command of body.filter((c) => c.name !== 'reload')) {
      assert.equal(command.default_member_permissions, undefined, `${String(command.name)} is for everyone`);
      assert.deepEqual(command.contexts, [0, 1], `${String(command.name)} works in servers and in DMs`);
    }
    const ask = body.find((c) => c.name === 'ask')!;
    assert.deepEqual(
      (ask.options as Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean }>).map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false]),
      [
        ['question', 3, true, false],
        ['top', 4, false, false],
        ['source', 3, false, true],
        ['private', 5, false, false],
      ],
    );
  }

  it('registers exactly the command definitions in DISCORD_GUILD_ID, and prints their ids', { timeout: 30_000 }, async () => {
    const from = fake.requests.length;
    const { applicationId, guildId } = fake.world;
    const run = await deployCommands({
      DISCORD_TOKEN: FAKE_BOT_TOKEN,
      DISCORD_CLIENT_ID: applicationId,
      DISCORD_GUILD_ID: guildId,
      DISCORD_API_BASE: `${fake.url}/api`,
    });
    assert.deepEqual([run.code, run.signal], [0, null], run.stderr);

    const sent = registrations(from);
    assert.equal(sent.length, 1, 'one request');
    assert.equal(sent[0]!.path, `/api/v10/applications/${applicationId}/guilds/${guildId}/commands`);
    assertExactlyTheDefinitions(sent[0]!);

    // Discord now holds exactly those commands, and the script printed the ids Discord gave them.
    const held = (await (await fetch(`${fake.url}/api/v10/applications/${applicationId}/guilds/${guildId}/commands`)).json()) as Array<{
      name: string;
      id: string;
    }>;
    assert.deepEqual(
      held.map((c) => c.name),
      commandDefinitions.map((c) => c.name),
    );
    assert.match(run.stdout, new RegExp(`^Registered 5 commands in server ${guildId} \\(available at once\\):\n`));
    for (const command of held) assert.match(run.stdout, new RegExp(`^ {2}/${command.name}\\b.*  id ${command.id}$`, 'm'));
    assert.match(run.stdout, /^ {2}\/reload \(Manage Server by default; not in DMs\)/m);
  });

  it('registers the same definitions globally without DISCORD_GUILD_ID', { timeout: 30_000 }, async () => {
    const from = fake.requests.length;
    const { applicationId } = fake.world;
    const run = await deployCommands({
      DISCORD_TOKEN: FAKE_BOT_TOKEN,
      DISCORD_CLIENT_ID: applicationId,
      DISCORD_API_BASE: `${fake.url}/api`,
    });
    assert.deepEqual([run.code, run.signal], [0, null], run.stderr);

    const sent = registrations(from);
    assert.equal(sent.length, 1, 'one request');
    assert.equal(sent[0]!.route, ROUTES.putGlobalCommands);
    assert.equal(sent[0]!.path, `/api/v10/applications/${applicationId}/commands`);
    assertExactlyTheDefinitions(sent[0]!);
    assert.match(run.stdout, /^Registered 5 commands globally/);
  });
});
