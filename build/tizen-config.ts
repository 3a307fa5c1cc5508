const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every `<access …/>` line of config.xml, with its indentation. */
const ACCESS_LINES = /^([ \t]*)<access\b[^>]*\/>[ \t]*\r?\n/gm;
const CSP_ELEMENT = /(<tizen:content-security-policy>)[\s\S]*?(<\/tizen:content-security-policy>)/;

/**
 * The packaged config.xml: one WARP `<access>` per API origin (Tizen refuses any other network
 * request) in place of the committed ones, and the app's CSP in `<tizen:content-security-policy>`.
 */
export function renderTizenConfig(xml: string, { origins, csp }: { origins: readonly string[]; csp: string }): string {
  const first = new RegExp(ACCESS_LINES.source, 'm').exec(xml);
  if (!first) throw new Error('tizen/config.xml has no <access> element to replace');
  if (!CSP_ELEMENT.test(xml)) throw new Error('tizen/config.xml has no <tizen:content-security-policy>');
  const indent = first[1] ?? '';
  const access = origins.map((origin) => `${indent}<access origin="${escapeXml(origin)}" subdomains="false"/>\n`).join('');
  let placed = false;
  return xml
    .replace(ACCESS_LINES, () => {
      if (placed) return '';
      placed = true;
      return access;
    })
    .replace(CSP_ELEMENT, (_all, open: string, close: string) => `${open}${escapeXml(csp)}${close}`);
}
