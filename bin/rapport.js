#!/usr/bin/env node
// The `rapport` command. Node 24 runs the TypeScript sources directly; the project installs that Node itself
// (the `node` package), and npm scripts and npx put it first on the PATH.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `rapport needs Node 24 and this is Node ${process.versions.node}. ` +
      'Run it through npm (`npm start`, `npx rapport …`), which uses the Node 24 installed with the project.',
  );
  process.exit(1);
}
import('../src/cli/main.ts').catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
