import { complaintsRegister } from '@shared/registers';
import type { Complaint } from '@shared/schemas/complaint';
import { recordPage } from '../../kit';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { GeneratedLetters } from '../letters/GeneratedLetters';

/** One complaint: its fields, what can be done to it, its deadline, links, attachments and history. */
export const ComplaintDetail = recordPage<Complaint>(complaintsRegister, (complaint, { t, changed }) => ({
  subtitle: complaint.complainantLabel,
  subtitleTestId: 'complaint-complainant',
  actions: <ComplaintActions complaint={complaint} onChanged={changed} />,
  facts: <ComplaintFacts complaint={complaint} />,
  texts: [
    { title: t('fields.summary'), text: complaint.summary, testId: 'complaint-summary' },
    { title: t('fields.outcome'), text: complaint.outcome, none: t('detail.noOutcome'), testId: 'complaint-outcome' },
  ],
  main: <GeneratedLetters record={{ type: 'complaint', id: complaint.id }} />,
}));
