/**
 * The administrator's command line, as a function of its arguments and an open database, so tests
 * run it for real. Exit codes: 0 done, 1 the command ran and found a problem (a broken audit chain)
 * or was refused, 2 the arguments were wrong (with the usage of that command).
 */
import { constants, createDecipheriv, createHash, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { defaultCalendar, officeCalendarDataSchema } from '../../../shared/domain/calendar';
import { catalogueSchema, defaultCatalogue } from '../../../shared/domain/catalogue';
import { roleSchema } from '../../../shared/schemas/auth';
import { deviceKindSchema } from '../../../shared/schemas/device';
import { createAuditTrail } from '../audit/auditTrail';
import { createUser, generatePassword, resetPassword } from '../auth/userAdmin';
import { DomainError } from '../domain/domainError';
import { listUsers } from '../store/accountStore';
import { appendAudit } from '../store/auditStore';
import { installedAuditKey } from '../store/installedAuditKey';
import { createEnrolmentCode, listDevices, revokeDevice } from '../store/deviceStore';
import { insertReferenceVersion } from '../store/referenceVersionStore';
import { UsageError, noMore, one, parse } from './cliCommand';
import type { AdminIo } from './cliCommand';
import { runUnitCommand, unitUsage } from './unitCommands';
import { rolesOf, runUserChange, userChangeCommands, userChangeUsage } from './userCommands';

export const usage = `Usage: npm run admin -- <command>

  user create <username> --name <display name> --role <role>[,<role>…] [--password <password>]
  user reset-password <username> [--password <password>]
${userChangeUsage}
  user list
  device enrol --station <station code> [--kind kiosk]
                                               one-time code for a new counter PC or laptop, or
                                               (--kind kiosk) for an entrance ticket kiosk
  device revoke <device id> --reason <text>
  device list
  audit verify                                 check the audit chain with its key and against every anchor
  audit anchor                                 write the chain's head to the anchor file now
  publish catalogue <file.json>                publish a service catalogue version
  publish calendar <file.json>                 publish an office calendar version
  recovery-key create --out <folder>           key pair for revoked devices' encrypted exports
  export decrypt <export.json> --key <private.pem> --out <file.json>
${unitUsage}

Roles: ${roleSchema.options.join(', ')}; admin is never combined with another role. Without --password a
password is generated and shown once.`;

async function publish(io: AdminIo, kind: 'catalogue' | 'calendar', file: string): Promise<number> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
  const parsed = kind === 'catalogue' ? catalogueSchema.safeParse(data) : officeCalendarDataSchema.safeParse(data);
  if (!parsed.success) {
    io.printError(`${file} is not a valid ${kind}:`);
    for (const issue of parsed.error.issues.slice(0, 20)) io.printError(`  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return 1;
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'string' && typeof version !== 'number') {
    io.printError(`${file} has no "version"`);
    return 1;
  }
  // A name means one body everywhere (decision 0028): the built-in version's name is taken by it.
  const builtIn = kind === 'catalogue' ? defaultCatalogue : defaultCalendar.toData();
  if (String(version) === builtIn.version && !isDeepStrictEqual(parsed.data, builtIn)) {
    io.printError(`${kind} version ${String(version)} is the name of the built-in one, with other content; give the new one a new version`);
    return 1;
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const now = io.now();
  const published = await io.db.transaction(async (tx) => {
    const inserted = await insertReferenceVersion(tx, { kind, version: String(version), body: parsed.data, sha256, publishedBy: io.actor, publishedAt: now });
    if (!inserted) return false;
    await appendAudit(tx, { at: now, userName: io.actor, action: `reference.publish-${kind}`, details: { version: String(version), sha256 } });
    return true;
  });
  if (!published) {
    io.printError(`${kind} version ${String(version)} is published already; give the new one a new version`);
    return 1;
  }
  io.print(`Published ${kind} version ${String(version)} (sha256 ${sha256})`);
  return 0;
}

const auditTrailOf = (io: AdminIo) => createAuditTrail({ db: io.db, key: installedAuditKey(), anchorFile: io.anchorFile, now: io.now });

async function dispatch(argv: string[], io: AdminIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'unit') return runUnitCommand(command, rest, io);
  if (group === 'user' && command !== undefined && userChangeCommands.includes(command)) return runUserChange(command, rest, io);
  const actor = { by: io.actor, now: io.now() };
  switch (`${group ?? ''} ${command ?? ''}`) {
    case 'user create': {
      const { values, positionals } = parse(rest, { name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } });
      const username = one(positionals, 0, 'username');
      noMore(positionals, 1);
      if (!values.name) throw new UsageError('Missing --name');
      const roles = rolesOf(values.role);
      const password = values.password ?? generatePassword();
      const created = await createUser(io.db, { username, displayName: values.name, roles, password }, actor);
      io.print(`Created ${created.username} (${created.roles.join(', ')})`);
      if (!values.password) io.print(`Password (shown once; hand it over in person): ${password}`);
      return 0;
    }
    case 'user reset-password': {
      const { values, positionals } = parse(rest, { password: { type: 'string' } });
      const username = one(positionals, 0, 'username');
      noMore(positionals, 1);
      const password = values.password ?? generatePassword();
      await resetPassword(io.db, username, password, actor);
      io.print(`Reset the password of ${username.toLowerCase()}; their sessions are ended and any lock-out is lifted`);
      if (!values.password) io.print(`New password (shown once): ${password}`);
      return 0;
    }
    case 'user list': {
      noMore(parse(rest, {}).positionals, 0);
      for (const user of await listUsers(io.db)) io.print(`${user.username}\t${user.roles.join(',')}\t${user.displayName}${user.disabled ? '\t(disabled)' : ''}`);
      return 0;
    }
    case 'device enrol': {
      const { values, positionals } = parse(rest, { station: { type: 'string' }, kind: { type: 'string' } });
      noMore(positionals, 0);
      if (!values.station) throw new UsageError('Missing --station (the station code printed in case numbers, e.g. KL03)');
      const kind = deviceKindSchema.safeParse(values.kind ?? 'workstation');
      if (!kind.success) throw new UsageError(`--kind is workstation or kiosk, not ${values.kind ?? ''}`);
      const code = await createEnrolmentCode(io.db, { stationCode: values.station, kind: kind.data, createdBy: io.actor, now: actor.now });
      io.print(`Enrolment code for ${code.kind === 'kiosk' ? 'the ticket kiosk at station' : 'station'} ${code.stationCode}: ${code.code}`);
      io.print(`Valid once, until ${code.expiresAt.toISOString()}. Type it into the new device's enrolment screen.`);
      return 0;
    }
    case 'device revoke': {
      const { values, positionals } = parse(rest, { reason: { type: 'string' } });
      const deviceId = one(positionals, 0, 'device id');
      noMore(positionals, 1);
      if (!values.reason) throw new UsageError('Missing --reason (recorded in the audit log and shown on the device)');
      const { revoked } = await revokeDevice(io.db, { deviceId, reason: values.reason, by: io.actor, now: actor.now });
      io.print(revoked ? `Revoked ${deviceId}: it is refused at its next contact and removes its taxpayer data` : `${deviceId} was revoked already`);
      return 0;
    }
    case 'device list': {
      noMore(parse(rest, {}).positionals, 0);
      for (const device of await listDevices(io.db)) {
        const state = device.revokedAt ? `revoked ${device.revokedAt} (${device.revokedReason ?? ''})` : device.hasCredential ? 'active' : 'no credential: enrol again';
        io.print(`${device.id}\t${device.stationCode}\t${device.name}${device.kind === 'kiosk' ? ` (ticket kiosk ${device.kioskNo ?? ''})` : ''}\t${state}`);
      }
      return 0;
    }
    case 'audit verify': {
      noMore(parse(rest, {}).positionals, 0);
      const result = await auditTrailOf(io).verify();
      if (result.ok) {
        io.print(`Audit chain intact: ${result.entries} entries, head ${result.headHash}, ${result.anchorsChecked} anchors matched`);
        return 0;
      }
      io.printError(`Audit chain BROKEN at entry ${result.seq}: ${result.problem} (${result.entries} entries verified before it)`);
      return 1;
    }
    case 'audit anchor': {
      noMore(parse(rest, {}).positionals, 0);
      const anchor = await auditTrailOf(io).writeAnchor({ userName: io.actor });
      io.print(`Anchored entry ${anchor.seq} (${anchor.hash}) on ${anchor.day} in ${io.anchorFile ?? ''}`);
      return 0;
    }
    case 'publish catalogue':
    case 'publish calendar': {
      const { positionals } = parse(rest, {});
      const file = one(positionals, 0, 'file');
      noMore(positionals, 1);
      return publish(io, command === 'catalogue' ? 'catalogue' : 'calendar', file);
    }
    case 'recovery-key create': {
      const { values, positionals } = parse(rest, { out: { type: 'string' } });
      noMore(positionals, 0);
      if (!values.out) throw new UsageError('Missing --out (a folder only administrators can read)');
      const pair = generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 0x10001 });
      await mkdir(values.out, { recursive: true, mode: 0o700 });
      const privatePath = join(values.out, 'recovery-private.pem');
      const publicPath = join(values.out, 'recovery-public.jwk.json');
      await writeFile(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      const jwk = { ...pair.publicKey.export({ format: 'jwk' }), alg: 'RSA-OAEP-256', key_ops: ['wrapKey'] };
      await writeFile(publicPath, `${JSON.stringify(jwk)}\n`, { flag: 'wx' });
      io.print(`Private key: ${privatePath} (keep it offline; it opens every export)`);
      io.print(`Public key: ${publicPath} (give its content to the devices as recoveryPublicKey)`);
      return 0;
    }
    case 'export decrypt': {
      const { values, positionals } = parse(rest, { key: { type: 'string' }, out: { type: 'string' } });
      const file = one(positionals, 0, 'export file');
      noMore(positionals, 1);
      if (!values.key) throw new UsageError('Missing --key (the recovery private key, PEM)');
      if (!values.out) throw new UsageError('Missing --out (where to write the decrypted work)');
      const envelope = JSON.parse(await readFile(file, 'utf8')) as { format?: string; wrappedKey?: string; iv?: string; ciphertext?: string; deviceId?: string };
      if (envelope.format !== 'counterdesk-encrypted-export/1' || !envelope.wrappedKey || !envelope.iv || !envelope.ciphertext) {
        throw new UsageError(`${file} is not a CounterDesk encrypted export`);
      }
      const privateKey = await readFile(values.key, 'utf8');
      let plaintext: Buffer;
      try {
        const aesKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(envelope.wrappedKey, 'base64'));
        const sealed = Buffer.from(envelope.ciphertext, 'base64');
        // WebCrypto's AES-GCM output is the ciphertext followed by the 16-byte tag.
        const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(envelope.iv, 'base64'));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        plaintext = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
      } catch {
        io.printError(`${file} cannot be decrypted with this key (another recovery key, or the file was changed)`);
        return 1;
      }
      await writeFile(values.out, plaintext, { mode: 0o600, flag: 'wx' });
      await io.db.transaction((tx) => appendAudit(tx, { at: actor.now, userName: io.actor, action: 'device.export-decrypt', details: { deviceId: envelope.deviceId ?? null } }));
      io.print(`Decrypted the unsynced work of ${envelope.deviceId ?? 'a device'} into ${values.out}`);
      return 0;
    }
    default:
      if (group === undefined || group === 'help' || group === '--help' || group === '-h') {
        io.print(usage);
        return group === undefined ? 2 : 0;
      }
      throw new UsageError(`Unknown command: ${[group, command].filter(Boolean).join(' ')}`);
  }
}

export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.printError(`Error: ${error.message}`);
      io.printError('');
      io.printError(usage);
      return 2;
    }
    if (error instanceof DomainError) {
      io.printError(`Refused: ${error.message}`);
      for (const issue of error.facts.issues ?? []) io.printError(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
    throw error;
  }
}
