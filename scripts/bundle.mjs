// Bundles the extension, the language server and the command line into dist/, each one file
// with its dependencies, so that the .vsix and the npm package (scripts/pack-npm.mjs) carry no
// node_modules. `--dev` keeps source maps.
import * as esbuild from "esbuild";

const dev = process.argv.includes("--dev");
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  minify: !dev,
  sourcemap: dev,
  logLevel: "warning",
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] }),
  esbuild.build({ ...common, entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js" }),
  esbuild.build({ ...common, entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js" }),
]);
