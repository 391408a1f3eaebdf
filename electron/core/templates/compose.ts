import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { isExtensionNoticeInTime } from '@shared/deadlines';
import { drillMark } from '@shared/drills';
import { TARGET_OF } from '@shared/letters/templates';
import { findRegulator } from '@shared/reference/regulators';
import {
  ComposeDraftInput,
  ComposeGenerateInput,
  type ComposeDraft,
  type ComposedLetter,
  type ComposeEffect,
  type ComposeTarget,
  type ComposeWarning,
} from '@shared/schemas/compose';
import type { RecordRef } from '@shared/schemas/record-types';
import type { LetterTemplate } from '@shared/schemas/templates';
import { appendAudit, nowIso, toUtc } from '../registers/context';
import { responseDueFor } from '../registers/complaints';
import { CLIENT } from '../registers/incidents';
import { safeName, type ExchangeContext } from '../exports/context';
import { bi, fmtDateTime, type Bi, type Lang } from '../exports/labels';
import { letterPdf } from './letter-pdf';
import { mergeTemplate } from './merge';
import { clientValues, commonValues, complaintValues, deadlineWords, letterValues, type Values } from './merge-values';
import { TemplateStore } from './template-store';
import { COMPOSED_LETTER, composedChanges, insertComposedRow, type ComposedRow } from './letters-sync';
import type { PreparedAttachment } from '../registers/attachments';

/** What a letter is written from, and what sending it would do to the record. */
interface Subject {
  record: RecordRef;
  reference: string;
  recipient: string[];
  defaultLang: Lang;
  /** For the file name: the client's name for a client notice. */
  fileTag: string;
  /** The record is a breach exercise (an incident with drill set). */
  drill?: boolean;
  values(lang: Lang, sentAt: string): Values;
  plan(sentAt: string): { effect: ComposeEffect; warnings: ComposeWarning[]; apply: (fileName: string) => void };
}

