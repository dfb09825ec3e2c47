// Usage: node purity.mjs [FILE…]   (default: src/scenario.ts)
// The scenario must compile through the generated types alone: it fails (exit 1, listing each place) on `any`, type
// assertions (`x as T`, `<T>x`, `as const` included), non-null assertions (`x!`) and `@ts-ignore` / `@ts-expect-error`
// / `@ts-nocheck` comments — anything that would let a gap in the OpenAPI document compile.
import { readFileSync } from "node:fs";
import ts from "typescript";

const files = process.argv.slice(2);
if (files.length === 0) {
  files.push(new URL("./src/scenario.ts", import.meta.url).pathname);
}

const found = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const at = (pos) => {
    const { line, character } = source.getLineAndCharacterOfPosition(pos);
    return `${file}:${line + 1}:${character + 1}`;
  };
  const comments = new Map();
  const collect = (ranges) => {
    for (const range of ranges ?? []) comments.set(range.pos, text.slice(range.pos, range.end));
  };
  (function visit(node) {
    if (node.kind === ts.SyntaxKind.AnyKeyword) found.push(`${at(node.getStart())}: 'any'`);
    if (ts.isAsExpression(node)) found.push(`${at(node.getStart())}: type assertion 'as'`);
    if (ts.isTypeAssertionExpression(node)) found.push(`${at(node.getStart())}: type assertion '<T>'`);
    if (ts.isNonNullExpression(node)) found.push(`${at(node.getStart())}: non-null assertion '!'`);
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  })(source);
  // Comments are read from the trivia around the nodes, so strings holding the words do not count.
  for (const [pos, comment] of comments) {
    // As TypeScript reads them: the directive opens the comment (or, in a block comment, one of its lines).
    const directive = /^(?:\/\/\/?|\/\*+)?[\s*]*(@ts-(?:ignore|expect-error|nocheck))/m.exec(comment);
    if (directive) found.push(`${at(pos)}: '${directive[1]}'`);
  }
}

if (found.length > 0) {
  console.error(`purity: ${found.length} escape hatch(es) in the scenario:`);
  for (const place of found) console.error(`  ${place}`);
  process.exit(1);
}
console.log("purity: no any, casts, non-null assertions or @ts- directives");
