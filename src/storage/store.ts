import { createStore as createIdbStore, del, get, set, type UseStore } from 'idb-keyval';
import { withTimeout } from '../async/timeout';
import { createLogger } from '../log/log';

const log = createLogger('storage');

/** A small persistent key-value store; every method resolves, even when storage is broken. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** IndexedDB can hang on some TVs rather than fail: give up after this and use memory. */
const IDB_TIMEOUT_MS = 3000;

/**
 * IndexedDB through idb-keyval, written through a memory copy: when IndexedDB is missing, full
 * or broken, the app keeps working for this session from memory and says so once in the log.
 */
export function createPersistentStore(dbName = 'tv-app', storeName = 'state'): KeyValueStore {
  const memory = new Map<string, unknown>();
  let idb: UseStore | undefined;
  let warned = false;
  // Set only when IndexedDB cannot be opened at all. A slow answer is not a dead database: the
  // operation may still commit (a busy TV, or a suspended app whose timers fired late), so
  // later operations keep trying it while memory keeps this session whole.
  let unavailable = false;

  const fail = (operation: string, error: unknown): void => {
    if (!warned) log.warn(`IndexedDB ${operation} failed (${error instanceof Error ? error.message : String(error)}); keeping state in memory`);
    warned = true;
  };
  const database = (): UseStore | undefined => {
    if (unavailable) return undefined;
    try {
      idb ??= createIdbStore(dbName, storeName);
      return idb;
    } catch (error) {
      fail('open', error);
      unavailable = true;
      return undefined;
    }
  };

  return {
    async get<T>(key: string): Promise<T | undefined> {
      if (memory.has(key)) return memory.get(key) as T;
      const db = database();
      if (!db) return undefined;
      try {
        const value = await withTimeout(get<T>(key, db), IDB_TIMEOUT_MS);
        if (value !== undefined) memory.set(key, value);
        return value;
      } catch (error) {
        fail('read', error);
        return undefined;
      }
    },
    async set(key: string, value: unknown): Promise<void> {
      memory.set(key, value);
      const db = database();
      if (!db) return;
      try {
        await withTimeout(set(key, value, db), IDB_TIMEOUT_MS);
      } catch (error) {
        fail('write', error);
      }
    },
    async del(key: string): Promise<void> {
      memory.delete(key);
      const db = database();
      if (!db) return;
      try {
        await withTimeout(del(key, db), IDB_TIMEOUT_MS);
      } catch (error) {
        fail('delete', error);
      }
    },
  };
}
