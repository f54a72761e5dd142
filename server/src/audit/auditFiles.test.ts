import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuditKey } from '../domain/auditChain';
import { appendAnchorLine, readAnchorFile, signAnchor } from './auditAnchor';
import { loadAuditKeyFile } from './auditKeyFile';

describe('the audit key file and the anchor file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterdesk-audit-files-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes the key at the first start, readable by its owner alone, and reads the same key after', async () => {
    const file = join(dir, 'data', 'audit', 'audit.key');
    const made = await loadAuditKeyFile(file);
    expect(made.note).toMatch(/made/);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(made.key.secret.toString('hex'));
    const again = await loadAuditKeyFile(file);
    expect(again.key.id).toBe(made.key.id);
    expect(again.note).not.toMatch(/WARNING/);
  });

  it('refuses a key file that holds no key, and warns about one others can read', async () => {
    const bad = join(dir, 'bad.key');
    await writeFile(bad, 'not a key\n');
    await expect(loadAuditKeyFile(bad)).rejects.toThrow(/64 hex digits/);
    if (process.platform === 'win32') return;
    const open = join(dir, 'open.key');
    await writeFile(open, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    expect((await loadAuditKeyFile(open)).note).toMatch(/WARNING/);
  });

  it('reads back signed anchors, and names the line that was altered, forged or signed with another key', async () => {
    const key = generateAuditKey();
    const file = join(dir, 'anchors', 'anchors.jsonl');
    expect(await readAnchorFile(file, key)).toEqual({ ok: true, anchors: [] });
    const fields = { day: '2026-03-02', seq: 7, hash: 'a'.repeat(64), keyedFrom: 1, keyId: key.id, writtenAt: '2026-03-02T01:00:00.000Z' };
    const first = signAnchor(key, fields);
    await appendAnchorLine(file, first);
    await appendAnchorLine(file, signAnchor(key, { ...fields, seq: 9 }));
    expect(await readAnchorFile(file, key)).toEqual({ ok: true, anchors: [first, expect.objectContaining({ seq: 9 })] });

    await appendFile(file, `${JSON.stringify({ ...first, seq: 3 })}\n`);
    expect(await readAnchorFile(file, key)).toMatchObject({ ok: false, problem: expect.stringMatching(/line 3 .* was altered/) });

    const other = join(dir, 'other.jsonl');
    const otherKey = generateAuditKey();
    await appendAnchorLine(other, signAnchor(otherKey, { ...fields, keyId: otherKey.id }));
    expect(await readAnchorFile(other, key)).toMatchObject({ ok: false, problem: expect.stringMatching(/line 1 .* another key/) });

    const torn = join(dir, 'torn.jsonl');
    await writeFile(torn, `${JSON.stringify(first)}\n{"v":1,"day":`);
    expect(await readAnchorFile(torn, key)).toMatchObject({ ok: false, problem: expect.stringMatching(/line 2 .* not JSON/) });
  });
});
