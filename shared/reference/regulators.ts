/**
 * The authority catalogue: the supervisory authorities of the EU/EEA (GDPR Art. 51, the EDPB's
 * members), the EDPS, the UK ICO, and the national CSIRTs / competent authorities that receive NIS2
 * incident reports (Directive (EU) 2022/2555 Art. 23). Product data kept by hand, because no
 * maintained package publishes it; reviewed as of CATALOGUE_REVIEWED. Ids are stable: records
 * store them. An authority missing here can be typed as a custom recipient.
 *
 * What each entry gives the person filing at 2 a.m.: the name in the local language and in
 * English, the website and, where the authority has one, the address of its breach notification
 * service, a switchboard number where it is published, the languages a filing may be written in,
 * and procedure notes. Always check the portal before relying on a number printed here.
 */

export type AuthorityKind = 'supervisory' | 'csirt';

export interface Regulator {
  id: string;
  kind: AuthorityKind;
  /** ISO 3166-1 alpha-2 (GB for the ICO; EU for the EDPS). */
  country: string;
  short: string;
  /** The name the app shows and searches (stable: search results depend on it). */
  name: string;
  /** Name in the local language (the one on its letters). */
  nameLocal: string;
  /** Name in English. */
  nameEn: string;
  website: string;
  /** Where a breach or incident is notified online, when the authority has a dedicated service. */
  portal: string | null;
  /** Switchboard or helpline, international format; null where none is published here. */
  phone: string | null;
  /** ISO 639-1 codes of the languages a notification may be written in. */
  languages: readonly string[];
  /** What to know before filing, in English and French. */
  notes: { en: string; fr: string } | null;
  /** Public-holiday calendar the authority's own deadlines follow. */
  holidayCountry: string;
  timeZone: string;
}

export const CATALOGUE_REVIEWED = '2026-12';

type Entry = Omit<Regulator, 'kind' | 'notes' | 'portal' | 'phone'> & Partial<Pick<Regulator, 'notes' | 'portal' | 'phone'>>;
const sa = (e: Entry): Regulator => ({ kind: 'supervisory', portal: null, phone: null, notes: null, ...e });
const cs = (e: Entry): Regulator => ({ kind: 'csirt', portal: null, phone: null, notes: null, ...e });

/** The EU/EEA countries (27 EU Member States + Iceland, Liechtenstein, Norway). */
export const EU_EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
] as const;
export const EU_COUNTRIES = EU_EEA_COUNTRIES.slice(0, 27);

