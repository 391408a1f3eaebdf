import type { FeatureT } from '../lib/featureT';
import { useFeatureT } from '../lib/featureT';
import { useFormatters } from '../lib/useFormatters';
import { DetailFrame, type DetailParts } from './DetailFrame';
import { RegisterList, type ListDescription, type ListRecord } from './RegisterList';
import { useRecord } from './useRecord';
import type { RegisterDeclaration } from '@shared/registers';

/** What a register's description is given: its own words and the app's formatters (zone, language). */
export interface PageTools {
  t: FeatureT;
  f: ReturnType<typeof useFormatters>;
}

/**
 * A register's list screen from its screens and a description of its columns and filters, for a
 * list that needs nothing but its words and formatters (one that reads more, such as the letters'
 * clocks, renders `RegisterList` itself).
 */
export function registerListPage<R extends ListRecord>(screens: ListDescription<R>['screens'], describe: (tools: PageTools) => Omit<ListDescription<R>, 'screens'>) {
  return function RegisterListPage() {
    const tools = { t: useFeatureT(screens.register.ns), f: useFormatters() };
    return <RegisterList<R> screens={screens} {...describe(tools)} />;
  };
}

/**
 * A record's page from the register's declaration and a description of its parts, for a record
 * read alone (`<name>.get`, again on every change); `changed` shows what a write returned.
 */
export function recordPage<R extends ListRecord & { archiveReason: string | null }>(register: RegisterDeclaration, describe: (record: R, tools: PageTools & { changed(record: R): void }) => DetailParts) {
  return function RecordPage({ id }: { id: string }) {
    const remote = useRecord<R>(register, id);
    const tools = { t: useFeatureT(register.ns), f: useFormatters(), changed: (r: R) => remote.setData(r) };
    return <DetailFrame<R> register={register} remote={remote} render={(record) => describe(record, tools)} />;
  };
}
