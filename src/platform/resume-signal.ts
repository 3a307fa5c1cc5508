import type { Platform } from './platform';

/**
 * Calls back when the app comes back to the front: the page turns visible again (TVs pause
 * hidden apps' timers) or the platform relaunches it while running. Returns an unsubscribe.
 */
export function onResume(doc: Document, platform: Pick<Platform, 'onRelaunch'>, listener: () => void): () => void {
  const onVisibility = (): void => {
    if (doc.visibilityState === 'visible') listener();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  const stopRelaunch = platform.onRelaunch(() => listener());
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    stopRelaunch();
  };
}
