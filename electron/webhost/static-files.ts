import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The built renderer's files, as both hosts serve them: the web host over HTTP and the desktop
 * app through its app:// protocol (electron/main/app-protocol.ts). One home for which path a
 * request maps to and with which type.
 */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function contentType(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}

/**
 * The file under root that a URL path names, or null when the path climbs out of root. Unknown
 * paths and folders are the single-page app's own routes: they get index.html.
 */
export async function staticFile(root: string, pathname: string): Promise<string | null> {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null; // a malformed %-escape
  }
  const file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return null;
  const st = await stat(file).catch(() => null);
  return !st || st.isDirectory() ? join(root, 'index.html') : file;
}
