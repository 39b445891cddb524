/** The export formats and how an output path names one. Kept apart from the writers so the CLI can check a format
 * without loading them. */
import { extname } from 'node:path';
import { UsageError } from '../errors.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ExportFormat> = {
  '.gexf': 'gexf',
  '.graphml': 'graphml',
  '.csv': 'csv',
  '.json': 'json',
};

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The format given, else the one the output's extension names; a path ending in '/' means a CSV folder. */
export function resolveFormat(output: string, format?: string): ExportFormat {
  if (format !== undefined) {
    const lower = format.toLowerCase();
    if (!isExportFormat(lower))
      throw new UsageError(`unknown format '${format}'; use one of ${EXPORT_FORMATS.join(', ')}`, { option: 'format' });
    return lower;
  }
  if (/[\\/]$/.test(output)) return 'csv';
  const byExtension = EXTENSIONS[extname(output).toLowerCase()];
  if (!byExtension) {
    throw new UsageError(
      `cannot tell the format of '${output}' from its extension; name one of ${EXPORT_FORMATS.join('|')}`,
      { option: 'format' },
    );
  }
  return byExtension;
}
