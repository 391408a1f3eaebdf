import { create } from 'zustand';
import type { ConnectionState } from '../api';

interface ConnectionStore {
  state: ConnectionState;
  /** Set once the event channel has been open at least once: a first 'connecting' is not an outage. */
  everOpen: boolean;
}

export const useConnection = create<ConnectionStore>(() => ({ state: 'connecting', everOpen: false }));
