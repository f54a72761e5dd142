import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanFolderService, isScanCandidate, LEGACY_IMPORTED_DIR, REFUSED_DIR, SCAN_FOLDER_FILE, STABLE_POLLS, STAGING_DIR, type ScanFolderService } from './scanFolder';

// A real folder on disk, written the way a scanner writes: the file appears, grows, then stops changing.

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);

let userData: string;
let scans: string;
let service: ScanFolderService;
let logged: string[];

async function pollTimes(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await service.poll();
}

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'counterdesk-userdata-'));
  scans = await mkdtemp(path.join(tmpdir(), 'counterdesk-scans-'));
  logged = [];
  service = createScanFolderService(userData, { log: (message) => logged.push(message) });
});

afterEach(async () => {
  service.stop();
  await rm(userData, { recursive: true, force: true });
  await rm(scans, { recursive: true, force: true });
});

describe('scan folder setting', () => {
  it('starts with no folder, keeps the chosen one for the next start, and can be cleared', async () => {
    expect(await service.status()).toEqual({ available: true, ready: 0, writing: 0 });
    expect(await service.setFolder(scans)).toMatchObject({ available: true, folder: scans });
    expect(JSON.parse(await readFile(path.join(userData, SCAN_FOLDER_FILE), 'utf8'))).toEqual({ folder: scans });

    const restarted = createScanFolderService(userData);
    expect(await restarted.status()).toMatchObject({ folder: scans });
    expect(await restarted.setFolder(undefined)).toEqual({ available: true, ready: 0, writing: 0 });
    expect(await createScanFolderService(userData).status()).toEqual({ available: true, ready: 0, writing: 0 });
  });

  it('treats an invalid settings file as no folder, and refuses a relative path', async () => {
    await writeFile(path.join(userData, SCAN_FOLDER_FILE), '{"folder": "scans"}');
    expect(await service.status()).toEqual({ available: true, ready: 0, writing: 0 });
    expect(logged.join('\n')).toMatch(/not valid/);
    await expect(service.setFolder('scans')).rejects.toThrow(/absolute/);
  });

  it('says in both languages when the folder is gone', async () => {
    await service.setFolder(path.join(scans, 'missing'));
    expect((await service.status()).problem).toEqual({
      zh: `找不到掃描資料夾「${path.join(scans, 'missing')}」，請檢查連線或重新選擇。`,
      en: `The scan folder ${path.join(scans, 'missing')} does not exist: check the connection or choose it again.`,
    });
  });
});

