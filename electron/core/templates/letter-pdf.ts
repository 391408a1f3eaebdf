import type { Provenance } from '@shared/schemas/export';
import { COLORS, Pdf, provenanceKeywords } from '../exports/pdf';
import type { Lang } from '../exports/labels';

export interface LetterDoc {
  lang: Lang;
  organisation: string;
  /** Who it is to: name, then contact lines. */
  recipient: string[];
  /** "4 December 2026" in the organisation's zone. */
  date: string;
  /** Our reference: the record's (a reply: the procedure's and our reply's own). */
  reference: string;
  /** Theirs, when the recipient gave one (a regulator's references): "Your reference". */
  theirReference?: string;
  subject: string;
  body: string;
  /** Template id and version, kept in the PDF's metadata. */
  templateId: string;
  templateVersion: number;
  templateName: string;
  provenance: Provenance;
}

/**
 * A generated letter in the house style of the exports (exports/pdf.ts: A4, DejaVu, the footer
 * with the provenance on every page): the organisation at the top, the recipient, date and our
 * reference, the subject, then the text exactly as the user left it.
 */
export async function letterPdf(d: LetterDoc): Promise<Buffer> {
  const pdf = new Pdf({
    lang: d.lang,
    title: d.subject,
    footerLabel: `${d.templateName} · ${d.reference}`,
    provenance: d.provenance,
    subject: d.templateName,
    keywords: [...provenanceKeywords(d.provenance), `template:${d.templateId}`, `template-version:${d.templateVersion}`, `record:${d.reference}`],
  });
  const doc = pdf.doc;
  pdf.font('title', 15, COLORS.header);
  doc.text(d.organisation, pdf.left, doc.y, { width: pdf.width });
  const ruleY = doc.y + 3;
  doc.moveTo(pdf.left, ruleY).lineTo(pdf.right, ruleY).lineWidth(1.2).strokeColor(COLORS.accent).stroke();
  doc.y = ruleY + 22;

  // Recipient on the right, as a windowed envelope expects it.
  const boxX = pdf.left + pdf.width * 0.55;
  const boxW = pdf.width * 0.45;
  const [name, ...rest] = d.recipient.filter(Boolean);
  if (name) {
    pdf.font('bold', 10);
    doc.text(name, boxX, doc.y, { width: boxW });
    pdf.font('body', 10);
    for (const l of rest) doc.text(l, boxX, doc.y, { width: boxW });
  }
  doc.y += 18;
  pdf.font('body', 10);
  doc.text(d.date, boxX, doc.y, { width: boxW });
  doc.y += 14;
  pdf.font('body', 9, COLORS.muted);
  const colon = pdf.lang === 'fr' ? '\u00a0: ' : ': ';
  doc.text(`${pdf.t('Our reference', 'Notre référence')}${colon}${d.reference}`, pdf.left, doc.y, { width: pdf.width });
  if (d.theirReference) doc.text(`${pdf.t('Your reference', 'Votre référence')}${colon}${d.theirReference}`, pdf.left, doc.y, { width: pdf.width });
  doc.y += 10;
  pdf.font('bold', 10.5);
  doc.text(`${pdf.t('Subject', 'Objet')}${pdf.lang === 'fr' ? '\u00a0: ' : ': '}${d.subject}`, pdf.left, doc.y, { width: pdf.width });
  doc.y += 12;
  for (const para of d.body.split(/\n{2,}/)) pdf.paragraph(para, { size: 10, gapAfter: 8 });
  return pdf.finish();
}
