import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertRendererBuilt, callApi, freshDataDir, REPO_ROOT, startWebHost, type WebHost } from './support/webHost';
import { openFromNav } from './support/ui';
import AxeBuilder from '@axe-core/playwright';

/** axe-core's serious and critical findings inside the "Letters generated" panel (WCAG 2.2 AA). */
async function panelViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('[data-testid="generated-letters"]').options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

/**
 * Letters from templates through the web host (issue #10): "Write a letter" on a complaint (an
 * acknowledgement in English, an extension notice after the first month flagged and not
 * extending), on a regulator's letter (the reply recorded as outbound correspondence that meets
 * the letter's reply date) and on an incident's client row (the processor's notice setting the
 * client's notifiedAt); each generated letter listed with the record's attachments and under
 * "Letters generated" (template, version, language; opened and downloaded there; in French too); then
 * Settings › Letters: a field the template may not use shown and not saved, a change saved as
 * version 2, which the next letter uses.
 */
const SHOTS = join(REPO_ROOT, 'test-results', 'letters');
/** Generating makes a PDF and indexes its text in the core: allow for a busy machine. */
const GENERATED = { timeout: 30_000 };

test.describe.serial('letters written from templates', () => {
  let dataDir = '';
  let host: WebHost | null = null;
  let page: Page;
  const call = <T = unknown>(method: string, input: unknown) => callApi<T>(host!, method, input);
  const ids: Record<string, { id: string; reference: string }> = {};

  test.beforeAll(async ({ browser }) => {
    assertRendererBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = freshDataDir();
    process.env.PRIVACYOPS_CLOCK = '2026-04-10T10:00:00+02:00';
    try {
      host = await startWebHost(dataDir, { keychain: false });
    } finally {
      delete process.env.PRIVACYOPS_CLOCK;
    }
    await call('app.setup', {
      organisation: { name: 'Exemplar Hosting SAS', role: 'both', defaultRegulator: 'FR-CNIL', timeZone: 'Europe/Paris', country: 'FR', dpoContact: 'Claire Martin, dpo@exemplar.example' },
      userName: 'Claire Martin',
      recoveryPassphrase: 'a long recovery passphrase for the e2e test',
    });
    ids.late = await call('complaints.create', {
      receivedAt: '2026-03-02T10:00:00+01:00',
      channel: 'email',
      complainantLabel: 'Hortense Vaucanson',
      complainantContact: 'hortense@example.org',
      rights: ['access'],
      summary: 'Wants a copy of her file',
      extensionReason: 'Records held in four archived systems',
    });
    ids.fresh = await call('complaints.create', { receivedAt: '2026-03-25T10:00:00+01:00', channel: 'email', complainantLabel: 'Barnabé Quillfeather', rights: ['erasure'], summary: 'Delete my account' });
    ids.letter = await call('letters.create', {
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'request_for_information',
      sentAt: '2026-04-01T09:00:00+02:00',
      receivedAt: '2026-04-03T09:00:00+02:00',
      regulatorRefs: ['PLT-2026-777'],
      subject: 'Demande d’informations sur une plainte',
      replyDue: '2026-04-30T23:59:00+02:00',
    });
    ids.incident = await call('incidents.create', { title: 'Backup exposed', ourRole: 'processor', detectedAt: '2026-04-10T08:00:00+02:00', awareAt: '2026-04-10T08:00:00+02:00', nature: ['confidentiality'], facts: 'A backup bucket was readable.' });
    await call('incidents.addClient', { incidentId: ids.incident.id, name: 'Mutuelle Horizon', contact: 'dpo@horizon.example', language: 'en' });
    // A context of its own: axe-core needs one to scan the page.
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })).newPage();
    await page.goto(host.url);
    await expect(page.getByTestId('organisation-name')).toHaveText('Exemplar Hosting SAS');
  });

  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function openComplaint(reference: string) {
    await openFromNav(page, 'Complaints');
    await page.getByRole('table').getByRole('button', { name: `Open ${reference}` }).click();
    await expect(page.getByTestId('complaint-reference')).toHaveText(reference);
  }

  test('an acknowledgement, merged from the complaint, edited and generated in English', async () => {
    await openComplaint(ids.fresh!.reference);
    await page.getByTestId('write-letter').click();
    const dialog = page.getByTestId('compose-dialog');
    await expect(dialog.getByTestId('compose-body')).toHaveValue(/Nous accusons réception de votre demande reçue le 25 mars 2026/);
    await dialog.getByTestId('compose-lang').getByText('English').click();
    await expect(dialog.getByTestId('compose-body')).toHaveValue(/Dear Barnabé Quillfeather,/);
    await expect(dialog.getByTestId('compose-body')).toHaveValue(/at the latest by 27 April 2026/);
    await expect(dialog.getByTestId('compose-effect')).toContainText('An acknowledgement does not answer the request');
    const body = dialog.getByTestId('compose-body');
    await body.fill((await body.inputValue()).replace('Please quote', 'We have started the search. Please quote'));
    await page.screenshot({ path: join(SHOTS, 'compose-acknowledgement.png') });
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    await expect(page.getByText(`Letter generated and stored with the record: ${ids.fresh!.reference}-acknowledgement-v1-en.pdf`)).toBeVisible(GENERATED);
    const files = page.getByTestId('record-attachments').getByTestId('attachment-row');
    await expect(files).toHaveCount(2);
    await expect(files.first()).toContainText(`${ids.fresh!.reference}-acknowledgement-v1-en.pdf`);
    const stored = await call<{ attachments: { id: string; fileName: string }[] }>('attachments.list', { record: { type: 'complaint', id: ids.fresh!.id } });
    const txt = await call<{ contentBase64: string }>('attachments.get', { id: stored.attachments[1]!.id });
    expect(Buffer.from(txt.contentBase64, 'base64').toString('utf8')).toContain('We have started the search.');
    const pdf = await call<{ contentBase64: string }>('attachments.get', { id: stored.attachments[0]!.id });
    writeFileSync(join(SHOTS, 'acknowledgement.pdf'), Buffer.from(pdf.contentBase64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '60', join(SHOTS, 'acknowledgement.pdf'), join(SHOTS, 'acknowledgement')]);

    // Listed under "Letters generated" with its template and version, opened and downloaded from there.
    const file = `${ids.fresh!.reference}-acknowledgement-v1-en.pdf`;
    const panel = page.getByTestId('generated-letters');
    const row = panel.getByTestId('generated-letter');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`Your request of 25 March 2026 – our reference ${ids.fresh!.reference}`);
    await expect(row.getByTestId('generated-letter-template')).toHaveText('Acknowledgement of a request · template version 1');
    await expect(row).toContainText('English');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'generated-letters.png') });
    await page.screenshot({ path: join(SHOTS, 'complaint-with-letters.png'), fullPage: true });
    expect(await panelViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Download ${file}` }).click()]);
    expect(download.suggestedFilename()).toBe(file);
    await download.saveAs(join(SHOTS, 'downloaded.pdf'));
    expect(execFileSync('pdftotext', [join(SHOTS, 'downloaded.pdf'), '-'], { encoding: 'utf8' })).toContain('We have started the search.');
    const [popup] = await Promise.all([page.waitForEvent('popup'), row.getByRole('button', { name: `Open ${file}` }).click()]);
    expect(popup.url()).toMatch(/^blob:/);
    await popup.close();
    // The same panel in French.
    await page.getByText('FR', { exact: true }).click();
    await expect(panel).toContainText('Courriers générés');
    await expect(row.getByTestId('generated-letter-template')).toHaveText('Accusé de réception d’une demande · version 1 du modèle');
    await expect(row).toContainText('Anglais');
    await expect(row.getByRole('button', { name: `Télécharger ${file}` })).toBeVisible();
    await panel.screenshot({ path: join(SHOTS, 'generated-letters-fr.png') });
    expect(await panelViolations(page)).toEqual([]);
    await page.getByText('EN', { exact: true }).click();
    await expect(panel).toContainText('Letters generated');
  });

  test('an extension notice after the first month is flagged and does not extend the deadline', async () => {
    await openComplaint(ids.late!.reference);
    await page.getByTestId('write-letter').click();
    const dialog = page.getByTestId('compose-dialog');
    await dialog.getByTestId('compose-template').click();
    await page.getByRole('option', { name: /^Extension notice/ }).click();
    // A date before the request arrived is refused in words, and nothing can be generated from it.
    await dialog.getByTestId('compose-sent-date').fill('01/03/2026');
    await expect(dialog).toContainText('The letter cannot go out before the request was received');
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    await expect(dialog.getByTestId('compose-body')).toBeVisible();
    await expect(dialog).toContainText('The letter cannot go out before the request was received');
    await dialog.getByTestId('compose-sent-date').fill('10/04/2026');
    const warnings = dialog.getByTestId('compose-warnings');
    await expect(warnings).toContainText('after the first month (it ended 2 April 2026): it does not extend the deadline');
    await expect(dialog.getByTestId('compose-body')).toHaveValue(/pour les motifs suivants\u00a0: Records held in four archived systems/);
    await page.screenshot({ path: join(SHOTS, 'compose-extension-late.png') });
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    await expect(page.getByText(`${ids.late!.reference}-extension-v1-fr.pdf`).first()).toBeVisible(GENERATED);
    const after = await call<{ extensionNoticeAt: string | null; responseDue: string }>('complaints.get', { id: ids.late!.id });
    expect(after.extensionNoticeAt).toBeNull();
    expect(after.responseDue).toBe('2026-04-02T22:00:00.000Z');
  });

  test('a reply to the regulator is recorded as our outbound reply and meets the reply date', async () => {
    await openFromNav(page, 'Correspondence');
    await page.getByRole('table').getByRole('button', { name: `Open ${ids.letter!.reference}` }).click();
    await page.getByTestId('write-letter').click();
    const dialog = page.getByTestId('compose-dialog');
    await expect(dialog.getByTestId('compose-subject')).toHaveValue('Votre courrier du 1er avril 2026 – vos références PLT-2026-777');
    await expect(dialog.getByTestId('compose-open')).toContainText('gaps');
    const body = dialog.getByTestId('compose-body');
    await body.fill((await body.inputValue()).replace('[Nos réponses, point par point]', 'Le compte de la plaignante a été supprimé le 8 avril.'));
    await expect(dialog.getByTestId('compose-effect')).toContainText('Recorded as our outbound reply');
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    // Named after our reply (the outbound letter carrying the files), a reference made when it is
    // stored; the notices of the earlier tests (other templates) may still be on screen.
    await expect(page.getByText(/Letter generated and stored with the record: \S+-regulator_reply-v1-fr\.pdf/)).toBeVisible(GENERATED);
    const inbound = await call<{ answeredAt: string | null }>('letters.get', { id: ids.letter!.id });
    expect(inbound.answeredAt).toBe('2026-04-10T08:00:00.000Z');
    const { letters } = await call<{ letters: { direction: string; kind: string; subject: string; reference: string }[] }>('letters.thread', { id: ids.letter!.id });
    expect(letters.map((l) => [l.direction, l.kind])).toEqual([
      ['inbound', 'request_for_information'],
      ['outbound', 'our_reply'],
    ]);
    // Listed on the letter it answers; its PDF gives our reply's reference and the regulator's.
    const row = page.getByTestId('generated-letters').getByTestId('generated-letter');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('generated-letter-template')).toHaveText('Reply to a regulator’s request · template version 1');
    await expect(row.getByTestId('generated-letter-effect')).toContainText('Recorded as our outbound reply');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Download .*\.pdf$/ }).click()]);
    await download.saveAs(join(SHOTS, 'reply.pdf'));
    const reply = letters.find((l) => l.direction === 'outbound')!;
    await expect(page.getByText(`Letter generated and stored with the record: ${reply.reference}-regulator_reply-v1-fr.pdf`)).toBeVisible();
    const text = execFileSync('pdftotext', [join(SHOTS, 'reply.pdf'), '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    expect(text).toContain(`Notre référence : ${reply.reference}`);
    expect(text).toContain('Votre référence : PLT-2026-777');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(SHOTS, 'reply.pdf'), join(SHOTS, 'reply')]);
  });

  test('the processor’s notice from the client row sets the client’s notification time', async () => {
    await openFromNav(page, 'Incidents');
    await page.getByRole('table').getByRole('button', { name: `Open ${ids.incident!.reference}` }).click();
    const row = page.getByTestId('client-row').first();
    await row.getByTestId('write-letter').click();
    const dialog = page.getByTestId('compose-dialog');
    await expect(dialog.getByTestId('compose-body')).toHaveValue(/As your processor, Exemplar Hosting SAS informs you under Article 33\(2\)/);
    await expect(dialog.getByTestId('compose-effect')).toContainText('Records Mutuelle Horizon as notified');
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    await expect(row).toContainText(`Letter ${ids.incident!.reference}-client_notice-Mutuelle-Horizon-v1-en.pdf`, GENERATED);
    const generated = page.getByTestId('generated-letters').getByTestId('generated-letter');
    await expect(generated).toHaveCount(1);
    await expect(generated.getByTestId('generated-letter-template')).toHaveText('Processor’s notice to a client controller (Art. 33(2)) · template version 1');
    await expect(generated.getByTestId('generated-letter-effect')).toContainText('Records Mutuelle Horizon as notified');
  });

  test('Settings › Letters: an unknown field is shown and not saved; a change is saved as version 2 and used', async () => {
    await openFromNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('template-acknowledgement').click();
    const editor = page.getByTestId('template-editor');
    await expect(editor.getByTestId('template-version')).toHaveText('Version 1');
    await editor.getByTestId('template-lang-en').click();
    const body = editor.getByTestId('template-body-en');
    await body.fill('Dear {{complaint.complainant}},\n\nWe received your request of {{complaint.receivedOn}} ({{complaint.shoeSize}}).\n\n{{organisation.name}}');
    await expect(editor).toContainText('Not a merge field of this template: {{complaint.shoeSize}}');
    await expect(editor.getByTestId('template-save')).toBeDisabled();
    await body.fill('Dear {{complaint.complainant}},\n\nWe received your request of {{complaint.receivedOn}} and will answer by {{complaint.responseDue}}.\n\n{{organisation.name}}');
    await page.screenshot({ path: join(SHOTS, 'settings-letters.png') });
    await editor.getByTestId('template-save').click();
    await expect(page.getByText('Acknowledgement of a request saved as version 2')).toBeVisible();
    await expect(page.getByTestId('template-editor').getByTestId('template-version')).toHaveText('Version 2');

    await openComplaint(ids.late!.reference);
    await page.getByTestId('write-letter').click();
    const dialog = page.getByTestId('compose-dialog');
    await dialog.getByTestId('compose-lang').getByText('English').click();
    await expect(dialog.getByTestId('compose-body')).toHaveValue('Dear Hortense Vaucanson,\n\nWe received your request of 2 March 2026 and will answer by 2 April 2026.\n\nExemplar Hosting SAS');
    await dialog.getByRole('button', { name: 'Generate the letter' }).click();
    await expect(page.getByText(`${ids.late!.reference}-acknowledgement-v2-en.pdf`).first()).toBeVisible(GENERATED);
    // Newest first: the acknowledgement on version 2, then the late extension notice on version 1.
    await expect(page.getByTestId('generated-letters').getByTestId('generated-letter-template')).toHaveText(['Acknowledgement of a request · template version 2', 'Extension notice (Art. 12(3)) · template version 1']);
  });
});
