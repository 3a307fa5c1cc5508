import { createStore as createIdbStore, del, get, set, type UseStore } from 'idb-keyval';
import { createLogger, errorMessage } from '../log/log';
import { withRunningTimeout } from '../async/running-timeout';

const log = createLogger('storage');

/** What storage says of a key: its value (undefined when nothing is stored), or that it could not tell. */
export type StoredValue<T> = { known: true; value: T | undefined } | { known: false };

/** The value storage gave, or undefined when nothing is stored or it did not answer (what `get` gives). */
export const valueOf = <T>(stored: StoredValue<T>): T | undefined => (stored.known ? stored.value : undefined);

/** A small persistent key-value store; every method resolves, even when storage is broken. */
export interface KeyValueStore {
  /** The value, or undefined when nothing is stored or storage could not answer. */
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Tells "nothing stored" from "storage did not answer": a caller that would otherwise make
   * something new and store it over a value it merely failed to read (an identifier, a
   * registration) uses this.
   */
  read<T>(key: string): Promise<StoredValue<T>>;
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

  const read = async <T>(key: string): Promise<StoredValue<T>> => {
    if (memory.has(key)) return { known: true, value: memory.get(key) as T };
    // No IndexedDB at all: nothing was ever stored, so there is nothing to lose either.
    if (!db) return { known: true, value: undefined };
    try {
      const value = await withRunningTimeout(get<T>(key, db), IDB_TIMEOUT_MS);
      // A write that came while the read was on its way is newer than what the read found.
      if (memory.has(key)) return { known: true, value: memory.get(key) as T };
      if (value !== undefined) memory.set(key, value);
      return { known: true, value };
    } catch (error) {
      fail('read', error);
      return { known: false };
    }
  };

  return {
    read,
    async get<T>(key: string): Promise<T | undefined> {
      return valueOf(await read<T>(key));
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