export const REGULATORS: readonly Regulator[] = [
  sa({ id: 'AT-DSB', country: 'AT', short: 'DSB', name: 'Österreichische Datenschutzbehörde', nameLocal: 'Österreichische Datenschutzbehörde', nameEn: 'Austrian Data Protection Authority', website: 'https://www.dsb.gv.at', languages: ['de'], holidayCountry: 'AT', timeZone: 'Europe/Vienna' }),
  sa({
    id: 'BE-APD',
    country: 'BE',
    short: 'APD-GBA',
    name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit', nameLocal: 'Autorité de protection des données / Gegevensbeschermingsautoriteit',
    nameEn: 'Belgian Data Protection Authority',
    website: 'https://www.autoriteprotectiondonnees.be',
    phone: '+32 2 274 48 00',
    languages: ['fr', 'nl', 'de'],
    holidayCountry: 'BE',
    timeZone: 'Europe/Brussels',
  }),
  sa({ id: 'BG-CPDP', country: 'BG', short: 'CPDP', name: 'Commission for Personal Data Protection', nameLocal: 'Комисия за защита на личните данни', nameEn: 'Commission for Personal Data Protection', website: 'https://www.cpdp.bg', phone: '+359 2 915 3580', languages: ['bg'], holidayCountry: 'BG', timeZone: 'Europe/Sofia' }),
  sa({ id: 'HR-AZOP', country: 'HR', short: 'AZOP', name: 'Agencija za zaštitu osobnih podataka', nameLocal: 'Agencija za zaštitu osobnih podataka', nameEn: 'Croatian Personal Data Protection Agency', website: 'https://azop.hr', phone: '+385 1 4609 000', languages: ['hr'], holidayCountry: 'HR', timeZone: 'Europe/Zagreb' }),
  sa({
    id: 'CY-DPC',
    country: 'CY',
    short: 'CY DPC',
    name: 'Commissioner for Personal Data Protection', nameLocal: 'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα',
    nameEn: 'Commissioner for Personal Data Protection',
    website: 'https://www.dataprotection.gov.cy',
    phone: '+357 22 818 456',
    languages: ['el', 'en'],
    holidayCountry: 'CY',
    timeZone: 'Asia/Nicosia',
  }),
  sa({ id: 'CZ-UOOU', country: 'CZ', short: 'ÚOOÚ', name: 'Úřad pro ochranu osobních údajů', nameLocal: 'Úřad pro ochranu osobních údajů', nameEn: 'Office for Personal Data Protection', website: 'https://uoou.gov.cz', phone: '+420 234 665 111', languages: ['cs'], holidayCountry: 'CZ', timeZone: 'Europe/Prague' }),
  sa({ id: 'DK-DT', country: 'DK', short: 'Datatilsynet', name: 'Datatilsynet (Denmark)', nameLocal: 'Datatilsynet', nameEn: 'Danish Data Protection Agency', website: 'https://www.datatilsynet.dk', phone: '+45 33 19 32 00', languages: ['da'], holidayCountry: 'DK', timeZone: 'Europe/Copenhagen' }),
  sa({ id: 'EE-AKI', country: 'EE', short: 'AKI', name: 'Andmekaitse Inspektsioon', nameLocal: 'Andmekaitse Inspektsioon', nameEn: 'Estonian Data Protection Inspectorate', website: 'https://www.aki.ee', phone: '+372 627 4135', languages: ['et'], holidayCountry: 'EE', timeZone: 'Europe/Tallinn' }),
  sa({ id: 'FI-TSV', country: 'FI', short: 'Tietosuojavaltuutettu', name: 'Office of the Data Protection Ombudsman', nameLocal: 'Tietosuojavaltuutetun toimisto', nameEn: 'Office of the Data Protection Ombudsman', website: 'https://tietosuoja.fi', languages: ['fi', 'sv'], holidayCountry: 'FI', timeZone: 'Europe/Helsinki' }),
  sa({
    id: 'FR-CNIL',
    country: 'FR',
    short: 'CNIL',
    name: "Commission nationale de l'informatique et des libertés", nameLocal: 'Commission nationale de l’informatique et des libertés',
    nameEn: 'French Data Protection Authority',
    website: 'https://www.cnil.fr',
    portal: 'https://notifications.cnil.fr/notifications/index',
    phone: '+33 1 53 73 22 22',
    languages: ['fr'],
    notes: {
      en: 'Notify through the CNIL online service (téléservice de notification de violations); a phased notification completes the first one with the same reference.',
      fr: 'Notifier par le téléservice de la CNIL ; une notification en plusieurs temps complète la première sous la même référence.',
    },
    holidayCountry: 'FR',
    timeZone: 'Europe/Paris',
  }),
  sa({
    id: 'DE-BFDI',
    country: 'DE',
    short: 'BfDI',
    name: 'Bundesbeauftragte für den Datenschutz und die Informationsfreiheit', nameLocal: 'Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
    nameEn: 'Federal Commissioner for Data Protection and Freedom of Information',
    website: 'https://www.bfdi.bund.de',
    phone: '+49 228 997799 0',
    languages: ['de'],
    notes: {
      en: 'The BfDI supervises federal bodies, telecommunications and postal services; other private bodies notify the data protection authority of the Land where they are established.',
      fr: 'Le BfDI contrôle les organismes fédéraux, les télécommunications et la poste ; les autres organismes privés notifient l’autorité du Land où ils sont établis.',
    },
    holidayCountry: 'DE',
    timeZone: 'Europe/Berlin',
  }),
  sa({ id: 'GR-HDPA', country: 'GR', short: 'HDPA', name: 'Hellenic Data Protection Authority', nameLocal: 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', nameEn: 'Hellenic Data Protection Authority', website: 'https://www.dpa.gr', phone: '+30 210 6475 600', languages: ['el'], holidayCountry: 'GR', timeZone: 'Europe/Athens' }),
  sa({ id: 'HU-NAIH', country: 'HU', short: 'NAIH', name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', nameLocal: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', nameEn: 'Hungarian National Authority for Data Protection and Freedom of Information', website: 'https://naih.hu', phone: '+36 1 391 1400', languages: ['hu'], holidayCountry: 'HU', timeZone: 'Europe/Budapest' }),
  sa({ id: 'IS-PV', country: 'IS', short: 'Persónuvernd', name: 'Persónuvernd', nameLocal: 'Persónuvernd', nameEn: 'Icelandic Data Protection Authority', website: 'https://www.personuvernd.is', phone: '+354 510 9600', languages: ['is'], holidayCountry: 'IS', timeZone: 'Atlantic/Reykjavik' }),
  sa({
    id: 'IE-DPC',
    country: 'IE',
    short: 'DPC',
    name: 'Data Protection Commission', nameLocal: 'An Coimisiún um Chosaint Sonraí',
    nameEn: 'Data Protection Commission',
    website: 'https://www.dataprotection.ie',
    languages: ['en', 'ga'],
    notes: { en: 'Breaches are notified with the web form on the DPC’s website.', fr: 'Les violations sont notifiées par le formulaire en ligne du site de la DPC.' },
    holidayCountry: 'IE',
    timeZone: 'Europe/Dublin',
  }),
  sa({ id: 'IT-GPDP', country: 'IT', short: 'Garante', name: 'Garante per la protezione dei dati personali', nameLocal: 'Garante per la protezione dei dati personali', nameEn: 'Italian Data Protection Authority', website: 'https://www.garanteprivacy.it', phone: '+39 06 696771', languages: ['it'], holidayCountry: 'IT', timeZone: 'Europe/Rome' }),
  sa({ id: 'LV-DVI', country: 'LV', short: 'DVI', name: 'Datu valsts inspekcija', nameLocal: 'Datu valsts inspekcija', nameEn: 'Data State Inspectorate', website: 'https://www.dvi.gov.lv', phone: '+371 6722 3131', languages: ['lv'], holidayCountry: 'LV', timeZone: 'Europe/Riga' }),
  sa({ id: 'LI-DSS', country: 'LI', short: 'DSS', name: 'Datenschutzstelle Liechtenstein', nameLocal: 'Datenschutzstelle Liechtenstein', nameEn: 'Data Protection Authority of Liechtenstein', website: 'https://www.datenschutzstelle.li', phone: '+423 236 60 90', languages: ['de'], holidayCountry: 'LI', timeZone: 'Europe/Vaduz' }),
  sa({ id: 'LT-VDAI', country: 'LT', short: 'VDAI', name: 'Valstybinė duomenų apsaugos inspekcija', nameLocal: 'Valstybinė duomenų apsaugos inspekcija', nameEn: 'State Data Protection Inspectorate', website: 'https://vdai.lrv.lt', languages: ['lt'], holidayCountry: 'LT', timeZone: 'Europe/Vilnius' }),
  sa({ id: 'LU-CNPD', country: 'LU', short: 'CNPD', name: 'Commission nationale pour la protection des données', nameLocal: 'Commission nationale pour la protection des données', nameEn: 'National Commission for Data Protection', website: 'https://cnpd.public.lu', phone: '+352 26 10 60 1', languages: ['fr', 'de', 'lb', 'en'], holidayCountry: 'LU', timeZone: 'Europe/Luxembourg' }),
  sa({ id: 'MT-IDPC', country: 'MT', short: 'IDPC', name: 'Information and Data Protection Commissioner', nameLocal: 'Information and Data Protection Commissioner', nameEn: 'Information and Data Protection Commissioner', website: 'https://idpc.org.mt', phone: '+356 2328 7100', languages: ['mt', 'en'], holidayCountry: 'MT', timeZone: 'Europe/Malta' }),
  sa({
    id: 'NL-AP',
    country: 'NL',
    short: 'AP',
    name: 'Autoriteit Persoonsgegevens', nameLocal: 'Autoriteit Persoonsgegevens',
    nameEn: 'Dutch Data Protection Authority',
    website: 'https://www.autoriteitpersoonsgegevens.nl',
    languages: ['nl'],
    notes: { en: 'Data breaches are reported through the AP’s online breach desk (meldloket datalekken).', fr: 'Les violations se déclarent au guichet en ligne de l’AP (meldloket datalekken).' },
    holidayCountry: 'NL',
    timeZone: 'Europe/Amsterdam',
  }),
  sa({ id: 'NO-DT', country: 'NO', short: 'Datatilsynet', name: 'Datatilsynet (Norway)', nameLocal: 'Datatilsynet', nameEn: 'Norwegian Data Protection Authority', website: 'https://www.datatilsynet.no', phone: '+47 22 39 69 00', languages: ['no', 'nb', 'nn'], holidayCountry: 'NO', timeZone: 'Europe/Oslo' }),
  sa({ id: 'PL-UODO', country: 'PL', short: 'UODO', name: 'Urząd Ochrony Danych Osobowych', nameLocal: 'Urząd Ochrony Danych Osobowych', nameEn: 'Personal Data Protection Office', website: 'https://uodo.gov.pl', languages: ['pl'], holidayCountry: 'PL', timeZone: 'Europe/Warsaw' }),
  sa({ id: 'PT-CNPD', country: 'PT', short: 'CNPD', name: 'Comissão Nacional de Proteção de Dados', nameLocal: 'Comissão Nacional de Proteção de Dados', nameEn: 'National Data Protection Commission', website: 'https://www.cnpd.pt', phone: '+351 21 392 84 00', languages: ['pt'], holidayCountry: 'PT', timeZone: 'Europe/Lisbon' }),
  sa({
    id: 'RO-ANSPDCP',
    country: 'RO',
    short: 'ANSPDCP',
    name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal', nameLocal: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
    nameEn: 'National Supervisory Authority for Personal Data Processing',
    website: 'https://www.dataprotection.ro',
    languages: ['ro'],
    holidayCountry: 'RO',
    timeZone: 'Europe/Bucharest',
  }),
  sa({ id: 'SK-UOOU', country: 'SK', short: 'ÚOOÚ SR', name: 'Úrad na ochranu osobných údajov Slovenskej republiky', nameLocal: 'Úrad na ochranu osobných údajov Slovenskej republiky', nameEn: 'Office for Personal Data Protection of the Slovak Republic', website: 'https://dataprotection.gov.sk', phone: '+421 2 3231 3214', languages: ['sk'], holidayCountry: 'SK', timeZone: 'Europe/Bratislava' }),
  sa({ id: 'SI-IP', country: 'SI', short: 'IP', name: 'Informacijski pooblaščenec', nameLocal: 'Informacijski pooblaščenec', nameEn: 'Information Commissioner', website: 'https://www.ip-rs.si', phone: '+386 1 230 97 30', languages: ['sl'], holidayCountry: 'SI', timeZone: 'Europe/Ljubljana' }),
  sa({
    id: 'ES-AEPD',
    country: 'ES',
    short: 'AEPD',
    name: 'Agencia Española de Protección de Datos', nameLocal: 'Agencia Española de Protección de Datos',
    nameEn: 'Spanish Data Protection Agency',
    website: 'https://www.aepd.es',
    portal: 'https://sedeaepd.gob.es',
    languages: ['es'],
    notes: { en: 'Notifications go through the AEPD electronic office (sede electrónica).', fr: 'Les notifications passent par le guichet électronique de l’AEPD (sede electrónica).' },
    holidayCountry: 'ES',
    timeZone: 'Europe/Madrid',
  }),
  sa({ id: 'SE-IMY', country: 'SE', short: 'IMY', name: 'Integritetsskyddsmyndigheten', nameLocal: 'Integritetsskyddsmyndigheten', nameEn: 'Swedish Authority for Privacy Protection', website: 'https://www.imy.se', phone: '+46 8 657 61 00', languages: ['sv'], holidayCountry: 'SE', timeZone: 'Europe/Stockholm' }),
  sa({
    id: 'EU-EDPS',
    country: 'EU',
    short: 'EDPS',
    name: 'European Data Protection Supervisor', nameLocal: 'European Data Protection Supervisor',
    nameEn: 'European Data Protection Supervisor',
    website: 'https://www.edps.europa.eu',
    languages: ['en', 'fr', 'de', 'bg', 'hr', 'cs', 'da', 'nl', 'et', 'fi', 'el', 'hu', 'ga', 'it', 'lv', 'lt', 'mt', 'pl', 'pt', 'ro', 'sk', 'sl', 'es', 'sv'],
    notes: { en: 'For EU institutions and bodies only (Regulation (EU) 2018/1725).', fr: 'Pour les institutions et organes de l’UE seulement (règlement (UE) 2018/1725).' },
    holidayCountry: 'BE',
    timeZone: 'Europe/Brussels',
  }),
  sa({
    id: 'GB-ICO',
    country: 'GB',
    short: 'ICO',
    name: "Information Commissioner's Office", nameLocal: 'Information Commissioner’s Office',
    nameEn: 'Information Commissioner’s Office',
    website: 'https://ico.org.uk',
    portal: 'https://ico.org.uk/for-organisations/report-a-breach/',
    phone: '+44 303 123 1113',
    languages: ['en', 'cy'],
    notes: { en: 'UK GDPR Art. 33: 72 hours, online form or the helpline.', fr: 'UK GDPR art. 33 : 72 heures, formulaire en ligne ou ligne d’assistance.' },
    holidayCountry: 'GB-ENG',
    timeZone: 'Europe/London',
  }),
];

/**
 * Where NIS2 incident reports go (early warning, notification, final report): the national CSIRT
 * or the competent authority each Member State designated. Where both exist, the one named here
 * receives the reports under national law as transposed; the notes say when to check.
 */
export const CSIRTS: readonly Regulator[] = [
  cs({ id: 'AT-CERT', country: 'AT', short: 'CERT.at', name: 'CERT.at', nameLocal: 'CERT.at', nameEn: 'Austrian national CERT', website: 'https://cert.at', languages: ['de', 'en'], holidayCountry: 'AT', timeZone: 'Europe/Vienna' }),
  cs({ id: 'BE-CCB', country: 'BE', short: 'CCB', name: 'Centre pour la Cybersécurité Belgique / Centrum voor Cybersecurity België', nameLocal: 'Centre pour la Cybersécurité Belgique / Centrum voor Cybersecurity België', nameEn: 'Centre for Cybersecurity Belgium', website: 'https://ccb.belgium.be', portal: 'https://notif.safeonweb.be', languages: ['fr', 'nl', 'de', 'en'], holidayCountry: 'BE', timeZone: 'Europe/Brussels' }),
  cs({ id: 'BG-CERT', country: 'BG', short: 'CERT Bulgaria', name: 'CERT България', nameLocal: 'CERT България', nameEn: 'CERT Bulgaria', website: 'https://govcert.bg', languages: ['bg'], holidayCountry: 'BG', timeZone: 'Europe/Sofia' }),
  cs({ id: 'HR-CERT', country: 'HR', short: 'CERT.hr', name: 'Nacionalni CERT', nameLocal: 'Nacionalni CERT', nameEn: 'Croatian National CERT', website: 'https://www.cert.hr', languages: ['hr'], holidayCountry: 'HR', timeZone: 'Europe/Zagreb' }),
  cs({ id: 'CY-CSIRT', country: 'CY', short: 'CSIRT-CY', name: 'Εθνική Ομάδα Απόκρισης σε Περιστατικά Ασφάλειας Υπολογιστών', nameLocal: 'Εθνική Ομάδα Απόκρισης σε Περιστατικά Ασφάλειας Υπολογιστών', nameEn: 'National CSIRT of Cyprus', website: 'https://csirt.cy', languages: ['el', 'en'], holidayCountry: 'CY', timeZone: 'Asia/Nicosia' }),
  cs({ id: 'CZ-NUKIB', country: 'CZ', short: 'NÚKIB', name: 'Národní úřad pro kybernetickou a informační bezpečnost', nameLocal: 'Národní úřad pro kybernetickou a informační bezpečnost', nameEn: 'National Cyber and Information Security Agency', website: 'https://nukib.gov.cz', languages: ['cs'], holidayCountry: 'CZ', timeZone: 'Europe/Prague' }),
  cs({ id: 'DK-CFCS', country: 'DK', short: 'CFCS', name: 'Center for Cybersikkerhed', nameLocal: 'Center for Cybersikkerhed', nameEn: 'Centre for Cyber Security', website: 'https://www.cfcs.dk', languages: ['da', 'en'], holidayCountry: 'DK', timeZone: 'Europe/Copenhagen' }),
  cs({ id: 'EE-CERT', country: 'EE', short: 'CERT-EE', name: 'CERT-EE (Riigi Infosüsteemi Amet)', nameLocal: 'CERT-EE (Riigi Infosüsteemi Amet)', nameEn: 'CERT-EE (Information System Authority)', website: 'https://www.ria.ee', languages: ['et', 'en'], holidayCountry: 'EE', timeZone: 'Europe/Tallinn' }),
  cs({ id: 'FI-NCSC', country: 'FI', short: 'NCSC-FI', name: 'Kyberturvallisuuskeskus (Traficom)', nameLocal: 'Kyberturvallisuuskeskus (Traficom)', nameEn: 'National Cyber Security Centre Finland', website: 'https://www.kyberturvallisuuskeskus.fi', languages: ['fi', 'sv', 'en'], holidayCountry: 'FI', timeZone: 'Europe/Helsinki' }),
  cs({
    id: 'FR-ANSSI',
    country: 'FR',
    short: 'CERT-FR (ANSSI)',
    name: 'Agence nationale de la sécurité des systèmes d’information (CERT-FR)', nameLocal: 'Agence nationale de la sécurité des systèmes d’information (CERT-FR)',
    nameEn: 'French National Cybersecurity Agency (CERT-FR)',
    website: 'https://cyber.gouv.fr',
    portal: 'https://www.cert.ssi.gouv.fr',
    languages: ['fr'],
    notes: { en: 'Check ANSSI’s current reporting service for NIS2 entities before filing.', fr: 'Vérifier le service de déclaration de l’ANSSI en vigueur pour les entités NIS 2 avant de déclarer.' },
    holidayCountry: 'FR',
    timeZone: 'Europe/Paris',
  }),
  cs({ id: 'DE-BSI', country: 'DE', short: 'BSI (CERT-Bund)', name: 'Bundesamt für Sicherheit in der Informationstechnik', nameLocal: 'Bundesamt für Sicherheit in der Informationstechnik', nameEn: 'Federal Office for Information Security', website: 'https://www.bsi.bund.de', languages: ['de'], holidayCountry: 'DE', timeZone: 'Europe/Berlin' }),
  cs({ id: 'GR-NCSA', country: 'GR', short: 'NCSA', name: 'Εθνική Αρχή Κυβερνοασφάλειας', nameLocal: 'Εθνική Αρχή Κυβερνοασφάλειας', nameEn: 'National Cybersecurity Authority', website: 'https://cyber.gov.gr', languages: ['el'], holidayCountry: 'GR', timeZone: 'Europe/Athens' }),
  cs({ id: 'HU-NKI', country: 'HU', short: 'NKI', name: 'Nemzeti Kibervédelmi Intézet', nameLocal: 'Nemzeti Kibervédelmi Intézet', nameEn: 'National Cyber Security Center', website: 'https://nki.gov.hu', languages: ['hu'], holidayCountry: 'HU', timeZone: 'Europe/Budapest' }),
  cs({ id: 'IE-NCSC', country: 'IE', short: 'NCSC-IE', name: 'National Cyber Security Centre', nameLocal: 'National Cyber Security Centre', nameEn: 'National Cyber Security Centre', website: 'https://www.ncsc.gov.ie', languages: ['en', 'ga'], holidayCountry: 'IE', timeZone: 'Europe/Dublin' }),
  cs({ id: 'IT-CSIRT', country: 'IT', short: 'CSIRT Italia', name: 'CSIRT Italia (Agenzia per la cybersicurezza nazionale)', nameLocal: 'CSIRT Italia (Agenzia per la cybersicurezza nazionale)', nameEn: 'CSIRT Italia (National Cybersecurity Agency)', website: 'https://www.acn.gov.it', languages: ['it'], holidayCountry: 'IT', timeZone: 'Europe/Rome' }),
  cs({ id: 'LV-CERT', country: 'LV', short: 'CERT.LV', name: 'CERT.LV', nameLocal: 'CERT.LV', nameEn: 'Information Technology Security Incident Response Institution', website: 'https://cert.lv', languages: ['lv', 'en'], holidayCountry: 'LV', timeZone: 'Europe/Riga' }),
  cs({ id: 'LT-NKSC', country: 'LT', short: 'NKSC', name: 'Nacionalinis kibernetinio saugumo centras', nameLocal: 'Nacionalinis kibernetinio saugumo centras', nameEn: 'National Cyber Security Centre', website: 'https://www.nksc.lt', languages: ['lt', 'en'], holidayCountry: 'LT', timeZone: 'Europe/Vilnius' }),
  cs({ id: 'LU-GOVCERT', country: 'LU', short: 'GOVCERT.LU', name: 'GOVCERT.LU', nameLocal: 'GOVCERT.LU', nameEn: 'Luxembourg Government CERT', website: 'https://www.govcert.lu', languages: ['fr', 'de', 'en'], notes: { en: 'Entities supervised by the ILR or the CSSF report to their supervisor; check which applies.', fr: 'Les entités contrôlées par l’ILR ou la CSSF déclarent à leur autorité ; vérifier laquelle s’applique.' }, holidayCountry: 'LU', timeZone: 'Europe/Luxembourg' }),
  cs({ id: 'MT-CSIRT', country: 'MT', short: 'CSIRTMalta', name: 'CSIRTMalta', nameLocal: 'CSIRTMalta', nameEn: 'CSIRTMalta', website: 'https://mita.gov.mt', languages: ['mt', 'en'], notes: { en: 'Check the reporting address published by the Maltese NIS competent authority.', fr: 'Vérifier l’adresse de déclaration publiée par l’autorité NIS maltaise.' }, holidayCountry: 'MT', timeZone: 'Europe/Malta' }),
  cs({ id: 'NL-NCSC', country: 'NL', short: 'NCSC-NL', name: 'Nationaal Cyber Security Centrum', nameLocal: 'Nationaal Cyber Security Centrum', nameEn: 'National Cyber Security Centre', website: 'https://www.ncsc.nl', languages: ['nl', 'en'], holidayCountry: 'NL', timeZone: 'Europe/Amsterdam' }),
  cs({ id: 'PL-CERT', country: 'PL', short: 'CERT Polska', name: 'CERT Polska (NASK)', nameLocal: 'CERT Polska (NASK)', nameEn: 'CERT Polska (NASK)', website: 'https://cert.pl', languages: ['pl', 'en'], notes: { en: 'Public bodies report to CSIRT GOV, defence to CSIRT MON; others to CERT Polska.', fr: 'Les organismes publics déclarent au CSIRT GOV, la défense au CSIRT MON ; les autres à CERT Polska.' }, holidayCountry: 'PL', timeZone: 'Europe/Warsaw' }),
  cs({ id: 'PT-CNCS', country: 'PT', short: 'CERT.PT', name: 'Centro Nacional de Cibersegurança (CERT.PT)', nameLocal: 'Centro Nacional de Cibersegurança (CERT.PT)', nameEn: 'National Cybersecurity Centre (CERT.PT)', website: 'https://www.cncs.gov.pt', languages: ['pt'], holidayCountry: 'PT', timeZone: 'Europe/Lisbon' }),
  cs({ id: 'RO-DNSC', country: 'RO', short: 'DNSC', name: 'Directoratul Național de Securitate Cibernetică', nameLocal: 'Directoratul Național de Securitate Cibernetică', nameEn: 'National Cyber Security Directorate', website: 'https://dnsc.ro', languages: ['ro'], holidayCountry: 'RO', timeZone: 'Europe/Bucharest' }),
  cs({ id: 'SK-CERT', country: 'SK', short: 'SK-CERT', name: 'Národný bezpečnostný úrad (SK-CERT)', nameLocal: 'Národný bezpečnostný úrad (SK-CERT)', nameEn: 'National Security Authority (SK-CERT)', website: 'https://www.sk-cert.sk', languages: ['sk'], holidayCountry: 'SK', timeZone: 'Europe/Bratislava' }),
  cs({ id: 'SI-CERT', country: 'SI', short: 'SI-CERT', name: 'SI-CERT', nameLocal: 'SI-CERT', nameEn: 'Slovenian Computer Emergency Response Team', website: 'https://www.cert.si', languages: ['sl', 'en'], holidayCountry: 'SI', timeZone: 'Europe/Ljubljana' }),
  cs({ id: 'ES-INCIBE', country: 'ES', short: 'INCIBE-CERT', name: 'INCIBE-CERT', nameLocal: 'INCIBE-CERT', nameEn: 'INCIBE-CERT (Spanish National Cybersecurity Institute)', website: 'https://www.incibe.es', languages: ['es'], notes: { en: 'Public-sector entities report to CCN-CERT instead.', fr: 'Les entités du secteur public déclarent au CCN-CERT.' }, holidayCountry: 'ES', timeZone: 'Europe/Madrid' }),
  cs({ id: 'SE-CERT', country: 'SE', short: 'CERT-SE', name: 'CERT-SE', nameLocal: 'CERT-SE', nameEn: 'Swedish national CERT', website: 'https://www.cert.se', languages: ['sv', 'en'], holidayCountry: 'SE', timeZone: 'Europe/Stockholm' }),
  cs({ id: 'NO-NCSC', country: 'NO', short: 'NCSC-NO', name: 'Nasjonalt cybersikkerhetssenter (NSM)', nameLocal: 'Nasjonalt cybersikkerhetssenter (NSM)', nameEn: 'Norwegian National Cyber Security Centre', website: 'https://nsm.no', languages: ['no', 'en'], holidayCountry: 'NO', timeZone: 'Europe/Oslo' }),
  cs({ id: 'IS-CERT', country: 'IS', short: 'CERT-IS', name: 'CERT-IS', nameLocal: 'CERT-IS', nameEn: 'Icelandic national CERT', website: 'https://www.cert.is', languages: ['is', 'en'], holidayCountry: 'IS', timeZone: 'Atlantic/Reykjavik' }),
];

/** Every authority of the catalogue: supervisory authorities and CSIRTs. */
export const AUTHORITIES: readonly Regulator[] = [...REGULATORS, ...CSIRTS];

export function findRegulator(id: string | null | undefined): Regulator | undefined {
  return id ? AUTHORITIES.find((r) => r.id === id) : undefined;
}

/** The supervisory authority (GDPR) of a country, if the catalogue has one. */
export function supervisoryAuthorityOf(country: string): Regulator | undefined {
  return REGULATORS.find((r) => r.country === country);
}

/** The NIS2 reporting recipient of a country, if the catalogue has one. */
export function csirtOf(country: string): Regulator | undefined {
  return CSIRTS.find((r) => r.country === country);
}

/** Display name: the catalogue's short name, or the custom text the user typed. */
export function regulatorLabel(id: string | null | undefined): string {
  if (!id) return '';
  return findRegulator(id)?.short ?? id;
}
