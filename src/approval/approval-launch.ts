import { createLogger } from '../log/log';
import { parseUrl } from '../net/http';
import { launchText } from '../platform/launch-params';
import type { LaunchParams } from '../platform/platform';

const log = createLogger('approval');

/** What a launch can carry for approval (CONTRACT §5). Both are secrets: memory only. */
export interface ApprovalLaunch {
  magicLink?: string;
  userToken?: string;
}

const SECRET_PARAMS = ['magicLink', 'userToken'] as const;

export function readApprovalLaunch(params: LaunchParams): ApprovalLaunch {
  return { magicLink: launchText(params['magicLink']), userToken: launchText(params['userToken']) };
}

/**
 * Reads `?magicLink=` / `?userToken=` from the page URL once and removes them with
 * `history.replaceState`, so a secret never lingers in the history, a bookmark or a reload.
 */
export function takeApprovalLaunchFromUrl(location: Pick<Location, 'href'>, history: Pick<History, 'replaceState' | 'state'>): ApprovalLaunch {
  const url = parseUrl(location.href);
  if (!url) return {};
  const launch = { magicLink: launchText(url.searchParams.get('magicLink') ?? undefined), userToken: launchText(url.searchParams.get('userToken') ?? undefined) };
  if (SECRET_PARAMS.some((name) => url.searchParams.has(name))) {
    SECRET_PARAMS.forEach((name) => url.searchParams.delete(name));
    try {
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    } catch (error) {
      // Some engines refuse history changes on file:// pages; the link is still used, once.
      log.warn(`the launch parameters could not be removed from the page URL (${error instanceof Error ? error.name : typeof error})`);
    }
  }
  return launch;
}

/** The platform's launch parameters win; the URL fills what they lack. */
export function mergeApprovalLaunch(first: ApprovalLaunch, second: ApprovalLaunch): ApprovalLaunch {
  return { magicLink: first.magicLink ?? second.magicLink, userToken: first.userToken ?? second.userToken };
}
