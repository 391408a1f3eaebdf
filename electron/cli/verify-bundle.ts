/**
 * Checks an evidence bundle offline (no register, no network):
 *
 *   npm run --silent verify-bundle -- FILE.zip [--key FINGERPRINT]
 *
 * Prints one line: "VERIFIED FILE: …, signed by key XXXX …" with exit code 0, or
 * "FAILED FILE: <the first file or audit entry that does not match, and why>" with exit code 1.
 * --key makes a bundle signed by any other key fail (give the fingerprint the organisation showed
 * you in Settings › Security; its first 16 hex digits are enough, spaces allowed). Usage errors: 2.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { verifyBundle, verifyLine } from '../core/exports/bundle-verify';

export const USAGE = `Usage: npm run --silent verify-bundle -- FILE.zip [--key FINGERPRINT] [--json]

  --key <fingerprint>  fail unless the bundle is signed by this key (Settings › Security shows it)
  --json               print the whole result as JSON instead of one line
  --help               print this help`;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function runVerifyBundleCli(argv: string[]): CliOutcome {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { key: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (e) {
    return { code: 2, stdout: '', stderr: `verify-bundle: ${(e as Error).message}\n${USAGE}\n` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (positionals.length !== 1) return { code: 2, stdout: '', stderr: `verify-bundle: give one bundle file.\n${USAGE}\n` };
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `verify-bundle: cannot read ${file}: ${(e as Error).message}\n` };
  }
  const r = verifyBundle(bytes, values.key ? { expectKey: values.key } : {});
  const out = values.json ? `${JSON.stringify(r)}\n` : `${verifyLine(r, basename(file))}\n`;
  return { code: r.ok ? 0 : 1, stdout: out, stderr: '' };
}

function isMain(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
}

if (isMain()) {
  const outcome = runVerifyBundleCli(process.argv.slice(2));
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
