/** A section of the bench either measured something or says why it could not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Runs one section; a failure becomes its reason (first line of the error), never a number. */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n')[0] };
  }
}
