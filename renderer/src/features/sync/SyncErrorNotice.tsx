import { ActionIcon, Alert, Box, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';

/** Where the error happened: the same code means different things when joining. */
export type SyncErrorContext = 'connect' | 'join' | 'status' | 'action';

/** Codes whose core message says what to do (which host, which GRANT): shown whole, copyable. */
const CORE_MESSAGE_MATTERS = new Set([
  'BACKEND_UNAVAILABLE',
  'BACKEND_AUTH',
  'BACKEND_PERMISSION',
  'BACKEND_NOT_POSTGRES',
  'BACKEND_INCOMPATIBLE',
  'WRONG_KEY',
  'REVOKED',
  'CONFLICT',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'INTERNAL',
]);

/** Codes given a sync-specific sentence (the shared one speaks of records or of the register's key). */
const OWN_SENTENCE: Partial<Record<SyncErrorContext, string[]>> = {
  join: ['WRONG_KEY', 'NOT_FOUND', 'CONFLICT'],
  connect: ['CONFLICT'],
  status: ['WRONG_KEY'],
  action: ['WRONG_KEY', 'NOT_FOUND'],
};

export interface CoreError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

function asCoreError(error: unknown): CoreError | null {
  if (error instanceof ApiError) return { code: error.code, message: error.message, issues: error.issues };
  if (error && typeof error === 'object' && 'code' in error && 'message' in error && !(error instanceof Error)) {
    const e = error as { code: unknown; message: unknown };
    if (typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  }
  return null;
}

/**
 * An error from the core about the shared backend: a translated sentence, then the core's own
 * words whole (they name the host, the missing GRANT, the version) so they can be copied to the
 * IT team.
 */
export function SyncErrorNotice({ error, context, title }: { error: unknown; context: SyncErrorContext; title?: string }) {
  const { t } = useTranslation();
  const st = useFeatureT('sync');
  const core = asCoreError(error);
  // Not the core's answer (a network failure, a bug): the shared notice says it as well as anywhere.
  if (!core) return <ErrorNotice error={error} title={title} />;
  const own = OWN_SENTENCE[context]?.includes(core.code);
  const sentence = own ? st(`errors.${context}.${core.code}`) : t(`errors.${core.code}` as never, { defaultValue: t('errors.INTERNAL') });
  // The sentence already says all a wrong code or a missing member can say.
  const showCore = CORE_MESSAGE_MATTERS.has(core.code) && !(own && (core.code === 'WRONG_KEY' || core.code === 'NOT_FOUND'));
  const hint = core.code === 'BACKEND_PERMISSION' ? st('errors.permissionHint') : core.code.startsWith('BACKEND_') ? st('errors.backendHint') : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title ?? sentence} role="alert" data-testid="sync-error" data-code={core.code}>
      {title && <Text size="sm">{sentence}</Text>}
      {core.issues && core.issues.length > 0 && (
        <Box component="ul" m={0} mt={4} pl="md">
          {core.issues.map((i) => (
            <Text component="li" size="sm" key={`${i.path}:${i.message}`}>
              {i.path ? `${i.path}: ${i.message}` : i.message}
            </Text>
          ))}
        </Box>
      )}
      {showCore && (
        <Box mt={6}>
          <Group gap={6} justify="space-between" wrap="nowrap" mb={2}>
            <Text size="xs" c="dimmed">
              {hint ?? st('errors.coreSays')}
            </Text>
            <CopyButton value={core.message}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={st('errors.copyMessage')}>
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Code block data-testid="sync-error-message" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', userSelect: 'text' }}>
            {core.message}
          </Code>
        </Box>
      )}
    </Alert>
  );
}
