import { describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from '@shared/schemas/sync';
import { allowsWrite, can, permissionsOf } from '@shared/sync/permissions';

/** The one permission table, as the core's write path and the renderer's can() read it. */
describe('permissions', () => {
  const as = (role: (typeof MEMBER_ROLES)[number] | null) => permissionsOf({ workspace: true, enforced: true, role });

  it('each role may write what README › Roles says, the local profile always', () => {
    const table = Object.fromEntries(
      MEMBER_ROLES.map((r) => [r, ['complaint', 'matter', 'incident', 'notification', 'action', 'letter', 'import', 'settings', 'profile'].filter((t) => allowsWrite(as(r), t))]),
    );
    expect(table).toEqual({
      administrator: ['complaint', 'matter', 'incident', 'notification', 'action', 'letter', 'import', 'settings', 'profile'],
      dpo: ['complaint', 'matter', 'incident', 'notification', 'action', 'letter', 'import', 'settings', 'profile'],
      security_lead: ['incident', 'notification', 'action', 'letter', 'profile'],
      editor: ['complaint', 'matter', 'incident', 'notification', 'action', 'letter', 'import', 'profile'],
      reader: ['profile'],
      auditor: ['profile'],
    });
    expect(allowsWrite(as(null), 'complaint')).toBe(false);
  });

  it('a register without sync, or a workspace before roles, keeps every right', () => {
    for (const p of [permissionsOf({ workspace: false, enforced: false, role: null }), permissionsOf({ workspace: true, enforced: false, role: null })]) {
      expect(p.writes).toBe('all');
      expect(can(p, 'write', 'matter') && can(p, 'settings') && can(p, 'import', 'complaint')).toBe(true);
    }
  });

  it('what the UI asks', () => {
    expect(can(as('reader'), 'write')).toBe(false);
    expect(can(as('security_lead'), 'write')).toBe(true);
    expect(can(as('security_lead'), 'import', 'action')).toBe(false);
    expect(can(as('editor'), 'import', 'complaint')).toBe(true);
    expect(can(as('editor'), 'settings')).toBe(false);
    expect(can(as('dpo'), 'members')).toBe(false);
    expect(can(as('administrator'), 'members')).toBe(true);
  });
});
