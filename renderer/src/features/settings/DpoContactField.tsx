import { Textarea, type TextareaProps } from '@mantine/core';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './ns';

/**
 * The DPO's name and contact details as a notification gives them (GDPR Art. 33(3)(b)): a few
 * lines of free text. Set once in Settings › Notifications; the notification draft offers the same
 * field, filled from there, with its own help.
 */
export function DpoContactField(props: Omit<TextareaProps, 'label' | 'placeholder'>) {
  const t = useFeatureT(NS);
  return <Textarea label={t('notifications.dpo')} description={t('notifications.dpoHelp')} placeholder={t('notifications.dpoPlaceholder')} autosize minRows={2} maxRows={5} {...props} />;
}
