// Streaming report writers: fed file by file they write exactly what the whole-run functions write,
// each file's findings are on the stream as soon as add() returns, and fragments formatted on
// other threads write the same report.
#include "backend/report_writer.h"

#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend/json_report.h"
#include "backend/sarif_report.h"
#include "backend/text_report.h"
#include "fixtures.h"

namespace iotlint::backend {
namespace {

using testing::diagnostic;
using testing::kPolicy;
using testing::rangeOf;

constexpr const char* kRoot = "/nonexistent-iotlint-root/project";

struct Format {
  std::string name;
  std::function<std::unique_ptr<ReportWriter>(std::ostream&, const ReportOptions&)> make;
  std::function<void(std::ostream&, std::span<const ir::Diagnostic>, const ReportOptions&)> write_whole_run;
};

void PrintTo(const Format& format, std::ostream* out) { *out << format.name; }

std::vector<Format> formats() {
  return {
      {"sarif", makeSarifWriter, writeSarifReport},
      {"json", makeJsonWriter, writeJsonReport},
      {"text", makeTextWriter, writeTextReport},
  };
}

ReportOptions rootedOptions() {
  ReportOptions options;
  options.source_root = kRoot;
  return options;
}

/// Three files (one without findings) and two diagnostics without a file, with notes, fixes,
/// properties, identical findings and non-ASCII text in paths, sources and messages.
class ThreeFiles {
 public:
  ThreeFiles()
      : device_(std::string(kRoot) + "/policies/device.json", std::string(kPolicy)),
        clean_(std::string(kRoot) + "/policies/empty.json", "{}\n"),
        unicode_(std::string(kRoot) + "/policies/ünï.json",
                 "\xEF\xBB\xBF{\r\n\t\"😀\": [\"*\", \"*\"],\r\n  \"Statement\": []\r\n}\r\n") {}
  ThreeFiles(const ThreeFiles&) = delete;  // the diagnostics point into this object's files
  ThreeFiles& operator=(const ThreeFiles&) = delete;

  /// In no particular order, as passes produce them.
  std::vector<ir::Diagnostic> all() const {
    std::vector<ir::Diagnostic> out;
    for (auto* group : {&unicode(), &device(), &withoutFile()}) {
      for (const auto& d : *group) out.insert(out.begin() + static_cast<std::ptrdiff_t>(out.size() / 2), d);
    }
    return out;
  }

  const std::vector<ir::Diagnostic>& withoutFile() const { return without_file_; }
  const std::vector<ir::Diagnostic>& device() const { return device_diagnostics_; }
  const std::vector<ir::Diagnostic>& unicode() const { return unicode_diagnostics_; }

  /// One file's diagnostics, sorted as a driver sorts them before add().
  static std::vector<ir::Diagnostic> sorted(std::vector<ir::Diagnostic> diagnostics) {
    ir::sortDiagnostics(diagnostics);
    return diagnostics;
  }

