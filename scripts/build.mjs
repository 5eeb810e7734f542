// Compiles src/ and adapters/ to dist/ so `npm start` and `npm run ask` run plain JavaScript.
// Why: tsx costs ~300 ms on every start (`node --import tsx -e 0` ~430 ms vs `node -e 0` ~137 ms),
// and `ask` answering one question took ~1,040 ms through tsx against ~580 ms compiled.
// Transpiles only, one .js per .ts at the same relative path (no bundling), so `import.meta.url`
// still names the file it was written in and relative imports resolve as they do in source.
// Type checking stays with `npm run typecheck`. Prints nothing on success; on failure, esbuild's
// message on stderr and a non-zero exit.
//
// One exception: `ask` (dist/adapters/console/ask.js), a process started to answer and exit, is
// bundled with the packages it imports into that one file (BUNDLED). Loading some 250 files one by
// one, zod's alone 95, was 150–250 ms of its ~0.9 s from spawn to first answer. Packages it
// resolves at run time (createRequire: tinyld, pino, the word lists) still load from
// node_modules, which a bundle in dist/ finds as the source would.
//
// `--if-changed` (what `npm start` and `npm run ask` use) compiles only when a source file was
// added, removed or changed since the last build, so a start pays a few file stats, not a build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'adapters'];
const OUT = path.join(ROOT, 'dist');
/** What dist/ was built from: each source file with its size and modification time. */
const FINGERPRINT = path.join(OUT, '.sources');
/** Entry points bundled into one file each, at the place their transpiled file would have. */
const BUNDLED = ['adapters/console/ask.ts'];

/** Every .ts file (declarations aside) under the source folders, relative to the root. */
function typeScriptFiles() {
  return sourceFiles((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
}

/** Files a page serves as they are (the web console's styles and script), copied beside the compiled code. */
function assetFiles() {
  return sourceFiles((file, dir) => file.split(path.sep).includes('public') && statSync(path.join(ROOT, dir, file)).isFile());
}

function sourceFiles(wanted) {
  return SOURCES.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => wanted(file, dir))
      .map((file) => path.join(dir, file)),
  ).sort();
}

function fingerprintOf(files) {
  return files.map((file) => {
    const { size, mtimeMs } = statSync(path.join(ROOT, file));
    return `${file} ${size} ${mtimeMs}`;
  }).join('\n');
}

async function compile(files, assets, fingerprint) {
  const { build } = await import('esbuild');
  // Built beside dist/ and swapped in, so a bot starting meanwhile never finds dist/ half written,
  // and a file removed from the source does not linger in dist/ and keep running.
  const next = `${OUT}.next`;
  rmSync(next, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: files,
    outdir: next,
    outbase: '.',
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  await build({
    absWorkingDir: ROOT,
    entryPoints: BUNDLED,
    outdir: next,
    outbase: '.',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    allowOverwrite: true,
    // The CommonJS packages in the bundle (dotenv, pg) call require(), which an ES module lacks.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
  for (const asset of assets) {
    mkdirSync(path.dirname(path.join(next, asset)), { recursive: true });
    copyFileSync(path.join(ROOT, asset), path.join(next, asset));
  }
  writeFileSync(path.join(next, '.sources'), fingerprint);
  rmSync(OUT, { recursive: true, force: true });
  renameSync(next, OUT);
}

try {
  const files = typeScriptFiles();
  const assets = assetFiles();
  const fingerprint = fingerprintOf([...files, ...assets]);
  const unchanged = process.argv.includes('--if-changed') && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, 'utf8') === fingerprint;
  if (!unchanged) await compile(files, assets, fingerprint);
} catch (err) {
  const errors = /** @type {{ errors?: import('esbuild').Message[] }} */ (err).errors;
  if (errors?.length) {
    const { formatMessages } = await import('esbuild');
    process.stderr.write((await formatMessages(errors, { kind: 'error', color: process.stderr.isTTY })).join(''));
  } else process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
