/** Whether the live event channel to the core is up. IPC is always up; the WebSocket can drop. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export type ConnectionListener = (state: ConnectionState) => void;
