/**
 * The values of a letter's merge fields (shared/letters/fields.ts), from the record and the
 * organisation profile, written in the letter's language: dates in words in the organisation's
 * time zone, a day-counted deadline as its last day, codes as their labels. An absent value is
 * an empty string (the letter then shows a gap), except in the processor's notice, which says
 * what is not known yet — as the filing's starting text always did.
 */
import type { Complaint } from '@shared/schemas/complaint';
import type { AffectedClient, Incident } from '@shared/schemas/incident';
import type { Letter } from '@shared/schemas/letter';
import type { Organisation } from '@shared/schemas/profile';
import { findRegulator } from '@shared/reference/regulators';
import { formatDate, formatLocalDate, formatDateTime, isDayEnd, lastDayOfDeadline } from '@shared/format/dates';
import { fmtDateTime, fmtNumber, label, type Lang } from '../exports/labels';

export type Values = Record<string, string>;

type Org = Pick<Organisation, 'name' | 'dpoContact' | 'timeZone' | 'defaultRegulator'>;

const LONG = { month: 'long' } as const;

function day(iso: string | null, lang: Lang, zone: string): string {
  return iso ? formatDate(iso, zone, lang, LONG) : '';
}

/** A deadline in a letter: "2 August 2018" for a day-counted one (its last day), else with its time. */
export function deadlineWords(iso: string | null, lang: Lang, zone: string): string {
  if (!iso) return '';
  return isDayEnd(iso, zone) ? formatLocalDate(lastDayOfDeadline(iso, zone), lang, LONG) : formatDateTime(iso, zone, lang, LONG);
}

function regulatorWords(id: string | null | undefined, lang: Lang): { name: string; website: string } {
  const r = findRegulator(id);
  if (!r) return { name: id ?? '', website: '' };
  const name = lang === 'fr' && r.languages.includes('fr') ? r.nameLocal : r.nameEn;
  return { name: name === r.short ? name : `${name} (${r.short})`, website: r.website };
}

export function commonValues(org: Org, sentAt: string, lang: Lang): Values {
  return { 'organisation.name': org.name, 'organisation.dpo': org.dpoContact, 'letter.date': day(sentAt, lang, org.timeZone) };
}

export function complaintValues(c: Complaint, extendedDue: string, org: Org, lang: Lang): Values {
  const zone = org.timeZone;
  const reg = regulatorWords(org.defaultRegulator, lang);
  return {
    'complaint.reference': c.reference,
    'complaint.receivedOn': day(c.receivedAt, lang, zone),
    'complaint.complainant': c.complainantLabel,
    'complaint.contact': c.complainantContact,
    'complaint.rights': c.rights.map((r) => label('right', r, lang).toLocaleLowerCase(lang)).join(', '),
    'complaint.summary': c.summary,
    'complaint.responseDue': deadlineWords(c.responseDue, lang, zone),
    'complaint.extendedDue': deadlineWords(extendedDue, lang, zone),
    'complaint.extensionReason': c.extensionReason,
    'complaint.outcome': c.outcome,
    'regulator.name': reg.name,
    'regulator.website': reg.website,
  };
}

export function letterValues(l: Letter, org: Org, lang: Lang): Values {
  const zone = org.timeZone;
  return {
    'regulator.name': regulatorWords(l.regulator, lang).name,
    'letter.theirReferences': l.regulatorRefs.join(', '),
    'letter.reference': l.reference,
    'letter.subject': l.subject,
    'letter.dated': day(l.sentAt ?? l.receivedAt, lang, zone),
    'letter.receivedOn': day(l.receivedAt, lang, zone),
    'letter.replyDue': deadlineWords(l.replyDue, lang, zone),
  };
}

const list = (codes: string[], kind: 'nature' | 'dataCategory', lang: Lang) => codes.map((c) => label(kind, c, lang)).join(', ');

export function clientValues(i: Incident, client: Pick<AffectedClient, 'name' | 'contact'>, org: Org, lang: Lang): Values {
  const zone = org.timeZone;
  const unknown = lang === 'fr' ? 'pas encore connu (nous vous le préciserons dès que possible)' : 'not known yet (we will tell you as soon as it is)';
  const or = (s: string) => s || unknown;
  return {
    'client.name': client.name,
    'client.contact': client.contact,
    'incident.reference': i.reference,
    'incident.detectedAt': fmtDateTime(i.detectedAt ?? i.awareAt, lang, zone),
    'incident.facts': i.facts || i.howDiscovered || i.title,
    'incident.nature': or(list(i.nature, 'nature', lang)),
    'incident.dataCategories': or(list(i.dataCategories, 'dataCategory', lang)),
    'incident.persons': i.approxSubjects != null ? fmtNumber(i.approxSubjects, lang) : unknown,
    'incident.records': i.approxRecords != null ? fmtNumber(i.approxRecords, lang) : unknown,
    'incident.consequences': or(i.likelyConsequences),
    'incident.measuresTaken': or(i.measuresTaken),
    'incident.measuresProposed': or(i.measuresProposed),
  };
}
