// Regenerates (or with --check verifies) each package's api-extractor report `<name>.api.md`.
// Needs the packages built first (`npm run build`): reports are made from dist/*.d.ts.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const root = new URL('..', import.meta.url).pathname;
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let failed = 0;
for (const pattern of rootPkg.workspaces) {
  const folders = pattern.endsWith('/*')
    ? (await import('node:fs')).readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(pattern.slice(0, -2), d.name))
    : [pattern];
  for (const folder of folders) {
    const configPath = join(root, folder, 'api-extractor.json');
    if (!existsSync(configPath)) continue;
    const config = ExtractorConfig.loadFileAndPrepare(configPath);
    const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
    const status = result.succeeded ? (result.apiReportChanged ? (check ? 'STALE' : 'updated') : 'ok') : 'FAILED';
    console.log(`${folder.padEnd(24)} ${status}`);
    if (!result.succeeded) failed++;
  }
}
if (failed) {
  console.error(check ? `${failed} API report(s) stale or broken: run \`npm run build && npm run api\` and commit the *.api.md changes.` : `${failed} package(s) failed`);
  process.exit(1);
}
