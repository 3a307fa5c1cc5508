import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../log.js';
import type { PersistedState } from './model.js';
import { parseState, StateFileError } from './parse.js';

/** Bursts of changes (a test adding, checking and banning) should not each rewrite the file. */
const DEBOUNCE_MS = 100;

/** The optional JSON file that keeps state across restarts. Writes are debounced and atomic
 * (temp file in the same folder, then rename), so a crash never leaves half a file. */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => Readonly<PersistedState>,
    private readonly log: Logger,
  ) {}

  /** The saved state, or undefined when there is none or it is unusable; an unusable file
   * is moved aside (never overwritten) so the tester can inspect it. */
  load(): PersistedState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.log.info(`no state file yet at ${this.file}; starting empty`);
      } else {
        this.log.error(`cannot read state file ${this.file}; starting empty`, error);
      }
      return undefined;
    }
    try {
      const state = parseState(text);
      this.log.info(`loaded state from ${this.file}`);
      return state;
    } catch (error) {
      const reason = error instanceof StateFileError ? error.message : String(error);
      const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(this.file, aside);
        this.log.error(`state file ${this.file} is corrupt (${reason}); moved it to ${aside} and starting empty`);
      } catch (renameError) {
        this.log.error(`state file ${this.file} is corrupt (${reason}) and could not be moved aside; starting empty`, renameError);
      }
      return undefined;
    }
  }

  /** Writes within DEBOUNCE_MS of the first change of a burst; later changes of the same
   * burst ride along, so steady traffic cannot postpone the write forever. */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
    // A pending write must not keep a test run or a finished CLI alive; shutdown flushes.
    this.timer.unref();
  }

  /** Writes now if a write is pending; resolves once the file is on disk. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      // Chained so two writes never race for the same rename.
      this.writing = this.writing.then(() => this.write());
    }
    return this.writing;
  }

  private async write(): Promise<void> {
    const temp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temp, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
      await rename(temp, this.file);
    } catch (error) {
      this.log.error(`could not write state file ${this.file}`, error);
      await unlink(temp).catch(() => undefined);
    }
  }
}
