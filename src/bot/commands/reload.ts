import { ContextType, IntegrationType, Permission } from '../api.ts';
import { defineCommand } from './define.ts';

/**
 * Moderators only: hidden by default from members without Manage Server, not offered in DMs, and checked again when
 * it runs (a server can loosen the default; MODERATOR_ROLE_IDS can grant it).
 */
export const reloadCommand = defineCommand({
  name: 'reload',
  description: 'Re-read the corpus folder and swap in the new index (moderators only).',
  default_member_permissions: String(Permission.ManageGuild),
  dm_permission: false,
  contexts: [ContextType.Guild],
  integration_types: [IntegrationType.GuildInstall],
});
