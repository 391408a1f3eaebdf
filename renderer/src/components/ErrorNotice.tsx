import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** An error from a call, translated, with the core's detail underneath when it says more. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const { message, detail } = describeError(t, error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title ?? message} role="alert">
      {title && <Text size="sm">{message}</Text>}
      {detail && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.details', { message: detail })}
        </Text>
      )}
    </Alert>
  );
}
