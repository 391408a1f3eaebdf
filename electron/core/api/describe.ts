import { z } from 'zod';
import { methods, type MethodName } from '@shared/api/contract';

/** The contract as JSON Schema, for GET /api and the README (pure: the host answers it without the core). */
export function describeApi() {
  return {
    methods: Object.fromEntries(
      Object.entries(methods)
        .filter(([name]) => !isTestOnly(name as MethodName))
        .map(([name, m]) => [
          name,
          {
            summary: m.summary,
            input: z.toJSONSchema(m.input, { io: 'input', unrepresentable: 'any' }),
            output: z.toJSONSchema(m.output, { unrepresentable: 'any' }),
          },
        ]),
    ),
  };
}

/** Methods that exist only when the host runs in test mode (--clock). */
export function isTestOnly(method: MethodName): boolean {
  return 'testOnly' in methods[method] && methods[method].testOnly === true;
}
