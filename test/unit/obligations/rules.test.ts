import { describe, expect, it } from 'vitest';
import { proposeObligations, type ObligationFacts } from '@shared/obligations/rules';
import { AUTHORITIES, CSIRTS, EU_COUNTRIES, EU_EEA_COUNTRIES, REGULATORS } from '@shared/reference/regulators';

const base: ObligationFacts = {
  ourRole: 'controller',
  personalData: true,
  riskLevel: null,
  authority: 'FR-CNIL',
  memberStates: ['FR'],
  nis2Sector: null,
  nis2Significant: false,
  country: 'FR',
  clients: [],
};
const CLIENTS = [
  { id: 'c1', name: 'Boulangeries Martin', contractHours: 24 },
  { id: 'c2', name: 'Atelier Lumière', contractHours: 48 },
];

/** Each row: the facts that differ from `base`, and the obligations expected as `regime:recipient=decision`. */
const TABLE: [string, Partial<ObligationFacts>, string[]][] = [
  ['controller, risk not assessed', {}, ['gdpr-33:FR-CNIL=undecided']],
  ['controller, unlikely to result in a risk', { riskLevel: 'unlikely' }, ['gdpr-33:FR-CNIL=undecided']],
  ['controller, risk', { riskLevel: 'risk' }, ['gdpr-33:FR-CNIL=required']],
  ['controller, high risk', { riskLevel: 'high' }, ['gdpr-33:FR-CNIL=required', 'gdpr-34:-=required']],
  ['joint controller, high risk', { ourRole: 'joint', riskLevel: 'high' }, ['gdpr-33:FR-CNIL=required', 'gdpr-34:-=required']],
  ['controller, no personal data', { personalData: false, riskLevel: 'high' }, []],
  ['controller, authority not known yet', { authority: null, riskLevel: 'risk' }, ['gdpr-33:-=required']],
  ['controller, UK data subjects affected too', { riskLevel: 'risk', memberStates: ['FR', 'GB'] }, ['gdpr-33:FR-CNIL=required', 'uk-gdpr-33:GB-ICO=required']],
  ['controller established in the UK', { authority: 'GB-ICO', country: 'GB', riskLevel: 'high', memberStates: ['GB'] }, ['uk-gdpr-33:GB-ICO=required', 'gdpr-34:-=required']],
  ['processor, two clients, high risk', { ourRole: 'processor', riskLevel: 'high', clients: CLIENTS }, ['gdpr-33-2:c1=required', 'gdpr-33-2:c2=required']],
  ['processor, no client recorded yet', { ourRole: 'processor', riskLevel: 'high' }, []],
  ['processor, no personal data', { ourRole: 'processor', personalData: false, clients: CLIENTS }, []],
  ['NIS2 entity, significant incident, no personal data', { personalData: false, nis2Sector: 'digital_infrastructure', nis2Significant: true }, ['nis2-early-warning:FR-ANSSI=required', 'nis2-notification:FR-ANSSI=required', 'nis2-final-report:FR-ANSSI=required']],
  ['NIS2 entity, incident not significant', { nis2Sector: 'energy', nis2Significant: false, riskLevel: 'risk' }, ['gdpr-33:FR-CNIL=required']],
  ['significant NIS2 incident, the organisation’s sector not set', { nis2Sector: null, nis2Significant: true }, ['gdpr-33:FR-CNIL=undecided', 'nis2-early-warning:FR-ANSSI=undecided', 'nis2-notification:FR-ANSSI=undecided', 'nis2-final-report:FR-ANSSI=undecided']],
  [
    'processor and NIS2 entity in Belgium',
    { ourRole: 'processor', authority: 'BE-APD', country: 'BE', memberStates: ['BE'], nis2Sector: 'ict_service_management', nis2Significant: true, clients: CLIENTS.slice(0, 1) },
    ['gdpr-33-2:c1=required', 'nis2-early-warning:BE-CCB=required', 'nis2-notification:BE-CCB=required', 'nis2-final-report:BE-CCB=required'],
  ],
];

describe('obligation rules', () => {
  it.each(TABLE)('%s', (_name, over, expected) => {
    const got = proposeObligations({ ...base, ...over }).map((p) => `${p.key}=${p.decision}`);
    expect(got.sort()).toEqual([...expected].sort());
  });

  it('never proposes the same key twice, and every proposal says why in both languages', () => {
    for (const [, over] of TABLE) {
      const got = proposeObligations({ ...base, ...over });
      expect(new Set(got.map((p) => p.key)).size).toBe(got.length);
      for (const p of got) {
        expect(p.why.en.length).toBeGreaterThan(20);
        expect(p.why.fr.length).toBeGreaterThan(20);
      }
    }
  });

  it('a client notice carries the hours of that client’s contract', () => {
    const got = proposeObligations({ ...base, ourRole: 'processor', clients: CLIENTS });
    expect(got.map((p) => [p.recipientName, p.contractHours])).toEqual([
      ['Boulangeries Martin', 24],
      ['Atelier Lumière', 48],
    ]);
  });
});

describe('authority catalogue', () => {
  it('has a supervisory authority for every EU/EEA country, the EDPS and the ICO, once each', () => {
    const countries = REGULATORS.filter((r) => r.kind === 'supervisory').map((r) => r.country);
    for (const c of EU_EEA_COUNTRIES) expect(countries.filter((x) => x === c)).toHaveLength(1);
    expect(countries.sort()).toEqual([...EU_EEA_COUNTRIES, 'EU', 'GB'].sort());
  });

  it('has an NIS2 recipient for every EU Member State', () => {
    const countries = CSIRTS.map((r) => r.country);
    for (const c of EU_COUNTRIES) expect(countries).toContain(c);
  });

  it('names every authority in its language and in English, with a website, languages and a stable unique id', () => {
    expect(new Set(AUTHORITIES.map((a) => a.id)).size).toBe(AUTHORITIES.length);
    for (const a of AUTHORITIES) {
      expect(a.nameLocal.length, a.id).toBeGreaterThan(2);
      expect(a.nameEn.length, a.id).toBeGreaterThan(2);
      expect(a.website, a.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}/);
      if (a.portal) expect(a.portal, a.id).toMatch(/^https:\/\//);
      if (a.phone) expect(a.phone, a.id).toMatch(/^\+\d[\d ]{6,}$/);
      expect(a.languages.length, a.id).toBeGreaterThan(0);
      expect(a.id.startsWith(`${a.country}-`), a.id).toBe(true);
    }
  });
});
