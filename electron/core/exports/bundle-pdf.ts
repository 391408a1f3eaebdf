import type { BundleManifest, ManifestFile } from '@shared/schemas/bundle';
import { fingerprintText } from '@shared/schemas/bundle';
import type { Provenance } from '@shared/schemas/export';
import type { MatterDetail } from '@shared/schemas/matter';
import { regulatorLabel } from '@shared/reference/regulators';
import { bi, fmtDate, fmtDateTime, fmtDeadline, fmtMoney, fmtNumber, label, pick, type Bi, type Lang } from './labels';
import { COLORS, Pdf, provenanceKeywords, provenanceLine } from './pdf';
import { colophon } from './timeline-export';

export const MATTER_KIND: Record<MatterDetail['matter']['kind'], Bi> = {
  complaint: bi('Complaint handled by the regulator', 'Plainte instruite par l’autorité'),
  inspection_on_site: bi('On-site inspection', 'Contrôle sur place'),
  inspection_online: bi('Online inspection', 'Contrôle en ligne'),
  inspection_documents: bi('Inspection on documents', 'Contrôle sur pièces'),
  breach_follow_up: bi('Breach follow-up', 'Suivi d’une violation'),
  formal_notice: bi('Formal notice procedure', 'Procédure de mise en demeure'),
  sanction_procedure: bi('Sanction procedure', 'Procédure de sanction'),
  other: bi('Other procedure', 'Autre procédure'),
};

const DEADLINE_KIND: Record<MatterDetail['deadlines'][number]['kind'], Bi> = {
  reply: bi('Reply', 'Réponse'),
  compliance: bi('Compliance', 'Mise en conformité'),
  appeal: bi('Appeal', 'Recours'),
};

/** Regulator matters: the procedure's facts, its steps (letters) and every deadline the regulator set. */
export async function matterPdf(matters: MatterDetail[], lang: Lang, p: Provenance): Promise<Buffer> {
  const zone = p.timeZone;
  const pdf = new Pdf({
    lang,
    title: `${pdf0(lang, 'Regulator matters', 'Procédures avec les autorités')} — ${p.organisation}`,
    footerLabel: pdf0(lang, 'Regulator matters', 'Procédures avec les autorités'),
    provenance: p,
    subject: provenanceLine(p, lang),
    keywords: ['PrivacyOps', ...provenanceKeywords(p)],
  });
  const T = (en: string, fr: string) => pdf.t(en, fr);
  const doc = pdf.doc;
  pdf.font('bold', 9, COLORS.muted);
  doc.text(p.organisation.toUpperCase(), pdf.left, pdf.y, { characterSpacing: 0.6 });
  pdf.font('title', 17, COLORS.header);
  doc.text(T('Regulator matters', 'Procédures avec les autorités'), pdf.left, doc.y + 2);
  for (const { matter: m, letters, deadlines } of matters) {
    pdf.heading(`${m.reference} — ${m.title}`, 12, 12);
    pdf.facts(
      [
        [T('Regulator', 'Autorité'), regulatorLabel(m.regulator)],
        [T('Kind', 'Nature'), pick(MATTER_KIND[m.kind], lang)],
        [T('Opened', 'Ouverte le'), fmtDate(m.openedAt, lang, zone)],
        [T('Status', 'Statut'), m.status === 'open' ? T('Open', 'En cours') : `${T('Closed', 'Close')}${m.closedAt ? ` (${fmtDate(m.closedAt, lang, zone)})` : ''}`],
        [T('Their references', 'Leurs références'), m.regulatorRefs.join(', ') || '—'],
        [T('Appeal', 'Recours'), m.appeal || '—'],
      ],
      2,
      8.6,
    );
    if (m.summary) {
      pdf.font('bold', 8, COLORS.muted);
      doc.text(T('Summary', 'Résumé'), pdf.left, pdf.y);
      pdf.paragraph(m.summary, { size: 8.6 });
    }
    if (letters.length) {
      pdf.heading(T('Steps (letters)', 'Étapes (courriers)'), 10.5, 6);
      await pdf.table(
        [
          { header: T('Ref.', 'Réf.'), width: 66 },
          { header: T('Date', 'Date'), width: 62 },
          { header: T('Kind', 'Nature'), width: 120 },
          { header: T('Subject', 'Objet'), width: pdf.width - 66 - 62 - 120 - 70 },
          { header: T('Amount', 'Montant'), width: 70, align: 'right' },
        ],
        letters.map((l) => [
          l.reference,
          fmtDate(l.receivedAt ?? l.sentAt, lang, zone),
          `${label('direction', l.direction, lang)} — ${label('letterKind', l.kind, lang)}`,
          { text: l.subject, sub: l.summary ? l.summary.slice(0, 300) : undefined },
          l.amountEur != null ? fmtMoney(l.amountEur, lang) : '',
        ]),
        { size: 7.8 },
      );
    }
    if (deadlines.length) {
      pdf.heading(T('Deadlines set by the regulator', 'Échéances fixées par l’autorité'), 10.5, 6);
      await pdf.table(
        [
          { header: T('Letter', 'Courrier'), width: 80 },
          { header: T('Deadline', 'Échéance'), width: 90 },
          { header: T('Last day', 'Dernier jour'), width: 140 },
          { header: T('Met', 'Respectée'), width: 110 },
          { header: T('Superseded', 'Remplacée'), width: pdf.width - 420 },
        ],
        deadlines.map((d) => [
          d.letterReference,
          pick(DEADLINE_KIND[d.kind], lang),
          fmtDeadline(d.due, lang, zone),
          d.metAt ? fmtDateTime(d.metAt, lang, zone) : '—',
          d.supersededBy ? T('yes (extension)', 'oui (prorogation)') : '—',
        ]),
        { size: 7.8 },
      );
    }
  }
  colophon(pdf, p);
  return pdf.finish();
}

