// `build --watch`: rerun when any file of the spec changes. Folders are watched rather than
// files because editors save by writing a new file and renaming it over the old one, which ends
// a watch on the old file. Changes are debounced so one save triggers one rebuild.

import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

export interface WatchOptions {
  /**
   * Runs one build; returns the files to watch next (the spec's files, and files a `$ref` names that
   * do not exist yet), or undefined to keep the old list.
   */
  run: () => Promise<string[] | undefined>;
  /**
   * Called after each build once the watchers are armed, with the number of files watched: a change
   * from then on triggers a rebuild (said only now, so "watching" is true when it is read).
   */
  onWatching?: (files: number) => void;
  /** Resolves when watching should end (SIGINT in the CLI). */
  stop: PromiseLike<void>;
  debounceMs?: number;
}

export async function watchAndRebuild(options: WatchOptions): Promise<void> {
  const debounceMs = options.debounceMs ?? 100;
  let files = new Set<string>();
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const closeAll = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };
  const rewatch = (next: string[] | undefined) => {
    if (next) files = new Set(next.map((f) => resolve(f)));
    closeAll();
    if (stopped) return;
    for (const [folder, names] of watchedNames(files)) {
      try {
        const watcher = watch(folder, (_event, name) => {
          // Some platforms omit the name; then any change in the folder counts.
          if (name === null || names.has(name.toString())) schedule();
        });
        watcher.on('error', () => undefined); // a folder removed while watched: the next build reports it
        watchers.push(watcher);
      } catch {
        // folder gone; the build that follows reports the missing spec
      }
    }
    options.onWatching?.(files.size);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(async () => {
        if (!stopped) rewatch(await options.run());
      });
    }, debounceMs);
  };

  rewatch(await options.run());
  await options.stop;
  stopped = true;
  if (timer) clearTimeout(timer);
  closeAll();
  await running;
}

/**
 * Folder → the names in it whose change matters. A file's folder, or, when that folder does not exist
 * yet (a `$ref` to templates/x.vtl before templates/ is made), its nearest existing ancestor, where
 * the first missing folder on the way appears; the rebuild that follows watches one level deeper.
 */
function watchedNames(files: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    let folder = dirname(file);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    const name = relative(folder, file).split(sep)[0] as string;
    let names = out.get(folder);
    if (names === undefined) out.set(folder, (names = new Set()));
    names.add(name);
  }
  return out;
}
