/**
 * `npm run admin -- user roles|disable|enable …`: changes to an existing account, through the same
 * functions as the administrator's console (auth/userAdmin.ts), so the command line keeps the same
 * rules (an administrator never holds a case role; the last administrator stays) and audits the same.
 */
import { roleSchema } from '../../../shared/schemas/auth';
import { changeRoles, setDisabled } from '../auth/userAdmin';
import type { AdminIo } from './cliCommand';
import { UsageError, noMore, one, parse } from './cliCommand';

export const userChangeUsage = `  user roles <username> --role <role>[,<role>…]   replace the roles (ends the user's sessions)
  user disable <username>                      ends the user's sessions; sign-in is refused
  user enable <username>`;

export const userChangeCommands: readonly string[] = ['roles', 'disable', 'enable'];

/** `--role a,b`: each a known role, or a usage error naming the unknown ones. */
export function rolesOf(value: string | undefined): string[] {
  if (!value) throw new UsageError('Missing --role');
  const roles = value.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !roleSchema.safeParse(role).success);
  if (unknown.length > 0) throw new UsageError(`Unknown role ${unknown.join(', ')}`);
  return roles;
}

export async function runUserChange(command: string, rest: string[], io: AdminIo): Promise<number> {
  const actor = { by: io.actor, now: io.now() };
  const { values, positionals } = parse(rest, command === 'roles' ? { role: { type: 'string' } } : {});
  const username = one(positionals, 0, 'username');
  noMore(positionals, 1);
  if (command === 'roles') {
    const changed = await changeRoles(io.db, username, { roles: rolesOf(values.role) }, actor);
    io.print(`${changed.username} now has ${changed.roles.join(', ')}; ${changed.endedSessions} session(s) ended`);
    return 0;
  }
  const changed = await setDisabled(io.db, username, command === 'disable', actor);
  io.print(changed.disabled ? `Disabled ${changed.username}; ${changed.endedSessions} session(s) ended` : `Enabled ${changed.username}`);
  return 0;
}
