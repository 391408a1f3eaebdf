import { Rng, Zipf } from './prng';

/**
 * Words and sentence shapes of a data protection office, in French and English. Everything is
 * generated from these few lists and a seeded PRNG: fixed phrasing gives the very common words,
 * slot values the mid-frequency ones, and made-up product names, surnames, hosts and contract
 * numbers the long tail that a real register's full-text index is mostly made of.
 */

const SYLLABLES = 'va lor mi ten ko ra bel dun sa vi tor ex ia no gra phi lu mer zan qui sto ber al cor fen dra mo pel rin tas ul ve'.split(' ');

function coined(rng: Rng, min: number, max: number): string {
  let w = '';
  for (let i = rng.between(min, max); i > 0; i--) w += rng.pick(SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Fixed, Zipf-used pools of coined names: products, vendors, hosts, surnames. */
function pool(seed: number, n: number, make: (rng: Rng) => string): { values: string[]; zipf: Zipf } {
  const rng = new Rng(seed);
  const seen = new Set<string>();
  while (seen.size < n) seen.add(make(rng));
  return { values: [...seen], zipf: new Zipf(n) };
}

const PRODUCTS = pool(11, 600, (r) => coined(r, 2, 3));
const VENDORS = pool(12, 250, (r) => `${coined(r, 2, 3)} ${r.pick(['SAS', 'SA', 'Ltd', 'GmbH', 'SARL', 'Inc.'])}`);
const HOSTS = pool(13, 400, (r) => `srv-${coined(r, 1, 2).toLowerCase()}-${String(r.int(100)).padStart(2, '0')}`);
const SURNAMES = pool(14, 3000, (r) =>
  r.chance(0.5) ? r.pick(['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Müller', 'Rossi', 'Nguyen']) + (r.chance(0.5) ? '' : `-${coined(r, 2, 2)}`) : coined(r, 2, 4),
);
const FIRST = 'Jean Marie Claire Léa Hugo Chloé Louis Emma Gabriel Inès Jules Zoé Arthur Manon Élodie Théo Camille Noah Sarah Lucas Chiara Oliver Amelia George Isla Harry Ava Jack Mia Sophie Marc Anaïs Yannick Aurélie Éric'.split(' ');

export const OWNERS = [
  'Claire Dubois', 'Équipe CRM', 'Marc Lefèvre', 'IT Security', 'Sophie Martin', 'Service juridique', 'Julien Moreau', 'DSI – Infrastructure',
  'Amélie Roux', 'Customer Care', 'Thomas Girard', 'Ressources humaines', 'Nadia Benali', 'Marketing digital', 'Paul Henry', 'Achats',
  'Isabelle Fontaine', 'Data Office', 'Kevin O’Brien', 'Service recouvrement', 'Hélène Carpentier', 'SOC', 'Rachid Haddad', 'Qualité',
  'Emily Clarke', 'Équipe Mobile', 'Olivier Perrin', 'Audit interne', 'Lucie Blanc', 'Facturation',
];
const OWNER_ZIPF = new Zipf(OWNERS.length, 0.9);

export const CITIES = 'Paris Lyon Marseille Lille Nantes Bordeaux Toulouse Rennes Strasbourg Montpellier Nice Grenoble Dijon Brest Rouen Reims Tours Angers Metz Caen London Manchester Dublin Bruxelles Genève Luxembourg'.split(' ');

const SLOTS: Record<string, readonly string[]> = {
  right_fr: ["l'accès à", "l'effacement de", 'la rectification de', 'la portabilité de', 'la limitation du traitement de', "l'opposition au traitement de", 'la copie de'],
  right_en: ['access to', 'erasure of', 'rectification of', 'a portable copy of', 'restriction of the processing of', 'an objection to the processing of', 'a copy of'],
  data_fr: ['ses données de facturation', "son historique d'appels", 'ses données de géolocalisation', 'ses coordonnées bancaires', 'les enregistrements de ses appels au service client', 'ses données de navigation', 'son dossier de recouvrement', 'ses cookies publicitaires', 'sa fiche prospect', 'ses relevés de consommation', 'les données de santé transmises à la mutuelle', "la copie de sa pièce d'identité", 'ses identifiants de connexion', 'les photos de son compte', "son score d'appétence marketing", 'ses échanges avec le chatbot', 'les images de vidéosurveillance de la boutique'],
  data_en: ['billing data', 'call history', 'location data', 'bank details', 'recordings of calls to customer service', 'browsing data', 'debt collection file', 'advertising cookies', 'prospect profile', 'usage statements', 'health data sent to the insurer', 'identity document copy', 'login credentials', 'account photos', 'marketing propensity score', 'chatbot transcripts', 'CCTV footage from the shop'],
  channel_fr: ['par courriel', 'par courrier recommandé', 'via le formulaire en ligne', 'par téléphone', 'en boutique', 'via le chat'],
  channel_en: ['by email', 'by registered letter', 'through the web form', 'by phone', 'in a shop', 'through the chat'],
  service_fr: ['le service client', "l'équipe marketing", "le centre d'appels de {city}", 'notre sous-traitant {vendor}', "l'application mobile {product}", 'le programme de fidélité {product}', "l'espace client", 'le service recouvrement', 'la boutique de {city}'],
  service_en: ['customer service', 'the marketing team', 'the {city} call centre', 'our processor {vendor}', 'the {product} mobile app', 'the {product} loyalty programme', 'the customer portal', 'debt collection', 'the {city} shop'],
  grievance_fr: ["n'a reçu aucune réponse dans le délai d'un mois", 'conteste la durée de conservation', 'estime que la réponse reçue est incomplète', 'signale des appels de prospection répétés', 'reproche la transmission de ses données à un partenaire', "se plaint d'une demande de justificatif excessive", "demande l'origine des données utilisées", 'conteste une décision automatisée de refus de crédit', "indique que son désabonnement n'a pas été pris en compte", "dit avoir reçu le courrier d'un autre client"],
  grievance_en: ['received no answer within one month', 'disputes how long the data is kept', 'considers the answer incomplete', 'reports repeated marketing calls', 'objects to the data being shared with a partner', 'complains that the identity check was excessive', 'asks where the data came from', 'contests an automated credit refusal', 'says the unsubscribe request was ignored', "received another customer's letter"],
  outcome_fr: ['données communiquées au format CSV', "effacement confirmé, sauf factures conservées dix ans (obligation légale)", 'opposition enregistrée dans la liste repoussoir', 'rectification effectuée dans le CRM {product}', "demande rejetée faute de justificatif d'identité", 'copie des enregistrements envoyée sur support chiffré', 'compte clôturé et données anonymisées', 'explication fournie sur la base légale (intérêt légitime)'],
  outcome_en: ['data provided as CSV', 'erasure confirmed, invoices kept ten years (legal obligation)', 'objection added to the suppression list', 'corrected in the {product} CRM', 'request refused for lack of proof of identity', 'copy of recordings sent on an encrypted medium', 'account closed and data anonymised', 'legal basis explained (legitimate interest)'],
  topic_fr: ['le dépôt de cookies sans consentement', 'la durée de conservation des données de prospects', 'la sécurité des mots de passe', 'les transferts hors Union européenne', 'la réponse aux demandes de droit d\u2019accès', "l'information des personnes", 'le registre des activités de traitement', "l'analyse d'impact relative à la vidéosurveillance", 'les contrats de sous-traitance', 'la minimisation des données collectées'],
  topic_en: ['cookies set without consent', 'retention of prospect data', 'password security', 'transfers outside the EU', 'handling of access requests', 'information given to data subjects', 'the record of processing activities', 'the impact assessment for CCTV', 'processor contracts', 'data minimisation'],
  breach_fr: ['Envoi de courriels au mauvais destinataire', 'Rançongiciel sur le serveur {host}', "Perte d'un ordinateur portable non chiffré", "Accès non autorisé à l'espace client", 'Hameçonnage ciblant {service_fr}', 'Base de données {product} exposée sur Internet', 'Vol de documents papier à {city}', 'Erreur de publipostage {product}', 'Indisponibilité prolongée de {host}'],
  breach_en: ['Emails sent to the wrong recipients', 'Ransomware on {host}', 'Loss of an unencrypted laptop', 'Unauthorised access to the customer portal', 'Phishing campaign against {service_en}', '{product} database exposed to the Internet', 'Paper files stolen in {city}', '{product} mail merge error', 'Credential stuffing against the {product} app'],
  action_fr: ['Mettre à jour la politique de conservation de {product}', "Former l'équipe {owner} au traitement des demandes d'accès", "Déployer l'authentification multifacteur sur {host}", 'Revoir le contrat de sous-traitance avec {vendor}', 'Purger les comptes inactifs de plus de trois ans dans {product}', 'Corriger le bandeau cookies du site {product}', 'Chiffrer les postes nomades du site de {city}', "Documenter l'AIPD de {product}", 'Répondre au point {n} du rapport de contrôle'],
  action_en: ['Update the {product} retention policy', 'Train the {owner} team on access requests', 'Roll out MFA on {host}', 'Review the processor contract with {vendor}', 'Purge {product} accounts inactive for three years', 'Fix the cookie banner on the {product} site', 'Encrypt laptops at the {city} site', 'Write the {product} DPIA', 'Answer finding {n} of the inspection report'],
};

/** Sentence shapes; {slot} names a list above or a generated value (name, date, contract…). */
const SENTENCES = {
  complaint: {
    fr: [
      '{name} demande {right_fr} {data_fr} {channel_fr}.',
      'Le plaignant {grievance_fr} concernant {data_fr}.',
      'Demande reçue {channel_fr}, relative au contrat {contract} ({product}).',
      'Selon le client, {service_fr} {grievance_fr}.',
      "Pièces jointes : courrier du client et capture d'écran de l'espace client {product}.",
      'Dossier transmis à {owner} pour vérification avant réponse.',
      "L'identité a été vérifiée par rappel au numéro connu ; client depuis {year} à {city}.",
    ],
    en: [
      '{name} asks for {right_en} their {data_en} {channel_en}.',
      'The complainant {grievance_en} about their {data_en}.',
      'Request received {channel_en}, about contract {contract} ({product}).',
      'According to the customer, {service_en} {grievance_en}.',
      'Attached: the customer letter and a screenshot of the {product} portal.',
      'Passed to {owner} for checks before answering.',
      'Identity checked by calling back the known number; customer since {year} in {city}.',
    ],
  },
  letter: {
    fr: [
      'La {regulator} nous interroge sur {topic_fr}.',
      'Suite à la plainte n° {complaintNo}, la {regulator} demande des précisions sur {topic_fr}.',
      'Nous transmettons nos observations sur {topic_fr} et les mesures engagées par {owner}.',
      'Le rapport relève des manquements concernant {topic_fr} sur le service {product}.',
      'Un délai supplémentaire est accordé pour justifier de la mise en conformité de {product}.',
      'Copie adressée au délégué à la protection des données et à la direction juridique.',
    ],
    en: [
      'The {regulator} asks about {topic_en}.',
      'Further to complaint {complaintNo}, the {regulator} asks for details on {topic_en}.',
      'We send our observations on {topic_en} and the measures taken by {owner}.',
      'The report finds shortcomings in {topic_en} for the {product} service.',
      'Further time is granted to show that {product} now complies.',
      'Copied to the data protection officer and the legal department.',
    ],
  },
  incident: {
    fr: [
      'Le {date} à {time}, {owner} signale : {breach_fr}.',
      'Environ {count} personnes concernées, clients du service {product} ; données : {data_fr}.',
      'Le prestataire {vendor} confirme l\u2019incident et transmet ses journaux.',
      'Mesures prises : isolement de {host}, réinitialisation des mots de passe, analyse forensique.',
      'Risque évalué avec la méthode ENISA ; décision de notification documentée par le DPO.',
    ],
    en: [
      'On {date} at {time}, {owner} reports: {breach_en}.',
      'About {count} people affected, {product} customers; data: {data_en}.',
      'The supplier {vendor} confirms the incident and sends its logs.',
      'Measures: {host} isolated, passwords reset, forensic analysis started.',
      'Risk assessed with the ENISA method; the DPO recorded the notification decision.',
    ],
  },
  action: {
    fr: [
      'Origine : {origin}. Responsable : {owner}.',
      'Périmètre : {product} et les traitements hébergés sur {host}.',
      'Preuve attendue : procédure signée, capture de configuration et liste des comptes traités.',
      'Point de suivi mensuel avec {owner} ; échéance fixée avec la direction.',
    ],
    en: [
      'Origin: {origin}. Owner: {owner}.',
      'Scope: {product} and the processing hosted on {host}.',
      'Evidence expected: signed procedure, configuration screenshot and list of accounts handled.',
      'Monthly follow-up with {owner}; due date agreed with management.',
    ],
  },
} as const;

export type Lang = 'fr' | 'en';

export class TextMaker {
  constructor(private readonly rng: Rng) {}

  product(): string {
    return PRODUCTS.values[PRODUCTS.zipf.rank(this.rng)]!;
  }
  vendor(): string {
    return VENDORS.values[VENDORS.zipf.rank(this.rng)]!;
  }
  host(): string {
    return HOSTS.values[HOSTS.zipf.rank(this.rng)]!;
  }
  owner(): string {
    return OWNERS[OWNER_ZIPF.rank(this.rng)]!;
  }
  surname(): string {
    return SURNAMES.values[SURNAMES.zipf.rank(this.rng)]!;
  }
  person(): string {
    return `${this.rng.pick(FIRST)} ${this.surname()}`;
  }
  /** A complainant label, minimised: initials, a pseudonym or a customer number. */
  complainantLabel(): string {
    const r = this.rng.next();
    if (r < 0.55) return `${this.rng.pick(['M.', 'Mme', 'Mr', 'Ms'])} ${this.person()}`;
    if (r < 0.8) return `${this.rng.pick(FIRST)[0]}. ${this.surname()}`;
    return `Client ${this.rng.between(100000, 999999)}`;
  }
  contract(): string {
    return `${this.rng.pick(['CT', 'FAC', 'CLI', 'ORD'])}-${this.rng.between(10000, 99999)}${this.rng.chance(0.3) ? '-' + coined(this.rng, 1, 1).toUpperCase() : ''}`;
  }

  fill(template: string, extra: Record<string, string> = {}): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot in extra) return extra[slot]!;
      switch (slot) {
        case 'name':
          return this.person();
        case 'product':
          return this.product();
        case 'vendor':
          return this.vendor();
        case 'host':
          return this.host();
        case 'owner':
          return this.owner();
        case 'city':
          return this.rng.pick(CITIES);
        case 'contract':
          return this.contract();
        case 'complaintNo':
          return `${this.rng.between(20, 25)}0${this.rng.between(10000, 99999)}`;
        case 'year':
          return String(this.rng.between(1998, 2024));
        case 'n':
          return String(this.rng.between(1, 12));
        case 'count':
          return String(this.rng.pick([12, 40, 150, 800, 2300, 15000, 120000]));
        case 'time':
          return `${this.rng.between(0, 23)}h${String(this.rng.int(60)).padStart(2, '0')}`;
        case 'date':
          return `${this.rng.between(1, 28)}/${this.rng.between(1, 12)}/2025`;
        default: {
          const list = SLOTS[slot];
          if (!list) throw new Error(`No slot ${slot}`);
          return this.fill(this.rng.pick(list), extra);
        }
      }
    });
  }

  /** One of the slot lists, filled. */
  slot(name: keyof typeof SLOTS | string, extra: Record<string, string> = {}): string {
    return this.fill(`{${name}}`, extra);
  }

  paragraph(kind: keyof typeof SENTENCES, lang: Lang, min: number, max: number, extra: Record<string, string> = {}): string {
    return this.rng
      .some(SENTENCES[kind][lang], min, max)
      .map((s) => this.fill(s, extra))
      .join(' ');
  }
}