function pdf0(lang: Lang, en: string, fr: string): string {
  return pick(bi(en, fr), lang);
}

const KIND_LABEL: Record<ManifestFile['kind'], Bi> = {
  summary: bi('This summary', 'Ce résumé'),
  'record-pdf': bi('Records (PDF)', 'Dossiers (PDF)'),
  'record-json': bi('Record (JSON)', 'Dossier (JSON)'),
  attachment: bi('Attachment', 'Pièce jointe'),
  timeline: bi('Timeline', 'Chronologie'),
  audit: bi('Audit entries', 'Entrées du journal d’audit'),
  readme: bi('How to check', 'Comment vérifier'),
};

const TYPE_LABEL: Record<string, Bi> = {
  incident: bi('Incident', 'Incident'),
  matter: bi('Regulator matter', 'Procédure'),
  letter: bi('Letter', 'Courrier'),
  complaint: bi('Complaint', 'Réclamation'),
  action: bi('Action', 'Action'),
};

/** The first document a reader opens: what the bundle is about, what is in it, who signed it, how to check it. */
export async function summaryPdf(o: {
  scope: BundleManifest['scope'];
  records: BundleManifest['records'];
  files: ManifestFile[];
  auditEntries: number;
  /** A redacted bundle: made with a profile that hides fields; its audit entries are given as hashes only. */
  redacted: boolean;
  withheldEntries: number;
  signer: BundleManifest['signer'];
  lang: Lang;
  provenance: Provenance;
}): Promise<Buffer> {
  const { lang, provenance: p } = o;
  const zone = p.timeZone;
  const title = pick(bi('Evidence bundle', 'Dossier de preuves'), lang);
  const about = `${pick(bi({ incident: 'Incident', matter: 'Regulator matter', period: 'Period' }[o.scope.kind], { incident: 'Incident', matter: 'Procédure', period: 'Période' }[o.scope.kind]), lang)} ${o.scope.label}`;
  const pdf = new Pdf({ lang, title: `${title} — ${about}`, footerLabel: `${title} — ${about}`, provenance: p, subject: provenanceLine(p, lang), keywords: ['PrivacyOps', title, ...provenanceKeywords(p)] });
  const T = (en: string, fr: string) => pdf.t(en, fr);
  const doc = pdf.doc;
  pdf.font('bold', 9, COLORS.muted);
  doc.text(p.organisation.toUpperCase(), pdf.left, pdf.y, { characterSpacing: 0.6 });
  pdf.font('title', 18, COLORS.header);
  doc.text(title, pdf.left, doc.y + 2);
  pdf.font('bold', 12, COLORS.ink);
  doc.text(about, pdf.left, doc.y + 1);
  pdf.y = doc.y + 4;
  const profileName = p.redaction ? pick(p.redaction.name, lang) : '';
  pdf.paragraph(
    o.redacted
      ? T(
          `Made on ${fmtDateTime(p.exportedAt, 'en', zone)} by ${p.exportedBy} with the redaction profile “${profileName}” (rules ${p.redaction?.rulesHash ?? ''}): the records, their JSON and the timelines show what that profile keeps; attachments are left out (a file cannot be redacted). Not a bundle for a regulator: make it with the Full profile for that. Times are in ${zone}.`,
          `Établi le ${fmtDateTime(p.exportedAt, 'fr', zone)} par ${p.exportedBy} avec le profil de masquage « ${profileName} » (règles ${p.redaction?.rulesHash ?? ''}) : les dossiers, leur JSON et les chronologies montrent ce que ce profil conserve ; les pièces jointes sont omises (un fichier ne peut pas être masqué). Ce n’est pas un dossier pour une autorité : utilisez pour cela le profil Complet. Fuseau horaire : ${zone}.`,
        )
      : T(
          `Made on ${fmtDateTime(p.exportedAt, 'en', zone)} by ${p.exportedBy} for a regulator or counsel. Every record is complete (no redaction). Times are in ${zone}.`,
          `Établi le ${fmtDateTime(p.exportedAt, 'fr', zone)} par ${p.exportedBy} pour une autorité ou un conseil. Chaque dossier est complet (rien n’est masqué). Fuseau horaire : ${zone}.`,
        ),
    { size: 8.6, color: COLORS.muted },
  );

  pdf.heading(T('Records', 'Dossiers'), 11, 6);
  await pdf.table(
    [
      { header: T('Kind', 'Type'), width: 110 },
      { header: T('Reference', 'Référence'), width: 90 },
      { header: T('Title', 'Intitulé'), width: pdf.width - 200 },
    ],
    o.records.map((r) => [pick(TYPE_LABEL[r.type] ?? bi(r.type, r.type), lang), { text: r.reference, bold: true }, r.title]),
    { size: 8 },
  );

  pdf.heading(T('Files', 'Fichiers'), 11, 8);
  pdf.paragraph(
    T(
      'Each file’s SHA-256 is listed in manifest.json, which is signed with this device’s Ed25519 key (manifest.sig). A file whose SHA-256 differs from this list was changed after the bundle was made.',
      'L’empreinte SHA-256 de chaque fichier figure dans manifest.json, signé avec la clé Ed25519 de ce poste (manifest.sig). Un fichier dont l’empreinte diffère de cette liste a été modifié après la constitution du dossier.',
    ),
    { size: 8, color: COLORS.muted },
  );
  await pdf.table(
    [
      { header: T('File', 'Fichier'), width: 200 },
      { header: T('Content', 'Contenu'), width: 90 },
      { header: T('Size', 'Taille'), width: 55, align: 'right' },
      { header: 'SHA-256', width: pdf.width - 345 },
    ],
    o.files.map((f) => [
      { text: f.path, sub: f.record },
      pick(KIND_LABEL[f.kind], lang),
      `${fmtNumber(Math.max(1, Math.round(f.size / 1024)), lang)} ${T('KiB', 'Kio')}`,
      { text: f.sha256, font: 'mono' },
    ]),
    { size: 7.2 },
  );

  pdf.heading(T('Audit entries', 'Journal d’audit'), 11, 8);
  pdf.paragraph(
    o.redacted
      ? T(
          `audit/audit-entries.json gives the ${o.withheldEntries} entries of the register’s hash-chained audit log that concern these records, and their neighbours, as their position, prevHash and hash only: their content holds the values the profile hides. Each entry’s prevHash can be compared with the hash of the entry before it. The chain had ${p.auditEntries} entries ending with ${p.auditHeadHash} when the bundle was made.`,
          `audit/audit-entries.json donne les ${o.withheldEntries} entrées du journal d’audit chaîné du registre qui concernent ces dossiers, et leurs voisines, par leur position, leur prevHash et leur empreinte seulement : leur contenu porte les valeurs que le profil masque. Le prevHash de chaque entrée se compare à l’empreinte de l’entrée précédente. La chaîne comptait ${p.auditEntries} entrées et se terminait par ${p.auditHeadHash} à la constitution du dossier.`,
        )
      : T(
      `audit/audit-entries.json holds the ${o.auditEntries} entries of the register’s hash-chained audit log that concern these records, in full, with the position and hashes of their neighbours in the chain (content withheld: they concern other records). Each entry’s hash can be recomputed from its content, and its prevHash compared with the hash of the entry before it. The chain had ${p.auditEntries} entries ending with ${p.auditHeadHash} when the bundle was made.`,
      `audit/audit-entries.json contient les ${o.auditEntries} entrées du journal d’audit chaîné du registre qui concernent ces dossiers, en entier, avec la position et les empreintes de leurs voisines dans la chaîne (contenu non communiqué : elles concernent d’autres dossiers). L’empreinte de chaque entrée se recalcule à partir de son contenu, et son prevHash se compare à l’empreinte de l’entrée précédente. La chaîne comptait ${p.auditEntries} entrées et se terminait par ${p.auditHeadHash} à la constitution du dossier.`,
    ),
    { size: 8.4 },
  );

  pdf.heading(T('Signature', 'Signature'), 11, 8);
  pdf.facts(
    [
      [T('Algorithm', 'Algorithme'), 'Ed25519'],
      [T('Signing device', 'Poste signataire'), o.signer.deviceId],
    ],
    2,
    8.4,
  );
  pdf.font('bold', 7.6, COLORS.muted);
  doc.text(T('Key fingerprint (SHA-256 of the public key)', 'Empreinte de la clé (SHA-256 de la clé publique)'), pdf.left, pdf.y);
  pdf.font('mono', 10, COLORS.ink);
  doc.text(fingerprintText(o.signer.fingerprint), pdf.left, doc.y + 1);
  pdf.font('mono', 7, COLORS.muted);
  doc.text(o.signer.fingerprint, pdf.left, doc.y + 1);
  pdf.y = doc.y + 4;
  pdf.paragraph(
    T(
      'To check the bundle: npm run verify-bundle -- FILE.zip in PrivacyOps Workstation, or drop it on the Exports page; without the app, README.txt shows how with OpenSSL and sha256sum. Compare the fingerprint with the one the organisation gives you (Settings › Security on its device).',
      'Pour vérifier le dossier : npm run verify-bundle -- FICHIER.zip dans PrivacyOps Workstation, ou le déposer sur la page Exports ; sans l’application, README.txt explique comment avec OpenSSL et sha256sum. Comparez l’empreinte avec celle que l’organisme vous communique (Paramètres › Sécurité sur son poste).',
    ),
    { size: 8.4 },
  );
  colophon(pdf, p);
  return pdf.finish();
}

