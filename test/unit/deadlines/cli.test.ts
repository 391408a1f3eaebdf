// The CLI end to end in a real process (node + tsx, as `npm run deadline` runs it), plus the
// argument handling in-process for the cases that do not need a process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDeadlineCli } from '../../../electron/cli/deadline';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [TSX_CLI, 'electron/cli/deadline.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('deadline CLI (spawned)', () => {
  it('S3: prints one JSON line with the 48-hour processor deadline', () => {
    const { code, stdout, stderr } = cli('--rule', 'processor-to-controller', '--from', '2026-03-27T22:30:00+01:00');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['rule', 'from', 'deadline', 'target', 'basis', 'explanation']);
    expect(out).toMatchObject({
      rule: 'processor-to-controller',
      from: '2026-03-27T22:30:00.000+01:00',
      deadline: '2026-03-29T23:30:00.000+02:00',
      target: '2026-03-29T23:30:00.000+02:00',
    });
    expect(typeof out.basis).toBe('string');
    expect(out.basis).toContain('48 hours');
    expect(typeof out.explanation).toBe('string');
  });

  it('bad input: exit code 2, message on stderr, nothing on stdout', () => {
    const { code, stdout, stderr } = cli('--rule', 'gdpr-33-authority', '--from', '2026-03-27 22:30');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("'2026-03-27 22:30' is not an ISO instant with an offset, e.g. 2026-03-27T22:30:00+01:00");
  });
});

describe('deadline CLI (in-process)', () => {
  it('defaults to Europe/Paris and FR; French text with --lang fr', () => {
    const o = runDeadlineCli(['--rule', 'conseil-etat-appeal', '--from', '2020-02-25T10:00:00+01:00', '--lang', 'fr']);
    expect(o.code).toBe(0);
    const out = JSON.parse(o.stdout) as Record<string, string>;
    expect(out.deadline).toBe('2020-04-28T00:00:00.000+02:00');
    expect(out.basis).toContain("Recours devant le Conseil d'État");
    expect(out.explanation).toContain('Délai franc');
  });

  it('--tz and --country', () => {
    const o = runDeadlineCli(['--rule', 'uk-gdpr-12-response', '--from', '2026-07-31T12:00:00+01:00', '--tz', 'Europe/London', '--country', 'GB-ENG']);
    expect(JSON.parse(o.stdout)).toMatchObject({ deadline: '2026-09-02T00:00:00.000+01:00', target: '2026-09-01T00:00:00.000+01:00' });
  });

  it('--hours for processor-to-controller, including none (no contract term)', () => {
    expect(JSON.parse(runDeadlineCli(['--rule', 'processor-to-controller', '--from', '2026-03-27T22:30:00+01:00', '--hours', '24']).stdout).deadline).toBe(
      '2026-03-28T22:30:00.000+01:00',
    );
    const none = JSON.parse(
      runDeadlineCli(['--rule', 'processor-to-controller', '--from', '2026-03-27T22:30:00+01:00', '--hours', 'none', '--target', '2026-03-28T12:00:00Z']).stdout,
    );
    expect(none.deadline).toBeNull();
    expect(none.target).toBe('2026-03-28T13:00:00.000+01:00');
  });

  it('--list prints the rule ids one per line', () => {
    const o = runDeadlineCli(['--list']);
    expect(o.code).toBe(0);
    expect(o.stdout.split('\n')).toEqual([
      'gdpr-33-authority',
      'processor-to-controller',
      'gdpr-34-data-subjects',
      'gdpr-12-response',
      'gdpr-12-extended',
      'nis2-early-warning',
      'nis2-notification',
      'nis2-final-report',
      'uk-gdpr-33-ico',
      'uk-gdpr-12-response',
      'conseil-etat-appeal',
      '',
    ]);
  });

  it.each([
    [['--rule', 'nope', '--from', '2026-03-27T22:30:00+01:00'], /Unknown deadline rule 'nope'/],
    [['--from', '2026-03-27T22:30:00+01:00'], /--rule is required/],
    [['--rule', 'gdpr-33-authority'], /--from is required/],
    [['--rule', 'gdpr-33-authority', '--from', '2026-03-27T22:30:00+01:00', '--tz', 'Europe/Pariss'], /Unknown IANA time zone/],
    [['--rule', 'gdpr-33-authority', '--from', '2026-03-27T22:30:00+01:00', '--lang', 'de'], /--lang must be/],
    [['--rule', 'gdpr-33-authority', '--from', '2026-03-27T22:30:00+01:00', '--hours', '24'], /only applies to processor-to-controller/],
    [['--rule', 'processor-to-controller', '--from', '2026-03-27T22:30:00+01:00', '--hours', 'abc'], /--hours must be/],
    [['--rule', 'gdpr-33-authority', '--from', '2026-03-27T22:30:00+01:00', '--bogus'], /bogus/],
  ])('error %# -> exit 2 and stderr only', (args, message) => {
    const o = runDeadlineCli(args);
    expect(o.code).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toMatch(message);
  });
});
