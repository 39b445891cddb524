import { it } from 'vitest';
import { analyse } from '../../src/extract/analyse.js';
it('probe', async () => {
  analyse('Warm up Anna Weber.');
  const repros: Record<string, string> = {
    placesNoStop: 'Lyon and Marseille voted while Paris waited ',
    placesStop: 'Lyon and Marseille voted while Paris waited. ',
  };
  for (const [name, s] of Object.entries(repros)) {
    const out: string[] = [];
    for (const n of [250, 1000]) { const text = s.repeat(n); const t = performance.now(); const d = analyse(text); out.push(`n=${n} chars=${text.length} mentions=${d.mentions.length} ${Math.round(performance.now() - t)}ms`); }
    console.log('repro', name, out.join(' | '));
  }
}, 600_000);
