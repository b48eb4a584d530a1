import { describe, expect, it } from 'vitest';
import { array, canCast, promoteTypes, fromBytes, CastingError, DTypeError, type Registry } from '@dtkit/core';
import { add, equal } from '@dtkit/ufunc-registry';
import { builtinRegistry } from './fixtures/registry-setup.js';
import { bytesFamily, bytesOf, bytesPlugin } from './fixtures/bytes-dtype.js';

function reg(): Registry {
  return builtinRegistry().use(bytesPlugin);
}

describe('parametric dtype bytes[N]', () => {
  it('parses specs into interned descriptors whose canonical name round-trips', () => {
    const r = reg();
    const d = r.dtype('bytes[8]');
    expect(d.name).toBe('bytes[8]');
    expect(d).toBe(bytesOf(8));
    expect(r.dtype(d.name)).toBe(d);
    expect(bytesFamily.spec.parse!(['8'], (s) => r.dtype(s))).toBe(d);
    expect(d.storage).toEqual({ kind: 'typed', type: 'uint8', lanes: 8 });
    expect(d.itemsize).toBe(8);
    expect(() => r.dtype('bytes[0]')).toThrow(expect.objectContaining({ code: 'DTYPE_SPEC' }));
    expect(() => r.dtype('bytes')).toThrow(expect.objectContaining({ code: 'DTYPE' }));
  });

  it('creates arrays with an explicit width and discovers the widest width from strings', () => {
    const r = reg();
    const a = array(['ab', 'abc', ''], { dtype: 'bytes[4]', registry: r });
    expect(a.dtype.name).toBe('bytes[4]');
    expect(a.toArray()).toEqual(['ab', 'abc', '']);
    const b = array([['x', 'hello'], ['yz', 'q']], { registry: r });
    expect(b.dtype).toBe(bytesOf(5));
    expect(b.shape).toEqual([2, 2]);
    expect(b.get(0, 1)).toBe('hello');
    expect(array([new Uint8Array([104, 105])], { dtype: 'bytes[3]', registry: r }).get(0)).toBe('hi');
    expect(() => array(['toolong'], { dtype: 'bytes[3]', registry: r })).toThrow(CastingError);
  });

  it('promotes between widths to the wider descriptor', () => {
    const r = reg();
    expect(promoteTypes('bytes[3]', 'bytes[8]', r)).toBe(bytesOf(8));
    expect(promoteTypes('bytes[8]', 'bytes[3]', r)).toBe(bytesOf(8));
    expect(promoteTypes('bytes[5]', 'bytes[5]', r)).toBe(bytesOf(5));
  });

  it('canCast: widening safe, narrowing only unsafe, identity at no', () => {
    const r = reg();
    expect(canCast('bytes[4]', 'bytes[4]', 'no', r)).toBe(true);
    expect(canCast('bytes[4]', 'bytes[8]', 'no', r)).toBe(false);
    expect(canCast('bytes[4]', 'bytes[8]', 'safe', r)).toBe(true);
    expect(canCast('bytes[8]', 'bytes[4]', 'safe', r)).toBe(false);
    expect(canCast('bytes[8]', 'bytes[4]', 'same_kind', r)).toBe(false);
    expect(canCast('bytes[8]', 'bytes[4]', 'unsafe', r)).toBe(true);
    expect(canCast('bytes[8]', 'float64', 'unsafe', r)).toBe(false);
  });

  it('astype widens, and narrows (truncating) only with casting=unsafe', () => {
    const r = reg();
    const a = array(['abcdef', 'xy'], { dtype: 'bytes[6]', registry: r });
    const wide = a.astype('bytes[10]', { casting: 'safe' });
    expect(wide.dtype.name).toBe('bytes[10]');
    expect(wide.toArray()).toEqual(['abcdef', 'xy']);
    let err: unknown;
    try { a.astype('bytes[3]', { casting: 'safe' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(CastingError);
    expect((err as CastingError).code).toBe('CASTING');
    expect((err as CastingError).message).toContain("needs 'unsafe'");
    const narrow = a.astype('bytes[3]', { casting: 'unsafe' });
    expect(narrow.toArray()).toEqual(['abc', 'xy']);
    expect(a.astype('bytes[3]').toArray()).toEqual(['abc', 'xy']);
    expect(() => a.astype('float64')).toThrow(expect.objectContaining({ code: 'NO_CAST' }));
  });

  it('equal loop compares different widths as zero-padded', () => {
    const r = reg();
    const a = array(['ab', 'abc', 'q'], { dtype: 'bytes[3]', registry: r });
    const b = array(['ab', 'abd', 'q'], { dtype: 'bytes[5]', registry: r });
    const eq = equal(a, b);
    expect(eq.dtype.name).toBe('bool');
    expect(eq.toArray()).toEqual([true, false, true]);
  });

  it('add loop concatenates with resolveDescriptors computing bytes[N+M], broadcasting', () => {
    const r = reg();
    const a = array([['ab'], ['c']], { dtype: 'bytes[2]', registry: r });
    const b = array(['x', 'yz', 'wvu'], { dtype: 'bytes[3]', registry: r });
    const c = add(a, b);
    expect(c.dtype).toBe(bytesOf(5));
    expect(c.shape).toEqual([2, 3]);
    expect(c.toArray()).toEqual([['abx', 'abyz', 'abwvu'], ['cx', 'cyz', 'cwvu']]);
  });

  it('add into a narrower out needs unsafe casting', () => {
    const r = reg();
    const a = array(['ab'], { dtype: 'bytes[2]', registry: r });
    const b = array(['cd'], { dtype: 'bytes[2]', registry: r });
    const out = array([''], { dtype: 'bytes[3]', registry: r });
    expect(() => add.call([a, b], { out })).toThrow(expect.objectContaining({ code: 'CASTING' }));
    expect(out.get(0)).toBe('');
    add.call([a, b], { out, casting: 'unsafe' });
    expect(out.get(0)).toBe('abc');
  });

  it('toString formats through the format slot', () => {
    const r = reg();
    const a = array(['ab', 'abc'], { dtype: 'bytes[3]', registry: r });
    expect(a.toString()).toBe("array([ b'ab', b'abc'], dtype=bytes[3])");
  });

  it('toBytes / fromBytes round-trip the raw lanes', () => {
    const r = reg();
    const a = array(['ab', 'abc'], { dtype: 'bytes[3]', registry: r });
    const raw = a.toBytes();
    expect([...raw]).toEqual([97, 98, 0, 97, 98, 99]);
    const back = fromBytes(raw, 'bytes[3]', [2], r);
    expect(back.dtype).toBe(bytesOf(3));
    expect(back.toArray()).toEqual(['ab', 'abc']);
    const rev = a.slice('::-1');
    expect([...rev.toBytes()]).toEqual([97, 98, 99, 97, 98, 0]);
    expect(() => fromBytes(new Uint8Array(4), 'bytes[3]', undefined, r)).toThrow(expect.objectContaining({ code: 'VALUE' }));
  });

  it('an unknown family name in a spec is a DTypeError', () => {
    const r = reg();
    expect(() => r.dtype('byts[3]')).toThrow(DTypeError);
  });
});