describe('finished scans', () => {
  beforeEach(async () => {
    await service.setFolder(scans);
  });

  it('counts a file as finished only once its size and mtime stop changing', async () => {
    const file = path.join(scans, 'scan0001.pdf');
    await writeFile(file, pdf('page 1'));
    await service.poll();
    expect(await service.status()).toMatchObject({ ready: 0, writing: 1 });
    // The scanner is still writing: every change starts the wait again.
    await appendFile(file, 'page 2');
    await pollTimes(STABLE_POLLS);
    await appendFile(file, 'page 3');
    // The poll that sees the change, then one short of STABLE_POLLS unchanged.
    await pollTimes(STABLE_POLLS);
    expect(await service.status()).toMatchObject({ ready: 0, writing: 1 });
    expect((await service.take()).file).toBeUndefined();
    await service.poll();
    expect(await service.status()).toMatchObject({ ready: 1, writing: 0 });

    // A touch (same size, new mtime) is a change too.
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    await service.poll();
    expect(await service.status()).toMatchObject({ ready: 0, writing: 1 });
  });

  it('hands each finished file over once, whole, oldest first, and keeps it aside until released', async () => {
    const first = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await writeFile(path.join(scans, 'b-first.jpg'), first);
    await utimes(path.join(scans, 'b-first.jpg'), new Date('2026-11-27T08:00:00Z'), new Date('2026-11-27T08:00:00Z'));
    await writeFile(path.join(scans, 'a-second.pdf'), pdf('second'));
    await utimes(path.join(scans, 'a-second.pdf'), new Date('2026-11-27T08:01:00Z'), new Date('2026-11-27T08:01:00Z'));
    await pollTimes(STABLE_POLLS + 1);
    expect(await service.status()).toMatchObject({ ready: 2 });

    const taken = await service.take();
    expect(taken.file).toEqual({ name: 'b-first.jpg', staged: 'b-first.jpg', modifiedAt: '2026-11-27T08:00:00.000Z', bytes: first });
    expect(taken.remaining).toBe(1);
    const next = await service.take();
    expect(next.file?.name).toBe('a-second.pdf');
    expect(new TextDecoder().decode(next.file?.bytes)).toBe(new TextDecoder().decode(pdf('second')));
    expect(next.remaining).toBe(0);

    expect((await service.take()).file).toBeUndefined();
    await pollTimes(STABLE_POLLS + 1);
    expect(await service.status()).toMatchObject({ ready: 0, writing: 0 });
    expect((await readdir(scans)).sort()).toEqual([STAGING_DIR]);
    expect((await readdir(path.join(scans, STAGING_DIR))).sort()).toEqual(['a-second.pdf', 'b-first.jpg']);
  });

  it('keeps a waiting scan when the scanner reuses its name, and releases each under its own name', async () => {
    const staged: string[] = [];
    for (const body of ['monday', 'tuesday']) {
      await writeFile(path.join(scans, 'scan0001.pdf'), pdf(body));
      await pollTimes(STABLE_POLLS + 1);
      const taken = (await service.take()).file;
      expect(taken?.name).toBe('scan0001.pdf');
      staged.push(taken?.staged ?? '');
    }
    expect(staged).toEqual(['scan0001.pdf', 'scan0001 (2).pdf']);
    expect(await readFile(path.join(scans, STAGING_DIR, 'scan0001 (2).pdf'), 'utf8')).toContain('tuesday');
    expect(await service.release(['scan0001 (2).pdf'])).toEqual({ released: 1 });
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual(['scan0001.pdf']);
  });

  it('deletes a released scan from the disk: nothing of it is left in the folder', async () => {
    const body = pdf('national id A123456789');
    await writeFile(path.join(scans, 'scan0002.pdf'), body);
    await pollTimes(STABLE_POLLS + 1);
    const taken = await service.take();
    expect(await service.release([taken.file?.staged ?? ''])).toEqual({ released: 1 });
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual([]);
    expect(await readdir(scans)).toEqual([STAGING_DIR]);
    // A second release of the same name, or a name that would leave the folder, removes nothing.
    await writeFile(path.join(userData, 'keep.pdf'), body);
    expect(await service.release(['scan0002.pdf', '../keep.pdf', '..'])).toEqual({ released: 0 });
    expect(await readdir(userData)).toContain('keep.pdf');
  });

  it('moves a released scan into the folder the bureau names instead, when one is configured', async () => {
    const archive = path.join(userData, 'archive');
    const archiving = createScanFolderService(userData, { archiveFolder: archive });
    await writeFile(path.join(scans, 'scan0003.pdf'), pdf('kept'));
    for (let i = 0; i <= STABLE_POLLS; i += 1) await archiving.poll();
    const taken = await archiving.take();
    expect(await archiving.release([taken.file?.staged ?? ''])).toEqual({ released: 1 });
    expect(await readdir(archive)).toEqual(['scan0003.pdf']);
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual([]);
  });

  it('offers a scan taken but never released again after a restart, and reports scans an earlier version left', async () => {
    await writeFile(path.join(scans, 'scan0004.pdf'), pdf('not stored yet'));
    await pollTimes(STABLE_POLLS + 1);
    expect((await service.take()).file?.staged).toBe('scan0004.pdf');
    await mkdir(path.join(scans, LEGACY_IMPORTED_DIR));
    await writeFile(path.join(scans, LEGACY_IMPORTED_DIR, 'old.pdf'), pdf('old'));

    const restartedLog: string[] = [];
    const restarted = createScanFolderService(userData, { log: (message) => restartedLog.push(message) });
    for (let i = 0; i <= STABLE_POLLS; i += 1) await restarted.poll();
    expect(await restarted.status()).toMatchObject({ ready: 1, writing: 0 });
    expect(await readdir(path.join(scans, STAGING_DIR))).toEqual([]);
    expect((await restarted.take()).file?.name).toBe('scan0004.pdf');
    expect(restartedLog.join('\n')).toMatch(/1 scans imported by an earlier version/);
  });

  it('moves a file too large to take into refused/ and says so', async () => {
    const small = createScanFolderService(userData, { maxBytes: 10 });
    await writeFile(path.join(scans, 'huge.pdf'), pdf('more than ten bytes'));
    for (let i = 0; i <= STABLE_POLLS; i += 1) await small.poll();
    const taken = await small.take();
    expect(taken).toEqual({ refused: [{ name: 'huge.pdf', size: pdf('more than ten bytes').byteLength, reason: 'too_large' }], remaining: 0 });
    expect(await readdir(path.join(scans, REFUSED_DIR))).toEqual(['huge.pdf']);
  });

  it('ignores empty files, other types, temporary names, subfolders and symbolic links', async () => {
    await writeFile(path.join(scans, 'empty.pdf'), '');
    await writeFile(path.join(scans, 'notes.txt'), 'hello');
    await writeFile(path.join(scans, '~$scan.pdf'), pdf('lock'));
    await writeFile(path.join(scans, 'scan.pdf.part'), pdf('partial'));
    await mkdir(path.join(scans, 'old.pdf'));
    const outside = path.join(userData, 'secret.pdf');
    await writeFile(outside, pdf('not a scan'));
    await symlink(outside, path.join(scans, 'link.pdf'));
    await pollTimes(STABLE_POLLS + 1);
    expect(await service.status()).toMatchObject({ ready: 0, writing: 1 });
    expect((await service.take()).file).toBeUndefined();
    expect(isScanCandidate('Scan 0001.PDF')).toBe(true);
    expect(isScanCandidate('scan.tif')).toBe(false);
  });
});
