#!/usr/bin/env node
// tools/sarif-validate/render.js: a second, independent SARIF consumer.
//
//   node render.js [--check] REPORT.sarif
//
// Reads each result's physical location the way editors do (artifact URI resolved against
// originalUriBaseIds, 1-based lines, columns in UTF-16 code units as JavaScript strings count
// them), prints the source line with the region underlined, and with --check fails when the
// text under the region differs from the region's own snippet: that catches any disagreement
// between iotlint's byte offsets and the UTF-16 columns a viewer will use.
'use strict';
const fs = require('fs');
const path = require('path');
const { fileURLToPath } = require('url');

const args = process.argv.slice(2);
const check = args[0] === '--check';
const reportPath = check ? args[1] : args[0];
if (!reportPath) {
  console.error('usage: render.js [--check] REPORT.sarif');
  process.exit(2);
}
const log = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
let mismatches = 0;
let shown = 0;
const sources = new Map();

function linesOf(file) {
  if (!sources.has(file)) {
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);  // a BOM is not a column
    sources.set(file, text.split(/\r\n|\r|\n/));
  }
  return sources.get(file);
}

for (const run of log.runs) {
  if (run.columnKind !== undefined && run.columnKind !== 'utf16CodeUnits') {
    console.error(`unexpected columnKind ${run.columnKind}`);
    process.exit(1);
  }
  const bases = run.originalUriBaseIds || {};
  for (const result of run.results) {
    const location = result.locations[0].physicalLocation;
    const base = bases[location.artifactLocation.uriBaseId];
    const file = base ? path.join(fileURLToPath(base.uri), decodeURIComponent(location.artifactLocation.uri))
                      : fileURLToPath(location.artifactLocation.uri);
    const region = location.region;
    const lines = linesOf(file);
    const endLine = region.endLine ?? region.startLine;
    const endColumn = region.endColumn ?? (lines[endLine - 1].length + 1);
    let covered;
    if (endLine === region.startLine) {
      covered = lines[region.startLine - 1].slice(region.startColumn - 1, endColumn - 1);
    } else {
      covered = [lines[region.startLine - 1].slice(region.startColumn - 1),
                 ...lines.slice(region.startLine, endLine - 1),
                 lines[endLine - 1].slice(0, endColumn - 1)].join('\n');
    }
    const line = lines[region.startLine - 1];
    const underlineEnd = endLine === region.startLine ? endColumn : line.length + 1;
    console.log(`${location.artifactLocation.uri}:${region.startLine}:${region.startColumn}: ${result.ruleId}: ${result.message.text}`);
    console.log(`  ${line}`);
    console.log(`  ${' '.repeat(region.startColumn - 1)}${'^'.repeat(Math.max(1, underlineEnd - region.startColumn))}`);
    shown++;
    if (region.snippet && region.snippet.text !== covered.replace(/\n/g, region.snippet.text.includes('\r\n') ? '\r\n' : '\n')) {
      mismatches++;
      console.log(`  MISMATCH: the region covers ${JSON.stringify(covered)}, its snippet says ${JSON.stringify(region.snippet.text)}`);
    }
  }
}
console.log(`${shown} results rendered, ${mismatches} mismatches`);
process.exit(check && mismatches > 0 ? 1 : 0);
