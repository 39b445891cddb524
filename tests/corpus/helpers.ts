/** Shared fixtures for the corpus tests: folders of generated news files and a way to run the built CLI. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CapturedIO, captureIO as capture } from '../helpers/cli.js';
import { type NewsText, newsCorpus } from '../helpers/news-corpus.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const CLI = join(REPO, 'bin', 'newsgraph.js');

let texts: NewsText[] | null = null;
/** The generated news corpus (tests/helpers/news-corpus.ts), 300 distinct articles. */
export function newsTexts(): NewsText[] {
  texts ??= newsCorpus(300);
  return texts;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `newsgraph-${prefix}-`));
}

/** Writes `count` article files (generated texts, repeated under new names past the end) into dir/sub. */
export function writeCorpus(dir: string, count: number, offset = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const all = newsTexts();
  const names: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const name = `article-${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, name), all[i % all.length]!.text);
    names.push(name);
  }
  return names;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (dist/) in a child process; `onStderr` sees stderr as it arrives. */
export function runCli(
  args: string[],
  options: { cwd?: string; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

export function captureIO(signal: AbortSignal = new AbortController().signal, isTTY = false): CapturedIO {
  return capture({ signal, isTTY });
}
