import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/* Response bodies are inspected field by field; their shape is what is under test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import type { CoreHost } from '../../electron/core/host/core-host';
import { SETUP, tempDir } from '../support/workstation';
import { startCore } from '../support/core';

let host: WebHost;
let core: CoreHost;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const staticDir = join(t.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PrivacyOps</title>');
  core = await startCore(join(t.dir, 'data'));
  host = await startWebHost({ core, staticDir, log: () => {} });
});
afterAll(async () => {
  await host.close();
  await core.shutdown();
  cleanup();
});

/** Raw HTTP so that Host and Origin can be set to anything (fetch forbids changing Host). */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: unknown; address?: string }) {
  return new Promise<{ status: number; body: Json; headers: Record<string, unknown> }>((resolve, reject) => {
    const data = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'POST',
        path: opts.path,
        headers: {
          Host: `127.0.0.1:${host.port}`,
          ...(data ? { 'Content-Type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON (the page)
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}` });

describe('web host', () => {
  it('prints a loopback URL carrying the token, and listens on loopback only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers API calls that carry the token', async () => {
    const r = await raw({ path: '/api/app.status', body: {}, headers: auth() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'needs-setup', host: 'web' });
  });

  it('refuses a request without the token or with a wrong one', async () => {
    const none = await raw({ path: '/api/app.status', body: {} });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    const wrong = await raw({ path: '/api/app.status', body: {}, headers: { Authorization: `Bearer ${host.token.slice(0, -2)}xx` } });
    expect(wrong.status).toBe(401);
    const listing = await raw({ method: 'GET', path: '/api' });
    expect(listing.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const foreignHost = await raw({ path: '/api/app.status', body: {}, headers: { ...auth(), Host: `evil.example:${host.port}` } });
    expect(foreignHost.status).toBe(403);
    expect(foreignHost.body.error.code).toBe('FORBIDDEN');
    const foreignOrigin = await raw({ path: '/api/app.status', body: {}, headers: { ...auth(), Origin: 'http://evil.example' } });
    expect(foreignOrigin.status).toBe(403);
    const ownOrigin = await raw({ path: '/api/app.status', body: {}, headers: { ...auth(), Origin: `http://127.0.0.1:${host.port}` } });
    expect(ownOrigin.status).toBe(200);
    const page = await raw({ method: 'GET', path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
  });

  it('is not reachable through any other interface of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    for (const address of others) {
      await expect(raw({ path: '/api/app.status', body: {}, headers: auth(), address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('lists every method with JSON schemas generated from the contract', async () => {
    const r = await raw({ method: 'GET', path: '/api', headers: auth() });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.methods)).toContain('complaints.create');
    expect(r.body.methods['complaints.create'].input.properties.rights.items.enum).toContain('objection_direct_marketing');
    expect(r.body.methods['complaints.create'].input.required).toEqual(expect.arrayContaining(['receivedAt', 'channel', 'summary']));
  });

  it('answers errors as JSON with a code, a message and a 4xx status', async () => {
    const unknown = await raw({ path: '/api/complaints.destroyAll', body: {}, headers: auth() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_METHOD');
    const bad = await raw({ path: '/api/app.setup', body: { organisation: { name: '' } }, headers: auth() });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.issues.length).toBeGreaterThan(0);
    const notJson = await raw({ path: '/api/app.status', headers: { ...auth(), 'Content-Type': 'text/plain' } });
    expect(notJson.status).toBe(400);
    const notSetUp = await raw({ path: '/api/complaints.list', body: {}, headers: auth() });
    expect(notSetUp.status).toBe(409);
    expect(notSetUp.body.error.code).toBe('NEEDS_SETUP');
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const r = await raw({ method: 'GET', path: '/' });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const traversal = await raw({ method: 'GET', path: '/../../etc/passwd' });
    expect(String(traversal.body)).not.toContain('root:');
  });

  it('pushes events over a WebSocket that needs the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['privacyops']);
    await expect(new Promise((resolve, reject) => { refused.on('open', resolve); refused.on('error', reject); })).rejects.toThrow(/403/);

    const sock = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['privacyops', `bearer.${host.token}`], {
      headers: { Origin: `http://127.0.0.1:${host.port}` },
    });
    await new Promise((resolve, reject) => {
      sock.on('open', resolve);
      sock.on('error', reject);
    });
    const got = new Promise<Json>((resolve) => sock.on('message', (m) => resolve(JSON.parse(String(m)))));
    const setup = await raw({ path: '/api/app.setup', body: SETUP, headers: auth() });
    expect(setup.status).toBe(200);
    expect(await got).toMatchObject({ event: expect.any(String) });
    sock.close();

    const created = await raw({
      path: '/api/complaints.create',
      headers: auth(),
      body: { receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary: 'Via the scripting interface' },
    });
    expect(created.status).toBe(200);
    expect(created.body.reference).toBe('C-2018-0001');
    const listed = await raw({ path: '/api/complaints.list', body: { text: 'scripting' }, headers: auth() });
    expect(listed.body.total).toBe(1);
  });
});
