import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { membershipsOf } from '../store/unitStore';
import { openTestDatabase } from '../testing/testDatabase';
import { runAdmin } from './runAdmin';

describe('admin command line: units', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  async function admin(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, { db, print: (l) => out.push(l), printError: (l) => err.push(l), now: () => new Date('2026-03-02T01:00:00Z'), actor: 'cli:test' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('adds and renames a unit, gives and takes positions, lists them, and audits each change', async () => {
    expect(await admin('user', 'create', 'chen', '--name', '陳承辦', '--role', 'officer', '--password', 'chen-officer-2026')).toMatchObject({ code: 0 });
    expect(await admin('unit', 'add', 'BRANCH2', '--zh', '第二分局', '--en', 'Second Branch Office')).toMatchObject({ code: 0, out: 'Added BRANCH2: 第二分局 / Second Branch Office' });
    expect(await admin('unit', 'rename', 'BRANCH2', '--zh', '七堵分局', '--en', 'Qidu Branch Office')).toMatchObject({ code: 0 });
    expect(await admin('unit', 'member-add', 'BRANCH2', 'Chen', '--position', 'officer')).toMatchObject({ code: 0, out: 'chen is now officer of BRANCH2' });
    expect(await admin('unit', 'member-add', 'BRANCH2', 'chen', '--position', 'officer')).toMatchObject({ code: 0, out: expect.stringMatching(/already/) });
    expect(await membershipsOf(db, 'chen')).toEqual([{ unit: 'BRANCH2', position: 'officer' }]);

    const listed = await admin('unit', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('BRANCH2\t七堵分局\tQidu Branch Office\n  officer\tchen\t陳承辦');
    expect(listed.out).toContain('PROPERTY\t財產稅科\tProperty Tax Section');

    expect(await admin('unit', 'member-remove', 'BRANCH2', 'chen', '--position', 'officer')).toMatchObject({ code: 0 });
    expect(await membershipsOf(db, 'chen')).toEqual([]);
    const { rows } = await db.query<{ action: string; user_name: string }>("SELECT action, user_name FROM audit_log WHERE action LIKE 'unit.%' ORDER BY seq");
    expect(rows).toEqual(['unit.create', 'unit.rename', 'unit.member-add', 'unit.member-remove'].map((action) => ({ action, user_name: 'cli:test' })));
  });

  it('refuses bad arguments with the usage and refused changes with the reason', async () => {
    expect(await admin('unit', 'add', 'BRANCH3', '--zh', '第三分局')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --en/) });
    expect(await admin('unit', 'member-add', 'LEGAL', 'chen')).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --position/) });
    expect(await admin('unit', 'member-add', 'LEGAL', 'chen', '--position', 'boss')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown position boss/) });
    expect(await admin('unit', 'frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown command: unit frobnicate/) });
    expect(await admin('unit', 'add', 'b3', '--zh', '第三分局', '--en', 'Third')).toMatchObject({ code: 1, err: expect.stringMatching(/Refused: The unit is not valid\n {2}code: /) });
    expect(await admin('unit', 'add', 'LEGAL', '--zh', '法務科', '--en', 'Legal')).toMatchObject({ code: 1, err: expect.stringMatching(/exists already/) });
    expect(await admin('unit', 'member-add', 'LEGAL', 'chen', '--position', 'chief')).toMatchObject({ code: 1, err: expect.stringMatching(/needs the supervisor role/) });
    expect(await admin('unit', 'member-remove', 'LEGAL', 'chen', '--position', 'officer')).toMatchObject({ code: 1, err: expect.stringMatching(/not officer of LEGAL/) });
    expect((await admin('help')).out).toContain('unit member-add <CODE> <username> --position');
  });
});
