/**
 * Custom redaction profiles (issue #10), on a real encrypted register: a profile defined field by
 * field through the API is kept in the register (its name is nowhere in the database files in
 * clear), audited as a settings change, applied to an export (the value it withholds is absent
 * from the file's bytes and PDF text, its name and rules hash in the provenance); invalid input —
 * an unknown field, a taken name, an empty name, a change to a built-in profile — is refused and
 * leaves the stored profiles as they were; a deleted profile can no longer be used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api } from '../fixtures/scenarios';
import { foundIn, readableForms, redactionRegister, SECRET_COMPLAINT } from '../support/redaction';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

let api: Api;
let dir: string;

beforeAll(async () => {
  ({ api, dir } = await redactionRegister(cleanups));
  await api('complaints.create', SECRET_COMPLAINT);
});

const NAME = { en: 'Board pack Grünspan', fr: 'Dossier du conseil Grünspan' };

describe('custom redaction profiles', () => {
  let id = '';

  it('is created field by field, stored encrypted, audited, and listed after the built-in ones', async () => {
    const p = await api('redaction.createProfile', { name: NAME, rules: { complaints: { complainantLabel: 'withhold', summary: 'keep', complainantContact: 'summarise' } } });
    id = p.id;
    expect(p).toMatchObject({ id: 'custom-board-pack-grunspan', builtIn: false, unnamed: 'withhold', name: NAME });
    const { profiles } = await api('redaction.profiles', {});
    expect(profiles.map((x) => x.id)).toEqual(['full', 'management', id]);
    // In the register, encrypted: the name is in no database file in clear.
    const data = join(dir, 'data');
    for (const f of readdirSync(data).filter((f) => f.startsWith('register.db'))) expect(readFileSync(join(data, f)).includes('Grünspan'), f).toBe(false);
    const { entries } = await api('audit.history', { recordType: 'settings', recordId: `redaction-profile:${id}` });
    expect(entries.map((e) => e.action)).toEqual(['create']);
    expect(entries[0]!.changes.map((c) => c.field)).toEqual(['name', 'rules']);
  });

  it('applies to an export: the withheld value is in no byte of the file, the kept one is, the provenance names the profile', async () => {
    for (const format of ['csv', 'pdf', 'xlsx'] as const) {
      const out = await api('exports.register', { register: 'complaints', format, lang: 'fr', profile: id });
      expect(out.provenance.redaction).toMatchObject({ id, name: NAME });
      const texts = readableForms(dir, `custom.${format}`, Buffer.from(out.file.contentBase64, 'base64'));
      expect(foundIn(texts, 'Zoé Quintard-Xylo'), format).toBe(false);
      expect(foundIn(texts, 'zoe.quintard@xylo-unique.fr'), format).toBe(false);
      expect(foundIn(texts, 'Zyxwvuquintal'), format).toBe(true);
    }
    const tl = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'en', profile: 'full' });
    expect(foundIn(readableForms(dir, 'full.csv', Buffer.from(tl.file.contentBase64, 'base64')), 'Zoé Quintard-Xylo')).toBe(true);
  });

  it('refuses invalid input and leaves the stored profiles untouched', async () => {
    const before = await api('redaction.profiles', {});
    await expect(api('redaction.createProfile', { name: { en: 'Other', fr: 'Autre' }, rules: { complaints: { shoeSize: 'keep' } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(api('redaction.createProfile', { name: { en: 'Other', fr: 'Autre' }, rules: { payroll: { name: 'keep' } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(api('redaction.createProfile', { name: { en: 'board pack grünspan', fr: 'Autre' }, rules: {} })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api('redaction.createProfile', { name: { en: '  ', fr: 'Autre' }, rules: {} })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(api('redaction.updateProfile', { id: 'management', rules: {} })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api('redaction.deleteProfile', { id: 'full' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api('redaction.updateProfile', { id, rules: { letters: { nope: 'keep' } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await api('redaction.profiles', {})).toEqual(before);
  });

  it('is renamed and changed, then deleted: an export with it is then refused', async () => {
    const other = await api('redaction.createProfile', { name: { en: 'Second', fr: 'Second' }, rules: {} });
    await expect(api('redaction.updateProfile', { id: other.id, name: NAME })).rejects.toMatchObject({ code: 'CONFLICT' });
    const changed = await api('redaction.updateProfile', { id, rules: { complaints: { complainantLabel: 'keep', summary: 'withhold' } } });
    expect(changed.rules.complaints).toEqual({ complainantLabel: 'keep', summary: 'withhold' });
    const out = await api('exports.register', { register: 'complaints', format: 'csv', lang: 'en', profile: id });
    const csv = Buffer.from(out.file.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Zoé Quintard-Xylo');
    expect(csv).not.toContain('Zyxwvuquintal');
    await api('redaction.deleteProfile', { id });
    await api('redaction.deleteProfile', { id: other.id });
    expect((await api('redaction.profiles', {})).profiles.map((x) => x.id)).toEqual(['full', 'management']);
    await expect(api('exports.register', { register: 'complaints', format: 'csv', profile: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
