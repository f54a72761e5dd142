/**
 * People for desk tests: a user with given roles and positions in handling units (migration 008), so
 * a test names exactly who acts — an officer of another unit, a chief below the service's level —
 * instead of leaning on the demo users, who hold every unit.
 */
import type { Role } from '../../../shared/schemas/auth';
import type { UnitMembership } from '../../../shared/schemas/unit';
import type { Queryable } from '../db/database';
import { hashPassword } from '../domain/password';
import { insertUser } from '../store/accountStore';
import { addMembership } from '../store/unitStore';

export interface DeskPerson {
  username: string;
  roles: readonly Role[];
  units?: readonly UnitMembership[];
}

/** The password every person made here signs in with. */
export const deskPersonPassword = 'desk-person-test-2026';

/** Adds each person with their roles and unit positions; they sign in with `deskPersonPassword`. */
export async function addDeskPeople(db: Queryable, people: readonly DeskPerson[]): Promise<void> {
  const passwordHash = await hashPassword(deskPersonPassword);
  for (const person of people) {
    await insertUser(db, { username: person.username, displayName: person.username, roles: [...person.roles], passwordHash });
    for (const membership of person.units ?? []) await addMembership(db, { ...membership, username: person.username });
  }
}
