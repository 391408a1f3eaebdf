import { useTranslation } from 'react-i18next';
import { useFeatureT } from '../../lib/featureT';
import { ChangeDialog } from '../../kit/ChangeDialog';
import { RECORDS_NS } from './labels';

/** The API's minimum for a reason (links.remove, *.archive). */
const MIN_REASON = 3;

/**
 * Asks why before something leaves the register (a record archived, a link removed, an attachment
 * archived). The reason is kept in the history; nothing is deleted.
 */
export function ReasonModal({
  title,
  body,
  submitLabel,
  reasonHelp,
  onSubmit,
  onClose,
}: {
  title: string;
  body: string;
  submitLabel: string;
  reasonHelp: string;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { t: tc } = useTranslation();
  const t = useFeatureT(RECORDS_NS);
  return (
    <ChangeDialog
      title={title}
      intro={body}
      submitLabel={submitLabel}
      submitColor="red"
      text={{ label: t('reason.label'), description: reasonHelp, maxLength: 2_000, required: { min: MIN_REASON, message: tc('fieldErrors.reason') } }}
      onClose={onClose}
      onSubmit={async ({ text: reason }) => {
        await onSubmit(reason);
        onClose();
      }}
    />
  );
}
