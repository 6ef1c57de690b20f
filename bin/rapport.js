#!/usr/bin/env node
// The `rapport` command. Node 24 runs the TypeScript sources directly.
import('../src/cli/main.ts').catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
