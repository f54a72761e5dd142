import { describe, expect, it } from 'vitest';
import { pendingPagesReducer, totalPages, type PendingPage } from './pendingPages';

const page = (id: string, pages = 1): PendingPage => ({ id, format: pages > 1 ? 'pdf' : 'jpeg', bytes: new Uint8Array([1]), pages, origin: id });

describe('pendingPagesReducer', () => {
  const three = [page('a'), page('b'), page('c', 3)];

  it('moves a page up and down and stops at the ends', () => {
    expect(pendingPagesReducer(three, { type: 'move', id: 'c', by: -1 }).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(pendingPagesReducer(three, { type: 'move', id: 'a', by: -1 }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(pendingPagesReducer(three, { type: 'move', id: 'c', by: 1 }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('retakes a page in place', () => {
    const retaken = { ...page('b2'), origin: 'camera' };
    expect(pendingPagesReducer(three, { type: 'replace', id: 'b', page: retaken }).map((p) => p.id)).toEqual(['a', 'b2', 'c']);
  });

  it('adds once, removes, clears, and counts pages', () => {
    const added = pendingPagesReducer(three, { type: 'add', page: page('a') });
    expect(added).toHaveLength(3);
    expect(totalPages(three)).toBe(5);
    expect(pendingPagesReducer(three, { type: 'remove', id: 'b' }).map((p) => p.id)).toEqual(['a', 'c']);
    expect(pendingPagesReducer(three, { type: 'clear' })).toEqual([]);
  });
});
