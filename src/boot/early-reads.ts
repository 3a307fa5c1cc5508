import { readTextWithXhr, type ReadText } from './read-text';

/** The files start-up needs before the first screen: asked for together, before any other work. */
export const EARLY_FILES = ['config.json', 'catalog.json'] as const;

const pending = new Map<string, Promise<string>>();

/**
 * Starts reading the early files at once, so both requests overlap each other and the
 * evaluation of the app's script instead of waiting, one after the other, for the shell.
 */
export function startEarlyReads(read: ReadText = readTextWithXhr): void {
  for (const url of EARLY_FILES) {
    const answer = read(url);
    // The reader that takes it handles a failure; until then it must not count as unhandled.
    answer.catch(() => undefined);
    pending.set(url, answer);
  }
}

/** Reads `url`, taking the early read's answer the first time; any later read asks again. */
export const readTextEarly: ReadText = (url) => {
  const answer = pending.get(url);
  if (!answer) return readTextWithXhr(url);
  pending.delete(url);
  return answer;
};
