// tests/unit/tools/fixer_test.cpp: the fixer's building blocks: applying edits, verification,
// the fixpoint, atomic writes, --fix-to paths, remediation commands, and unified diffs.
#include "tools/iotlint/fixer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "backend/diff.h"
#include "tests/test_files.h"

namespace iotlint::tools {
namespace {

namespace fs = std::filesystem;

using iotlint::test_files::readText;
using iotlint::test_files::writeText;

class TempDir {
 public:
  TempDir() {
    std::string name = (fs::temp_directory_path() / "iotlint-fixer-XXXXXX").string();
    path_ = ::mkdtemp(name.data());
  }
  ~TempDir() {
    std::error_code error;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, error);
    fs::remove_all(path_, error);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

FixSettings settings(bool unsafe = false) {
  FixSettings s;
  s.input.format = frontend::InputFormat::kPolicy;
  s.unsafe = unsafe;
  return s;
}

TEST(ApplyEdits, BackToFrontOnTheOriginalOffsets) {
  const std::vector<ir::Edit> edits{{{0, 1}, "AB"}, {{3, 3}, "+"}, {{4, 6}, ""}};
  EXPECT_EQ(applyEdits("abcdefg", edits), "ABbc+dg");
}

TEST(Fixer, UnsafeFixesNeedTheOptIn) {
  const std::string text = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:*:*:topic/sensors/#"}]})";
  const FixOutcome safe_only = fixToFixpoint("p.json", text, settings());
  EXPECT_EQ(safe_only.fixed, text);
  const FixOutcome with_unsafe = fixToFixpoint("p.json", text, settings(true));
  EXPECT_NE(with_unsafe.fixed.find("topicfilter/sensors/#"), std::string::npos);
  EXPECT_TRUE(with_unsafe.converged);
  EXPECT_EQ(with_unsafe.applied, 1U);
  // A second run changes nothing.
  const FixOutcome again = fixToFixpoint("p.json", with_unsafe.fixed, settings(true));
  EXPECT_EQ(again.fixed, with_unsafe.fixed);
  EXPECT_EQ(again.applied, 0U);
}

TEST(Fixer, AFixThatWouldReachOtherDevicesIsDropped) {
  // Subscribe on `topic/$aws/things/+/shadow/#` grants nothing; turning it into a topicfilter would
  // let the device subscribe to every thing's shadow: the candidate fails verification.
  const std::string text = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:*:*:topic/$aws/things/+/shadow/#"}]})";
  FileAnalysis analysis = analyzeText("p.json", text, settings());
  bool saw_candidate = false;
  for (const auto& d : analysis.diagnostics) saw_candidate = saw_candidate || !d.fixes.empty();
  ASSERT_TRUE(saw_candidate);
  verifyFixes(analysis, analysis.diagnostics, settings());
  for (const auto& d : analysis.diagnostics) {
    if (d.rule != ir::RuleId::kWrongResourceType) continue;
    EXPECT_TRUE(d.fixes.empty());
    ASSERT_FALSE(d.notes.empty());
    EXPECT_NE(d.notes.back().message.find("no automatic fix is available"), std::string::npos) << d.notes.back().message;
  }
  EXPECT_EQ(fixToFixpoint("p.json", text, settings(true)).fixed, text);
}

TEST(AtomicWrite, ReplacesContentsAndKeepsPermissions) {
  TempDir dir;
  const fs::path file = dir.path() / "policy.json";
  writeText(file, "old");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  EXPECT_EQ(writeFileAtomically(file, "new contents"), "");
  EXPECT_EQ(readText(file), "new contents");
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0640U);
  // No temporary file is left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1U);
}

TEST(AtomicWrite, FollowsSymbolicLinks) {
  TempDir dir;
  writeText(dir.path() / "target.json", "old");
  fs::create_symlink("target.json", dir.path() / "link.json");
  EXPECT_EQ(writeFileAtomically(dir.path() / "link.json", "new"), "");
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.json"));
  EXPECT_EQ(readText(dir.path() / "target.json"), "new");
}

TEST(AtomicWrite, ReadOnlyFileIsReportedAndUnchanged) {
  TempDir dir;
  const fs::path file = dir.path() / "policy.json";
  writeText(file, "old");
  ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
  EXPECT_NE(writeFileAtomically(file, "new"), "");
  EXPECT_EQ(readText(file), "old");
}

TEST(AtomicWrite, UnwritableFolderIsReportedAndUnchanged) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes anywhere";
  TempDir dir;
  const fs::path file = dir.path() / "policy.json";
  writeText(file, "old");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
  const std::string error = writeFileAtomically(file, "new");
  ::chmod(dir.path().c_str(), 0755);
  EXPECT_NE(error, "");
  EXPECT_EQ(readText(file), "old");
}

TEST(AtomicWrite, FailedWriteIsReported) {
  TempDir dir;
  writeText(dir.path() / "file", "x");
  EXPECT_NE(writeFileAtomically(dir.path() / "file" / "policy.json", "new"), "");
  EXPECT_EQ(readText(dir.path() / "file"), "x");
}

TEST(FixTo, MirrorsThePathsGiven) {
  EXPECT_EQ(fixToPath("out", "a/b.json"), fs::path("out/a/b.json"));
  EXPECT_EQ(fixToPath("out", "./a/../c.json"), fs::path("out/c.json"));
  EXPECT_EQ(fixToPath("out", "../x/y.json"), fs::path("out/x/y.json"));
  EXPECT_EQ(fixToPath("out", "/abs/p.json"), fs::path("out/abs/p.json"));
}

TEST(Remediation, NamesTheDocumentedCommands) {
  const std::string script = remediationScript({{"thing-policy", "p/thing-policy.json", "/w/p/thing-policy.json", true},
                                                 {"it's", "t.yaml", "/w/t.yaml", false}});
  EXPECT_NE(script.find("aws iot list-targets-for-policy --policy-name 'thing-policy'"), std::string::npos);
  EXPECT_NE(script.find("aws iot create-policy-version --policy-name 'thing-policy' --policy-document "
                        "'file:///w/p/thing-policy.json' --set-as-default"),
            std::string::npos);
  EXPECT_NE(script.find("aws iot set-default-policy-version --policy-name 'thing-policy' --policy-version-id $previous"),
            std::string::npos);
  EXPECT_NE(script.find("--policy-name 'it'\\''s'"), std::string::npos) << "names are shell-quoted";
  EXPECT_NE(script.find("deploy the fixed template"), std::string::npos);
}

TEST(UnifiedDiff, OneHunkWithContext) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(backend::unifiedDiff(before, after, "a", "b"),
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  EXPECT_EQ(backend::unifiedDiff(before, before, "a", "b"), "");
}

TEST(UnifiedDiff, InsertionsCrlfAndMissingFinalNewline) {
  EXPECT_EQ(backend::unifiedDiff("a\r\nb", "a\r\nx\r\nb", "f", "f"), "--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\n\\ No newline at end of file\n");
  EXPECT_EQ(backend::unifiedDiff("", "x\n", "f", "f"), "--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n");
}

TEST(UnifiedDiff, DistantChangesMakeTwoHunks) {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("19\n"), 3, "nineteen\n");
  const std::string diff = backend::unifiedDiff(before, after, "a", "b");
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -16,5 +16,5 @@"), std::string::npos) << diff;
}

}  // namespace
}  // namespace iotlint::tools
