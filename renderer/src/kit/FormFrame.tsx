import { useEffect, type ReactNode } from 'react';
import i18next from 'i18next';
import { Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ErrorNotice } from '../components/ErrorNotice';
import { useEditorGuard } from './EditorDrawer';
import { guardEnter } from './enterGuard';
import { useLabels } from './labels';
import { PanelTitle } from './Panel';
import type { RecordForm } from './recordForm';

/** One section of a register's form: a title, a hint under it, its fields. */
export interface FormSectionSpec {
  key: string;
  /** `<ns>:<section>.<key>Section` by default. */
  title?: string;
  /** `<ns>:<section>.<key>Hint` by default, where the register has one. */
  hint?: string;
  /** The fields two by two (grid) or one under the other (stack); as given by default. */
  layout?: 'grid' | 'stack';
  content: ReactNode;
  /** Left out when false (a section that applies to some records only). */
  when?: boolean;
}

/**
 * The frame of every register's form: its sections in order, an optional aside that stays in
 * view (a live deadline), and a footer that stays in reach however long the form gets, with the
 * errors no field shows, Cancel and Save. Enter in a one-line field does not send it; Cancel (or
 * the drawer's close button) asks first when changes would be lost. Words from `<ns>:form.*`
 * (create, save, …), else the kit's.
 */
export function FormFrame<V>({
  rf,
  ns,
  sections,
  aside,
  asideWidth = 290,
  onCancel,
  section = 'form',
}: {
  rf: RecordForm<V>;
  /** The register's namespace; the form's own by default. */
  ns?: string;
  /** Where the form's words are (`<ns>:<section>.*`): two registers can share a namespace. */
  section?: string;
  sections: FormSectionSpec[];
  aside?: ReactNode;
  asideWidth?: number;
  /** What Cancel does once nothing would be lost; the form's own cancel (its onDone) by default. */
  onCancel?(): void;
}) {
  const l = useLabels(ns ?? rf.ns, section, 'form');
  const own = (key: string) => (i18next.exists(`${ns ?? rf.ns}:${section}.${key}`) ? l(key) : undefined);
  const cancel = onCancel ?? rf.cancel;
  const guard = useEditorGuard();
  useEffect(() => {
    guard?.setDirty(rf.dirty);
  });
  const hasErrors = Object.keys(rf.form.errors).length > 0;
  const body = (
    <Stack gap="lg">
      {sections
        .filter((s) => s.when !== false)
        .map((s) => (
          <FormSection key={s.key} title={s.title ?? l(`${s.key}Section`)} hint={s.hint ?? own(`${s.key}Hint`)}>
            {s.layout === 'grid' ? (
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {s.content}
              </SimpleGrid>
            ) : s.layout === 'stack' ? (
              <Stack gap="sm">{s.content}</Stack>
            ) : (
              s.content
            )}
          </FormSection>
        ))}
    </Stack>
  );
  return (
    <form onSubmit={rf.form.onSubmit((values) => void rf.save(values))} onKeyDown={(e) => guardEnter(e, 'all')} noValidate>
      {aside ? (
        <Box style={{ display: 'grid', gridTemplateColumns: `minmax(0, 1fr) ${asideWidth}px`, gap: 'var(--mantine-spacing-lg)', alignItems: 'start' }}>
          {body}
          <Box style={{ position: 'sticky', top: 64 }}>{aside}</Box>
        </Box>
      ) : (
        body
      )}
      <Stack gap="sm" py="sm" mt="md" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}>
        {rf.error !== null && <ErrorNotice error={rf.error} />}
        <Group justify="flex-end" gap="sm">
          {hasErrors && (
            <Text size="sm" c="red.8" mr="auto" role="alert">
              {l('fixErrors')}
            </Text>
          )}
          <Button variant="default" onClick={() => (guard ? guard.requestClose() : cancel())}>
            {l('cancel')}
          </Button>
          <Button type="submit" loading={rf.saving}>
            {rf.editing ? l('save') : l('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section>
      <PanelTitle mb={hint ? 2 : 'xs'}>{title}</PanelTitle>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}
