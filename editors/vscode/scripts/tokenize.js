#!/usr/bin/env node
// Tokenises files with the extension's TextMate grammar, by the engine VS Code itself uses
// (vscode-textmate with the Oniguruma regular expressions compiled to WebAssembly), and
// prints one JSON object: {file: [[{text, scopes}, ...] per line]}.
// Usage: node scripts/tokenize.js [--markdown] FILE...
// (tests/editors/test_textmate_grammar.py runs it). With --markdown the files are Markdown,
// read by a stand-in Markdown grammar that only hosts the extension's injection of
// ```argmap blocks (VS Code's own Markdown grammar is not an npm package).
"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = path.join(__dirname, "..");
const grammars = {
  "source.argmap": path.join(here, "syntaxes", "argmap.tmLanguage.json"),
  "markdown.argmap.codeblock": path.join(here, "syntaxes", "argmap.markdown.tmLanguage.json"),
};
const MARKDOWN = { scopeName: "text.html.markdown", patterns: [] };

async function main(args) {
  const markdown = args[0] === "--markdown";
  const files = markdown ? args.slice(1) : args;
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === MARKDOWN.scopeName) {
        return vsctm.parseRawGrammar(JSON.stringify(MARKDOWN), "markdown.json");
      }
      const file = grammars[scopeName];
      if (!file) { return null; }
      return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
    },
    getInjections: (scopeName) =>
      scopeName === MARKDOWN.scopeName ? ["markdown.argmap.codeblock"] : undefined,
  });
  const grammar = await registry.loadGrammar(markdown ? MARKDOWN.scopeName : "source.argmap");
  const result = {};
  for (const file of files) {
    // Lines split as editors count them: at LF, a CR before it dropped (docs/language.md).
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
    if (lines.length > 0 && lines[lines.length - 1] === "") { lines.pop(); }
    let state = vsctm.INITIAL;
    result[file] = lines.map((line) => {
      const tokenized = grammar.tokenizeLine(line, state);
      state = tokenized.ruleStack;
      return tokenized.tokens.map((token) => ({
        text: line.slice(token.startIndex, token.endIndex),
        scopes: token.scopes,
      }));
    });
  }
  process.stdout.write(JSON.stringify(result));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
