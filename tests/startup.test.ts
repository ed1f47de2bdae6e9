import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { commandDefinitions } from '../src/bot/commands/index.ts';
import { readSettings } from '../src/config.ts';
import { tempCorpus } from './helpers/corpus.ts';
import { runScript, type ScriptRun } from './helpers/runScript.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-part-of-the-token_0123456789';
const APP = '123456789012345678';
const GUILD = '876543210987654321';

let indexFile: Promise<string> | undefined;

/** Runs an entry point as its npm script does, with Discord settings only from `env`. */
async function run(script: string, env: Record<string, string | undefined>, stdin = ''): Promise<ScriptRun> {
  // Runs share one saved index: the first builds it.
  indexFile ??= tempCorpus().then((dir) => path.join(dir, 'index.json'));
  const index = await indexFile;
  const base: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: 'seeds', INDEX_PATH: index, LOG_LEVEL: 'info' };
  for (const key of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE']) delete base[key];
  return runScript(script, [], { env: { ...base, ...env }, stdin });
}

/** A stand-in for Discord's HTTP API that records requests and answers with `respond`. */
async function fakeApi(respond: (request: IncomingMessage, body: unknown) => { status: number; body: unknown }) {
  const requests: Array<{ method: string; url: string; body: unknown; authorization: string | undefined }> = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const body = text ? JSON.parse(text) : undefined;
      requests.push({ method: request.method!, url: request.url!, body, authorization: request.headers.authorization });
      const answer = respond(request, body);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, requests };
}

describe('npm start', () => {
  it('stops with one line naming a bad setting, exit code 1, and never prints the token', { timeout: 40_000 }, async () => {
    assert.throws(() => readSettings({ DISCORD_TOKEN: 'not a token, has spaces and is secret' }), {
      name: 'ConfigError',
      message: 'Invalid setting DISCORD_TOKEN: does not look like a bot token',
    });
    const badLimit = await run('src/main.ts', { ASK_RATE_LIMIT: '0', DISCORD_TOKEN: TOKEN });
    assert.equal(badLimit.code, 1);
    assert.equal(badLimit.stderr, 'Invalid setting ASK_RATE_LIMIT: must be greater than 0\n');
  });

  it('without a token, starts the local client on the same corpus and says how to connect to Discord', { timeout: 40_000 }, async () => {
    const result = await run('src/main.ts', {}, '/ask question: how many rations are left\n');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^No DISCORD_TOKEN set, so this is the local client on the same corpus\. To connect to Discord, set DISCORD_TOKEN/);
    assert.match(result.stdout, /4000 food \*\*rations left\*\*/);
  });

  it('with a token Discord rejects, exits 1 without printing the token', { timeout: 40_000 }, async () => {
    const api = await fakeApi(() => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }));
    const result = await run('src/main.ts', { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: api.base });
    assert.equal(result.code, 1);
    assert.ok(api.requests.some((r) => r.url === '/api/v10/gateway/bot'), JSON.stringify(api.requests));
    assert.equal(api.requests[0]!.authorization, `Bot ${TOKEN}`, 'the bot talks to the configured API');
    assert.ok(!result.stderr.includes('secret-part'), result.stderr);
    assert.ok(!result.stdout.includes('secret-part'));
    assert.match(result.stderr, /index ready|loaded saved index/, 'the index was opened before logging in');
  });
});

describe('npm run deploy-commands', () => {
  it('needs the token and the application id, and says so in one line', { timeout: 40_000 }, async () => {
    const result = await run('src/bot/deployCommands.ts', { DISCORD_TOKEN: TOKEN });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'deploy-commands needs DISCORD_CLIENT_ID: set it in .env or the environment (see .env.example).\n');
  });

  it('registers exactly the command definitions in the development server, and prints them', { timeout: 40_000 }, async () => {
    const api = await fakeApi((_request, body) => ({ status: 200, body: (body as Array<{ name: string }>).map((c, i) => ({ ...c, id: `90000000000000000${i}` })) }));
    const result = await run('src/bot/deployCommands.ts', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP, DISCORD_GUILD_ID: GUILD, DISCORD_API_BASE: api.base });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(api.requests.length, 1);
    assert.equal(api.requests[0]!.method, 'PUT');
    assert.equal(api.requests[0]!.url, `/api/v10/applications/${APP}/guilds/${GUILD}/commands`);
    assert.deepEqual(api.requests[0]!.body, JSON.parse(JSON.stringify(commandDefinitions)));
    assert.equal(
      result.stdout,
      [
        `Registered 5 commands in server ${GUILD} (available at once):`,
        '  /ask question [top] [source] [private]  id 900000000000000000',
        '  /sources [page]  id 900000000000000001',
        '  /source id [paragraph]  id 900000000000000002',
        '  /reload (Manage Server by default; not in DMs)  id 900000000000000003',
        '  /help  id 900000000000000004',
        '',
      ].join('\n'),
    );
  });

  it('registers globally without DISCORD_GUILD_ID, and reports a refusal in one line', { timeout: 40_000 }, async () => {
    const api = await fakeApi((request) => (request.url!.includes('/guilds/') ? { status: 200, body: [] } : { status: 403, body: { message: 'Missing Access', code: 50001 } }));
    const result = await run('src/bot/deployCommands.ts', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP, DISCORD_API_BASE: api.base });
    assert.equal(api.requests[0]!.url, `/api/v10/applications/${APP}/commands`);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Discord refused the commands: Missing Access\n$/);
    assert.ok(!result.stderr.includes('secret-part'));
  });
});
