#!/usr/bin/env node
// Tokenises files with the extension's TextMate grammar, by the engine VS Code itself uses
// (vscode-textmate with the Oniguruma regular expressions compiled to WebAssembly), and
// prints one JSON object: {file: [[{text, scopes}, ...] per line]}.
// Usage: node scripts/tokenize.js FILE...   (tests/editors/test_textmate_grammar.py runs it)
"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = path.join(__dirname, "..");
const grammars = {
  "source.argmap": path.join(here, "syntaxes", "argmap.tmLanguage.json"),
};

async function main(files) {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammars[scopeName];
      if (!file) { return null; }
      return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
    },
  });
  const grammar = await registry.loadGrammar("source.argmap");
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
