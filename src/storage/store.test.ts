import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPersistentStore } from './store';

let dbCounter = 0;
const freshName = (): string => `store-test-${++dbCounter}`;

describe('createPersistentStore', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('keeps values across store instances (a restart) through IndexedDB', async () => {
    const name = freshName();
    await createPersistentStore(name).set('device.ban', { message: 'Banned' });
    expect(await createPersistentStore(name).get('device.ban')).toEqual({ message: 'Banned' });
    await createPersistentStore(name).del('device.ban');
    expect(await createPersistentStore(name).get('device.ban')).toBeUndefined();
  });

  it('keeps working from memory, with one warning, when IndexedDB cannot be opened', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked by the TV', 'SecurityError');
    });
    const store = createPersistentStore(freshName());
    await store.set('a', 1);
    await store.set('b', 2);
    expect(await store.get('a')).toBe(1);
    expect(await store.get('b')).toBe(2);
    await store.del('a');
    expect(await store.get('a')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0].join(' ')).toContain('keeping state in memory');
  });

  it('loses nothing this session when a write fails (quota), and still persists later writes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = freshName();
    const store = createPersistentStore(name);
    await store.get('warm-up');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await store.set('first', 'kept in memory');
    expect(put).toHaveBeenCalled();
    expect(await store.get('first')).toBe('kept in memory');
    await store.set('second', 'persisted');
    const afterRestart = createPersistentStore(name);
    expect(await afterRestart.get('second')).toBe('persisted');
    // The failed write was caught up once IndexedDB took writes again.
    expect(await afterRestart.get('first')).toBe('kept in memory');
  });

  it('never reads back a value whose delete failed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = freshName();
    const store = createPersistentStore(name);
    await store.set('device.ban', { message: 'Banned' });
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementationOnce(() => {
      throw new DOMException('busy', 'UnknownError');
    });
    await store.del('device.ban');
    expect(await store.get('device.ban')).toBeUndefined();
    await store.set('other', 1);
    expect(await createPersistentStore(name).get('device.ban')).toBeUndefined();
  });

  it('does not wait forever on an IndexedDB that never answers', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers();
    const hanging = { onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null } as unknown as IDBOpenDBRequest;
    vi.spyOn(indexedDB, 'open').mockReturnValue(hanging);
    const store = createPersistentStore(freshName());
    const read = store.get('device.ban');
    await vi.advanceTimersByTimeAsync(3000);
    await expect(read).resolves.toBeUndefined();
    const write = store.set('device.ban', { message: 'x' });
    await vi.advanceTimersByTimeAsync(3000);
    await write;
    expect(await store.get('device.ban')).toEqual({ message: 'x' });
  });
});
