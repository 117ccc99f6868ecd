// `process` for dist/web/extension.js (injected by scripts/esbuild-web.mjs): a web worker has none, and
// the bundled libraries read three things of it. path-browserify's and vscode-uri's `resolve` of only
// relative paths fall back to process.cwd(); vscode-uri asks process.platform whether paths use `\`.
// A virtual workspace has no current directory: `/` is its root, as in the URIs VS Code gives us.
export const process = { cwd: () => '/', platform: 'browser', env: {} };
