import { describe, expect, it } from 'vitest';
import type { UnitsResponse } from '../../../../shared/schemas/unit';
import { officerChoices } from './officerChoices';

const directory: UnitsResponse = {
  units: [
    { code: 'PROPERTY', nameZh: '財產稅科', nameEn: 'Property Tax Section' },
    { code: 'LEGAL', nameZh: '法務科', nameEn: 'Legal Section' },
  ],
  members: [
    { unit: 'PROPERTY', username: 'wang', position: 'officer', displayName: '王承辦' },
    { unit: 'PROPERTY', username: 'chen', position: 'chief', displayName: '陳科長' },
    { unit: 'PROPERTY', username: 'chen', position: 'officer', displayName: '陳科長' },
    { unit: 'PROPERTY', username: 'lin', position: 'officer', displayName: '林承辦' },
    { unit: 'PROPERTY', username: 'boss', position: 'director', displayName: '局長' },
    { unit: 'LEGAL', username: 'huang', position: 'officer', displayName: '黃承辦' },
    { unit: 'PROPERTY', username: 'old', position: 'officer' },
  ],
};

describe('the officers a chief may assign a case to', () => {
  it('offers the officers of the case’s unit only, each by name with the username beside it', () => {
    const choices = officerChoices(directory, 'PROPERTY');
    expect(choices.map((choice) => choice.value).sort()).toEqual(['chen', 'lin', 'old', 'wang']);
    expect(choices).toContainEqual({ value: 'lin', label: '林承辦 (lin)' });
    expect(choices.map((choice) => choice.value)).not.toContain('huang');
    expect(choices.map((choice) => choice.value)).not.toContain('boss');
  });

  it('names an officer the server sent no display name for by the username', () => {
    expect(officerChoices(directory, 'PROPERTY')).toContainEqual({ value: 'old', label: 'old' });
  });

  it('lists them in name order, the same order every time', () => {
    const labels = officerChoices(directory, 'PROPERTY').map((choice) => choice.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'zh-Hant-TW')));
    expect(officerChoices({ ...directory, members: [...directory.members].reverse() }, 'PROPERTY')).toEqual(officerChoices(directory, 'PROPERTY'));
  });

  it('offers nobody for a unit without officers', () => {
    expect(officerChoices(directory, 'BRANCH1')).toEqual([]);
  });
});
