/**
 * validate on worker threads. The workers run this same bundle (dist/cli.js; main.ts sends a
 * thread started with {@link WORKER_FLAG} in its workerData to {@link runValidateWorker}).
 *
 * Work stealing through shared memory: every worker gets the whole file list and takes the next
 * file by incrementing a shared counter, so a slow file never holds up the others and no round trip
 * to the main thread is needed between files. The main thread takes files from the same counter
 * (--jobs N: this thread and N - 1 workers), in short turns between which it handles the workers'
 * messages. Before working on a file, a worker records its index in its own slot; if the worker
 * dies, that file is reported as not validated, and the other threads take the rest. Each worker
 * posts one formatted report per file; the main thread keeps the reports that come early and writes
 * them in input order, as soon as all files before them are written. The run ends when every file
 * is reported once, or when every file is taken and every worker has exited: a worker that cannot
 * start or dies never makes it hang.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFile, withFileOptions } from './validateCommand';
import { LinkSession } from './links';
import { cliText } from './messages';
import { currentLanguage, useLanguage } from './locale';
import type { CheckOptions, FileReport, Io, PerFileOptions, ValidateFormat, ValidateReporter } from './validateCommand';

/** Marks the workerData of a validation worker. */
export const WORKER_FLAG = 'canvasAsCodeValidateWorker';

/**
 * What a worker receives. `shared` is an Int32Array over a SharedArrayBuffer: [0] the index of the
 * next file to take, [1 + slot] the index of the file this worker is on (-1: none).
 */
export interface ValidateWorkerData {
  [WORKER_FLAG]: true;
  files: string[];
  cwd: string;
  format: ValidateFormat;
  options: CheckOptions;
  /** Each file's configuration (rule severities, size limit): the same as on the main thread. */
  perFile?: PerFileOptions;
  shared: SharedArrayBuffer;
  slot: number;
  /** The run's language (locale.ts): the worker's messages are in it too. */
  language: string;
}

/** Posted by a worker for each file: [index in the file list, its report]. */
export type WorkerMessage = [number, FileReport];

/** True in a thread started by {@link validateOnWorkers}. */
export function isValidateWorker(): boolean {
  return !isMainThread && (workerData as Partial<ValidateWorkerData> | null)?.[WORKER_FLAG] === true;
}

/** The body of a validation worker: take files until none are left, post each report. */
export function runValidateWorker(): void {
  const data = workerData as ValidateWorkerData;
  useLanguage(data.language ?? 'en');
  const shared = new Int32Array(data.shared);
  // Each thread reads a linked business model once for the files it validates.
  const links = new LinkSession(data.cwd, data.options.maxFileSizeKB);
  for (;;) {
    const index = Atomics.add(shared, 0, 1);
    if (index >= data.files.length) break;
    Atomics.store(shared, 1 + data.slot, index);
    const message: WorkerMessage = [index, checkFile(data.files[index], data.cwd, data.format, withFileOptions(data.options, data.perFile, index), links)];
    parentPort!.postMessage(message);
  }
  Atomics.store(shared, 1 + data.slot, -1);
}

/** The main thread validates files in turns of about this long, handling worker messages between. */
const MAIN_TURN_MS = 4;

/**
 * Validates `files` on `threads` threads: this one and threads - 1 workers, all taking files from
 * the same counter. Resolves to the exit status as soon as every file is reported (workers still
 * running then have nothing left to do and are terminated). `checked` is the count for the summary
 * (the files, and standard input if the reporter has had it already).
 */
export function validateOnWorkers(
  files: readonly string[],
  format: ValidateFormat,
  io: Io,
  threads: number,
  reporter: ValidateReporter,
  options: CheckOptions = {},
  checked = files.length,
  perFile?: PerFileOptions,
  links?: LinkSession,
): Promise<number> {
  const workers = threads - 1;
  const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  shared.fill(-1, 1);
  const reports: (FileReport | undefined)[] = new Array(files.length);
  let written = 0;
  const deliver = (index: number, report: FileReport) => {
    if (index < written || reports[index] !== undefined) return;
    reports[index] = report;
    while (written < files.length && reports[written] !== undefined) {
      reporter.file(reports[written]!);
      reports[written] = undefined;
      written++;
    }
  };
  const lost = (index: number, why: string) =>
    deliver(index, { items: [], counts: [], error: cliText('cannotValidate', files[index], cliText('workerStopped', why)) });

  return new Promise<number>((resolve) => {
    const started: Worker[] = [];
    let running = 0;
    let mainDone = false;
    let finished = false;
    const maybeFinish = () => {
      if (finished || !mainDone || (written < files.length && running > 0)) return;
      finished = true;
      // Every file has been taken, and either every file is reported or every worker is gone: then
      // a file taken but never reported was lost with its worker (its slot said so already; this
      // is a safety net).
      for (let i = written; i < files.length; i++) if (reports[i] === undefined) lost(i, cliText('noResult'));
      // Workers still starting (the main thread may have done everything meanwhile) or about to
      // exit have nothing left to do: do not wait for them.
      for (const worker of started) void worker.terminate();
      resolve(reporter.finish(checked));
    };
    for (let slot = 0; slot < workers; slot++) {
      const data: ValidateWorkerData = { [WORKER_FLAG]: true, files: files as string[], cwd: io.cwd, format, options, ...(perFile ? { perFile } : {}), shared: shared.buffer as SharedArrayBuffer, slot, language: currentLanguage() };
      let worker: Worker;
      try {
        worker = new Worker(io.workerScript ?? __filename, { workerData: data });
      } catch {
        continue; // This thread takes its share.
      }
      started.push(worker);
      running++;
      let failure: string | undefined;
      worker.on('message', ([index, report]: WorkerMessage) => {
        deliver(index, report);
        maybeFinish();
      });
      worker.on('error', (error) => (failure = error?.message ?? String(error)));
      worker.on('exit', (code) => {
        // Messages the worker posted before it stopped have been delivered by now.
        const current = Atomics.exchange(shared, 1 + slot, -1);
        if (current >= 0 && current < files.length) lost(current, failure ?? cliText('exitCode', code));
        running--;
        maybeFinish();
      });
    }
    // This thread validates too, in short turns so that worker reports are written as they come.
    const turn = () => {
      const start = performance.now();
      do {
        const index = Atomics.add(shared, 0, 1);
        if (index >= files.length) {
          mainDone = true;
          maybeFinish();
          return;
        }
        io.beforeRead?.(files[index]);
        deliver(index, checkFile(files[index], io.cwd, format, withFileOptions(options, perFile, index), links));
      } while (performance.now() - start < MAIN_TURN_MS);
      setImmediate(turn);
    };
    turn();
  });
}
