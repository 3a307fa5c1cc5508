import type { AppConfig } from './config';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The configured URLs that may carry tokens or identify the TV, by key path. */
function apiUrls(config: AppConfig): Array<[path: string, url: string]> {
  return [
    ['deviceApi.baseUrl', config.deviceApi.baseUrl],
    ['deviceApi.configsPath', config.deviceApi.configsPath],
    ['deviceApi.addPath', config.deviceApi.addPath],
    ['deviceApi.checkPath', config.deviceApi.checkPath],
    ['registerApi.url', config.registerApi.url],
    ['approveApi.url', config.approveApi.url],
    ['pingUrl', config.pingUrl],
  ];
}

/**
 * Key paths whose value is an absolute `http:` URL to a host other than this machine. Relative
 * paths follow the app's own origin, which the operator chose; an absolute plain-HTTP URL would
 * send Bearer tokens and the TV's identity in clear text.
 */
export function insecureUrlKeys(config: AppConfig): string[] {
  return apiUrls(config)
    .filter(([, url]) => {
      const match = /^http:\/\/([^/?#]*)/i.exec(url.trim());
      if (!match) return false;
      const host = match[1].replace(/^[^@]*@/, '').replace(/:\d*$/, '').toLowerCase();
      return !LOOPBACK_HOSTS.includes(host);
    })
    .map(([path]) => path);
}
