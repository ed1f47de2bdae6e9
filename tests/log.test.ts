/** The log never carries a secret: the bot token, or an interaction token inside a Discord URL of an error. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../src/log.ts';

function capture(): { lines: string[]; stream: { write: (line: string) => void } } {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

test('interaction and webhook tokens in an error URL are scrubbed', () => {
  const { lines, stream } = capture();
  const log = createLogger('info', stream);
  const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdoaWprbG1ub3A';
  const error = Object.assign(new Error('Unknown interaction'), {
    url: `https://discord.com/api/v10/interactions/123456789012345678/${token}/callback`,
    requestBody: { json: { data: { content: 'hello' } } },
  });
  log.error({ err: error }, 'interaction failed');
  log.warn({ err: new Error(`PATCH /webhooks/987654321098765432/${token}/messages/@original failed`) }, 'edit failed');
  assert.equal(lines.length, 2);
  for (const line of lines) {
    assert.ok(!line.includes(token), line);
    assert.ok(line.includes('[redacted]'), line);
  }
});

test('the bot token is redacted', () => {
  const { lines, stream } = capture();
  createLogger('info', stream).info({ token: 'secret-token-value', DISCORD_TOKEN: 'secret-token-value' }, 'settings');
  assert.ok(!lines[0]!.includes('secret-token-value'));
});
