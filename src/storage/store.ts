import { createStore as createIdbStore, del, get, set, type UseStore } from 'idb-keyval';
import { createLogger, errorMessage } from '../log/log';
import { withRunningTimeout } from '../async/running-timeout';

const log = createLogger('storage');

/** A small persistent key-value store; every method resolves, even when storage is broken. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/**
 * IndexedDB can hang on some TVs rather than fail: give up after this much time of the app
 * running (a frozen app's overdue timer is not a silent store) and use memory.
 */
const IDB_TIMEOUT_MS = 3000;

/**
 * IndexedDB through idb-keyval, written through a memory copy: when IndexedDB is missing, full
 * or broken, the app keeps working for this session from memory and says so once in the log.
 */
export function createPersistentStore(dbName = 'tv-app', storeName = 'state'): KeyValueStore {
  /** What this session knows; `undefined` marks a deleted key. */
  const memory = new Map<string, unknown>();
  let warned = false;
  const fail = (operation: string, error: unknown): void => {
    if (!warned) log.warn(`IndexedDB ${operation} failed (${errorMessage(error)}); keeping state in memory`);
    warned = true;
  };
  // Undefined only when there is no IndexedDB to talk to at all. A failed or slow operation is
  // not a dead database: it may still commit (a busy TV, or a suspended app whose timers fired
  // late), so later operations keep trying it while memory keeps this session whole.
  let db: UseStore | undefined;
  try {
    db = createIdbStore(dbName, storeName);
  } catch (error) {
    fail('open', error);
  }

  /** Keys whose last write or delete did not reach IndexedDB (a full quota, a hiccup). */
  const unsaved = new Set<string>();
  /** Writes the memory copy of `key` (or its absence) to IndexedDB. */
  const persist = async (key: string): Promise<void> => {
    if (!db) return;
    try {
      const value = memory.get(key);
      await withRunningTimeout(value === undefined ? del(key, db) : set(key, value, db), IDB_TIMEOUT_MS);
      unsaved.delete(key);
    } catch (error) {
      // A write given up on is not cancelled: IndexedDB may still commit it. Either way the
      // key is written again after the next write that goes through.
      unsaved.add(key);
      fail('write', error);
      return;
    }
    // A write went through, so there is room again: catch up on what failed before, so a
    // restart finds everything.
    const pending = Array.from(unsaved);
    unsaved.clear();
    await Promise.all(pending.map(persist));
  };

  return {
    async get<T>(key: string): Promise<T | undefined> {
      if (memory.has(key)) return memory.get(key) as T;
      if (!db) return undefined;
      try {
        const value = await withRunningTimeout(get<T>(key, db), IDB_TIMEOUT_MS);
        if (value !== undefined) memory.set(key, value);
        return value;
      } catch (error) {
        fail('read', error);
        return undefined;
      }
    },
    async set(key: string, value: unknown): Promise<void> {
      memory.set(key, value);
      await persist(key);
    },
    async del(key: string): Promise<void> {
      // Remembered as undefined, not forgotten: a delete that fails must not let a read fall
      // through to the stale value still in IndexedDB.
      memory.set(key, undefined);
      await persist(key);
    },
  };
}
