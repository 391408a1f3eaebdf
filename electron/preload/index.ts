import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The only thing the renderer gets from Electron: call a contract method, hear core events.
 * Everything is validated again in the main process.
 */
const bridge = {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api:call', method, input),
  onEvent: (listener: (msg: { event: string; payload: unknown }) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, msg: { event: string; payload: unknown }) => listener(msg);
    ipcRenderer.on('api:event', handler);
    return () => ipcRenderer.off('api:event', handler);
  },
};

contextBridge.exposeInMainWorld('privacyops', bridge);
