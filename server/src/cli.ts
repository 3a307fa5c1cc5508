#!/usr/bin/env node
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REGISTER_TOKEN, DEFAULT_USER_TOKEN } from './api.js';
import { startReferenceServer } from './index.js';
import { shownToken } from './redact.js';

const USAGE = `Usage: node server/dist/cli.js [options]

  --port N             port to listen on (default: $PORT, else 8787; 0 = any free port)
  --host HOST          address to bind (default 127.0.0.1; 0.0.0.0 = reachable from a TV)
  --state FILE         keep state in this JSON file across restarts
  --static DIR         also serve the built app from DIR (e.g. dist)
  --register-token T   Bearer token for /api/v1/device_app_register/
  --user-token T       Bearer token for /devices/approve/…
  --quiet              no request logging
  --help               this text`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port number: ${text}`);
  return port;
}

/** Where a TV on the LAN can reach a server bound to all interfaces. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        state: { type: 'string' },
        static: { type: 'string' },
        'register-token': { type: 'string' },
        'user-token': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const host = args.host ?? '127.0.0.1';
  const server = await startReferenceServer({
    port: parsePort(args.port ?? process.env['PORT'] ?? '8787'),
    host,
    stateFile: args.state === undefined ? undefined : resolve(args.state),
    staticDir: args.static === undefined ? undefined : resolve(args.static),
    registerToken: args['register-token'],
    userToken: args['user-token'],
    quiet: args.quiet,
  });
  const bases = host === '0.0.0.0' || host === '::' ? [`http://localhost:${server.port}`, ...lanAddresses().map((a) => `http://${a}:${server.port}`)] : [server.url];
  console.log('Reference API server');
  for (const base of bases) {
    if (args.static !== undefined) console.log(`  app:    ${base}/`);
    console.log(`  API:    ${base}/api/  (${base}/api/base/configs)`);
    console.log(`  admin:  ${base}/admin`);
  }
  console.log(`  register token: ${shownToken(args['register-token'] ?? DEFAULT_REGISTER_TOKEN, DEFAULT_REGISTER_TOKEN)}`);
  console.log(`  user token:     ${shownToken(args['user-token'] ?? DEFAULT_USER_TOKEN, DEFAULT_USER_TOKEN)}`);
  if (args.state !== undefined) console.log(`  state:  ${resolve(args.state)}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: writing state and stopping…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
