import type { Feature } from '../registry';
import { TimelineView } from './TimelineView';

/**
 * An incident's timeline (view 'timeline', id = the incident's id). No navigation entry: it opens
 * from an incident's page and from "Exports & imports".
 */
export const feature: Feature = {
  name: 'timeline',
  views: {
    timeline: ({ id }) => (id ? <TimelineView key={id} id={id} /> : null),
  },
};