const fromRow = (r: ComposedRow, numberNow: number | null): ComposedLetter => ({
  id: r.id,
  templateId: r.template_id as ComposedLetter['templateId'],
  templateVersion: numberNow ?? r.template_version,
  printedVersion: r.template_version,
  lang: r.lang as Lang,
  record: { type: r.record_type as RecordRef['type'], id: r.record_id },
  clientId: r.client_id,
  subject: r.subject,
  pdfAttachmentId: r.pdf_attachment_id,
  textAttachmentId: r.text_attachment_id,
  fileName: r.file_name,
  outboundLetterId: r.outbound_letter_id,
  sentAt: r.sent_at,
  effect: JSON.parse(r.effect) as ComposeEffect,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** A generated letter's file name (without extension): our record's reference, the template, a tag (the client), the version and the language. */
export function letterFileName(ourReference: string, templateId: string, tag: string, version: number, lang: Lang): string {
  return `${safeName([ourReference, templateId, tag].filter(Boolean).join('-'))}-v${version}-${lang}`;
}

const warn = (code: ComposeWarning['code'], text: Bi): ComposeWarning => ({ code, text });
const none = (text: Bi): ComposeEffect => ({ kind: 'none', applies: false, text });
/** The effect of a letter whose act the record already has, or that comes too late to count (the warning says which). */
const keptOnly = (where: 'complaint' | 'client') =>
  none(
    where === 'complaint'
      ? bi('The letter is stored with the complaint; the complaint is not changed.', 'Le courrier est conservé avec la réclamation ; la réclamation n’est pas modifiée.')
      : bi('The letter is stored with the incident; the client is not changed.', 'Le courrier est conservé avec l’incident ; le client n’est pas modifié.'),
  );

/**
 * Letters written from templates (README › Letters): a draft merged from the record and the
 * organisation profile, which the user edits; then the letter generated as PDF and plain text,
 * stored as encrypted attachments of the record, and — when it is the act the record's clock
 * waits for — the record changed through its register's own update (audit entries, sync
 * operations): an extension notice in time sets the complaint's extensionNoticeAt, a refusal
 * answers it, a reply to a regulator is an outbound letter in reply (which meets the letter's
 * reply date), a client notice sets the client's notifiedAt.
 */
export class Composer {
  readonly templates: TemplateStore;

  constructor(private readonly x: ExchangeContext) {
    this.templates = new TemplateStore(x.d.ctx);
  }

  draft(input: ComposeDraftInput): ComposeDraft {
    const q = ComposeDraftInput.parse(input);
    const template = this.templates.current(q.templateId);
    const sentAt = toUtc(q.sentAt ?? nowIso(this.x.d.ctx.clock));
    const s = this.subject(template, q.target);
    const lang = q.lang ?? s.defaultLang;
    const merged = mergeTemplate(template, { ...commonValues(this.org(), sentAt, lang), ...s.values(lang, sentAt) }, lang);
    const { effect, warnings } = s.plan(sentAt);
    // A drill's letter says so in its subject, whatever the template's text (shared/drills.ts).
    if (s.drill) merged.subject = `${drillMark(lang)} ${merged.subject}`;
    const labelOf = (k: string) => template.fields.find((f) => f.key === k)?.label ?? bi(k, k);
    if (merged.empty.length) {
      const names = merged.empty.map(labelOf);
      warnings.push(
        warn('empty_fields', bi(`Neither the record nor the organisation’s settings give: ${names.map((n) => n.en).join(', ')}. Complete the letter where it says [to be completed].`, `Ni le dossier ni les paramètres de l’organisme n’indiquent : ${names.map((n) => n.fr).join(', ')}. Complétez le courrier là où figure [à compléter].`)),
      );
    }
    if (merged.unknown.length) {
      const list = merged.unknown.map((k) => `{{${k}}}`).join(', ');
      warnings.push(warn('unknown_fields', bi(`The template names fields that do not exist: ${list}. Correct it in Settings › Letters.`, `Le modèle cite des champs qui n’existent pas : ${list}. Corrigez-le dans Paramètres › Courriers.`)));
    }
    return {
      templateId: template.id,
      templateVersion: template.version,
      templateName: template.name,
      lang,
      target: q.target,
      record: s.record,
      recordReference: s.reference,
      recipient: s.recipient.filter(Boolean).join('\n'),
      sentAt,
      subject: merged.subject,
      body: merged.body,
      unknown: merged.unknown,
      empty: merged.empty,
      warnings,
      effect,
    };
  }

  async generate(input: ComposeGenerateInput): Promise<ComposedLetter & { warnings: ComposeWarning[] }> {
    const q = ComposeGenerateInput.parse(input);
    const template = this.templates.version(q.templateId, q.templateVersion);
    const sentAt = toUtc(q.sentAt);
    const s = this.subject(template, q.target);
    // The plan is made again now: the record may have moved since the draft.
    const { effect } = s.plan(sentAt);
    // A drill's letter is marked as one even if the mark was edited out.
    const subject = s.drill && !q.subject.startsWith(drillMark(q.lang)) ? `${drillMark(q.lang)} ${q.subject}` : q.subject;
    const r = this.x.d.registers;
    const org = this.org();
    // The member's role is checked for everything this will write before the files are made, so a
    // refusal (ROLE_FORBIDDEN) costs nothing; the transaction below checks each write again.
    const reply = template.kind === 'regulator_reply';
    const writes = ['attachment', COMPOSED_LETTER, ...(reply ? ['letter'] : effect.applies ? [s.record.type === 'incident' ? CLIENT : s.record.type] : [])];
    for (const recordType of writes) this.x.d.ctx.authorize({ recordType, recordId: q.target.id, changes: [] });
    const text = `${q.lang === 'fr' ? 'Objet\u00a0: ' : 'Subject: '}${subject}\n\n${q.body}\n`;

    // A reply is outbound correspondence in its own right, and its PDF names our reference for it
    // before it is written: the reference it will be given is taken only if still free when the
    // letter is stored (another letter recorded while the PDF was made means making it again).
    for (let attempt = 0; ; attempt++) {
      const refs = reply ? this.replyReferences(q.target.id, sentAt) : { ours: s.reference, theirs: '', outbound: null };
      // The files are named after our record: the complaint or incident, or for a reply our
      // outbound letter (the one they are attached to), never our number for their letter.
      const fileName = letterFileName(refs.outbound ?? s.reference, template.id, s.fileTag, template.version, q.lang);
      const preparedText = await r.attachments.prepare({ record: s.record, fileName: `${fileName}.txt`, mimeType: 'text/plain; charset=utf-8', contentBase64: Buffer.from(text, 'utf8').toString('base64') });
      const pdf = await letterPdf({
        lang: q.lang,
        organisation: org.name,
        recipient: s.recipient,
        date: commonValues(org, sentAt, q.lang)['letter.date']!,
        reference: refs.ours,
        theirReference: refs.theirs,
        subject,
        body: q.body,
        templateId: template.id,
        templateVersion: template.version,
        templateName: template.name[q.lang],
        provenance: this.x.provenance(),
      });
      const preparedPdf = await r.attachments.prepare({ record: s.record, fileName: `${fileName}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') });
      if (reply && this.replyReferences(q.target.id, sentAt).outbound !== refs.outbound) {
        if (attempt < 3) continue;
        throw new ApiError('CONFLICT', 'Other letters were being recorded while this reply was made; generate it again.');
      }
      return this.store(template, q, s, { subject, sentAt, fileName, outboundReference: refs.outbound, preparedPdf, preparedText });
    }
  }

  /**
   * Everything a generated letter writes, in one transaction, so that a failure at any point —
   * a write the member's role refuses, the record archived or answered meanwhile — leaves none
   * of it: the outbound reply, the two files, the record's act and the list of letters.
   */
  private store(
    template: LetterTemplate,
    q: { target: ComposeTarget; lang: Lang; body: string },
    s: Subject,
    o: { subject: string; sentAt: string; fileName: string; outboundReference: string | null; preparedPdf: PreparedAttachment; preparedText: PreparedAttachment },
  ): ComposedLetter & { warnings: ComposeWarning[] } {
    const ctx = this.x.d.ctx;
    const r = this.x.d.registers;
    return ctx.write(s.record.type, () => {
      // The record as it stands now, inside the transaction: what the letter does is decided here.
      const now = this.subject(template, q.target);
      const { effect, warnings, apply } = now.plan(o.sentAt);
      let record = now.record;
      let outboundLetterId: string | null = null;
      if (template.kind === 'regulator_reply') {
        const inbound = r.letters.get(q.target.id);
        const out = r.letters.create({
          reference: o.outboundReference ?? undefined,
          regulator: inbound.regulator,
          direction: 'outbound',
          kind: 'our_reply',
          sentAt: o.sentAt,
          regulatorRefs: inbound.regulatorRefs,
          subject: o.subject,
          summary: q.body,
          matterId: inbound.matterId,
          inReplyTo: inbound.id,
        });
        outboundLetterId = out.id;
        record = { type: 'letter', id: out.id };
      }
      const pdfA = r.attachments.store(o.preparedPdf, record);
      const textA = r.attachments.store(o.preparedText, record);
      if (effect.applies) apply(`${o.fileName}.pdf`);
      const row: ComposedRow = {
        id: uuidv7(),
        template_id: template.id,
        template_version: template.version,
        template_version_id: template.versionId,
        lang: q.lang,
        record_type: record.type,
        record_id: record.id,
        client_id: q.target.type === 'client' ? q.target.id : null,
        subject: o.subject,
        pdf_attachment_id: pdfA.id,
        text_attachment_id: textA.id,
        file_name: o.fileName,
        outbound_letter_id: outboundLetterId,
        sent_at: o.sentAt,
        effect: JSON.stringify(effect),
        created_at: nowIso(ctx.clock),
        created_by: ctx.actor(),
      };
      insertComposedRow(ctx, row);
      // The list's entry is an operation of its own: colleagues list the letter too (README › Letters).
      appendAudit(ctx, COMPOSED_LETTER, row.id, 'create', composedChanges(row), row.created_at, true);
      const letter = fromRow(row, template.version);
      // The change announced after commit is the record's: its page, files and history reload.
      return { id: record.id, generated: { ...letter, warnings } };
    }).generated;
  }

  /**
   * The references a reply to a regulator's letter carries: ours — the procedure's, when the
   * letter belongs to one, and our reply's own (the reference the outbound letter will be given) —
   * and theirs, the regulator's references of the letter we answer.
   */
  private replyReferences(inboundId: string, sentAt: string): { ours: string; theirs: string; outbound: string } {
    const r = this.x.d.registers;
    const inbound = r.letters.get(inboundId);
    const outbound = r.letters.nextReferenceFor(sentAt);
    const matter = inbound.matterId ? r.matters.get(inbound.matterId).reference : null;
    return { ours: [matter, outbound].filter(Boolean).join(' / '), theirs: inbound.regulatorRefs.join(', '), outbound };
  }

  /** The letters generated for a record, newest first (a reply is listed on the letter it answers too). */
  of(record: RecordRef): ComposedLetter[] {
    const rows = this.x.d.ctx.db
      .prepare(
        `SELECT c.* FROM composed_letters c WHERE (c.record_type = ? AND c.record_id = ?)
           OR (? = 'letter' AND c.outbound_letter_id IN (SELECT id FROM letters WHERE in_reply_to = ?))
         ORDER BY c.created_at DESC, c.id DESC`,
      )
      .all(record.type, record.id, record.type, record.id) as ComposedRow[];
    // Numbered as the template's versions are now here; a version this machine does not hold (or
    // a letter from before its version had an id) keeps the number it was generated with.
    const now = (r: ComposedRow) => (r.template_version_id === null && r.template_version > 1 ? null : this.templates.numberOf(r.template_id as ComposedLetter['templateId'], r.template_version_id));
    return rows.map((r) => fromRow(r, now(r)));
  }

  private org() {
    return this.x.d.organisation();
  }

  private orgLang(): Lang {
    return this.org().country === 'FR' ? 'fr' : 'en';
  }

  private subject(template: LetterTemplate, target: ComposeTarget): Subject {
    if (TARGET_OF[template.kind] !== target.type) {
      throw new ApiError('VALIDATION_FAILED', `The template "${template.name.en}" is written from a ${TARGET_OF[template.kind]}, not a ${target.type}.`, [{ path: 'target.type', message: `Expected ${TARGET_OF[template.kind]}` }]);
    }
    if (target.type === 'complaint') return this.complaintSubject(template, target.id);
    if (target.type === 'letter') return this.letterSubject(target.id);
    return this.clientSubject(target.id);
  }

  private complaintSubject(template: LetterTemplate, id: string): Subject {
    const ctx = this.x.d.ctx;
    const complaints = this.x.d.registers.complaints;
    const c = complaints.get(id);
    if (c.archivedAt) throw new ApiError('CONFLICT', `${c.reference} is archived; restore it before writing to it.`);
    const zone = this.org().timeZone;
    const dt = (iso: string) => bi(fmtDateTime(iso, 'en', zone), fmtDateTime(iso, 'fr', zone));
    const due = (iso: string) => bi(deadlineWords(iso, 'en', zone), deadlineWords(iso, 'fr', zone));
    // A notice on the day of receipt is in time: this is the three-month deadline.
    const extendedDue = responseDueFor(ctx, c.receivedAt, c.receivedAt);
    const answered = c.answeredAt
      ? warn('answered', bi(`${c.reference} was already answered on ${dt(c.answeredAt).en}: the letter is stored, the complaint is not changed.`, `${c.reference} a déjà reçu une réponse le ${dt(c.answeredAt).fr} : le courrier est conservé, la réclamation n’est pas modifiée.`))
      : null;
    const kind = template.kind;
    return {
      record: { type: 'complaint', id: c.id },
      reference: c.reference,
      recipient: [c.complainantLabel, c.complainantContact],
      defaultLang: this.orgLang(),
      fileTag: '',
      values: (lang) => complaintValues(c, extendedDue, this.org(), lang),
      plan: (sentAt) => {
        if (sentAt < c.receivedAt) throw new ApiError('VALIDATION_FAILED', `The letter cannot go out before the request was received (${fmtDateTime(c.receivedAt, 'en', zone)}).`, [{ path: 'sentAt', message: 'Before the request was received' }]);
        const warnings: ComposeWarning[] = [];
        if (kind === 'acknowledgement') {
          if (answered) warnings.push(answered);
          return { effect: none(bi('Stored with the complaint. An acknowledgement does not answer the request: the deadline is not changed.', 'Conservé avec la réclamation. Un accusé de réception ne répond pas à la demande : l’échéance ne change pas.')), warnings, apply: () => undefined };
        }
        if (kind === 'refusal') {
          if (!c.outcome.trim()) warnings.push(warn('no_outcome', bi('The complaint gives no reasons for the refusal (its outcome): write them in the letter, Art. 12(4) requires them.', 'La réclamation ne donne pas les motifs du refus (sa suite) : écrivez-les dans le courrier, l’art. 12(4) les exige.')));
          if (answered) return { effect: keptOnly('complaint'), warnings: [...warnings, answered], apply: () => undefined };
          return {
            effect: { kind: 'answered', applies: true, text: bi(`Marks ${c.reference} answered on ${dt(sentAt).en}: that meets its deadline (${due(c.responseDue).en}).`, `Marque ${c.reference} comme répondue le ${dt(sentAt).fr} : cela satisfait son échéance (${due(c.responseDue).fr}).`) },
            warnings,
            apply: (file) => void complaints.setStatus({ id: c.id, status: 'answered', at: sentAt, note: `Letter ${file}` }),
          };
        }
        // Extension notice (Art. 12(3)).
        if (!c.extensionReason.trim()) warnings.push(warn('no_extension_reason', bi('The complaint gives no reasons for the extension: the notice must give them (Art. 12(3)). Write them in the letter.', 'La réclamation ne donne pas les motifs de la prolongation : la notification doit les indiquer (art. 12(3)). Écrivez-les dans le courrier.')));
        if (answered) return { effect: keptOnly('complaint'), warnings: [...warnings, answered], apply: () => undefined };
        if (c.extensionNoticeAt) {
          const done = warn('extension_done', bi(`An extension notice was already sent on ${dt(c.extensionNoticeAt).en}: the letter is stored, the complaint is not changed.`, `Une notification de prolongation a déjà été envoyée le ${dt(c.extensionNoticeAt).fr} : le courrier est conservé, la réclamation n’est pas modifiée.`));
          return { effect: keptOnly('complaint'), warnings: [...warnings, done], apply: () => undefined };
        }
        if (!isExtensionNoticeInTime(c.receivedAt, sentAt, ctx.calendar())) {
          const late = warn(
            'extension_late',
            bi(
              `This notice would go out on ${dt(sentAt).en}, after the first month (it ended ${due(c.responseDue).en}): it does not extend the deadline, which stays ${due(c.responseDue).en} (Art. 12(3)). The letter is stored, the complaint is not changed.`,
              `Cette notification partirait le ${dt(sentAt).fr}, après le premier mois (il a pris fin le ${due(c.responseDue).fr}) : elle ne prolonge pas le délai, qui reste fixé au ${due(c.responseDue).fr} (art. 12(3)). Le courrier est conservé, la réclamation n’est pas modifiée.`,
            ),
          );
          return { effect: keptOnly('complaint'), warnings: [...warnings, late], apply: () => undefined };
        }
        return {
          effect: {
            kind: 'extension',
            applies: true,
            text: bi(`Records the extension notice on ${dt(sentAt).en}, within the first month: the answer is then due by ${due(extendedDue).en}.`, `Enregistre la notification de prolongation le ${dt(sentAt).fr}, dans le premier mois : la réponse est alors due au plus tard le ${due(extendedDue).fr}.`),
          },
          warnings,
          apply: () => void complaints.update({ id: c.id, patch: { extensionNoticeAt: sentAt } }),
        };
      },
    };
  }

  private letterSubject(id: string): Subject {
    const l = this.x.d.registers.letters.get(id);
    if (l.archivedAt) throw new ApiError('CONFLICT', `${l.reference} is archived; restore it before replying to it.`);
    if (l.direction !== 'inbound') throw new ApiError('CONFLICT', `${l.reference} is one of our letters: a reply is written to a letter from the regulator.`);
    const zone = this.org().timeZone;
    const regulator = findRegulator(l.regulator);
    const dt = (iso: string) => bi(fmtDateTime(iso, 'en', zone), fmtDateTime(iso, 'fr', zone));
    const due = (iso: string) => bi(deadlineWords(iso, 'en', zone), deadlineWords(iso, 'fr', zone));
    return {
      record: { type: 'letter', id: l.id },
      reference: l.reference,
      recipient: [regulator ? regulator.nameLocal : l.regulator],
      defaultLang: regulator ? (regulator.languages.includes('fr') ? 'fr' : 'en') : this.orgLang(),
      fileTag: '',
      values: (lang) => letterValues(l, this.org(), lang),
      plan: (sentAt) => {
        const warnings: ComposeWarning[] = [];
        if (!l.replyDue) warnings.push(warn('no_reply_due', bi(`${l.reference} sets no reply date: the reply is recorded, there is no deadline to meet.`, `${l.reference} ne fixe pas de date de réponse : la réponse est enregistrée, aucune échéance n’est à satisfaire.`)));
        if (l.answeredAt) warnings.push(warn('replied', bi(`${l.reference} was already answered on ${dt(l.answeredAt).en}: this reply is recorded too; the first one stays what met the deadline.`, `${l.reference} a déjà reçu une réponse le ${dt(l.answeredAt).fr} : cette réponse est aussi enregistrée ; la première reste celle qui a satisfait l’échéance.`)));
        const meets = l.replyDue && !l.answeredAt ? bi(` It answers ${l.reference}, due by ${due(l.replyDue).en}.`, ` Elle répond à ${l.reference}, attendue au plus tard le ${due(l.replyDue).fr}.`) : bi('', '');
        return {
          effect: {
            kind: 'regulator_reply',
            applies: true,
            text: bi(`Recorded as our outbound reply of ${dt(sentAt).en} in the regulator correspondence, with the letter attached.${meets.en}`, `Enregistrée comme notre réponse sortante du ${dt(sentAt).fr} dans la correspondance avec l’autorité, courrier joint.${meets.fr}`),
          },
          warnings,
          // The outbound letter is created before the files are attached (generate): nothing more to do.
          apply: () => undefined,
        };
      },
    };
  }

  private clientSubject(id: string): Subject {
    const inc = this.x.d.registers.incidents;
    const client = inc.clients.get(id);
    if (client.archivedAt) throw new ApiError('CONFLICT', `${client.name} was withdrawn from this incident; restore it before writing to it.`);
    const i = inc.get(client.incidentId);
    const zone = this.org().timeZone;
    const dt = (iso: string) => bi(fmtDateTime(iso, 'en', zone), fmtDateTime(iso, 'fr', zone));
    const filed = inc.obligations.byIncident(i.id).some((o) => o.recipientId === client.id && inc.notifications.byObligation(o.id).length > 0);
    return {
      record: { type: 'incident', id: i.id },
      reference: i.reference,
      recipient: [client.name, client.contact],
      defaultLang: client.language,
      fileTag: client.name,
      drill: i.drill,
      values: (lang) => clientValues(i, client, this.org(), lang),
      plan: (sentAt) => {
        const drill = i.drill ? [warn('drill', bi(`${i.reference} is a drill: this notice is part of the exercise (its subject says so); send it only to those taking part.`, `${i.reference} est un exercice : cette notification en fait partie (son objet l’indique) ; ne l’envoyez qu’aux participants.`))] : [];
        if (filed) {
          const w = warn('client_filed', bi(`The notice to ${client.name} is recorded as a filing: its time is frozen there. The letter is stored with the incident, the client is not changed.`, `La notification à ${client.name} est enregistrée comme un dépôt : son heure y est figée. Le courrier est conservé avec l’incident, le client n’est pas modifié.`));
          return { effect: keptOnly('client'), warnings: [...drill, w], apply: () => undefined };
        }
        if (client.notifiedAt) {
          const w = warn('client_notified', bi(`${client.name} was already notified on ${dt(client.notifiedAt).en}: the letter is stored, the client is not changed.`, `${client.name} a déjà été notifié le ${dt(client.notifiedAt).fr} : le courrier est conservé, le client n’est pas modifié.`));
          return { effect: keptOnly('client'), warnings: [...drill, w], apply: () => undefined };
        }
        const due = client.notifyDue ? bi(` (due by ${dt(client.notifyDue).en})`, ` (échéance : ${dt(client.notifyDue).fr})`) : bi('', '');
        return {
          effect: { kind: 'client_notified', applies: true, text: bi(`Records ${client.name} as notified on ${dt(sentAt).en}${due.en}.`, `Enregistre ${client.name} comme notifié le ${dt(sentAt).fr}${due.fr}.`) },
          warnings: drill,
          apply: (file) => void inc.clients.update({ id: client.id, patch: { notifiedAt: sentAt, notifiedHow: `Letter ${file}` } }),
        };
      },
    };
  }
}
