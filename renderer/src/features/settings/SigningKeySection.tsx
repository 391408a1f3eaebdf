import { useEffect, useState } from 'react';
import { Code, Table, Text } from '@mantine/core';
import { fingerprintText, type SigningKey } from '@shared/schemas/bundle';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './ns';
import { FormSection } from '../../components/FormSection';

/** This device's Ed25519 key that signs evidence bundles: its fingerprint, to give a regulator or counsel by another channel. */
export function SigningKeySection() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [key, setKey] = useState<SigningKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.call('exports.signingKey', {}).then(
      (k) => live && setKey(k),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <FormSection title={t('security.signingSection')} help={t('security.signingHelp')} testId="signing-key">
      {error !== null && <ErrorNotice error={error} />}
      {key && (
        <Table withTableBorder variant="vertical" layout="fixed" verticalSpacing={6}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('security.fingerprint')}</Table.Th>
              <Table.Td>
                <Code fz="sm" data-testid="signing-fingerprint">
                  {fingerprintText(key.fingerprint)}
                </Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('security.publicKey')}</Table.Th>
              <Table.Td>
                <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                  Ed25519 {key.publicKey}
                </Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('security.keyMade')}</Table.Th>
              <Table.Td>
                <Text size="sm">{f.dateTime(key.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </FormSection>
  );
}
