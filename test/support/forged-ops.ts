/**
 * Operations built by hand, as a member who builds its own client could: sealed with the
 * workspace key its machine holds, signed with a member key, pushed straight to the backend. What
 * every colleague must then refuse (or accept) is the subject of the roles tests.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Workstation } from '../../electron/core/workstation';
import { Backend } from '../../electron/core/sync/backend';
import { opAad, opSignedBytes, seal } from '../../electron/core/sync/crypto';
import type { SyncOp } from '../../electron/core/sync/apply';
import type { SecretVault } from '../../electron/core/sync/secrets';
import { formatHlc } from '../../electron/core/sync/hlc';
import type { ConnectInput } from '@shared/schemas/sync';

/**
 * Seals `template` with `pusher`'s workspace key, signs it with `signer`'s member key (naming the
 * signer as author and its machine as device), and pushes it. A new operation id always; a new
 * record id unless `recordId` is given (an edit of an existing record). Returns the record id.
 */
export async function forge(
  connection: ConnectInput,
  pusher: Workstation,
  signer: Workstation,
  template: SyncOp,
  o: { brokenSignature?: boolean; signedForWorkspace?: string; epoch?: number; recordId?: string } = {},
): Promise<string> {
  const ws = pusher.sync.status().workspaceId!;
  const epoch = o.epoch ?? 1;
  const secrets = (await (pusher.sync as unknown as { vault: SecretVault }).vault.load())!;
  const key = Buffer.from(secrets.keys[String(epoch)]!, 'hex');
  const op: SyncOp = { ...template, opId: uuidv7(), recordId: o.recordId ?? uuidv7(), author: signer.sync.status().memberId!, device: signer.profile().deviceId };
  const payload = seal(key, Buffer.from(JSON.stringify(op)), opAad(ws, op.opId, epoch));
  const sig = signer.sync.membership.signBytes(opSignedBytes(o.signedForWorkspace ?? ws, op.opId, op.hlc, payload));
  if (o.brokenSignature) sig[7]! ^= 0x20;
  const backend = await Backend.connect(connection);
  try {
    await backend.push(ws, [{ opId: op.opId, epoch, payload, sig }]);
  } finally {
    await backend.close();
  }
  return op.recordId;
}

/** The operation `make` writes first on `scratch` (a machine that syncs with nobody), as it travels. */
export function firstOpOf(scratch: Workstation, make: (w: Workstation) => { id: string }, recordType: string, action = 'create'): SyncOp {
  const { id } = make(scratch);
  const e = scratch.audit.entries(0).find((x) => x.recordType === recordType && x.recordId === id && x.action === action)!;
  const { seq: _s, prevHash: _p, hash: _h, ...op } = e;
  return { ...op, hlc: op.hlc! };
}

/** An edit of one field of an existing record, as `by`'s machine would make it now (for forge(), with its `recordId`). */
export function editOp(by: Workstation, actor: string, record: { type: string; id: string }, field: string, old: unknown, value: unknown): SyncOp {
  const device = by.profile().deviceId;
  return {
    opId: '',
    hlc: formatHlc({ ms: Date.now(), counter: 0, device }),
    at: new Date().toISOString(),
    actor,
    device,
    recordType: record.type,
    recordId: record.id,
    action: 'update',
    changes: [{ field, old, new: value }],
    bases: null,
  };
}
