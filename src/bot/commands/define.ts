import type { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { OptionType } from '../api.ts';

/**
 * A slash command as plain data: exactly the JSON that `deploy-commands` registers with Discord, and the source of
 * the types of the handler's arguments (`ArgumentsOf`), so the two cannot drift apart.
 */
export interface OptionDefinition {
  readonly type: (typeof OptionType)[keyof typeof OptionType];
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
  readonly autocomplete?: boolean;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionDefinition[];
  /** Permission bits (a decimal string) a member needs by default; server admins can change it per server. */
  readonly default_member_permissions?: string;
  /** Older spelling of "not in DMs", still read by some clients; `contexts` is the current one. */
  readonly dm_permission?: boolean;
  readonly contexts?: readonly InteractionContextType[];
  readonly integration_types?: readonly ApplicationIntegrationType[];
}

/** Keeps a definition's literal types (`as const` without writing it), checked against `CommandDefinition`. */
export function defineCommand<const C extends CommandDefinition>(definition: C): C {
  return definition;
}

type ValueOf<T> = T extends typeof OptionType.String ? string : T extends typeof OptionType.Integer ? number : T extends typeof OptionType.Boolean ? boolean : never;
type OptionsOf<C extends CommandDefinition> = C['options'] extends readonly OptionDefinition[] ? C['options'][number] : never;

/** The arguments a handler receives for a command: required options always present, the others optional. */
export type ArgumentsOf<C extends CommandDefinition> = {
  [O in OptionsOf<C> as O['required'] extends true ? O['name'] : never]: ValueOf<O['type']>;
} & {
  [O in OptionsOf<C> as O['required'] extends true ? never : O['name']]?: ValueOf<O['type']>;
};

export type OptionValue = string | number | boolean;

/**
 * Checks raw option values against a definition, as Discord does before it sends an interaction (required options,
 * types, lengths, ranges), so the local client and a hand-made request get the same refusals. Strings are trimmed
 * first: a question of spaces is an empty question. Unknown options are ignored.
 */
export function readArguments<C extends CommandDefinition>(
  definition: C,
  raw: Readonly<Record<string, OptionValue | undefined>>,
): { ok: true; args: ArgumentsOf<C> } | { ok: false; problem: string } {
  const args: Record<string, OptionValue> = {};
  for (const option of definition.options ?? []) {
    let value = raw[option.name];
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || value === '') {
      if (option.required) {
        const length = option.min_length !== undefined && option.max_length !== undefined ? ` of ${option.min_length}–${option.max_length} characters` : '';
        return { ok: false, problem: `\`${option.name}\` is required${length}.` };
      }
      continue;
    }
    switch (option.type) {
      case OptionType.String: {
        if (typeof value !== 'string') return { ok: false, problem: `\`${option.name}\` must be text.` };
        const length = [...value].length;
        if ((option.min_length !== undefined && length < option.min_length) || (option.max_length !== undefined && length > option.max_length)) {
          return { ok: false, problem: `\`${option.name}\` must be ${option.min_length ?? 0}–${option.max_length ?? 6000} characters long (it has ${length}).` };
        }
        break;
      }
      case OptionType.Integer: {
        if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, problem: `\`${option.name}\` must be a whole number.` };
        if ((option.min_value !== undefined && value < option.min_value) || (option.max_value !== undefined && value > option.max_value)) {
          return { ok: false, problem: `\`${option.name}\` must be from ${option.min_value ?? '…'} to ${option.max_value ?? '…'}.` };
        }
        break;
      }
      case OptionType.Boolean:
        if (typeof value !== 'boolean') return { ok: false, problem: `\`${option.name}\` must be true or false.` };
        break;
    }
    args[option.name] = value;
  }
  return { ok: true, args: args as ArgumentsOf<C> };
}
