/** Case- and accent-insensitive form for comparing names typed by people ("Équipe CRM" = "equipe crm"). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
