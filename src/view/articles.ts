/**
 * Article texts for the viewer's Article region, served by `newsgraph view` at GET /article?id=ID.
 *
 * Only articles listed in the graph file can be read, and only from the file their record names (resolved from
 * the working directory, then from the graph file's folder): the id is looked up, never joined onto a path.
 * The file is ingested again, so the text is the one the extractor read. A graph whose article records carry a
 * `text` field does not need this (the viewer reads that first).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ingestFile } from '../ingest/index.js';
import { CACHED_TEXTS } from './settings.js';

export interface ArticleText {
  id: string;
  title: string | null;
  text: string;
}

interface Listed {
  file: string;
  text: string | null;
}

export class ArticleTexts {
  private listed: Map<string, Listed> | null = null;
  private listedAt = 0;
  private readonly texts = new Map<string, ArticleText>();

  constructor(private readonly graphFile: string) {}

  /** The article's text, or null when the graph does not list it or its file cannot be read any more. */
  async get(id: string): Promise<ArticleText | null> {
    const listed = (await this.list()).get(id);
    if (!listed) return null;
    if (listed.text !== null) return { id, title: null, text: listed.text };
    const cached = this.texts.get(id);
    if (cached) return cached;
    const file = this.locate(listed.file);
    if (!file) return null;
    // A JSON Lines or JSON array file holds several articles: ids are the file's id plus '#N'.
    const baseId = id.replace(/#\d+$/, '');
    const articles = await ingestFile(file, baseId).catch(() => null);
    const article = articles?.find((a) => a.id === id);
    if (!article) return null;
    const text: ArticleText = { id, title: article.title ?? null, text: article.text };
    this.texts.set(id, text);
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }

  private locate(file: string): string | null {
    const candidates = isAbsolute(file) ? [file] : [resolve(file), resolve(dirname(this.graphFile), file)];
    return candidates.find((candidate) => existsSync(candidate)) ?? null;
  }

  /** The graph's article list, read again when the file changes (a rebuild shows on reload). */
  private async list(): Promise<Map<string, Listed>> {
    const modified = (await stat(this.graphFile).catch(() => null))?.mtimeMs ?? 0;
    if (this.listed && modified === this.listedAt) return this.listed;
    const listed = new Map<string, Listed>();
    try {
      const data = JSON.parse(await readFile(this.graphFile, 'utf8')) as { attributes?: { articles?: unknown } };
      const articles = Array.isArray(data.attributes?.articles) ? (data.attributes.articles as unknown[]) : [];
      for (const record of articles) {
        if (typeof record !== 'object' || record === null) continue;
        const { id, file, text } = record as { id?: unknown; file?: unknown; text?: unknown };
        if (typeof id === 'string' && typeof file === 'string')
          listed.set(id, { file, text: typeof text === 'string' ? text : null });
      }
    } catch {
      // An unreadable graph has no articles to serve; the viewer reports the graph itself.
    }
    this.listed = listed;
    this.listedAt = modified;
    this.texts.clear();
    return listed;
  }
}
