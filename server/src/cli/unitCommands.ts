/**
 * `npm run admin -- unit …`: handling units and who works in them, through the same functions as the
 * admin routes (auth/unitAdmin.ts), so the command line validates and audits exactly as the screen does.
 */
import { positionSchema } from '../../../shared/schemas/unit';
import { addUnitMember, changeUnitNames, createUnit, removeUnitMember } from '../auth/unitAdmin';
import { listUnitMembers, listUnits } from '../store/unitStore';
import type { AdminIo } from './cliCommand';
import { UsageError, noMore, one, parse } from './cliCommand';

export const unitUsage = `  unit list                                    units and who holds which position
  unit add <CODE> --zh <name> --en <name>      a new handling unit (code: 2–16 capitals, digits, hyphens)
  unit rename <CODE> --zh <name> --en <name>
  unit member-add <CODE> <username> --position <officer|chief|director>
  unit member-remove <CODE> <username> --position <officer|chief|director>`;

function positionOf(value: string | undefined) {
  if (!value) throw new UsageError('Missing --position (officer, chief or director)');
  const parsed = positionSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`Unknown position ${value} (officer, chief or director)`);
  return parsed.data;
}

function namesOf(values: { zh?: string | undefined; en?: string | undefined }) {
  if (!values.zh) throw new UsageError('Missing --zh (the unit’s Chinese name)');
  if (!values.en) throw new UsageError('Missing --en (the unit’s English name)');
  return { nameZh: values.zh, nameEn: values.en };
}

async function list(io: AdminIo): Promise<void> {
  const members = await listUnitMembers(io.db);
  for (const unit of await listUnits(io.db)) {
    io.print(`${unit.code}\t${unit.nameZh}\t${unit.nameEn}`);
    for (const member of members.filter((candidate) => candidate.unit === unit.code)) {
      io.print(`  ${member.position}\t${member.username}${member.displayName ? `\t${member.displayName}` : ''}`);
    }
  }
}

/** Runs `unit <command> …`; a command it does not know is a usage error. */
export async function runUnitCommand(command: string | undefined, rest: string[], io: AdminIo): Promise<number> {
  const actor = { by: io.actor, now: io.now() };
  switch (command) {
    case 'list':
      noMore(parse(rest, {}).positionals, 0);
      await list(io);
      return 0;
    case 'add':
    case 'rename': {
      const { values, positionals } = parse(rest, { zh: { type: 'string' }, en: { type: 'string' } });
      const code = one(positionals, 0, 'unit code');
      noMore(positionals, 1);
      const names = namesOf(values);
      const unit = command === 'add' ? await createUnit(io.db, { code, ...names }, actor) : await changeUnitNames(io.db, code, names, actor);
      io.print(`${command === 'add' ? 'Added' : 'Renamed'} ${unit.code}: ${unit.nameZh} / ${unit.nameEn}`);
      return 0;
    }
    case 'member-add':
    case 'member-remove': {
      const { values, positionals } = parse(rest, { position: { type: 'string' } });
      const code = one(positionals, 0, 'unit code');
      const username = one(positionals, 1, 'username');
      noMore(positionals, 2);
      const request = { username, position: positionOf(values.position) };
      if (command === 'member-remove') {
        await removeUnitMember(io.db, code, request, actor);
        io.print(`${username.toLowerCase()} is no longer ${request.position} of ${code}`);
        return 0;
      }
      const { member, added } = await addUnitMember(io.db, code, request, actor);
      io.print(added ? `${member.username} is now ${member.position} of ${code}` : `${member.username} was ${member.position} of ${code} already`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command: unit ${command ?? ''}`.trim());
  }
}
