import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Alert, Anchor, Group, Loader, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconClockCheck } from '@tabler/icons-react';
import { fieldsIn } from '@shared/letters/render';
import { GAP, TARGET_OF } from '@shared/letters/templates';
import type { ComposeDraft, ComposeTarget } from '@shared/schemas/compose';
import type { Lang } from '@shared/schemas/common';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LabelledSegments } from '../../components/LabelledSegments';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { DialogForm, useInstantField } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS } from './ns';

/**
 * The "Write a letter" dialog: pick a template (those written from this kind of record), the
 * language and when the letter goes out; the core merges the record into it (compose.draft) and
 * says what is missing and what generating will do to the record's clock; the user edits the
 * subject and text; Generate stores the PDF and the text with the record (compose.generate).
 * Changing the date keeps the edits (only the warnings move); changing the template or language,
 * or "Merge again", starts from the template again.
 */
export function ComposeDialog({ target, onClose }: { target: ComposeTarget; onClose(done: boolean): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const zone = useOrgTimeZone();
  const templates = useRemote(() => api.call('templates.list', {}).then((r) => r.templates.filter((x) => TARGET_OF[x.kind] === target.type)), [target.type]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [lang, setLang] = useState<Lang | null>(null);
  const sent = useInstantField('compose-sent', zone, t('compose.sentAtInvalid'));
  const sentAt = instantFromLocal(sent.props.value.date, sent.props.value.time, zone);
  const [draft, setDraft] = useState<ComposeDraft | null>(null);
  const [draftError, setDraftError] = useState<unknown>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [edited, setEdited] = useState(false);
  // Another template or language brings its own text afresh; typing in the subject or the body makes the text the user's.
  const afresh = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    setEdited(false);
  };
  const typed = (set: (v: string) => void) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    set(e.currentTarget.value);
    setEdited(true);
  };
  const [remerge, setRemerge] = useState(0);

  const chosen = templateId ?? templates.data?.[0]?.id ?? null;

  useEffect(() => {
    if (!chosen || !sentAt) return;
    let live = true;
    api
      .call('compose.draft', { templateId: chosen as ComposeDraft['templateId'], target, sentAt, ...(lang ? { lang } : {}) })
      .then(
        (d) => {
          if (!live) return;
          setDraft(d);
          setDraftError(null);
          if (!edited) {
            setSubject(d.subject);
            setBody(d.body);
          }
        },
        (e: unknown) => live && setDraftError(e),
      );
    return () => {
      live = false;
    };
    // `edited` is read, not watched: a keystroke does not merge again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, lang, sentAt, target.type, target.id, remerge]);

  const restart = () => {
    setEdited(false);
    setRemerge((n) => n + 1);
  };

  // What the edited text still leaves open: gaps the merge left, fields nobody merged.
  const open = useMemo(() => {
    const l = draft?.lang ?? 'en';
    return body.includes(GAP[l]) || subject.includes(GAP[l]) || fieldsIn(subject + body).length > 0;
  }, [body, subject, draft?.lang]);

  // Generate only from a draft of what is chosen now (a new date, language or template is merged
  // first; a date the core refused leaves its error and nothing to generate).
  const current = draft !== null && draftError === null && sentAt !== null && Date.parse(draft.sentAt) === Date.parse(sentAt) && (!lang || draft.lang === lang) && draft.templateId === chosen;

  async function generate() {
    if (!current || !draft) return false;
    const out = await api.call('compose.generate', {
      templateId: draft.templateId,
      templateVersion: draft.templateVersion,
      target,
      lang: draft.lang,
      sentAt: draft.sentAt,
      subject,
      body,
    });
    notifySuccess(t('compose.done', { file: `${out.fileName}.pdf` }));
    onClose(true);
  }

  const options = (templates.data ?? []).map((x) => ({ value: x.id, label: `${x.name[f.lang]} (v${x.version})` }));
  return (
    <DialogForm title={t('compose.title')} submitLabel={t('compose.generate')} onSubmit={generate} onClose={() => onClose(false)} size="xl" testId="compose-dialog">
      {templates.error !== null && <ErrorNotice error={templates.error} />}
      <Group grow align="flex-start">
        <Select
          label={t('compose.template')}
          data={options}
          value={chosen}
          onChange={afresh(setTemplateId)}
          allowDeselect={false}
          data-testid="compose-template"
        />
        <LabelledSegments
          id="compose-lang-label"
          label={t('compose.language')}
          value={lang ?? draft?.lang ?? 'fr'}
          onChange={afresh((v: string) => setLang(v as Lang))}
          data={[
            { value: 'fr', label: t('compose.fr') },
            { value: 'en', label: t('compose.en') },
          ]}
          data-testid="compose-lang"
        />
      </Group>
      <OrgDateTimeField {...sent.props} label={t('compose.sentAt')} description={t('compose.sentAtHelp', { zone })} />
      {draftError !== null && <ErrorNotice error={draftError} />}
      {!draft && draftError === null && <Loader size="sm" />}
      {draft && (
        <>
          <Text size="sm" c="dimmed" data-testid="compose-recipient" style={{ whiteSpace: 'pre-wrap' }}>
            {t('compose.to', { recipient: draft.recipient || draft.recordReference, reference: draft.recordReference })}
          </Text>
          {draft.warnings.length > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('compose.warnings')} data-testid="compose-warnings">
              <Stack gap={4}>
                {draft.warnings.map((w) => (
                  <Text key={w.code} size="sm" data-warning={w.code}>
                    {w.text[f.lang]}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Alert color={draft.effect.applies ? 'blue' : 'gray'} icon={<IconClockCheck size={18} />} title={t('compose.effect')} data-testid="compose-effect">
            <Text size="sm">{draft.effect.text[f.lang]}</Text>
          </Alert>
          <TextInput
            label={t('compose.subject')}
            value={subject}
            onChange={typed(setSubject)}
            required
            maxLength={500}
            data-testid="compose-subject"
          />
          <Textarea
            label={t('compose.body')}
            description={edited ? t('compose.editedHelp') : t('compose.bodyHelp')}
            value={body}
            onChange={typed(setBody)}
            autosize
            minRows={12}
            maxRows={22}
            required
            maxLength={50_000}
            data-testid="compose-body"
            styles={{ input: { fontFamily: 'var(--mantine-font-family)', lineHeight: 1.5 } }}
          />
          <Group justify="space-between">
            <Text size="xs" c={open ? 'orange.8' : 'dimmed'} data-testid="compose-open">
              {open ? t('compose.gapsLeft', { gap: GAP[draft.lang] }) : t('compose.noGaps')}
            </Text>
            {edited && (
              <Anchor component="button" type="button" size="xs" onClick={restart} data-testid="compose-remerge">
                {t('compose.remerge')}
              </Anchor>
            )}
          </Group>
        </>
      )}
    </DialogForm>
  );
}