/** README.txt: what is inside and how to check it without the app. */
export function readmeText(fingerprint: string, redacted = false): string {
  return [
    'EVIDENCE BUNDLE / DOSSIER DE PREUVES — PrivacyOps Workstation',
    '',
    ...(redacted
      ? [
          'REDACTED: made with the redaction profile named in manifest.json (provenance.redaction). No attachment,',
          'and the audit entries as their hashes only. MASQUÉ : établi avec le profil de masquage nommé dans',
          'manifest.json (provenance.redaction). Sans pièces jointes, journal d’audit réduit aux empreintes.',
          '',
        ]
      : []),
    'What is inside',
    '  00-summary.pdf            what the bundle is about, every file and its SHA-256, the signer',
    '  records/*.pdf, *.json     the records (PDF to read, JSON complete and machine-readable)',
    '  attachments/REF/…         the records’ attachments, as they were received or sent',
    '  timeline/…                each incident’s timeline (PDF and JSON)',
    '  audit/audit-entries.json  the audit entries about these records, with the hashes of their neighbours',
    '  manifest.json             every file’s SHA-256 and size, the audit entries’ hashes, the signer’s public key',
    '  manifest.sig              Ed25519 signature of manifest.json (64 bytes)',
    '',
    'How to check it',
    '  With the app:   npm run verify-bundle -- FILE.zip   (or drop the file on Exports › Evidence bundle)',
    `  Without it (OpenSSL 3):`,
    '    unzip FILE.zip -d bundle && cd bundle',
    '    python3 -c "import json;m=json.load(open(\'manifest.json\'));open(\'signer.pem\',\'w\').write(m[\'signer\'][\'publicKeyPem\'])"',
    '    openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in manifest.json -sigfile manifest.sig',
    '    python3 -c "import json;[print(f[\'sha256\']+\'  \'+f[\'path\']) for f in json.load(open(\'manifest.json\'))[\'files\']]" | sha256sum -c',
    `  The signer's key fingerprint (SHA-256 of the raw public key) is ${fingerprint}.`,
    '  Ask the organisation to confirm it: it is shown in the app under Settings › Security.',
    '',
    'Vérifier sans l’application : mêmes commandes ci-dessus (OpenSSL 3, sha256sum). L’empreinte de la clé',
    'du signataire figure ci-dessus ; l’organisme peut la confirmer (Paramètres › Sécurité).',
    '',
  ].join('\n');
}
