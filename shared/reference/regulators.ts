/**
 * The supervisory authorities of the EU/EEA (GDPR Art. 51) and the UK ICO, as the EDPB lists
 * its members. Product data, kept by hand because no maintained package publishes it; a
 * regulator missing here can be entered as a custom one. Ids are stable: they are stored.
 */
export interface Regulator {
  id: string;
  /** ISO 3166-1 alpha-2 (GB for the ICO; DE-* for the German federal/Länder authorities). */
  country: string;
  short: string;
  name: string;
  /** Public-holiday calendar the regulator's own deadlines follow. */
  holidayCountry: string;
  timeZone: string;
}

export const REGULATORS: readonly Regulator[] = [
  { id: 'AT-DSB', country: 'AT', short: 'DSB', name: 'Österreichische Datenschutzbehörde', holidayCountry: 'AT', timeZone: 'Europe/Vienna' },
  { id: 'BE-APD', country: 'BE', short: 'APD-GBA', name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit', holidayCountry: 'BE', timeZone: 'Europe/Brussels' },
  { id: 'BG-CPDP', country: 'BG', short: 'CPDP', name: 'Commission for Personal Data Protection', holidayCountry: 'BG', timeZone: 'Europe/Sofia' },
  { id: 'HR-AZOP', country: 'HR', short: 'AZOP', name: 'Agencija za zaštitu osobnih podataka', holidayCountry: 'HR', timeZone: 'Europe/Zagreb' },
  { id: 'CY-DPC', country: 'CY', short: 'CY DPC', name: 'Commissioner for Personal Data Protection', holidayCountry: 'CY', timeZone: 'Asia/Nicosia' },
  { id: 'CZ-UOOU', country: 'CZ', short: 'ÚOOÚ', name: 'Úřad pro ochranu osobních údajů', holidayCountry: 'CZ', timeZone: 'Europe/Prague' },
  { id: 'DK-DT', country: 'DK', short: 'Datatilsynet', name: 'Datatilsynet (Denmark)', holidayCountry: 'DK', timeZone: 'Europe/Copenhagen' },
  { id: 'EE-AKI', country: 'EE', short: 'AKI', name: 'Andmekaitse Inspektsioon', holidayCountry: 'EE', timeZone: 'Europe/Tallinn' },
  { id: 'FI-TSV', country: 'FI', short: 'Tietosuojavaltuutettu', name: 'Office of the Data Protection Ombudsman', holidayCountry: 'FI', timeZone: 'Europe/Helsinki' },
  { id: 'FR-CNIL', country: 'FR', short: 'CNIL', name: "Commission nationale de l'informatique et des libertés", holidayCountry: 'FR', timeZone: 'Europe/Paris' },
  { id: 'DE-BFDI', country: 'DE', short: 'BfDI', name: 'Bundesbeauftragte für den Datenschutz und die Informationsfreiheit', holidayCountry: 'DE', timeZone: 'Europe/Berlin' },
  { id: 'GR-HDPA', country: 'GR', short: 'HDPA', name: 'Hellenic Data Protection Authority', holidayCountry: 'GR', timeZone: 'Europe/Athens' },
  { id: 'HU-NAIH', country: 'HU', short: 'NAIH', name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', holidayCountry: 'HU', timeZone: 'Europe/Budapest' },
  { id: 'IS-PV', country: 'IS', short: 'Persónuvernd', name: 'Persónuvernd', holidayCountry: 'IS', timeZone: 'Atlantic/Reykjavik' },
  { id: 'IE-DPC', country: 'IE', short: 'DPC', name: 'Data Protection Commission', holidayCountry: 'IE', timeZone: 'Europe/Dublin' },
  { id: 'IT-GPDP', country: 'IT', short: 'Garante', name: 'Garante per la protezione dei dati personali', holidayCountry: 'IT', timeZone: 'Europe/Rome' },
  { id: 'LV-DVI', country: 'LV', short: 'DVI', name: 'Datu valsts inspekcija', holidayCountry: 'LV', timeZone: 'Europe/Riga' },
  { id: 'LI-DSS', country: 'LI', short: 'DSS', name: 'Datenschutzstelle Liechtenstein', holidayCountry: 'LI', timeZone: 'Europe/Vaduz' },
  { id: 'LT-VDAI', country: 'LT', short: 'VDAI', name: 'Valstybinė duomenų apsaugos inspekcija', holidayCountry: 'LT', timeZone: 'Europe/Vilnius' },
  { id: 'LU-CNPD', country: 'LU', short: 'CNPD', name: 'Commission nationale pour la protection des données', holidayCountry: 'LU', timeZone: 'Europe/Luxembourg' },
  { id: 'MT-IDPC', country: 'MT', short: 'IDPC', name: 'Information and Data Protection Commissioner', holidayCountry: 'MT', timeZone: 'Europe/Malta' },
  { id: 'NL-AP', country: 'NL', short: 'AP', name: 'Autoriteit Persoonsgegevens', holidayCountry: 'NL', timeZone: 'Europe/Amsterdam' },
  { id: 'NO-DT', country: 'NO', short: 'Datatilsynet', name: 'Datatilsynet (Norway)', holidayCountry: 'NO', timeZone: 'Europe/Oslo' },
  { id: 'PL-UODO', country: 'PL', short: 'UODO', name: 'Urząd Ochrony Danych Osobowych', holidayCountry: 'PL', timeZone: 'Europe/Warsaw' },
  { id: 'PT-CNPD', country: 'PT', short: 'CNPD', name: 'Comissão Nacional de Proteção de Dados', holidayCountry: 'PT', timeZone: 'Europe/Lisbon' },
  { id: 'RO-ANSPDCP', country: 'RO', short: 'ANSPDCP', name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal', holidayCountry: 'RO', timeZone: 'Europe/Bucharest' },
  { id: 'SK-UOOU', country: 'SK', short: 'ÚOOÚ SR', name: 'Úrad na ochranu osobných údajov Slovenskej republiky', holidayCountry: 'SK', timeZone: 'Europe/Bratislava' },
  { id: 'SI-IP', country: 'SI', short: 'IP', name: 'Informacijski pooblaščenec', holidayCountry: 'SI', timeZone: 'Europe/Ljubljana' },
  { id: 'ES-AEPD', country: 'ES', short: 'AEPD', name: 'Agencia Española de Protección de Datos', holidayCountry: 'ES', timeZone: 'Europe/Madrid' },
  { id: 'SE-IMY', country: 'SE', short: 'IMY', name: 'Integritetsskyddsmyndigheten', holidayCountry: 'SE', timeZone: 'Europe/Stockholm' },
  { id: 'EU-EDPS', country: 'EU', short: 'EDPS', name: 'European Data Protection Supervisor', holidayCountry: 'BE', timeZone: 'Europe/Brussels' },
  { id: 'GB-ICO', country: 'GB', short: 'ICO', name: "Information Commissioner's Office", holidayCountry: 'GB-ENG', timeZone: 'Europe/London' },
];

export function findRegulator(id: string | null | undefined): Regulator | undefined {
  return id ? REGULATORS.find((r) => r.id === id) : undefined;
}

/** Display name: the list's short name, or the custom text the user typed. */
export function regulatorLabel(id: string | null | undefined): string {
  if (!id) return '';
  return findRegulator(id)?.short ?? id;
}
