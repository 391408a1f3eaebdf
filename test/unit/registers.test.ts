import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { REGISTERS } from '@shared/registers';
import { RecordType } from '@shared/schemas/record-types';

/** The register declarations say what the schemas say: a declaration that drifts from its schema fails here. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}
function unwrap(s: z.ZodType): z.ZodType {
  let t = s as unknown as { def: { type: string; innerType?: z.ZodType } };
  while (t.def.innerType && ['default', 'optional', 'nullable'].includes(t.def.type)) t = t.def.innerType as unknown as typeof t;
  return t as unknown as z.ZodType;
}

describe('register declarations', () => {
  it('cover every record type once', () => {
    expect(Object.keys(REGISTERS).sort()).toEqual([...RecordType.options].sort());
    for (const [type, d] of Object.entries(REGISTERS)) expect(d.type).toBe(type);
  });

  for (const d of Object.values(REGISTERS)) {
    describe(d.name, () => {
      const query = shapeOf(d.schemas.listQuery);
      it('sorts on exactly the fields its list query accepts, with a first direction for each', () => {
        const sort = shapeOf(unwrap(query.sort!));
        const fields = (unwrap(sort.field!) as unknown as { options: string[] }).options;
        expect([...d.sort.fields].sort()).toEqual([...fields].sort());
        expect(Object.keys(d.sort.firstDirection).sort()).toEqual([...fields].sort());
        expect(fields).toContain(d.sort.default.field);
      });
      it('filters only on parameters its list query accepts', () => {
        for (const f of d.filters) {
          const params = f.kind === 'dateRange' ? [f.from, f.to] : [f.param];
          for (const p of params) expect(query, `${d.name}.${f.key} → ${p}`).toHaveProperty(p);
        }
      });
      it('names fields the record has, and statuses its schema knows', () => {
        const record = shapeOf(d.schemas.record);
        expect(record).toHaveProperty(d.titleField);
        expect(record).toHaveProperty(d.dateField);
        for (const s of d.openStatuses) expect(d.statuses).toContain(s);
        if (d.statuses.length) expect((unwrap(record.status!) as unknown as { options: string[] }).options).toEqual([...d.statuses]);
      });
    });
  }
});
