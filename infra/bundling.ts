/**
 * How every function is bundled, in one place: the CDK stack (NodejsFunction) and the
 * cold-start benchmark (plain esbuild) both read these values. Plain data, no CDK import.
 */
export const bundling = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  sourcemap: true,
  /** Prefer ESM entry points so unused SDK code can be tree-shaken. */
  mainFields: ['module', 'main'],
  /** The AWS SDK is bundled, not taken from the runtime: pinned versions, smaller cold start. */
  external: [] as string[],
  /** ESM bundles that pull CommonJS dependencies need `require`. */
  banner: "import { createRequire as __cfCreateRequire } from 'node:module'; const require = __cfCreateRequire(import.meta.url);",
} as const;

/** The same settings as esbuild BuildOptions. */
export const esbuildOptions = {
  bundle: true,
  format: bundling.format,
  platform: bundling.platform,
  target: bundling.target,
  minify: bundling.minify,
  sourcemap: bundling.sourcemap,
  mainFields: [...bundling.mainFields],
  external: [...bundling.external],
  banner: { js: bundling.banner },
  logLevel: 'warning',
} as const;
