import { ENDPOINTS } from '../faults.js';

/** The tester's control page: one self-contained HTML document (no build, no external
 * assets). Every server-provided string is inserted with textContent / text nodes, never
 * as HTML, so a device that reports `<img onerror=…>` as its OS cannot run script here.
 * The script avoids backticks and `${` because it lives inside this template literal. */
export const ADMIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reference API: tester's control page</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 1rem auto; max-width: 1400px; padding: 0 1rem; color: #111; background: #f4f4f4; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
  section { background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #e2e2e2; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
  button { padding: .3rem .7rem; margin: .1rem .15rem .1rem 0; cursor: pointer; }
  input, select, textarea { padding: .2rem .3rem; }
  :focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
  label { display: inline-block; margin: .2rem 1rem .2rem 0; }
  textarea { display: block; width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; }
  .mono { font-family: ui-monospace, monospace; word-break: break-all; }
  .mac { white-space: nowrap; }
  .muted { color: #555; }
  .error { color: #b00020; font-weight: bold; }
  .ok { color: #0a6b2c; }
  .banned { color: #b00020; }
  td input[type=number] { width: 6em; }
</style>
</head>
<body>
<h1>Reference API: tester's control page</h1>
<p class="muted">Lists refresh every 2 seconds. <span id="status" role="status" aria-live="polite"></span></p>

<section aria-labelledby="settings-title">
  <h2 id="settings-title">Settings</h2>
  <p><button type="button" id="dm-toggle" aria-pressed="false">device_management</button>
     <span class="muted">what <span class="mono">/api/base/configs</span> answers; add and check keep answering either way</span></p>
  <p><label>Flag form in <span class="mono">/api/base/configs</span>
     <select id="dm-form">
       <option value="number">data.device_management = 1 (number)</option>
       <option value="string">data.device_management = "1" (string)</option>
       <option value="top-level">device_management at the top level only</option>
     </select></label></p>
  <form id="settings">
    <label>Registration lifetime (seconds) <input name="registrationLifetimeSeconds" type="number" min="0" max="315360000" step="1" required></label>
    <label>api_refresh_interval (seconds) <input name="apiRefreshInterval" type="number" min="0" step="1" required></label>
    <label>Registrations per minute per client (0 = unlimited) <input name="rateLimit" type="number" min="0" step="1" required></label>
    <label for="feature-flags">feature_flags (JSON object)</label>
    <textarea id="feature-flags" name="featureFlags" rows="4" spellcheck="false"></textarea>
    <p><button type="submit">Save settings</button>
       <button type="button" id="reload-settings">Reload from server</button>
       <button type="button" id="reset">Reset everything…</button></p>
  </form>
</section>

<section aria-labelledby="devices-title">
  <h2 id="devices-title">Devices</h2>
  <label>Ban message (blank = default) <input id="ban-message" size="60" placeholder="Your device has been banned. Please contact support."></label>
  <table>
    <thead><tr><th>MAC</th><th>OS</th><th>Firmware</th><th>Type</th><th>App</th><th>Approved</th><th>Ban</th><th>Last check</th><th>Actions</th></tr></thead>
    <tbody id="devices"></tbody>
  </table>
</section>

<section aria-labelledby="registrations-title">
  <h2 id="registrations-title">Registrations</h2>
  <table>
    <thead><tr><th>Registration</th><th>Installation</th><th>mac_addr</th><th>Other IDs</th><th>App</th><th>Token</th><th>Created</th><th>Expires</th></tr></thead>
    <tbody id="registrations"></tbody>
  </table>
</section>

<section aria-labelledby="links-title">
  <h2 id="links-title">Magic links (approve device)</h2>
  <form id="magic">
    <label>Lifetime (seconds) <input name="lifetimeSeconds" type="number" min="0" max="315360000" step="1" value="900" required></label>
    <button type="submit">Make a magic link</button>
  </form>
  <p>New link: <output id="new-link" class="mono"></output> <span id="new-link-expiry" class="muted"></span></p>
  <table>
    <thead><tr><th>Link</th><th>Created</th><th>Expires</th><th>State</th></tr></thead>
    <tbody id="links"></tbody>
  </table>
</section>

<section aria-labelledby="faults-title">
  <h2 id="faults-title">Faults</h2>
  <p class="muted">Blank fields are left out. status/body/errorCode replace the answer; delayMs delays it; drop closes the connection; times = how many requests (blank = until cleared).</p>
  <table>
    <thead><tr><th>Endpoint</th><th>status</th><th>delayMs</th><th>body</th><th>drop</th><th>retryAfter</th><th>errorCode</th><th>times</th><th>Actions</th><th>Active fault</th></tr></thead>
    <tbody id="faults"></tbody>
  </table>
</section>

<section aria-labelledby="log-title">
  <h2 id="log-title">Recent requests</h2>
  <p id="counts" class="muted"></p>
  <p><button type="button" id="clear-log">Clear request log</button></p>
  <table>
    <thead><tr><th>Time</th><th>Endpoint</th><th>Method</th><th>Path</th><th>Status</th><th>Authorization</th><th>Body</th></tr></thead>
    <tbody id="requests"></tbody>
  </table>
</section>

<script>
(function () {
  'use strict';
  var ENDPOINTS = ${JSON.stringify(ENDPOINTS)};
  var byId = function (id) { return document.getElementById(id); };
  var statusLine = byId('status');
  var settingsForm = byId('settings');
  var latest = null;

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? 'error' : 'ok';
  }

  async function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var response = await fetch('/admin/api/' + path, init);
    var data = await response.json();
    if (!response.ok) throw new Error(data.detail || ('HTTP ' + response.status));
    return data;
  }

  /* Runs an admin action and reports its outcome in the status line. */
  async function act(label, work) {
    try {
      await work();
      say(label + ': done', false);
      await refresh();
    } catch (error) {
      say(label + ' failed: ' + error.message, true);
    }
  }

  /* Builds an element; strings become text nodes, never markup. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === 'onclick') node.addEventListener('click', props[key]);
      else if (key === 'text') node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function when(iso) {
    if (!iso) return 'never';
    var date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
  }

  /* Replaces a table body only when its data changed, and puts keyboard focus back on the
     same control, so a refresh never steals focus from someone using the keyboard. */
  function fill(tbodyId, items, toRow, emptyText, columns) {
    var tbody = byId(tbodyId);
    var signature = JSON.stringify(items);
    if (tbody.getAttribute('data-signature') === signature) return;
    tbody.setAttribute('data-signature', signature);
    var active = document.activeElement;
    var focusKey = active && tbody.contains(active) ? active.getAttribute('data-focus') : null;
    var rows = items.length ? items.map(toRow) : [el('tr', {}, [el('td', { colspan: String(columns), class: 'muted', text: emptyText })])];
    tbody.replaceChildren.apply(tbody, rows);
    if (focusKey) {
      var again = Array.prototype.find.call(tbody.querySelectorAll('[data-focus]'), function (n) { return n.getAttribute('data-focus') === focusKey; });
      if (again) again.focus();
    }
  }

  function cells(values) {
    return values.map(function (value) { return el('td', {}, [value === null || value === undefined ? '' : value]); });
  }

  function button(text, focusKey, onclick) {
    return el('button', { type: 'button', 'data-focus': focusKey, onclick: onclick, text: text });
  }

  function deviceRow(device) {
    var path = 'devices/' + encodeURIComponent(device.key);
    var actions = el('td', {}, [
      button('Ban', 'ban:' + device.key, function () {
        act('Ban ' + device.mac_address, function () { return api('POST', path + '/ban', { message: byId('ban-message').value }); });
      }),
      button('Unban', 'unban:' + device.key, function () {
        act('Unban ' + device.mac_address, function () { return api('POST', path + '/unban'); });
      }),
      button('Delete', 'delete:' + device.key, function () {
        if (confirm('Delete device ' + device.mac_address + '?')) act('Delete ' + device.mac_address, function () { return api('DELETE', path); });
      }),
    ]);
    var ban = device.banned ? el('span', { class: 'banned', text: 'banned: ' + device.ban_message }) : 'no';
    return el('tr', {}, cells([
      el('span', { class: 'mono mac', text: device.mac_address }), device.device_os, device.device_version, device.device_type,
      device.app_name + ' ' + device.app_version, device.approved ? 'yes' : 'no', ban, when(device.last_check_at),
    ]).concat([actions]));
  }

  function registrationRow(reg) {
    var request = reg.request || {};
    var others = ['generic_id', 'device_id', 'imei'].filter(function (k) { return request[k]; })
      .map(function (k) { return k + ': ' + request[k]; }).join(', ');
    return el('tr', {}, cells([
      el('span', { class: 'mono', text: reg.registration_id }), el('span', { class: 'mono', text: reg.installation_id || '' }),
      el('span', { class: 'mono mac', text: reg.mac_addr || '' }), others,
      [request.app_name, request.app_version].filter(Boolean).join(' '), reg.device_token_tail,
      when(reg.registration_timestamp), when(reg.expires_at) + (reg.expired ? ' (expired)' : ''),
    ]));
  }

  function linkRow(link) {
    var state = link.used_at ? 'used ' + when(link.used_at) : link.expired ? 'expired' : 'usable';
    return el('tr', {}, cells([el('span', { class: 'mono', text: link.link }), when(link.created_at), when(link.expires_at), state]));
  }

  function requestRow(entry) {
    var body = entry.body === null ? '' : JSON.stringify(entry.body);
    return el('tr', {}, cells([
      when(entry.time), entry.endpoint, entry.method, el('span', { class: 'mono', text: entry.path }),
      (entry.status === null ? 'dropped' : String(entry.status)) + (entry.fault ? ' (fault)' : ''),
      entry.authorization || '', el('span', { class: 'mono', text: body.length > 300 ? body.slice(0, 300) + '…' : body }),
    ]));
  }

  /* The fault editor rows are built once, so typing is never interrupted by a refresh. */
  function buildFaultRows() {
    var rows = ENDPOINTS.map(function (name) {
      var id = function (field) { return 'fault-' + name + '-' + field; };
      var input = function (field, type, label) { return el('input', { id: id(field), type: type, 'aria-label': name + ' ' + label }); };
      var bodySelect = el('select', { id: id('body'), 'aria-label': name + ' body' },
        ['', 'json', 'html', 'truncated', 'empty'].map(function (v) { return el('option', { value: v, text: v || '(real)' }); }));
      var set = button('Set', 'fault-set:' + name, function () {
        var fault = {};
        ['status', 'delayMs', 'times'].forEach(function (field) {
          var value = byId(id(field)).value.trim();
          if (value !== '') fault[field] = Number(value);
        });
        ['retryAfter', 'errorCode'].forEach(function (field) {
          var value = byId(id(field)).value.trim();
          if (value !== '') fault[field] = value;
        });
        if (byId(id('body')).value) fault.body = byId(id('body')).value;
        if (byId(id('drop')).checked) fault.drop = true;
        act('Fault on ' + name, function () { return api('POST', 'faults/' + name, fault); });
      });
      var clear = button('Clear', 'fault-clear:' + name, function () {
        act('Clear fault on ' + name, function () { return api('DELETE', 'faults/' + name); });
      });
      return el('tr', {}, [
        el('th', { scope: 'row', text: name }),
        el('td', {}, [input('status', 'number', 'status')]), el('td', {}, [input('delayMs', 'number', 'delay in ms')]),
        el('td', {}, [bodySelect]), el('td', {}, [input('drop', 'checkbox', 'drop the connection')]),
        el('td', {}, [input('retryAfter', 'text', 'Retry-After')]), el('td', {}, [input('errorCode', 'text', 'error code')]),
        el('td', {}, [input('times', 'number', 'times')]), el('td', {}, [set, clear]),
        el('td', { id: id('active'), class: 'mono' }, []),
      ]);
    });
    byId('faults').replaceChildren.apply(byId('faults'), rows);
  }

  var SETTING_FIELDS = ['registrationLifetimeSeconds', 'apiRefreshInterval', 'rateLimit', 'featureFlags'];
  /* The text showSettings last put in each field: a field that still holds it is not edited. */
  var shown = {};

  function showSettings(settings) {
    SETTING_FIELDS.forEach(function (name) {
      var value = settings[name];
      shown[name] = name === 'featureFlags' ? JSON.stringify(value, null, 2) : String(value);
      if (settingsForm.elements[name].value !== shown[name]) settingsForm.elements[name].value = shown[name];
    });
  }

  /* The fields the tester changed since the form last showed the server's settings. */
  function editedSettings() {
    return SETTING_FIELDS.filter(function (name) { return settingsForm.elements[name].value !== shown[name]; });
  }

  function render(state) {
    var on = state.settings.device_management === 1;
    var toggle = byId('dm-toggle');
    toggle.textContent = 'device_management = ' + (on ? '1 (enabled): switch to 0' : '0 (disabled): switch to 1');
    toggle.setAttribute('aria-pressed', String(on));
    if (document.activeElement !== byId('dm-form')) byId('dm-form').value = state.settings.configsForm;
    fill('devices', state.devices, deviceRow, 'No devices yet.', 9);
    fill('registrations', state.registrations, registrationRow, 'No registrations yet.', 8);
    fill('links', state.magicLinks.slice().reverse(), linkRow, 'No magic links yet.', 4);
    ENDPOINTS.forEach(function (name) {
      var fault = state.faults[name];
      byId('fault-' + name + '-active').textContent = fault ? JSON.stringify(fault) : 'none';
    });
    byId('counts').textContent = 'Requests since reset: ' + (ENDPOINTS.map(function (name) {
      return name + ' ' + (state.requestCounts[name] || 0);
    }).join(' · '));
  }

  var refreshing = false;
  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      var state = await api('GET', 'state');
      var log = await api('GET', 'requests?last=50');
      // The form follows the server (another tab, a test, a reset) until the tester edits it.
      if (!latest || editedSettings().length === 0) showSettings(state.settings);
      latest = state;
      render(state);
      fill('requests', log.requests.slice().reverse(), requestRow, 'No requests yet.', 7);
      if (statusLine.textContent === 'Server unreachable') say('', false);
    } catch (error) {
      say('Server unreachable', true);
    } finally {
      refreshing = false;
    }
  }

  byId('dm-toggle').addEventListener('click', function () {
    var next = latest && latest.settings.device_management === 1 ? 0 : 1;
    act('device_management = ' + next, function () { return api('POST', 'settings', { device_management: next }); });
  });
  byId('dm-form').addEventListener('change', function (event) {
    var form = event.target.value;
    act('flag form = ' + form, function () { return api('POST', 'settings', { configsForm: form }); });
  });
  /* Sends only the edited fields, so a setting changed elsewhere since is not put back. */
  settingsForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var changes = {};
    try {
      editedSettings().forEach(function (name) {
        var value = settingsForm.elements[name].value;
        changes[name] = name === 'featureFlags' ? JSON.parse(value) : Number(value);
      });
    } catch (error) {
      say('feature_flags is not valid JSON: ' + error.message, true);
      return;
    }
    act('Save settings', async function () {
      showSettings((await api('POST', 'settings', changes)).settings);
    });
  });
  byId('reload-settings').addEventListener('click', function () {
    if (latest) showSettings(latest.settings);
  });
  byId('reset').addEventListener('click', function () {
    if (!confirm('Reset devices, registrations, magic links, settings, faults and the request log?')) return;
    act('Reset', async function () {
      await api('POST', 'reset');
      latest = null;
    });
  });
  byId('magic').addEventListener('submit', function (event) {
    event.preventDefault();
    var lifetime = Number(event.target.elements.lifetimeSeconds.value);
    act('Magic link', async function () {
      var made = await api('POST', 'magic-links', { lifetimeSeconds: lifetime });
      byId('new-link').textContent = made.link;
      byId('new-link-expiry').textContent = 'expires ' + when(made.expires_at);
    });
  });
  byId('clear-log').addEventListener('click', function () {
    act('Clear request log', function () { return api('DELETE', 'requests'); });
  });

  buildFaultRows();
  refresh();
  setInterval(refresh, 2000);
})();
</script>
</body>
</html>
`;
