import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../webhost/security';
import { contentType, staticFile } from '../webhost/static-files';

/**
 * The window loads the renderer from app://workstation/, not from file://. The packaged app
 * turns off the grantFileProtocolExtraPrivileges fuse (electron-builder.yml), after which file://
 * pages are treated as a browser treats them: an opaque origin whose module scripts are refused.
 * A standard, secure scheme of our own gives the page a real origin ('self' in the CSP), serves
 * only the renderer's folder, and sends the same security headers as the web host.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workstation`;

/** Before the app is ready: the scheme must be known to be standard and secure. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After ready: app://workstation/<path> answers with that file of rendererDir (or index.html). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'workstation' ? await staticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      // Electron's fs reads inside app.asar.
      const data = await readFile(file);
      return new Response(new Uint8Array(data), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
    } catch {
      return new Response(`The app is not built: ${file} is missing.`, { status: 404 });
    }
  });
}
