// Lints a cypher-shell script with Neo4j's own Cypher language support (the parser and
// semantic analysis of the Neo4j editors), pinned in package.json / package-lock.json.
//
//   node lint_cypher.mjs [--modules DIR] [--warnings-as-errors] FILE.cypher...
//
// --modules DIR          where `npm ci` installed the package (DIR/node_modules); default:
//                        $CYPHER_LINT_MODULES, else this script's folder. lint_cypher.sh
//                        installs it into BUILD_DIR/neo4j-cache/npm and passes it here.
// --warnings-as-errors   fail on warnings (e.g. deprecated syntax) too
//
// The linter's grammar knows no cypher-shell transaction commands: the :begin, :commit and
// :rollback lines are blanked first (kept as empty lines, so that line numbers still match
// the file). Other console commands (:param, :use) are left to the linter, which knows them.
//
// Prints each diagnostic as FILE:LINE:COLUMN: error|warning|info|hint: MESSAGE (1-based),
// nothing when there is none. Exit status: 0 clean (warnings allowed), 1 any error, 2 usage,
// unreadable file or package not installed.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const SHELL_TRANSACTION_COMMAND = /^\s*:(begin|commit|rollback)\s*;?\s*$/i;

function usage(message) {
  if (message) console.error(`lint_cypher: ${message}`);
  console.error('usage: node lint_cypher.mjs [--modules DIR] [--warnings-as-errors] FILE.cypher...');
  process.exit(2);
}

let modulesDir = process.env.CYPHER_LINT_MODULES || here;
let warningsAsErrors = false;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--modules') {
    if (i + 1 >= args.length) usage('--modules needs a folder');
    modulesDir = args[++i];
  } else if (args[i] === '--warnings-as-errors') {
    warningsAsErrors = true;
  } else if (args[i].startsWith('--')) {
    usage(`unknown option ${args[i]}`);
  } else {
    files.push(args[i]);
  }
}
if (files.length === 0) usage('no file to lint');

// The package's ESM build does not load under Node's ESM resolver (extensionless
// imports): load its CommonJS build, resolved from the install folder.
let lintCypherQuery;
try {
  const require = createRequire(path.join(path.resolve(modulesDir), 'package.json'));
  ({ lintCypherQuery } = require('@neo4j-cypher/language-support'));
} catch (e) {
  console.error(`lint_cypher: cannot load @neo4j-cypher/language-support from ${modulesDir}: ${e.message}`);
  process.exit(2);
}
if (typeof lintCypherQuery !== 'function') {
  console.error('lint_cypher: @neo4j-cypher/language-support exports no lintCypherQuery');
  process.exit(2);
}

// Our server is Neo4j 5.26: lint as Cypher 5, with no schema (no label/function lists,
// so unknown labels and functions are not reported).
const dbSchema = { defaultLanguage: 'CYPHER 5' };

let failed = false;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`lint_cypher: cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
  const blanked = text
    .split('\n')
    .map((line) => (SHELL_TRANSACTION_COMMAND.test(line) ? '' : line))
    .join('\n');
  const diagnostics = lintCypherQuery(blanked, dbSchema, true)
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
  for (const d of diagnostics) {
    console.log(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    if (d.severity === 'error' || (warningsAsErrors && d.severity === 'warning')) failed = true;
  }
}
process.exit(failed ? 1 : 0);
