import type { FileOut } from '@shared/schemas/export';

/**
 * Reading files the user gives, and handing files back (attachments, exports, .ics), in the
 * browser sandbox: the one home for base64, object URLs and the download link, so every file the
 * app hands out goes the same way. The page never writes to the file system: the browser (or
 * Electron's download handling) asks where to save.
 */

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
};

/** The browser's type for a file, or one guessed from its extension (some systems give none). */
export function mimeTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) || 'application/octet-stream';
}

/** The file's bytes as base64 (what attachments.add and the imports carry). Rejects when the file cannot be read. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.onload = () => {
      const url = String(reader.result);
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** The decoded size of a base64 string, without decoding it. */
export function sizeOfBase64(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

/**
 * Types a browser shows by itself without running anything: they may open in a new tab. Anything
 * else (HTML, SVG, scripts, office files) is only ever saved, never rendered by the app.
 */
const VIEWABLE = new Set(['application/pdf', 'text/plain', 'text/csv', 'text/markdown', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const REVOKE_AFTER_MS = 60_000;

function clickLink(url: string, attrs: { download?: string; target?: string }) {
  const a = document.createElement('a');
  a.href = url;
  if (attrs.download !== undefined) a.download = attrs.download;
  if (attrs.target) a.target = attrs.target;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves the bytes under the file's name (the browser's or the desktop's download/save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, { download: fileName });
  // The download has started by the time the click returns; the URL can go once it is read.
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Saves a file the core produced (an export, a bundle, a draft) under its name. */
export function saveFile(file: FileOut): void {
  saveBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
}

/** Saves text the core produced (an .ics file) under the given name. */
export function saveText(fileName: string, content: string, type: string): void {
  saveBlob(new Blob([content], { type }), fileName);
}

/**
 * Opens the file for reading: in a new tab for the types a browser shows safely, else (and where
 * new windows are not allowed, as in the desktop app) it is saved for the system to open.
 */
export function openBlob(blob: Blob, fileName: string): 'opened' | 'saved' {
  const type = blob.type.split(';')[0]!.trim().toLowerCase();
  if (VIEWABLE.has(type)) {
    const url = URL.createObjectURL(blob);
    const win = window.open(url, '_blank');
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    if (win) return 'opened';
  }
  saveBlob(blob, fileName);
  return 'saved';
}
