import { extname } from 'node:path';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.csv', '.eml', '.json', '.xml', '.html', '.htm', '.log']);

/**
 * Text to index from an attachment: plain text as is (UTF-8, else Latin-1, as old regulator
 * exports often are), PDFs through pdf.js. Anything else, or a PDF that cannot be parsed
 * (damaged, encrypted), is stored but not searchable: null.
 */
export async function extractText(bytes: Buffer, mimeType: string, fileName: string): Promise<string | null> {
  const ext = extname(fileName).toLowerCase();
  if (mimeType.startsWith('text/') || TEXT_EXTENSIONS.has(ext)) return decodeText(bytes);
  if (mimeType === 'application/pdf' || ext === '.pdf') return pdfText(bytes);
  return null;
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

async function pdfText(bytes: Buffer): Promise<string | null> {
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    }
    await doc.destroy();
    return pages.join('\n');
  } catch {
    return null;
  }
}
