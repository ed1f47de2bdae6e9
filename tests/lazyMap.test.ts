/** LazyMap: a Map made on first use, which then takes its own place in its parent. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LazyMap } from '../src/search/lazyMap.ts';

/** A LazyMap under `parent` at "k", counting how often its entries are made. */
function lazyIn(parent: Map<unknown, unknown>) {
  const made = { count: 0 };
  const lazy = new LazyMap(
    () => {
      made.count++;
      return new Map([
        ['a', 1],
        ['b', 2],
      ]);
    },
    parent,
    'k',
  );
  parent.set('k', lazy);
  return { lazy, made };
}

describe('LazyMap', () => {
  test('makes its entries on first use, once, and puts them in its place in the parent', () => {
    const parent = new Map<unknown, unknown>();
    const { lazy, made } = lazyIn(parent);
    assert.equal(made.count, 0);
    assert.ok(lazy.pending);
    assert.equal(lazy.get('a'), 1);
    assert.equal(made.count, 1);
    assert.ok(!lazy.pending);
    const placed = parent.get('k');
    assert.ok(placed instanceof Map && !(placed instanceof LazyMap), 'the parent now holds a plain Map');
    assert.deepEqual(placed, new Map([['a', 1], ['b', 2]]));
    assert.equal(lazy.get('b'), 2);
    assert.equal(made.count, 1);
  });

  test('every Map method reads and changes the made entries', () => {
    const { lazy } = lazyIn(new Map());
    assert.equal(lazy.size, 2);
    assert.ok(lazy.has('a') && !lazy.has('z'));
    assert.deepEqual([...lazy.keys()], ['a', 'b']);
    assert.deepEqual([...lazy.values()], [1, 2]);
    assert.deepEqual([...lazy.entries()], [['a', 1], ['b', 2]]);
    assert.deepEqual([...lazy], [['a', 1], ['b', 2]]);
    assert.deepEqual(new Map(lazy), new Map([['a', 1], ['b', 2]]));
    const seen: Array<[unknown, unknown, unknown]> = [];
    lazy.forEach(function (this: unknown, value, key, map) {
      seen.push([key, value, map === lazy && this === 'ctx']);
    }, 'ctx');
    assert.deepEqual(seen, [['a', 1, true], ['b', 2, true]]);
    assert.equal(lazy.set('c', 3), lazy);
    assert.ok(lazy.delete('a'));
    assert.deepEqual([...lazy.expand()], [['b', 2], ['c', 3]]);
    lazy.clear();
    assert.equal(lazy.size, 0);
  });

  test('each method makes the entries on its own', () => {
    const calls: Array<(lazy: LazyMap<unknown, unknown>) => unknown> = [
      (m) => m.size,
      (m) => m.get('a'),
      (m) => m.has('a'),
      (m) => m.keys(),
      (m) => m.values(),
      (m) => m.entries(),
      (m) => [...m],
      (m) => m.forEach(() => {}),
      (m) => m.set('x', 0),
      (m) => m.delete('x'),
    ];
    for (const call of calls) {
      const { lazy, made } = lazyIn(new Map());
      call(lazy);
      assert.equal(made.count, 1, String(call));
    }
  });

  test('leaves a parent that no longer holds it alone', () => {
    const parent = new Map<unknown, unknown>();
    const { lazy } = lazyIn(parent);
    parent.set('k', 'replaced');
    assert.equal(lazy.get('a'), 1);
    assert.equal(parent.get('k'), 'replaced');
  });
});
