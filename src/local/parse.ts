import { OptionType } from '../bot/api.ts';
import type { CommandDefinition, OptionValue } from '../bot/commands/define.ts';

/**
 * Lines typed into the local client, written as in Discord's message box:
 *   /ask question: how many rations are left top: 2
 *   /source id: 001_9af66bd40fa38a69.txt paragraph: 3
 *   /ask how many rations are left            (text before any option fills the first required one)
 *   press More      press 1                   (a button of the last reply that showed buttons, by label or number)
 *   complete /ask source: alep                (what autocomplete would suggest for the last option)
 *   quit
 */
export type LocalInput =
  | { kind: 'command'; command: string; options: Record<string, OptionValue> }
  | { kind: 'complete'; command: string; focused: string; options: Record<string, OptionValue> }
  | { kind: 'press'; button: string }
  | { kind: 'quit' }
  | { kind: 'nothing' }
  | { kind: 'error'; message: string };

export function parseLine(line: string, commands: readonly CommandDefinition[]): LocalInput {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { kind: 'nothing' };
  if (/^(quit|exit)$/i.test(text)) return { kind: 'quit' };
  const press = /^press\s+(.+)$/i.exec(text);
  if (press) return { kind: 'press', button: press[1]!.trim() };
  const complete = /^complete\s+(\/.*)$/i.exec(text);
  if (complete) {
    const parsed = parseCommand(complete[1]!, commands);
    if (parsed.kind !== 'command') return parsed;
    const focused = parsed.order[parsed.order.length - 1];
    if (focused === undefined) return { kind: 'error', message: 'Say which option to complete, e.g. `complete /ask source: alep`.' };
    return { kind: 'complete', command: parsed.command, focused, options: parsed.options };
  }
  if (text.startsWith('/')) {
    const parsed = parseCommand(text, commands);
    return parsed.kind === 'command' ? { kind: 'command', command: parsed.command, options: parsed.options } : parsed;
  }
  return { kind: 'error', message: 'Type a command as in Discord (`/ask question: …`, `/help`), `press <button>`, or `quit`.' };
}

function parseCommand(
  text: string,
  commands: readonly CommandDefinition[],
): { kind: 'command'; command: string; options: Record<string, OptionValue>; order: string[] } | { kind: 'error'; message: string } {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text)!;
  const name = match[1]!.toLowerCase();
  const definition = commands.find((c) => c.name === name);
  if (!definition) return { kind: 'error', message: `There is no /${name}. Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.` };
  const rest = match[2]!;
  const options = definition.options ?? [];
  // Option markers are the command's own option names followed by a colon, at the start or after a space.
  const names = options.map((o) => o.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const marker = names.length > 0 ? new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gi') : undefined;
  const found = marker ? [...rest.matchAll(marker)] : [];
  const values: Record<string, OptionValue> = {};
  const order: string[] = [];
  const leading = rest.slice(0, found[0]?.index ?? rest.length).trim();
  if (leading !== '') {
    const first = options.find((o) => o.required) ?? options[0];
    if (!first) return { kind: 'error', message: `/${name} takes no options.` };
    values[first.name] = convert(first.type, leading);
    order.push(first.name);
  }
  found.forEach((m, i) => {
    const option = options.find((o) => o.name.toLowerCase() === m[1]!.toLowerCase())!;
    const start = m.index + m[0].length;
    const end = found[i + 1]?.index ?? rest.length;
    values[option.name] = convert(option.type, rest.slice(start, end).trim());
    order.push(option.name);
  });
  return { kind: 'command', command: name, options: values, order };
}

/** As Discord's client would send it: numbers as numbers, true/false as booleans; anything else stays text for the handler to refuse. */
function convert(type: number, value: string): OptionValue {
  if (type === OptionType.Integer && /^[+-]?\d+$/.test(value)) return Number(value);
  if (type === OptionType.Boolean && /^(true|yes|false|no)$/i.test(value)) return /^(true|yes)$/i.test(value);
  return value;
}
