/**
 * Deadline calculator on the command line, for the DPO office and for scripts:
 *
 *   npm run --silent deadline -- --rule gdpr-33-authority --from 2026-03-27T22:30:00+01:00
 *
 * Prints one JSON object on one line: {"rule","from","deadline","target","basis","explanation"},
 * basis and explanation in the chosen language. Errors go to stderr with exit code 2 and nothing on
 * stdout, so a script can trust whatever it reads from stdout.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { BUILT_IN_RULE_IDS, computeDeadline, getRule, type RuleOptions } from '@shared/deadlines/index';

export const USAGE = `Usage: npm run --silent deadline -- --rule <id> --from <ISO instant with offset> [options]
       npm run --silent deadline -- --list

Options:
  --rule <id>         deadline rule (see --list)
  --from <instant>    start instant with an offset, e.g. 2026-03-27T22:30:00+01:00
  --tz <zone>         organisation's IANA time zone (default Europe/Paris)
  --country <code>    country for public holidays, e.g. FR, DE, GB-ENG (default FR)
  --hours <n|none>    processor-to-controller: contract hours (default 48; none = no contract term)
  --target <instant>  your own target instant, for rules without a legal deadline
  --lang en|fr        language of basis and explanation (default en)
  --list              print the rule ids, one per line
  --help              print this help`;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

const ok = (stdout: string): CliOutcome => ({ code: 0, stdout, stderr: '' });
const fail = (message: string): CliOutcome => ({ code: 2, stdout: '', stderr: `deadline: ${message}\n` });

function parseHours(raw: string): number | null {
  if (raw === 'none' || raw === 'null') return null;
  // Number('') is 0 and Number(' 48 ') is 48: insist on a plain decimal number.
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) {
    throw new Error(`--hours must be a positive number of hours or 'none', got '${raw}'`);
  }
  return Number(raw);
}

/** The whole CLI as a function of its arguments, so it can be tested without spawning. */
export function runDeadlineCli(argv: string[]): CliOutcome {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        rule: { type: 'string' },
        from: { type: 'string' },
        tz: { type: 'string', default: 'Europe/Paris' },
        country: { type: 'string', default: 'FR' },
        hours: { type: 'string' },
        target: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });

    if (values.help) return ok(`${USAGE}\n`);
    if (values.list) return ok(BUILT_IN_RULE_IDS.map((id) => `${id}\n`).join(''));

    const lang = values.lang;
    if (lang !== 'en' && lang !== 'fr') throw new Error(`--lang must be 'en' or 'fr', got '${lang}'`);
    if (!values.rule) throw new Error(`--rule is required (one of: ${BUILT_IN_RULE_IDS.join(', ')})`);
    if (!values.from) throw new Error('--from is required: an ISO instant with an offset, e.g. 2026-03-27T22:30:00+01:00');

    const rule = getRule(values.rule); // unknown ids fail here with the list of known ones
    const opts: RuleOptions = {};
    if (values.hours !== undefined) {
      if (rule.id !== 'processor-to-controller') throw new Error(`--hours only applies to processor-to-controller, not ${rule.id}`);
      opts.hours = parseHours(values.hours);
    }
    if (values.target !== undefined) opts.target = values.target;

    const r = computeDeadline(rule.id, values.from, { timeZone: values.tz, country: values.country }, opts);
    const line = JSON.stringify({
      rule: r.rule,
      from: r.from,
      deadline: r.deadline,
      target: r.target,
      basis: r.basis[lang],
      explanation: r.explanation[lang],
    });
    return ok(`${line}\n`);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

function isMain(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
}

if (isMain()) {
  const outcome = runDeadlineCli(process.argv.slice(2));
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
