import { reloadProgressMessage, reloadReportMessage } from '../../render/reload.ts';
import type { OpenProgress } from '../../search/store.ts';
import { Permission } from '../api.ts';
import { reloadCommand } from '../commands/reload.ts';
import type { Invoker } from '../interaction.ts';
import { commandHandler, refuse } from './handler.ts';

/** Manage Server (or Administrator, which implies it), or one of the configured moderator roles. */
export function isModerator(invoker: Invoker, moderatorRoleIds: ReadonlySet<string>): boolean {
  const permissions = invoker.permissions ?? 0n;
  if ((permissions & (Permission.ManageGuild | Permission.Administrator)) !== 0n) return true;
  return invoker.roleIds.some((id) => moderatorRoleIds.has(id));
}

/**
 * /reload: moderators only, in a server. Re-reads the corpus while the current index keeps answering, editing the
 * deferred reply with progress every few seconds, then reports what changed or which files failed.
 */
export const reload = commandHandler({
  definition: reloadCommand,
  run(_args, request, ctx) {
    if (request.invoker.guildId === null) return refuse(ctx, 'in-dm', '`/reload` works only in a server, not in a DM.');
    if (!isModerator(request.invoker, ctx.moderatorRoleIds)) {
      return refuse(ctx, 'no-permission', 'Only moderators can reload the corpus: it takes the Manage Server permission or a moderator role.');
    }
    const startedAt = ctx.live.reloadStartedAt;
    if (startedAt !== undefined) {
      const seconds = Math.max(0, Math.round((ctx.now() - startedAt) / 1000));
      return refuse(ctx, 'reload-running', `A reload is already running (started ${seconds} s ago). Its report will appear where it was started.`);
    }
    return {
      kind: 'defer',
      ephemeral: true,
      work: async (progress) => {
        let lastEdit = ctx.now();
        // The step the throttle held back, shown when its turn comes: a long last step (saving) reports nothing more,
        // and the reply would otherwise stay at the step before it.
        let held: OpenProgress | undefined;
        let heldTimer: NodeJS.Timeout | undefined;
        const show = (step: OpenProgress) => {
          // A step shown now makes the held one's timer moot: two edits would go out moments apart.
          clearTimeout(heldTimer);
          heldTimer = undefined;
          lastEdit = ctx.now();
          held = undefined;
          progress(reloadProgressMessage(step));
        };
        let outcome;
        try {
          outcome = await ctx.live.reload((step) => {
            const wait = ctx.progressEveryMs - (ctx.now() - lastEdit);
            if (wait <= 0) return show(step);
            held = step;
            heldTimer ??= setTimeout(() => {
              heldTimer = undefined;
              if (held) show(held);
            }, wait);
          });
        } finally {
          clearTimeout(heldTimer);
        }
        ctx.note({ reload: outcome.status });
        return reloadReportMessage(outcome, ctx.live.current);
      },
    };
  },
});
