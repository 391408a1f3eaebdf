import type { RegisterContext } from '../registers/context';
import { Organisation } from '@shared/schemas/profile';
import { getMeta, META_ORGANISATION } from '../db/meta';
import { ComplaintRegister } from '../registers/complaints';
import { LetterRegister } from '../registers/letters';
import { MatterRegister } from '../registers/matters';
import { IncidentRegister } from '../registers/incidents';
import { ActionRegister } from '../registers/actions';
import { ContractRegister } from '../registers/contracts';
import { Links } from '../registers/links';
import { Attachments } from '../registers/attachments';
import { SavedViews } from '../registers/saved-views';
import { RegisterBase } from '../registers/register-base';
import type { AnyRegister } from '../sync/apply';

/** The registers and cross-register services of an open register. */
export interface Registers {
  complaints: ComplaintRegister;
  letters: LetterRegister;
  matters: MatterRegister;
  incidents: IncidentRegister;
  actions: ActionRegister;
  contracts: ContractRegister;
  links: Links;
  attachments: Attachments;
  views: SavedViews;
}

/** Every register over one context (the same code over an encrypted or a plain file). */
export function openRegisters(ctx: RegisterContext): Registers {
  const letters = new LetterRegister(ctx);
  const attachments = new Attachments(ctx);
  const contracts = new ContractRegister(ctx);
  const organisation = () => {
    const org = Organisation.partial().parse(getMeta(ctx.db, META_ORGANISATION) ?? {});
    return { nis2Sector: org.nis2Sector ?? null, country: org.country ?? 'FR', dpoContact: org.dpoContact ?? '' };
  };
  return {
    complaints: new ComplaintRegister(ctx),
    letters,
    matters: new MatterRegister(ctx, letters),
    incidents: new IncidentRegister(ctx, organisation, {
      // A filing's files are the incident's attachments, frozen with it (Attachments refuses to withdraw them).
      addFiles: async (incidentId, files) => {
        const out = [];
        for (const f of files) {
          const a = await attachments.add({ record: { type: 'incident', id: incidentId }, fileName: f.fileName, mimeType: f.mimeType, contentBase64: f.contentBase64 });
          out.push({ attachmentId: a.id, fileName: a.fileName, sha256: a.sha256, size: a.size });
        }
        return out;
      },
      withdrawFiles: (files, reason) => {
        for (const f of files) attachments.archive(f.attachmentId, reason, { force: true });
      },
    }, (id) => contracts.usable(id)),
    actions: new ActionRegister(ctx),
    contracts,
    links: new Links(ctx),
    attachments,
    views: new SavedViews(ctx),
  };
}

/** The registers (and their child registers) keyed by the record type they store. */
export function registersByType(registers: Registers): Map<string, AnyRegister> {
  const map = new Map<string, AnyRegister>();
  const add = (r: unknown) => {
    if (!(r instanceof RegisterBase)) return;
    map.set(r.recordType, r as AnyRegister);
    const kids = (r as unknown as { children?: () => unknown[] }).children?.();
    kids?.forEach(add);
  };
  Object.values(registers).forEach(add);
  return map;
}
