import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../state/connection';

/** Says so when the live link to the web host drops; the transport keeps reconnecting meanwhile. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const lost = useConnection((s) => s.everOpen && s.state === 'reconnecting');
  if (!lost) return null;
  return (
    <Alert
      role="status"
      color="orange"
      variant="filled"
      radius={0}
      py={6}
      icon={<IconPlugConnectedX size={16} />}
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
    >
      {t('connection.reconnecting')}
    </Alert>
  );
}
