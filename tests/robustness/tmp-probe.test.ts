import { it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { captureIO, tempDir, writeBadFolder } from './bad-inputs.js';
it('probe', async () => {
  const dir = tempDir('probe'); const input = join(dir, 'in');
  writeBadFolder(input, { huge: true });
  for (const name of ['good-article.txt','empty.txt','random.txt','nul-bytes.txt','latin1.txt','utf16le-bom.txt','unclosed.html','not-an-article.json','self.txt','dangling.txt','pipe.txt','huge.txt','deep.html','long-sentence.txt']) {
    const io = captureIO(); const t = performance.now();
    const code = await main(['build', join(input, name), '-o', join(dir, 'g.json'), '--no-cache', '--jobs', '1'], io);
    console.log(name, code, (performance.now() - t).toFixed(0), 'ms', JSON.stringify(io.stderr.split('\n').filter(l => /skipped|internal/.test(l))));
  }
}, 600_000);