 private:
  ir::SourceFile device_;
  ir::SourceFile clean_;
  ir::SourceFile unicode_;
  std::vector<ir::Diagnostic> without_file_ = {
      diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`größe.json` holds 20 MB; iotlint reads at most 1 MB"),
      diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`a.json` holds 30 MB"),
  };
  std::vector<ir::Diagnostic> device_diagnostics_ = {
      testing::overlyPermissive(device_),
      diagnostic(ir::RuleId::kUnknownVersion, &device_, rangeOf(device_, "\"2012-10-17\""), "version `2012-10-17`"),
  };
  std::vector<ir::Diagnostic> unicode_diagnostics_ = [this] {
    std::vector<ir::Diagnostic> out;
    out.push_back(diagnostic(ir::RuleId::kUnknownElement, &unicode_, rangeOf(unicode_, "\"😀\""), "unknown element `😀`"));
    out.back().notes.push_back({rangeOf(unicode_, "{"), "the policy « here »"});
    out.push_back(diagnostic(ir::RuleId::kUnknownAction, &unicode_, rangeOf(unicode_, "\"*\"", 1), "`*` again"));
    out.push_back(diagnostic(ir::RuleId::kUnknownAction, &unicode_, rangeOf(unicode_, "\"*\"", 0), "`*` again"));
    ir::Fix remove;
    remove.description = "remove « `😀` »";
    remove.edits.push_back({rangeOf(unicode_, "\t\"😀\": [\"*\", \"*\"],\r\n"), ""});
    out.back().fixes.push_back(remove);
    auto empty = diagnostic(ir::RuleId::kMissingElement, &unicode_, rangeOf(unicode_, "[]"), "`Statement` is empty");
    empty.level = ir::Level::kNote;
    out.push_back(empty);
    return out;
  }();
};

std::string wholeRun(const Format& format, const std::vector<ir::Diagnostic>& diagnostics, bool successful) {
  ReportOptions options = rootedOptions();
  options.execution_successful = successful;
  std::ostringstream out;
  format.write_whole_run(out, diagnostics, options);
  return out.str();
}

class ReportWriterTest : public ::testing::TestWithParam<Format> {};

TEST_P(ReportWriterTest, FedFileByFileMatchesTheWholeRunFunctionByteForByte) {
  const ThreeFiles files;
  for (const bool successful : {true, false}) {
    SCOPED_TRACE(successful);
    std::ostringstream out;
    const auto writer = GetParam().make(out, rootedOptions());
    writer->begin();
    writer->add(ThreeFiles::sorted(files.withoutFile()));
    writer->add(ThreeFiles::sorted(files.device()));
    writer->add({});  // policies/empty.json: read, nothing found
    writer->add(ThreeFiles::sorted(files.unicode()));
    writer->finish(successful);
    EXPECT_EQ(out.str(), wholeRun(GetParam(), files.all(), successful));
  }
}

TEST_P(ReportWriterTest, HowFilesAreGroupedIntoCallsDoesNotMatter) {
  const ThreeFiles files;
  std::ostringstream file_by_file;
  const auto writer = GetParam().make(file_by_file, rootedOptions());
  writer->begin();
  for (const auto* group : {&files.withoutFile(), &files.device(), &files.unicode()}) writer->add(ThreeFiles::sorted(*group));
  writer->finish(true);
  std::ostringstream at_once;
  const auto other = GetParam().make(at_once, rootedOptions());
  other->begin();
  other->add(ThreeFiles::sorted(files.all()));
  other->finish(true);
  EXPECT_EQ(file_by_file.str(), at_once.str());
  EXPECT_EQ(file_by_file.str(), wholeRun(GetParam(), files.all(), true));
}

TEST_P(ReportWriterTest, FragmentsFormattedOnOtherThreadsAndWrittenInOrderMatchTheWholeRun) {
  const ThreeFiles files;
  std::ostringstream out;
  const auto writer = GetParam().make(out, rootedOptions());
  const std::vector<std::vector<ir::Diagnostic>> groups = {
      ThreeFiles::sorted(files.withoutFile()), ThreeFiles::sorted(files.device()), {}, ThreeFiles::sorted(files.unicode())};
  // Formatted concurrently, before begin(), as `iotlint check --jobs` formats on its analysing threads.
  std::vector<ReportFragment> fragments(groups.size());
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      threads.emplace_back([&, i] { fragments[i] = writer->format(groups[i]); });
    }
  }
  writer->begin();
  for (ReportFragment& fragment : fragments) writer->write(std::move(fragment));
  writer->finish(true);
  EXPECT_EQ(out.str(), wholeRun(GetParam(), files.all(), true));
}

TEST_P(ReportWriterTest, EmptyRunMatchesTheWholeRunFunction) {
  std::ostringstream out;
  const auto writer = GetParam().make(out, rootedOptions());
  writer->begin();
  writer->add({});
  writer->finish(true);
  EXPECT_EQ(out.str(), wholeRun(GetParam(), {}, true));
}

