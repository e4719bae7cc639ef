#!/usr/bin/env node
// `npx dagsorden <command>`: runs the TypeScript command line through tsx (no build step).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./dagsorden.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
