/** Reads a text file next to the app; rejects on any failure. */
export type ReadText = (url: string) => Promise<string>;

/**
 * XMLHttpRequest, not fetch: a packaged TV app runs from `file://`, where the TV engines let
 * XHR read the app's own files but `fetch` refuses the scheme.
 */
export const readTextWithXhr: ReadText = (url) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.timeout = 5000;
    xhr.onload = () => {
      // status 0 with a body is how file:// answers.
      if ((xhr.status >= 200 && xhr.status < 300) || (xhr.status === 0 && xhr.responseText)) resolve(xhr.responseText);
      else reject(new Error(`HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.ontimeout = () => reject(new Error('timed out'));
    xhr.send();
  });
