/** `newsgraph extract FILE... --jsonl`: one JSON object per article, offsets into each file's original text. */
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import type { CliIO } from '../context.js';
import { printableLine } from '../../util/printable.js';

export function registerExtract(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('extract')
    .description('print the entities and relations of each article as JSON Lines')
    .argument('<file...>', 'article files')
    .option('--jsonl', 'print JSON Lines (the default and only format)', true)
    .action(async (files: string[]) => {
      const [{ extractArticle }, { ingestFile }] = await Promise.all([import('../../extract/index.js'), import('../../ingest/index.js')]);
      let ok = 0;
      for (const file of files) {
        try {
          for (const article of await ingestFile(file, file)) {
            const x = extractArticle(article);
            const line = {
              file: x.file,
              id: x.articleId,
              article: x.article,
              entities: x.entities.map((e) => ({ id: e.id, label: e.label, kind: e.kind, aliases: e.aliases, mentions: e.mentions, rules: e.rules })),
              relations: x.relations,
            };
            io.out(`${JSON.stringify(line)}\n`);
            ok++;
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          io.err(printableLine(`newsgraph: skipped ${error.message}`));
        }
      }
      if (files.length === 0) throw new UsageError('extract needs at least one file');
      setExit(ok > 0 ? 0 : 1);
    });
}
