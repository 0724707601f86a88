// tools/iotlint/check_command.cpp: `iotlint check`: read, parse, analyse, report.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "backend/report_writer.h"
#include "frontend/parse.h"
#include "passes/analyze.h"
#include "tools/iotlint/atomic_file.h"
#include "tools/iotlint/commands.h"
#include "tools/iotlint/fixer.h"
#include "tools/iotlint/config.h"
#include "tools/iotlint/input_files.h"
#include "tools/iotlint/ordered_parallel.h"

namespace iotlint::tools {

namespace {

/// --select / --ignore, resolved to rule ids up front so a typo is a usage error, not a silent no-op.
struct RuleFilter {
  std::set<ir::RuleId> selected;
  std::set<ir::RuleId> ignored;

  bool keeps(ir::RuleId rule) const {
    return (selected.empty() || selected.contains(rule)) && !ignored.contains(rule);
  }
};

bool resolveRules(const std::vector<std::string>& names, std::set<ir::RuleId>& out, std::string_view option) {
  for (const std::string& name : names) {
    const std::optional<ir::RuleId> rule = ir::findRule(name);
    if (!rule) {
      std::cerr << "iotlint: " << option << ": unknown rule `" << name << "`; `iotlint rules` lists them\n";
      return false;
    }
    out.insert(*rule);
  }
  return true;
}

std::string absoluteFolder(const std::string& folder) {
  std::error_code error;
  const std::filesystem::path path = folder.empty() ? std::filesystem::current_path(error) : std::filesystem::absolute(folder, error);
  return path.lexically_normal().string();
}

/// Everything iotlint learned from one file: its findings (already formatted when files are
/// analysed on several threads), what its fix step did, or why the file could not be read.
struct FileResult {
  FileFixes outcome;
  backend::ReportFragment report;  ///< when formatted on the worker (else `outcome.diagnostics`)
  bool failing = false;            ///< a finding at or above --fail-on
  std::string error;
};

/// How analyzeFile reads and fixes files: parse limits, --input-format, what to keep and fix, and
/// the project configurations found so far.
struct FileReading {
  frontend::ParseLimits parse_limits;
  frontend::InputFormat format = frontend::InputFormat::kAuto;
  const RuleFilter* filter = nullptr;
  const CheckOptions* options = nullptr;
  ProjectConfigs* configs = nullptr;
  /// Threads one file's policies may use (a file of many, see analyzeSource): --jobs shared out
  /// among the files analysed at once, so that no more than --jobs threads run.
  unsigned threads_per_file = 1;
};

/// Reads, parses, analyses and fixes one file: every policy in it. Independent of every other
/// file, so it runs on the worker threads, fix verification included.
FileResult analyzeFile(const InputFile& input, const FileReading& reading, const passes::AnalysisOptions& analysis_options) {
  const std::string& path = input.path;
  FileResult result;
  // The project's `.iotlint.json` (nearest folder upwards) adds per-device topic layouts.
  FixSettings fix_settings;
  fix_settings.analysis = analysis_options;
  if (std::optional<std::string> problem = reading.configs->addLayouts(path, fix_settings.analysis.device_topic_layouts)) {
    result.error = *problem;
    return result;
  }
  std::optional<std::string> contents = readFile(path, reading.parse_limits.max_file_bytes, result.error);
  if (!contents) return result;
  fix_settings.input.format = reading.format;
  fix_settings.input.named_explicitly = !input.walked;  // a walked file without a policy is skipped silently
  fix_settings.input.limits = reading.parse_limits;
  fix_settings.jobs = reading.threads_per_file;
  FileAnalysis analysis = analyzeSource(path, std::move(*contents), fix_settings.input, fix_settings.analysis, nullptr,
                                        fix_settings.jobs, KeptOfPolicies::kForVerifyingFixes);
  std::vector<ir::Diagnostic> kept;
  for (const ir::Diagnostic& diagnostic : analysis.diagnostics) {
    if (reading.filter->keeps(diagnostic.rule)) kept.push_back(diagnostic);
  }
  // Fixes: every candidate verified against this analysis (or dropped); with --fix, --fix-to or
  // --diff, applied (fixer.h). Re-analysing the fixed text must neither dump IR nor print.
  fix_settings.analysis.print_ir_after.clear();
  fix_settings.analysis.dump_stream = nullptr;
  fix_settings.unsafe = reading.options->unsafe_fixes;
  fix_settings.keeps = [filter = reading.filter](ir::RuleId rule) { return filter->keeps(rule); };
  result.outcome = fixFile(*reading.options, fix_settings, std::move(analysis), std::move(kept));
  return result;
}

/// analyzeFile, then, when `format_with` is given, the file's report formatted on the same thread,
/// after which the file and its diagnostics are freed there rather than on the reporting thread.
FileResult analyzeAndFormat(const InputFile& input, const FileReading& reading,
                            const passes::AnalysisOptions& analysis_options, const backend::ReportWriter* format_with) {
  FileResult result = analyzeFile(input, reading, analysis_options);
  std::vector<ir::Diagnostic>& diagnostics = result.outcome.diagnostics;
  ir::sortDiagnostics(diagnostics);
  result.failing = std::any_of(diagnostics.begin(), diagnostics.end(),
                               [&](const ir::Diagnostic& d) { return d.level >= reading.options->fail_on; });
  if (format_with != nullptr) {
    result.report = format_with->format(diagnostics);
    diagnostics.clear();
    result.outcome.file.reset();
  }
  return result;
}

/// `--diff`: the diff instead of the report; exit 1 when there is one (ruff, cli.md).
int writeDiff(const std::string& output, const std::string& diff, bool trouble) {
  if (output.empty()) {
    std::cout << diff << std::flush;
  } else if (std::string error = writeFileAtomically(output, diff); !error.empty()) {
    std::cerr << "iotlint: cannot write the diff to " << output << ": " << error << "\n";
    return kExitTrouble;
  }
  if (trouble) return kExitTrouble;
  return diff.empty() ? kExitClean : kExitFindings;
}

}  // namespace

int runCheck(const CheckOptions& options) {
  RuleFilter filter;
  if (!resolveRules(options.select, filter.selected, "--select") || !resolveRules(options.ignore, filter.ignored, "--ignore")) {
    return kExitTrouble;
  }

  for (const std::string& layout : options.device_topic_layouts) {
    if (std::optional<std::string> problem = deviceTopicLayoutProblem(layout)) {
      std::cerr << "iotlint: --device-topic-layout: `" << layout << "` is malformed: " << *problem << "\n";
      return kExitTrouble;
    }
  }

  const unsigned jobs = options.print_ir_after.empty() ? options.jobs : 1;  // IR dumps keep to one thread
  const InputSet inputs = collectInputs(options.paths, jobs);
  bool trouble = false;
  for (const InputProblem& problem : inputs.problems) {
    std::cerr << "iotlint: " << problem.path << ": " << problem.message << "\n";
    trouble = trouble || problem.fatal;
  }

  // Files are analysed (and their fixes verified or applied) and their reports formatted on
  // `--jobs` threads; the results are taken in path order, the report's order, so it does not
  // depend on scheduling, and written and freed as soon as they are taken.
  const std::vector<InputFile>& files = inputs.files;

  // What analyzeFile needs to read and fix each file; a file analysed alone gets every thread.
  ProjectConfigs configs;
  const auto files_at_once = static_cast<unsigned>(std::clamp<std::size_t>(files.size(), 1, jobs));
  const FileReading reading{{}, *frontend::parseInputFormat(options.input_format), &filter, &options,
                            &configs, std::max(1U, jobs / files_at_once)};
  passes::AnalysisOptions analysis;
  analysis.device_topic_layouts = options.device_topic_layouts;
  analysis.print_ir_after = options.print_ir_after;
  analysis.dump_stream = &std::cout;

  backend::ReportOptions report;
  report.source_root = absoluteFolder(options.source_root);
  report.show_snippets = options.show_snippets;
  // The report is written while files are analysed, one file's findings at a time, so memory is
  // bounded by a file rather than by the run: to standard output, or to `-o FILE` through a
  // temporary file that replaces FILE only at the end. IR dumps go to standard output as they are
  // made, so with --print-ir-after the report is held back until they are done.
  AtomicFile output_file;
  std::ostringstream held_back;
  std::ostream* out = &std::cout;
  std::unique_ptr<backend::ReportWriter> writer;
  if (!options.diff) {
    if (!options.output.empty()) {
      if (const std::string error = output_file.open(options.output); !error.empty()) {
        std::cerr << "iotlint: cannot write the report to " << options.output << ": " << error << "\n";
        return kExitTrouble;
      }
      out = &output_file.stream();
    } else if (!options.print_ir_after.empty()) {
      out = &held_back;
    }
    writer = options.format == "sarif"  ? backend::makeSarifWriter(*out, report)
             : options.format == "json" ? backend::makeJsonWriter(*out, report)
                                        : backend::makeTextWriter(*out, report);
    writer->begin();
  }

  // With one thread, formatting where the report is written streams it: a fragment would hold a
  // file's whole report in fresh memory first (a 300-statement policy's SARIF is 1.7 MB, and page
  // faults made it 35% slower).
  const bool format_on_workers = jobs > 1 && files.size() > 1;
  bool failing = false;
  std::string diff;
  std::vector<RemediationEntry> remediation;
  orderedParallelFor(
      files.size(), jobs,
      [&](std::size_t i) { return analyzeAndFormat(files[i], reading, analysis, format_on_workers ? writer.get() : nullptr); },
      [&](std::size_t i, FileResult result) {
        if (!result.error.empty()) {
          std::cerr << "iotlint: " << files[i].path << ": " << result.error << "\n";
          trouble = true;
          return;
        }
        FileFixes& outcome = result.outcome;
        for (const std::string& problem : outcome.problems) std::cerr << "iotlint: " << problem << "\n";
        trouble = trouble || outcome.trouble;
        diff += outcome.diff;
        remediation.insert(remediation.end(), outcome.remediation.begin(), outcome.remediation.end());
        failing = failing || result.failing;
        if (writer && format_on_workers) {
          writer->write(std::move(result.report));
        } else if (writer) {
          writer->add(outcome.diagnostics);
        }
      });
  if (!options.emit_remediation.empty()) {
    if (const std::string error = writeFileAtomically(options.emit_remediation, remediationScript(remediation)); !error.empty()) {
      std::cerr << "iotlint: " << options.emit_remediation << ": " << error << "\n";
      trouble = true;
    }
  }
  if (options.diff) return writeDiff(options.output, diff, trouble);

  writer->finish(!trouble);
  if (out == &held_back) std::cout << held_back.str();
  std::cout.flush();
  if (!options.output.empty()) {
    if (const std::string error = output_file.commit(); !error.empty()) {
      std::cerr << "iotlint: cannot write the report to " << options.output << ": " << error << "\n";
      return kExitTrouble;
    }
  }
  if (trouble) return kExitTrouble;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace iotlint::tools
