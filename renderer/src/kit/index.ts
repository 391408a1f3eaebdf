/**
 * The register kit: every register's screens are built from these parts, driven by the
 * register's declaration (shared/registers) and a small description of its own (columns, filters,
 * form sections, words). See README › "How to add a register".
 *
 * - List: createRegisterList (store) + RegisterList (table, filter bar, paging, saved views, empty states)
 * - Detail: useRecord (load) + DetailFrame (header, badges, actions, panels) + RecordActions + Panel/FactList
 * - Form: createEditorStore + EditorDrawer + useRecordForm + FormFrame (sections, zod messages, dirty guard)
 * - Parts: StatusBadge, DueLine, DialogForm (+ useInstantField), ChangeDialog (when + words, as data), FormAside, KitTable
 */
export { createRegisterList, emptyFilters, hasActiveFilters, PAGE_SIZES, type FilterValue, type ListFilters, type RegisterListStore } from './listStore';
export { registerScreens, type RegisterScreens } from './screens';
export { RegisterList, type ListDescription, type ListRecord } from './RegisterList';
export { PeriodFilter, useSettledText, type FilterUi } from './FilterBar';
export { KitTable } from './KitTable';
export { instantColumn, InstantText, statusColumn, textColumn } from './columns';
export { BackLink, DetailFrame, PageNotReady, type DetailParts } from './DetailFrame';
export { useRecord } from './useRecord';
export { recordPage, registerListPage, type PageTools } from './pages';
export { RecordActions, recordChangedHandler } from './RecordActions';
export { CallButton } from './CallButton';
export { RecordPanels } from './RecordPanels';
export { Panel, PanelTitle, FactList, LongText, type FactRow } from './Panel';
export { createEditorStore, type EditorState, type EditorStore } from './editorStore';
export { EditorDrawer, useEditorGuard } from './EditorDrawer';
export { useRecordForm, messagesOf, validateFields, patchBetween, type RecordForm, type RecordFormConfig } from './recordForm';
export { FormFrame, FormSection, type FormSectionSpec } from './FormFrame';
export { FormAside } from './FormAside';
export { useInstantField } from './instantField';
export { useDialogValues } from './dialogValues';
export { schemaField, fieldRules } from './fields';
export { DialogForm, FormButtons } from './DialogForm';
export { ChangeDialog, type ChangeText, type ChangeWhen } from './ChangeDialog';
export { StatusBadge } from './StatusBadge';
export { statusTone } from './statusTone';
export { WarningLine } from './WarningLine';
export { CLOCK_LOOKS, clockLookIcon, type ClockLookName } from './clockLooks';
export { DueLine, dueWords, type DueWords } from './DueLine';
export { labelsFor, useLabels, useKitT, kitT, KIT_NS, type Labels } from './labels';
