/**
 * The only way the viewer builds DOM. Graph text (labels, aliases, evidence) comes from the web, so it goes in as
 * text nodes, never as markup: there is no innerHTML anywhere in the viewer.
 */

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
  title?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  append(node, children);
  return node;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`newsgraph viewer: #${id} missing from index.html`);
  return node as T;
}

/** Saves `text` as a file through a temporary link. */
export function download(fileName: string, text: string | Blob, type = 'application/octet-stream'): void {
  const blob = typeof text === 'string' ? new Blob([text], { type }) : text;
  const url = URL.createObjectURL(blob);
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser fetches the blob asynchronously; revoking it too soon cancels the download on a busy machine.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
