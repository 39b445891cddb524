import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { textBlocks } from '/work/main/src/ingest/formats/html.js';
const src = readFileSync(process.argv[2]!, 'utf8');
const { document } = parseHTML(src) as any;
console.log('body text len', document.body?.textContent?.length);
try { const r = new Readability(document, { serializer: (n: any) => n }).parse(); console.log('readability', r && (r.content as any)?.textContent?.slice(0, 50)); } catch (e) { console.log('RERR', String(e).slice(0, 100)); }
try { console.log(textBlocks(document.body).slice(0, 2)); } catch (e) { console.log('TERR', String(e).slice(0, 100)); }
