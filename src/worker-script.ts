/**
 * The entry file of a worker thread that sits beside the module starting it, as `base` (that module's
 * `import.meta.url`) runs: the compiled `name.js` in a build (`dist/`), or the `name.mjs` shim that registers
 * tsx when running from the TypeScript sources (tests, `npm run dev`), since a worker does not inherit the
 * host's TypeScript loader.
 */
export function workerScript(name: string, base: string): URL {
  return new URL(base.endsWith(".ts") ? `./${name}.mjs` : `./${name}.js`, base);
}
