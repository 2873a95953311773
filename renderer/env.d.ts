import type { DesktopApi } from '@shared/api/desktop';
import type { WindowApi } from '@shared/api/window';

declare global {
  interface Window {
    /** Present inside Electron (set by the preload); absent in the web harness. */
    api?: WindowApi;
    /** Native dialogs, printer and Explorer: Electron only. */
    desktop?: DesktopApi;
  }
}
