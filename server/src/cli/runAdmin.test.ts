import type { webcrypto } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/domain/calendar';
import { officeCalendarData } from '../../../shared/domain/data/officeCalendarData';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import { verifyPassword } from '../domain/password';
import type { Database } from '../db/database';
import { DEVELOPMENT_AUDIT_KEY, keyedEntryHash } from '../domain/auditChain';
import { findUserByUsername } from '../store/accountStore';
import { rewriteAuditFrom } from '../testing/rewriteAuditFrom';
import { openTestDatabase } from '../testing/testDatabase';
import { runAdmin } from './runAdmin';

describe('admin command line', () => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-admin-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function admin(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, { db, print: (l) => out.push(l), printError: (l) => err.push(l), now: () => new Date('2026-03-02T01:00:00Z'), actor: 'cli:test', anchorFile: join(dir, 'anchors.jsonl') });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates users, with a given or a generated password, and refuses bad arguments clearly', async () => {
    expect(await admin('user', 'create', 'Wang.Clerk', '--name', '王櫃台', '--role', 'clerk', '--password', 'a-long-password-123')).toMatchObject({ code: 0 });
    const user = await findUserByUsername(db, 'wang.clerk');
    expect(await verifyPassword(user?.passwordHash, 'a-long-password-123')).toBe(true);

    const generated = await admin('user', 'create', 'lee', '--name', 'Lee', '--role', 'field-staff,supervisor');
    expect(generated.code).toBe(0);
    const password = /Password \(shown once; hand it over in person\): (\S+)/.exec(generated.out)?.[1] ?? '';
    expect(await verifyPassword((await findUserByUsername(db, 'lee'))?.passwordHash, password)).toBe(true);

    expect(await admin('user', 'create', 'lee', '--name', 'Lee', '--role', 'clerk')).toMatchObject({ code: 1, err: expect.stringMatching(/exists already/) });
    expect(await admin('user', 'create', 'x', '--name', 'X', '--role', 'boss')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown role boss/) });
    expect(await admin('user', 'create', 'x', '--role', 'clerk')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --name/) });
    expect(await admin('user', 'create', 'x', '--name', 'X', '--role', 'clerk', '--pasword', 'typo')).toMatchObject({ code: 2, err: expect.stringMatching(/pasword/) });
    expect(await admin('user', 'create', 'x', '--name', 'X', '--role', 'clerk', '--password', 'short')).toMatchObject({ code: 1, err: expect.stringMatching(/at least 12/) });
    expect(await admin('user', 'frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown command: user frobnicate/) });
    expect((await admin()).code).toBe(2);
    expect(await admin('user', 'list')).toMatchObject({ code: 0, out: expect.stringContaining('wang.clerk\tclerk\t王櫃台') });
  });

  it('resets a password: the old one stops working, sessions end', async () => {
    const result = await admin('user', 'reset-password', 'wang.clerk', '--password', 'another-long-password');
    expect(result.code).toBe(0);
    const user = await findUserByUsername(db, 'wang.clerk');
    expect(await verifyPassword(user?.passwordHash, 'a-long-password-123')).toBe(false);
    expect(await verifyPassword(user?.passwordHash, 'another-long-password')).toBe(true);
    expect(await admin('user', 'reset-password', 'nobody', '--password', 'another-long-password')).toMatchObject({ code: 1, err: expect.stringMatching(/No user nobody/) });
  });

  it('keeps the administrator apart from case roles, changes roles, disables and enables users', async () => {
    expect(await admin('user', 'create', 'boss', '--name', 'Boss', '--role', 'admin,supervisor', '--password', 'a-long-password-123')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/may not hold the administrator role together with a case role/),
    });
    expect(await findUserByUsername(db, 'boss')).toBeUndefined();
    expect(await admin('user', 'roles', 'wang.clerk', '--role', 'clerk,admin')).toMatchObject({ code: 1, err: expect.stringMatching(/administrator role/) });
    expect(await admin('user', 'roles', 'wang.clerk', '--role', 'clerk,officer')).toMatchObject({ code: 0, out: expect.stringContaining('wang.clerk now has clerk, officer') });
    expect((await findUserByUsername(db, 'wang.clerk'))?.roles).toEqual(['clerk', 'officer']);
    expect(await admin('user', 'roles', 'wang.clerk')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --role/) });
    expect(await admin('user', 'disable', 'wang.clerk')).toMatchObject({ code: 0, out: expect.stringContaining('Disabled wang.clerk') });
    expect((await findUserByUsername(db, 'wang.clerk'))?.disabled).toBe(true);
    expect(await admin('user', 'enable', 'wang.clerk')).toMatchObject({ code: 0, out: expect.stringContaining('Enabled wang.clerk') });
    expect((await findUserByUsername(db, 'wang.clerk'))?.disabled).toBe(false);
    expect(await admin('user', 'disable', 'nobody')).toMatchObject({ code: 1, err: expect.stringMatching(/No user nobody/) });
    const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('user.roles', 'user.disable', 'user.enable') ORDER BY seq");
    expect(rows.map((row) => row.action)).toEqual(['user.roles', 'user.disable', 'user.enable']);
  });

  it('makes an enrolment code, lists and revokes devices', async () => {
    const enrol = await admin('device', 'enrol', '--station', 'kl31');
    expect(enrol).toMatchObject({ code: 0, out: expect.stringMatching(/Enrolment code for station KL31: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/) });
    expect(await admin('device', 'enrol')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --station/) });
    const kiosk = await admin('device', 'enrol', '--station', 'ks31', '--kind', 'kiosk');
    expect(kiosk).toMatchObject({ code: 0, out: expect.stringMatching(/Enrolment code for the ticket kiosk at station KS31: /) });
    const kinds = await db.query<{ station_code: string; kind: string }>("SELECT station_code, kind FROM enrolment_codes WHERE station_code IN ('KL31', 'KS31') ORDER BY station_code");
    expect(kinds.rows).toEqual([{ station_code: 'KL31', kind: 'workstation' }, { station_code: 'KS31', kind: 'kiosk' }]);
    expect(await admin('device', 'enrol', '--station', 'ks32', '--kind', 'printer')).toMatchObject({ code: 2, err: expect.stringMatching(/--kind is workstation or kiosk/) });
    await db.query("INSERT INTO devices (id, name, station_code) VALUES ('cli-device', 'CLI device', 'KL32')");
    expect(await admin('device', 'revoke', 'cli-device')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --reason/) });
    expect(await admin('device', 'revoke', 'cli-device', '--reason', 'retired')).toMatchObject({ code: 0 });
    expect(await admin('device', 'revoke', 'cli-device', '--reason', 'retired')).toMatchObject({ code: 0, out: expect.stringMatching(/revoked already/) });
    expect(await admin('device', 'revoke', 'no-such', '--reason', 'x')).toMatchObject({ code: 1 });
    expect(await admin('device', 'list')).toMatchObject({ code: 0, out: expect.stringMatching(/cli-device\tKL32\tCLI device\trevoked .*\(retired\)/) });
  });

  it('publishes a catalogue and a calendar version once each, and refuses an invalid file', async () => {
    const catalogue = join(dir, 'catalogue.json');
    await writeFile(catalogue, JSON.stringify(defaultCatalogue));
    expect(await admin('publish', 'catalogue', catalogue)).toMatchObject({ code: 0, out: expect.stringContaining(`Published catalogue version ${defaultCatalogue.version}`) });
    expect(await admin('publish', 'catalogue', catalogue)).toMatchObject({ code: 1, err: expect.stringMatching(/published already/) });
    // The built-in version's name stands for the built-in content: another body under it is refused.
    const renamed = join(dir, 'renamed-calendar.json');
    const builtIn = defaultCalendar.toData();
    await writeFile(renamed, JSON.stringify({ ...builtIn, years: { '2026': builtIn.years['2026'] } }));
    expect(await admin('publish', 'calendar', renamed)).toMatchObject({ code: 1, err: expect.stringMatching(/name of the built-in one/) });
    const calendar = join(dir, 'calendar.json');
    await writeFile(calendar, JSON.stringify(officeCalendarData));
    expect(await admin('publish', 'calendar', calendar)).toMatchObject({ code: 0 });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ version: 'x', services: 'none' }));
    expect(await admin('publish', 'catalogue', bad)).toMatchObject({ code: 1, err: expect.stringMatching(/not a valid catalogue/) });
    expect(await admin('publish', 'catalogue', join(dir, 'missing.json'))).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot read/) });
  });

  it('anchors the chain, verifies it against the anchor, and says where it breaks', async () => {
    expect(await admin('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringMatching(/Audit chain intact: \d+ entries, head [0-9a-f]{64}, 0 anchors matched/) });
    const anchored = await admin('audit', 'anchor');
    expect(anchored).toMatchObject({ code: 0, out: expect.stringMatching(/Anchored entry \d+ .* on 2026-03-02/) });
    expect((await readFile(join(dir, 'anchors.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect((await db.query("SELECT 1 FROM audit_log WHERE action = 'audit.anchor' AND user_name = 'cli:test'")).rowCount).toBe(1);
    expect(await admin('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringMatching(/1 anchors matched/) });

    // Even with the key, history before the anchor cannot be rewritten unnoticed.
    await db.transaction((tx) => rewriteAuditFrom(tx, 1, (entry) => ({ ...entry, userName: 'intruder' }), (prev, entry) => keyedEntryHash(DEVELOPMENT_AUDIT_KEY, prev, entry)));
    expect(await admin('audit', 'verify')).toMatchObject({ code: 1, err: expect.stringMatching(/BROKEN at entry \d+: entry \d+ is not the one anchored on 2026-03-02/) });
    expect(await admin('audit', 'anchor')).toMatchObject({ code: 1, err: expect.stringMatching(/Refused: The audit chain does not verify/) });
    const noFile = await runAdmin(['audit', 'anchor'], { db, print: () => undefined, printError: () => undefined, now: () => new Date(), actor: 'cli:test' });
    expect(noFile).toBe(1);

    await db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET user_name = 'intruder' WHERE seq = 2; ALTER TABLE audit_log ENABLE TRIGGER USER;");
    expect(await admin('audit', 'verify')).toMatchObject({ code: 1, err: expect.stringMatching(/BROKEN at entry 2: entry 2 was altered/) });
  });

  it('makes a recovery key pair and decrypts an export made with its public key the way devices make it', async () => {
    const keys = join(dir, 'keys');
    expect(await admin('recovery-key', 'create', '--out', keys)).toMatchObject({ code: 0 });
    const jwk = JSON.parse(await readFile(join(keys, 'recovery-public.jwk.json'), 'utf8')) as webcrypto.JsonWebKey;
    const publicKey = await crypto.subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const work = JSON.stringify({ cases: [{ caseNo: '115-KL01-000002-X' }] });
    const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(work)));
    const wrappedKey = new Uint8Array(await crypto.subtle.wrapKey('raw', aes, publicKey, { name: 'RSA-OAEP' }));
    const exportFile = join(dir, 'export.json');
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    await writeFile(exportFile, JSON.stringify({ format: 'counterdesk-encrypted-export/1', algorithm: 'RSA-OAEP-256+A256GCM', deviceId: 'kl01-x', createdAt: '2026-03-02T01:00:00Z', wrappedKey: b64(wrappedKey), iv: b64(iv), ciphertext: b64(ciphertext) }));
    const out = join(dir, 'work.json');
    expect(await admin('export', 'decrypt', exportFile, '--key', join(keys, 'recovery-private.pem'), '--out', out)).toMatchObject({ code: 0 });
    expect(await readFile(out, 'utf8')).toBe(work);
    expect(await admin('export', 'decrypt', exportFile, '--out', join(dir, 'x.json'))).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --key/) });
    // Another key pair's private key opens nothing.
    expect(await admin('recovery-key', 'create', '--out', join(dir, 'other-keys'))).toMatchObject({ code: 0 });
    expect(await admin('export', 'decrypt', exportFile, '--key', join(dir, 'other-keys', 'recovery-private.pem'), '--out', join(dir, 'y.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot be decrypted with this key/),
    });
  });
});
