import { useEffect, useRef } from 'react';
import { DataTable, type DataTableProps } from 'mantine-datatable';
import { useFormatters } from '../lib/useFormatters';
import { useKitT } from './labels';
import { PAGE_SIZES } from './listStore';

/**
 * mantine-datatable as every screen of the app uses it: its look, and the words it says to screen
 * readers (sort state, page buttons) in the UI language. The library writes the sort icons'
 * labels in English itself, so they are re-labelled whenever it (re)writes them.
 */
export function KitTable<T>(props: Partial<DataTableProps<T>> & { capped?: boolean }) {
  const t = useKitT();
  const f = useFormatters();
  const wrapper = useRef<HTMLDivElement>(null);
  const words: Record<string, string> = {
    'Sorted ascending': t('table.sortedAscending'),
    'Sorted descending': t('table.sortedDescending'),
    'Not sorted': t('table.notSorted'),
  };
  const key = JSON.stringify(words);
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const map = JSON.parse(key) as Record<string, string>;
    const relabel = () => {
      for (const el of root.querySelectorAll<HTMLElement>('[aria-label]')) {
        const own = map[el.getAttribute('aria-label') ?? ''];
        // Only a change: setting the same value would be a mutation too, and loop.
        if (own && own !== el.getAttribute('aria-label')) el.setAttribute('aria-label', own);
      }
    };
    relabel();
    const observer = new MutationObserver(relabel);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, [key]);

  const { capped, ...rest } = props;
  const paging =
    'page' in rest && rest.page !== undefined
      ? {
          recordsPerPageOptions: [...PAGE_SIZES],
          recordsPerPageLabel: t('table.perPage'),
          paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
            t(capped ? 'table.paginationCapped' : 'table.pagination', { from: f.number(from), to: f.number(to), total: f.number(totalRecords) }),
          paginationSize: 'xs' as const,
          getPaginationControlProps: (control: 'first' | 'last' | 'previous' | 'next') => ({ 'aria-label': t(`table.${control}Page`) }),
          getPaginationItemProps: (page: number) => ({ 'aria-label': t('table.page', { page: f.number(page) }) }),
        }
      : {};
  return (
    <div ref={wrapper}>
      <DataTable<T>
        withTableBorder
        borderRadius="sm"
        verticalSpacing={6}
        horizontalSpacing="sm"
        highlightOnHover
        noRecordsText={t('table.noRecords')}
        {...(paging as object)}
        {...(rest as unknown as DataTableProps<T>)}
      />
    </div>
  );
}
