import type { Feature } from '../registry';

/**
 * The record panels shared by every detail page (components/records: history, links, attachments,
 * clocks). No view of its own: this folder exists so their strings load as the 'records' namespace.
 */
export const feature: Feature = { name: 'records', views: {} };