/**
 * Words to search for, from everywhere in the frequency range: words in most records, words
 * from slot lists, coined names from the long tail, unaccented spellings of accented words,
 * prefixes (search-as-you-type) and two-word queries.
 */
export function searchTerms(rng: Rng): string {
  const r = rng.next();
  if (r < 0.2) return rng.pick(['données', 'client', 'data', 'customer', 'demande', 'request', 'contrat', 'service']);
  if (r < 0.4)
    return rng.pick(['géolocalisation', 'prospection', 'rançongiciel', 'ransomware', 'cookies', 'portabilité', 'recouvrement', 'vidéosurveillance', 'hameçonnage', 'phishing', 'mutuelle', 'chatbot', 'anonymised', 'forensic', 'sous-traitance']);
  if (r < 0.55) return rng.pick(['geolocalisation', 'reprimande', 'securite', 'effacement', 'decision automatisee', 'telephone', 'delegue']);
  if (r < 0.7) return rng.pick(['prospec', 'factur', 'identi', 'conserv', 'rectif', 'ransom', 'access req', 'mot de pa']);
  if (r < 0.85) return PRODUCTS.values[PRODUCTS.zipf.rank(rng)]!;
  if (r < 0.93) return SURNAMES.values[rng.int(SURNAMES.values.length)]!.split('-')[0]!;
  return rng.pick(['données facturation', 'billing data', 'call history', 'appels prospection', 'identity document', 'mise en conformité']);
}
