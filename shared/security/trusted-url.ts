/**
 * Whether a URL belongs to the app itself: the packaged renderer (file: inside the app) or, in
 * development only, the local dev server. Everything else — other hosts, look-alike hosts,
 * credentials tricks, other schemes — is foreign. Used for navigation and for IPC senders.
 */
export function isInternalUrl(raw: string, devServerUrl: string | null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return url.host === '' && url.username === '' && url.password === '';
  if (devServerUrl === null) return false;
  let dev: URL;
  try {
    dev = new URL(devServerUrl);
  } catch {
    return false;
  }
  const loopback = dev.hostname === 'localhost' || dev.hostname === '127.0.0.1';
  return (
    loopback &&
    url.protocol === dev.protocol &&
    url.hostname === dev.hostname &&
    url.port === dev.port &&
    url.username === '' &&
    url.password === ''
  );
}
