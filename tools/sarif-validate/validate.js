#!/usr/bin/env node
// tools/sarif-validate/validate.js: schema validation of iotlint's reports, and the verdict on a
// SARIF Multitool validation log.
//
//   node validate.js --sarif-schema SCHEMA [--json-schema SCHEMA] REPORT...
//       *.sarif reports against the SARIF 2.1.0 schema (draft-04, used as published),
//       other reports against the JSON report schema (docs/json-report.schema.json by default).
//   node validate.js --multitool-log LOG
//       prints the Multitool's findings; exits 1 if any is at level "error".
//
// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Ajv04 = require("ajv-draft-04");
const Ajv07 = require("ajv");
const addFormats = require("ajv-formats");

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function compile(schemaFile) {
  const schema = readJson(schemaFile);
  const draft04 = String(schema.$schema || "").includes("draft-04");
  const ajv = draft04 ? new Ajv04({ allErrors: true, strict: false }) : new Ajv07({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

function validateReports(args) {
  let sarifSchema;
  let jsonSchema = path.join(__dirname, "..", "..", "docs", "json-report.schema.json");
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--sarif-schema") sarifSchema = args[++i];
    else if (args[i] === "--json-schema") jsonSchema = args[++i];
    else files.push(args[i]);
  }
  if (!sarifSchema || files.length === 0) {
    console.error("usage: node validate.js --sarif-schema SCHEMA [--json-schema SCHEMA] REPORT...");
    return 2;
  }
  const validators = {};
  const validatorFor = (file) => {
    const schema = file.endsWith(".sarif") ? sarifSchema : jsonSchema;
    validators[schema] ??= compile(schema);
    return [schema, validators[schema]];
  };
  let bad = 0;
  for (const file of files) {
    const [schema, validate] = validatorFor(file);
    let doc;
    try {
      doc = readJson(file);
    } catch (e) {
      console.error(`${file}: not JSON: ${e.message}`);
      bad++;
      continue;
    }
    if (validate(doc)) {
      console.log(`${file}: valid against ${path.basename(schema)}`);
      continue;
    }
    bad++;
    for (const e of validate.errors) console.error(`${file}: ${e.instancePath || "/"} ${e.message}`);
  }
  return bad ? 1 : 0;
}

// The Multitool writes results with a message id and arguments; the text lives in the rule.
function messageOf(result, rules) {
  if (result.message.text) return result.message.text;
  const rule = rules.find((r) => r.id === result.ruleId) || {};
  const template = ((rule.messageStrings || {})[result.message.id] || {}).text || result.message.id;
  return template.replace(/\{(\d+)\}/g, (_, n) => (result.message.arguments || [])[Number(n)] ?? "");
}

// Errors fail, warnings are shown, notes (advice such as "provide code snippets") are counted per rule.
function judgeMultitoolLog(logFile) {
  const log = readJson(logFile);
  let errors = 0;
  const counts = {};
  const notes = {};
  for (const run of log.runs || []) {
    const rules = run.tool.driver.rules || [];
    for (const result of run.results || []) {
      const level = result.level || "warning";
      counts[level] = (counts[level] || 0) + 1;
      if (level === "error") errors++;
      if (level === "note" || level === "none") notes[result.ruleId] = (notes[result.ruleId] || 0) + 1;
      else console.log(`  ${level} ${result.ruleId}: ${messageOf(result, rules)}`);
    }
    for (const invocation of run.invocations || []) {
      for (const n of invocation.toolExecutionNotifications || []) {
        if (n.level === "error") errors++;
        console.log(`  tool ${n.level || "warning"}: ${n.message.text}`);
      }
    }
  }
  const noteList = Object.entries(notes).map(([rule, n]) => `${rule} x${n}`).join(", ");
  if (noteList) console.log(`  notes: ${noteList}`);
  const summary = Object.entries(counts).map(([level, n]) => `${n} ${level}`).join(", ") || "no findings";
  console.log(`  multitool: ${summary}`);
  return errors ? 1 : 0;
}

function main(args) {
  try {
    if (args[0] === "--multitool-log" && args.length === 2) return judgeMultitoolLog(args[1]);
    return validateReports(args);
  } catch (e) {
    console.error(`validate.js: ${e.message}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
