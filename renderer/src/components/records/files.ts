/** Reading files the user gives, and handing stored ones back, in the browser sandbox. */

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

/** The file's bytes as base64 (what attachments.add carries). Rejects when the file cannot be read. */
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
  if (attrs.target) {
    a.target = attrs.target;
    a.rel = 'noopener';
  }
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves the bytes under the file's name (the browser's or the desktop's download/save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, { download: fileName });
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
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
