// `npm run bench`: Node 20 cannot run TypeScript itself, so the bench (and the reference server
// it imports) is loaded through Vite's module runner, the same transform the app is built with.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./main.ts', import.meta.url).pathname);
await module.main();
