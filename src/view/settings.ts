/** Defaults of the viewer's server in one place: the server and the CLI's help text read them from here. */

/** Where the viewer fetches the graph from when no `?graph=` is given. */
export const GRAPH_PATH = '/graph.json';
/** Where the viewer fetches an article's text: GET /article?id=ID (see ./articles.ts). */
export const ARTICLE_PATH = '/article';
/** Loopback only unless the user asks otherwise: the graph may hold unpublished material. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4178;
/** Article texts kept in memory (a reader goes back and forth between a few articles). */
export const CACHED_TEXTS = 64;
