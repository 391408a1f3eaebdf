import { z } from 'zod';
import { ApiError, isHostMethod, isMethodName, methods, type CoreMethodName, type MethodOutput, type Methods } from '@shared/api/contract';
import type { Workstation } from '../workstation';
import { suggestPassphrase } from '../keys/passphrase';
import { SyncService } from '../sync/sync-service';
import { noticeText } from '../obligations/notice-text';
import { reportsFor } from '../reports/reports';
import { Composer } from '../templates/compose';

import { isTestOnly } from './describe';

export { describeApi } from './describe';

type Handlers = { [M in CoreMethodName]: (input: z.infer<Methods[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M> };

/** Every method of the contract the core answers (the host answers core.* itself), implemented against the core. */
export function createHandlers(ws: Workstation): Handlers {
  return {
    'app.status': () => ws.status(),
    'app.suggestPassphrase': (input) => ({ passphrase: suggestPassphrase(8, input.lang) }),
    'app.setup': (input) => ws.setup(input),
    'app.unlock': (input) => ws.unlock(input.passphrase),
    'app.retryKeychain': () => ws.tryKeychainUnlock(),
    'app.lock': () => ws.lock(),
    'app.activity': () => {
      ws.activity();
      return { ok: true as const };
    },
    'preferences.get': () => ws.preferences(),
    'preferences.set': (input) => ws.setPreferences(input),
    'app.changePassphrase': async (input) => {
      await ws.changePassphrase(input.newPassphrase);
      return { ok: true as const };
    },
    'profile.get': () => ws.profile(),
    'profile.update': (input) => ws.updateProfile(input),
    'complaints.list': (input) => ws.complaints.list(input),
    'complaints.get': (input) => ws.complaints.get(input.id),
    'complaints.create': (input) => ws.complaints.create(input),
    'complaints.update': (input) => ws.complaints.update(input),
    'complaints.setStatus': (input) => ws.complaints.setStatus(input),
    'complaints.archive': (input) => ws.complaints.archive(input),
    'complaints.restore': (input) => ws.complaints.restore(input.id),
    'letters.list': (q) => ws.registers.letters.list(q),
    'letters.get': ({ id }) => ws.registers.letters.get(id),
    'letters.thread': ({ id }) => ({ letters: ws.registers.letters.thread(id) }),
    'letters.create': (input) => ws.registers.letters.create(input),
    'letters.update': (input) => ws.registers.letters.update(input),
    'letters.archive': (input) => ws.registers.letters.archive(input),
    'letters.restore': ({ id }) => ws.registers.letters.restore(id),

    'matters.list': (q) => ws.registers.matters.list(q),
    'matters.get': ({ id }) => ws.registers.matters.detail(id),
    'matters.create': (input) => ws.registers.matters.create(input),
    'matters.update': (input) => ws.registers.matters.update(input),
    'matters.setStatus': (input) => ws.registers.matters.setStatus(input),
    'matters.archive': (input) => ws.registers.matters.archive(input),
    'matters.restore': ({ id }) => ws.registers.matters.restore(id),

    'incidents.list': (q) => ws.registers.incidents.list(q),
    'incidents.get': ({ id }) => ws.registers.incidents.detail(id),
    'incidents.create': (input) => ws.registers.incidents.create(input),
    'incidents.update': (input) => ws.registers.incidents.update(input),
    'incidents.setStatus': (input) => ws.registers.incidents.setStatus(input),
    'incidents.archive': (input) => ws.registers.incidents.archive(input),
    'incidents.restore': ({ id }) => ws.registers.incidents.restore(id),
    'incidents.addNotification': (input) => ws.registers.incidents.notifications.record(input),
    'incidents.updateNotification': (input) => ws.registers.incidents.notifications.update(input),
    'incidents.archiveNotification': () => ws.registers.incidents.notifications.archive(),
    'filings.check': (input) => {
      const c = ws.registers.incidents.notifications.check({ ...input, sentAt: new Date(input.sentAt).toISOString() });
      return { gaps: c.gaps, due: c.due, late: c.late, lateReasonsRequired: c.lateReasonsRequired };
    },
    'obligations.of': ({ incidentId, includeSuperseded }) => ({ obligations: ws.registers.incidents.obligations.views(incidentId, ws.now().getTime(), includeSuperseded) }),
    'obligations.decide': (input) => ws.registers.incidents.obligations.decide(input),
    'obligations.add': (input) => ws.registers.incidents.obligations.add(input),
    'obligations.confirm': (input) => ws.registers.incidents.obligations.confirm(input),
    'obligations.prepareText': ({ obligationId, lang }) => {
      const r = ws.registers.incidents;
      const o = r.obligations.get(obligationId);
      const i = r.get(o.incidentId);
      const org = ws.profile().organisation;
      const client = o.regime === 'gdpr-33-2' && o.recipientId ? r.clients.find(o.recipientId) : null;
      const language = lang ?? client?.language ?? (org.country === 'FR' ? 'fr' : 'en');
      if (o.regime === 'gdpr-33' || o.regime === 'uk-gdpr-33') {
        const draft = ws.exchange.notificationDraft({ incidentId: i.id, dpoContact: org.dpoContact || undefined });
        return { lang: language, subject: draft[language].markdown.split('\n')[0]!.replace(/^# /, ''), body: draft[language].text };
      }
      return noticeText(i, o, language, org, new Composer(ws.exchange).templates.current('client_notice'), ws.now().toISOString());
    },
    'incidents.addClient': (input) => ws.registers.incidents.clients.create(input),
    'incidents.updateClient': (input) => ws.registers.incidents.clients.update(input),
    'incidents.archiveClient': (input) => ws.registers.incidents.clients.archive(input),

    'actions.list': (q) => ws.registers.actions.list(q),
    'actions.get': ({ id }) => ws.registers.actions.get(id),
    'actions.create': (input) => ws.registers.actions.create(input),
    'actions.update': (input) => ws.registers.actions.update(input),
    'actions.setStatus': (input) => ws.registers.actions.setStatus(input),
    'actions.duties': ({ id }) => ws.sync.actionDuties(ws.registers.actions.get(id).id),
    'actions.archive': (input) => ws.registers.actions.archive(input),
    'actions.restore': ({ id }) => ws.registers.actions.restore(id),

    'contracts.list': (q) => ws.registers.contracts.list(q),
    'contracts.get': ({ id }) => ws.registers.contracts.get(id),
    'contracts.create': (input) => ws.registers.contracts.create(input),
    'contracts.update': (input) => ws.registers.contracts.update(input),
    'contracts.uses': ({ id }) => {
      const r = ws.registers;
      r.contracts.get(id);
      const uses = r.incidents.clients.byContract(id).map((client) => {
        const i = r.incidents.get(client.incidentId);
        return { incident: { id: i.id, reference: i.reference, title: i.title, status: i.status, archived: i.archivedAt !== null }, client };
      });
      return { uses: uses.sort((a, b) => b.incident.reference.localeCompare(a.incident.reference)) };
    },
    'contracts.archive': (input) => ws.registers.contracts.archive(input),
    'contracts.restore': ({ id }) => ws.registers.contracts.restore(id),

    'links.create': (input) => ws.registers.links.create(input),
    'links.remove': ({ id, reason }) => {
      ws.registers.links.remove(id, reason);
      return { ok: true as const };
    },
    'links.of': ({ record }) => ({ links: ws.registers.links.of(record) }),

    'attachments.add': (input) => ws.registers.attachments.add(input),
    'attachments.list': ({ record, includeArchived }) => ({ attachments: ws.registers.attachments.of(record, includeArchived) }),
    'attachments.get': ({ id }) => {
      const { attachment, bytes } = ws.registers.attachments.content(id);
      return { attachment, contentBase64: bytes.toString('base64') };
    },
    'attachments.archive': ({ id, reason }) => ws.registers.attachments.archive(id, reason),

    'search.query': (q) => ws.search(q),
    'views.list': () => ({ views: ws.registers.views.list() }),
    'views.create': (input) => ws.registers.views.create(input),
    'views.remove': ({ id }) => {
      ws.registers.views.remove(id);
      return { ok: true as const };
    },
    'dashboard.get': () => ws.dashboard(),

    'timeline.get': (q) => ws.exchange.timeline(q),
    'timeline.entries': ({ incidentId, includeArchived }) => ({ entries: ws.exchange.entriesOf(incidentId, includeArchived) }),
    'timeline.addEntry': (input) => ws.exchange.addEntry(input),
    'timeline.updateEntry': (input) => ws.exchange.updateEntry(input),
    'timeline.archiveEntry': (input) => ws.exchange.archiveEntry(input),
    'exports.timeline': (input) => ws.exchange.exportTimeline(input),
    'exports.register': (input) => ws.exchange.exportRegister(input),
    'exports.notificationDraft': (input) => ws.exchange.notificationDraft(input),
    'exports.provenance': () => ws.exchange.provenance(),
    'exports.bundle': (input) => ws.exchange.exportBundle(input),
    'exports.verifyBundle': (input) => ws.exchange.verifyBundle(input),
    'exports.signingKey': () => ws.exchange.signingKey(),
    'reports.annual': (input) => reportsFor(ws.exchange).annual(input),
    'exports.report': (input) => reportsFor(ws.exchange).export(input),
    'imports.fields': ({ register }) => ws.exchange.importFields(register),
    'imports.preview': (input) => ws.exchange.previewImport(input),
    'imports.commit': (input) => ws.exchange.commitImport(input),
    'jobs.cancel': ({ jobId }) => ({ ok: true as const, found: ws.exchange.cancelJob(jobId) }),

    'sync.status': () => ws.sync.status(),
    // Once connected, keep syncing in the background (the loop otherwise starts at unlock).
    'sync.createWorkspace': async (input) => {
      const status = await ws.sync.createWorkspace(input, ws.memberLabel());
      ws.sync.start();
      return status;
    },
    'sync.readInvitation': ({ invitation }) => {
      const inv = SyncService.readInvitation(invitation);
      return { workspaceId: inv.workspaceId, connection: inv.connection };
    },
    'sync.join': async (input) => {
      const status = await ws.sync.join(input, ws.memberLabel());
      ws.sync.start();
      return status;
    },
    'sync.invite': ({ role }) => ws.sync.createInvitation(role),
    'sync.permissions': () => ws.sync.permissions(),
    'sync.workspaceSettings': () => ws.sync.rules.settings(),
    'sync.setWorkspaceSettings': (input) => ws.sync.setWorkspaceSettings(input),
    'sync.members': async () => ({ members: await ws.sync.members() }),
    'sync.removeMember': async ({ memberId }) => {
      await ws.sync.removeMember(memberId);
      return { ok: true as const };
    },
    'sync.setRole': ({ memberId, role }) => {
      ws.sync.setRole(memberId, role);
      return { ok: true as const };
    },
    'sync.quarantine': () => ({ items: ws.sync.quarantined() }),
    'sync.now': () => ws.sync.syncNow(),
    'sync.disconnect': async () => {
      await ws.sync.disconnect();
      return ws.sync.status();
    },
    'conflicts.list': ({ includeResolved }) => ({ conflicts: ws.sync.conflicts(includeResolved) }),
    'conflicts.resolve': ({ id, choice }) => {
      ws.resolveConflict(id, choice);
      return { ok: true as const };
    },

    'clocks.list': (q) => ws.clocks.list(q),
    'clocks.ofRecord': (input) => ({ clocks: ws.clocks.ofRecord(input) }),
    'clocks.ics': ({ lang }) => ws.clocks.ics(lang),
    'reminders.settings.get': () => ws.clocks.reminders.settings(),
    'reminders.settings.set': (input) => ws.clocks.reminders.setSettings(input),
    'alerts.list': (q) => ({ alerts: ws.clocks.reminders.alerts(q) }),
    'alerts.acknowledge': ({ id }) => ws.clocks.reminders.acknowledge(id),
    'redaction.profiles': () => ({ profiles: ws.exchange.profiles.list() }),
    'redaction.createProfile': (input) => ws.exchange.profiles.create(input),
    'redaction.updateProfile': (input) => ws.exchange.profiles.update(input),
    'redaction.deleteProfile': ({ id }) => {
      ws.exchange.profiles.remove(id);
      return { ok: true as const };
    },
    'templates.list': () => ({ templates: new Composer(ws.exchange).templates.list() }),
    'templates.versions': ({ id }) => ({ versions: new Composer(ws.exchange).templates.versions(id) }),
    'templates.save': (input) => new Composer(ws.exchange).templates.save(input),
    'compose.draft': (input) => new Composer(ws.exchange).draft(input),
    'compose.generate': (input) => new Composer(ws.exchange).generate(input),
    'compose.of': ({ record }) => ({ letters: new Composer(ws.exchange).of(record) }),
    'rules.list': () => ({ rules: ws.clocks.rules.list() }),
    'rules.saveCustom': (input) => ws.clocks.rules.save(input),
    'rules.removeCustom': ({ id }) => {
      ws.clocks.rules.remove(id);
      return { ok: true as const };
    },
    'app.setClock': ({ at }) => ws.setClock(at),

    // Against the heads signed at this machine's pushes too, when it syncs (README › Roles).
    'audit.verify': () => ws.sync.verifyAudit(),
    'audit.history': (input) => ({ entries: ws.history(input.recordType, input.recordId) }),
  };
}

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

/**
 * The boundary both transports share: unknown method → UNKNOWN_METHOD, bad input →
 * VALIDATION_FAILED with every issue, anything unexpected → INTERNAL (details logged, not sent).
 */
export function createDispatch(ws: Workstation, log: (msg: string) => void = (m) => console.error(m)): Dispatch {
  const handlers = createHandlers(ws);
  return async (method, rawInput) => {
    // Test-only methods (app.setClock) exist only when the host runs in test mode (--clock).
    if (!isMethodName(method) || isHostMethod(method) || (isTestOnly(method) && !ws.testMode)) {
      throw new ApiError('UNKNOWN_METHOD', `There is no API method called "${method}". GET /api lists them.`);
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new ApiError('VALIDATION_FAILED', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
    }
    // What changes something is activity: it restarts the idle time before the auto-lock.
    if (!isPassive(method)) ws.activity();
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const out = await handler(parsed.data);
      return spec.output.parse(out);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      log(`[api] ${method} failed: ${(e as Error).stack ?? String(e)}`);
      throw new ApiError('INTERNAL', `Something went wrong in ${method}: ${(e as Error).message}`);
    }
  };
}

/**
 * Calls that only read: the UI makes them by itself too (refreshing a list when a colleague's
 * change arrives, the board ticking), so they are not a sign that someone is at the keyboard.
 * The UI reports input with app.activity. Moving the test clock (app.setClock) is a script, not a
 * user: it must be able to jump past the idle delay.
 */
const PASSIVE = /\.(setClock|status|list|get|of|thread|entries|query|members|permissions|workspaceSettings|verify|history|provenance|fields|ofRecord|ics|preview|readInvitation)$/;
function isPassive(method: string): boolean {
  return PASSIVE.test(method);
}
