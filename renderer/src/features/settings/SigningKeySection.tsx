import { useEffect, useState } from 'react';
import { Code, Text } from '@mantine/core';
import { fingerprintText, type SigningKey } from '@shared/schemas/bundle';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './ns';
import { FactTable, MachineValue } from '../../components/FactTable';
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
        <FactTable
          rows={[
            [
              t('security.fingerprint'),
              <Code key="fingerprint" fz="sm" data-testid="signing-fingerprint">
                {fingerprintText(key.fingerprint)}
              </Code>,
            ],
            [t('security.publicKey'), <MachineValue key="public">Ed25519 {key.publicKey}</MachineValue>],
            [t('security.keyMade'), <Text key="made" size="sm">{f.dateTime(key.createdAt)}</Text>],
          ]}
        />
      )}
    </FormSection>
  );
}
