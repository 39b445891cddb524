/**
 * Typed errors. Library code throws these; only the CLI entry (src/cli/main.ts) turns them into a
 * one-line message and an exit code. Tell errors apart by class (or `code`), never by message text.
 */
export type ErrorCode =
  | 'USAGE' // bad arguments or options: exit 2
  | 'INPUT' // an input file that cannot be used: exit 1 (when nothing else made it)
  | 'GRAPH_INVALID' // a graph file that breaks the file contract: exit 1
  | 'NOT_FOUND' // an entity name that matches nothing: exit 1
  | 'IO'; // a file that cannot be written or read: exit 1

export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = code === 'USAGE' ? 2 : 1;
  }
}

/**
 * Wrong use of a command or function: unknown option, missing path, bad value. `option` names the option at fault in
 * the library's terms (`jobs`, `port`, `format`), never as a CLI flag: the CLI says which of its flags sets it.
 */
export class UsageError extends NewsgraphError {
  readonly option: string | null;
  constructor(message: string, options?: { option?: string }) {
    super('USAGE', message);
    this.option = options?.option ?? null;
  }
}

/** A file that cannot be turned into an article. `file` is the path as the user gave it. */
export class InputError extends NewsgraphError {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super('INPUT', `${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}

/** A graph file that does not follow the newsgraph/1 contract. `where` names the place, e.g. "edge 12". */
export class GraphFileError extends NewsgraphError {
  readonly file: string | null;
  readonly where: string | null;
  /** True when the file is an article (text, HTML, Markdown, article JSON) rather than a damaged graph. */
  readonly isArticle: boolean;
  constructor(file: string | null, where: string | null, reason: string, options: { isArticle?: boolean } = {}) {
    super('GRAPH_INVALID', `${file ?? 'graph'}: ${where ? `${where}: ` : ''}${reason}`);
    this.file = file;
    this.where = where;
    this.isArticle = options.isArticle ?? false;
  }
}

/** A name that resolves to no entity; `suggestions` holds the nearest labels. */
export class EntityNotFoundError extends NewsgraphError {
  readonly query: string;
  readonly suggestions: string[];
  constructor(query: string, suggestions: string[]) {
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super('NOT_FOUND', `no entity named "${query}"${hint}`);
    this.query = query;
    this.suggestions = suggestions;
  }
}

/** A read or write that failed for a reason outside the user's input (disk full, permissions). */
export class FileSystemError extends NewsgraphError {
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super('IO', `${file}: ${reason}`, options);
    this.file = file;
  }
}