TEST_P(ReportWriterTest, FindingIsOnTheStreamWhenAddReturnsAndItsFileMayThenGo) {
  std::ostringstream out;
  const auto writer = GetParam().make(out, rootedOptions());
  writer->begin();
  const std::size_t header = out.str().size();
  {
    const ir::SourceFile file(std::string(kRoot) + "/first.json", std::string(kPolicy));
    writer->add(std::vector{diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:Connect\""),
                                       "`first` file's finding")});
  }  // freed, as a driver frees each file once it is reported
  const std::string after_first = out.str();
  EXPECT_GT(after_first.size(), header);
  EXPECT_NE(after_first.find("`first` file"), std::string::npos);
  EXPECT_EQ(after_first.find("`second` file"), std::string::npos);
  const ir::SourceFile second(std::string(kRoot) + "/second.json", std::string(kPolicy));
  writer->add(std::vector{diagnostic(ir::RuleId::kUnknownAction, &second, rangeOf(second, "\"Allow\""),
                                     "`second` file's finding")});
  EXPECT_TRUE(out.str().starts_with(after_first));
  EXPECT_NE(out.str().find("`second` file"), std::string::npos);
  writer->finish(true);
}

std::string formatName(const ::testing::TestParamInfo<Format>& format) { return format.param.name; }

INSTANTIATE_TEST_SUITE_P(Formats, ReportWriterTest, ::testing::ValuesIn(formats()), formatName);

TEST(SarifWriter, InvocationsFollowTheResultsBecauseSuccessIsKnownLast) {
  std::ostringstream out;
  const auto writer = makeSarifWriter(out, rootedOptions());
  writer->begin();
  const ir::SourceFile file(std::string(kRoot) + "/p.json", std::string(kPolicy));
  writer->add(std::vector{testing::overlyPermissive(file)});
  EXPECT_NE(out.str().find("\"ruleId\": \"IOT_POLICY_OVERLY_PERMISSIVE_CHECK\""), std::string::npos);
  EXPECT_EQ(out.str().find("invocations"), std::string::npos);
  writer->add(std::vector{diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`big.json` holds 20 MB")});
  writer->finish(false);
  const auto log = nlohmann::json::parse(out.str());
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["results"].size(), 1U);
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"], "`big.json` holds 20 MB.");
}

TEST(SarifWriter, IdenticalFindingsOfAFileAreNumberedInOrder) {
  const ir::SourceFile file(std::string(kRoot) + "/p.json", "[\n  \"*\",\n  \"*\"\n]\n");
  const ir::SourceFile other(std::string(kRoot) + "/q.json", std::string(file.contents()));
  std::ostringstream out;
  const auto writer = makeSarifWriter(out, rootedOptions());
  writer->begin();
  writer->add(std::vector{diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"*\"", 0), "m"),
                          diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"*\"", 1), "m")});
  writer->add(std::vector{diagnostic(ir::RuleId::kUnknownAction, &other, rangeOf(other, "\"*\"", 0), "m")});
  writer->finish(true);
  const auto results = nlohmann::json::parse(out.str())["runs"][0]["results"];
  const auto fingerprint = [&](std::size_t i) { return results[i]["partialFingerprints"][kFingerprintKey].get<std::string>(); };
  EXPECT_TRUE(fingerprint(0).ends_with(":1"));
  EXPECT_TRUE(fingerprint(1).ends_with(":2"));
  EXPECT_EQ(fingerprint(0).substr(0, 16), fingerprint(1).substr(0, 16));
  EXPECT_TRUE(fingerprint(2).ends_with(":1"));  // another file: another hash, counted afresh
  EXPECT_NE(fingerprint(2).substr(0, 16), fingerprint(0).substr(0, 16));
}

TEST(JsonWriter, SummaryCountsEveryCall) {
  const ThreeFiles files;
  std::ostringstream out;
  const auto writer = makeJsonWriter(out, {});
  writer->begin();
  writer->add(ThreeFiles::sorted(files.device()));
  writer->add(ThreeFiles::sorted(files.unicode()));
  writer->finish(true);
  const auto report = nlohmann::json::parse(out.str());
  EXPECT_EQ(report["summary"], nlohmann::json::parse(R"({"errors":3,"warnings":2,"notes":1})"));
  EXPECT_EQ(report["findings"].size(), 6U);
}

}  // namespace
}  // namespace iotlint::backend
