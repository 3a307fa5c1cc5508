import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPersistentStore } from './store';

/** While `until` is pending, IndexedDB starts no operation: a TV whose storage is slow, not broken. */
const slowIdb = vi.hoisted(() => ({ until: undefined as Promise<void> | undefined }));
vi.mock('idb-keyval', async (importOriginal) => {
  const idb = await importOriginal<typeof import('idb-keyval')>();
  const slow =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await slowIdb.until;
      return operation(...args);
    };
  return { ...idb, get: slow(idb.get), set: slow(idb.set), del: slow(idb.del) };
});

/** Holds IndexedDB back until the returned function is called. */
function holdIndexedDb(): () => void {
  let release!: () => void;
  slowIdb.until = new Promise((resolve) => (release = resolve));
  return () => {
    slowIdb.until = undefined;
    release();
  };
}

/**
 * Timers that only move when the test says, with IndexedDB still running on its own, and
 * `performance.now` reading the (fake) wall clock, so the test can freeze the app.
 */
function fakeTimersOnly(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.spyOn(performance, 'now').mockImplementation(() => Date.now());
}

/** The TV froze the app for half an hour; on resume the next overdue timer fires at once. */
async function freezeAndResume(): Promise<void> {
  vi.setSystemTime(Date.now() + 30 * 60_000);
  await vi.advanceTimersToNextTimerAsync();
}

let dbCounter = 0;
const freshName = (): string => `store-test-${++dbCounter}`;

describe('createPersistentStore', () => {
  afterEach(() => {
    slowIdb.until = undefined;
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

  it('tells a key that is not stored from one that IndexedDB did not answer for', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = freshName();
    await createPersistentStore(name).set('registration.installation-id', 'kept');
    expect(await createPersistentStore(name).read('nothing-here')).toEqual({ known: true, value: undefined });
    vi.useFakeTimers();
    const release = holdIndexedDb();
    const read = createPersistentStore(name).read('registration.installation-id');
    await vi.advanceTimersByTimeAsync(3000);
    await expect(read).resolves.toEqual({ known: false });
    release();
  });

  it('keeps a write made while a read of the same key was on its way, not the older value the read found', async () => {
    const name = freshName();
    await createPersistentStore(name).set('device.ban', { message: 'old' });
    const store = createPersistentStore(name);
    const read = store.get('device.ban');
    await store.set('device.ban', { message: 'new' });
    await read;
    expect(await store.get('device.ban')).toEqual({ message: 'new' });
  });

  it('answers a read from IndexedDB even when the app was frozen while it waited', async () => {
    const name = freshName();
    await createPersistentStore(name).set('registration.state', { stopped: 409 });
    fakeTimersOnly();
    const release = holdIndexedDb();
    const read = createPersistentStore(name).get('registration.state');
    for (let resume = 0; resume < 3; resume++) await freezeAndResume();
    release();
    await expect(read).resolves.toEqual({ stopped: 409 });
  });

  it('loses no write that IndexedDB finishes after the store gave up waiting, and reads it back meanwhile', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = freshName();
    const store = createPersistentStore(name);
    await store.get('warm-up');
    fakeTimersOnly();
    const release = holdIndexedDb();
    const write = store.set('registration.state', { stopped: 409 });
    for (let resume = 0; resume < 3; resume++) await freezeAndResume();
    await vi.advanceTimersByTimeAsync(3000);
    // The app went on after 3 s of running time with no answer, and this session knows the value.
    await write;
    expect(await store.get('registration.state')).toEqual({ stopped: 409 });
    vi.useRealTimers();
    release();
    await vi.waitFor(async () => expect(await createPersistentStore(name).get('registration.state')).toEqual({ stopped: 409 }));
  });
});
