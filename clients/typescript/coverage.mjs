// Usage: node coverage.mjs DOC_PATH [SCENARIO_PATH]
// Fails (exit 1, listing them) when an operation of the OpenAPI document (method + path template) is not called in the
// scenario. Calls are read from the scenario's syntax tree — `x.GET("/path/{id}", …)`, `x.POST(…)`, … and
// `x.request("get", "/path", …)` — so a call in a comment or a string does not count.
import { readFileSync } from "node:fs";
import ts from "typescript";

const [docPath, scenarioPath = new URL("./src/scenario.ts", import.meta.url).pathname] = process.argv.slice(2);
if (!docPath) {
  console.error("usage: node coverage.mjs DOC_PATH [SCENARIO_PATH]");
  process.exit(2);
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const doc = JSON.parse(readFileSync(docPath, "utf8"));
const operations = new Set();
for (const [path, item] of Object.entries(doc.paths ?? {})) {
  for (const method of methods) {
    if (item && typeof item === "object" && method in item) {
      operations.add(`${method.toUpperCase()} ${path}`);
    }
  }
}

const source = ts.createSourceFile(scenarioPath, readFileSync(scenarioPath, "utf8"), ts.ScriptTarget.Latest, true);
const called = new Set();
const text = (node) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);
(function visit(node) {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const name = node.expression.name.text;
    const [first, second] = node.arguments;
    if (methods.includes(name.toLowerCase()) && name === name.toUpperCase() && text(first)) {
      called.add(`${name} ${text(first)}`);
    } else if (name === "request" && text(first) && text(second)) {
      called.add(`${text(first).toUpperCase()} ${text(second)}`);
    }
  }
  ts.forEachChild(node, visit);
})(source);

const missing = [...operations].filter((operation) => !called.has(operation));
const unknown = [...called].filter((operation) => !operations.has(operation));
for (const operation of unknown) {
  console.error(`coverage: the scenario calls ${operation}, which the document does not have`);
}
if (missing.length > 0) {
  console.error(`coverage: ${missing.length} of ${operations.size} operations are not called in ${scenarioPath}:`);
  for (const operation of missing) {
    console.error(`  ${operation}`);
  }
  process.exit(1);
}
console.log(`coverage: all ${operations.size} operations of the document are called`);
