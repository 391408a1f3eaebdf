const STORAGE_KEY = 'privacyops.webhost.token';

/**
 * The web host prints its URL as /?token=…. The token is kept for this tab only (sessionStorage)
 * and removed from the address bar so it does not end up in screenshots, bookmarks or history.
 * A token in the URL always wins: a restarted host prints a new one.
 */
export function takeWebHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
