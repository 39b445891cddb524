/** Build progress: a live bar on a terminal, a plain line every 10% in logs and pipes. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/corpus/progress.js';
import { captureIO } from './helpers.js';

describe('build progress', () => {
  it('writes a plain line at every tenth of a long build when stderr is not a terminal', () => {
    const io = captureIO();
    const progress = createProgress(io, 250);
    for (let done = 1; done <= 250; done++) progress.update(done);
    progress.stop();
    const lines = io.stderr.trim().split('\n');
    expect(lines).toHaveLength(9); // 10% .. 90%; the build's summary line stands for 100%
    expect(lines[0]).toMatch(/^newsgraph: 25\/250 files \(10%\), [\d.]+ files\/s, about .+ left$/);
    expect(lines[8]).toMatch(/^newsgraph: 225\/250 files \(90%\)/);
    expect(io.stderr).not.toContain('\x1b');
  });

  it('stays quiet on a short build in a pipe', () => {
    const io = captureIO();
    const progress = createProgress(io, 20);
    for (let done = 1; done <= 20; done++) progress.update(done);
    progress.stop();
    expect(io.stderr).toBe('');
  });

  it('draws a bar with the count, the rate and the ETA on a terminal, and keeps messages on their own line', () => {
    const io = captureIO(undefined, true);
    const progress = createProgress(io, 40);
    progress.update(10);
    progress.note('newsgraph: skipped a.txt: empty file\n');
    progress.update(40);
    progress.stop();
    expect(io.stderr).toMatch(/building \[.*\] 10\/40 files \| [\d.]+ files\/s \| ETA/);
    expect(io.stderr).toContain('\r\x1b[2Knewsgraph: skipped a.txt: empty file\n');
    expect(io.stderr).toMatch(/40\/40 files/);
  });
});
