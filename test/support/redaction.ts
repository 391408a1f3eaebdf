/**
 * What the redaction tests share: a processor's register on a fixed clock, and every readable
 * form of an exported file to scan for a value (raw bytes; a PDF's text and metadata; an XLSX's
 * unzipped XML), found even when a PDF cell wraps it over lines.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { ManualClock, setUpWorkstation, tempDir } from './workstation';
import type { ComplaintCreate } from '@shared/schemas/complaint';
import type { IncidentCreate } from '@shared/schemas/incident';
import { apiOf, type Api } from '../fixtures/scenarios';

export async function redactionRegister(cleanups: (() => void)[]): Promise<{ api: Api; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+01:00'));
  const ws = await setUpWorkstation(join(t.dir, 'data'), { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { role: 'processor' } });
  return { api: apiOf(ws), dir: t.dir };
}

export function readableForms(dir: string, name: string, bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const out = [b.toString('utf8'), b.toString('latin1')];
  if (name.endsWith('.pdf')) {
    const file = join(dir, name.replace(/[^\w.-]/g, '_'));
    writeFileSync(file, b);
    out.push(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    out.push(execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
  }
  if (name.endsWith('.xlsx')) for (const [, data] of Object.entries(unzipSync(b))) out.push(strFromU8(data));
  return out;
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');
export const foundIn = (texts: string[], value: string) => texts.some((t) => t.includes(value) || squeeze(t).includes(squeeze(value)));

/** An incident whose facts hold a word found nowhere else ("Borgnefesse"). */
export const SECRET_INCIDENT: IncidentCreate = {
  title: 'Export of the CRM left public',
  ourRole: 'processor',
  detectedAt: '2026-02-27T22:30:00+01:00',
  awareAt: '2026-02-27T22:30:00+01:00',
  nature: ['confidentiality'],
  facts: 'The bucket Borgnefesse was public for two days.',
};

/** A complainant with a name, an email and a phone number, and a summary with a unique word ("Zyxwvuquintal"). */
export const SECRET_COMPLAINT: ComplaintCreate = {
  receivedAt: '2026-02-20T10:00:00+01:00',
  channel: 'email',
  complainantLabel: 'Zoé Quintard-Xylo',
  complainantContact: 'zoe.quintard@xylo-unique.fr',
  rights: ['access'],
  summary: 'Demande d’accès, rappeler au +33 6 98 76 54 32 ; mot de passe Zyxwvuquintal divulgué',
};
