import type { UnitsResponse } from '../../../../shared/schemas/unit';

export interface OfficerChoice {
  /** The username the assign step names. */
  value: string;
  /** The person's name with the username beside it (names repeat; usernames do not). */
  label: string;
}

/**
 * The people a chief may give a case of `unit` to: the unit's members whose position is officer (the
 * server refuses anyone else), from GET /v1/units, in name order. An older server sends no display
 * names: the username stands alone.
 */
export function officerChoices(directory: UnitsResponse, unit: string): OfficerChoice[] {
  return directory.members
    .filter((member) => member.unit === unit && member.position === 'officer')
    .map((member) => ({ value: member.username, label: member.displayName && member.displayName !== member.username ? `${member.displayName} (${member.username})` : member.username }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hant-TW'));
}
