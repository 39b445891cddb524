/** `newsgraph build INPUT... [-o FILE]`: articles in, graph file out. */
import type { Command } from 'commander';
import { buildCorpus } from '../../corpus/build.js';
import type { CliIO } from '../context.js';

export function registerBuild(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('extract articles (files or folders) and write a graph file')
    .argument('<input...>', 'article files or folders (txt, md, html, json, jsonl)')
    .option('-o, --out <file>', 'graph file to write', 'out/graph.json')
    .action(async (inputs: string[], options: { out: string }) => {
      const summary = await buildCorpus({ inputs, out: options.out, io });
      setExit(summary.articles > 0 ? 0 : 1);
    });
}
