import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every kind of space (no-break, narrow, line breaks) made one space: French typography and PDF line wrapping aside. */
export const flatText = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/**
 * The text of an exported PDF as poppler's pdftotext reads it (what a reader copying from the
 * document gets), flattened. PRIVACYOPS_EXPORTS_OUT=/some/dir keeps the PDF there for a look.
 */
export function pdfText(base64: string, name = 'export.pdf', opts: { layout?: boolean } = {}): string {
  const bytes = Buffer.from(base64, 'base64');
  if (process.env.PRIVACYOPS_EXPORTS_OUT) writeFileSync(join(process.env.PRIVACYOPS_EXPORTS_OUT, name), bytes);
  const dir = mkdtempSync(join(tmpdir(), 'privacyops-pdf-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return flatText(execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
