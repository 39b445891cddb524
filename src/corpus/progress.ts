/**
 * Build progress on stderr: a live bar (count, rate, ETA) on a terminal; in a pipe or a log, a plain line every
 * 10% or 10 seconds, whichever comes first, so logs stay short and a long build still shows it is alive.
 */
import cliProgress from 'cli-progress';
import type { CorpusIO } from './io.js';

export interface Progress {
  /** `done` files of the total have been merged. */
  update(done: number): void;
  /** Writes a message line (a skipped file) without tearing the bar. */
  note(text: string): void;
  stop(): void;
}

const LINE_EVERY_MS = 10_000;
/** Below this many files a build is short: no percentage lines, just the summary. */
const MIN_FILES_FOR_STEPS = 100;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The stream-like object cli-progress writes to: escape sequences and text go through io.err. */
function terminalStream(io: Pick<CorpusIO, 'err' | 'isTTY'>): NodeJS.WritableStream {
  const stream = {
    isTTY: true,
    get columns() {
      return process.stderr.columns || 80;
    },
    write(text: string) {
      io.err(text);
      return true;
    },
  };
  return stream as unknown as NodeJS.WritableStream;
}

function barProgress(io: Pick<CorpusIO, 'err' | 'isTTY'>, total: number): Progress {
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: terminalStream(io),
      format: 'building [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
      // Redraw even when the text is unchanged: a skipped-file message may have just cleared the line.
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0' });
  let current = 0;
  const rate = () => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? (current / seconds).toFixed(1) : '0.0';
  };
  return {
    update(done) {
      current = done;
      bar.update(done, { rate: rate() });
    },
    note(text) {
      // Clear the bar's line, print the message above it, and draw the bar again below.
      io.err(`\r\x1b[2K${text}`);
      bar.render();
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(io: Pick<CorpusIO, 'err' | 'isTTY'>, total: number): Progress {
  const started = performance.now();
  let lastLine = started;
  let lastStep = 0;
  return {
    update(done) {
      const now = performance.now();
      const step = total >= MIN_FILES_FOR_STEPS ? Math.floor((done * 10) / total) : 0;
      if (done >= total || (step <= lastStep && now - lastLine < LINE_EVERY_MS)) return;
      lastStep = step;
      lastLine = now;
      const seconds = (now - started) / 1000;
      const rate = done / seconds;
      const eta = rate > 0 ? (total - done) / rate : Infinity;
      io.err(
        `newsgraph: ${done}/${total} files (${Math.floor((done * 100) / total)}%), ${rate.toFixed(1)} files/s, about ${formatDuration(eta)} left\n`,
      );
    },
    note(text) {
      io.err(text);
    },
    stop() {},
  };
}

export function createProgress(io: Pick<CorpusIO, 'err' | 'isTTY'>, total: number): Progress {
  return io.isTTY ? barProgress(io, total) : lineProgress(io, total);
}
