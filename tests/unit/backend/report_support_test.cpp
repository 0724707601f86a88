// The helpers shared by the writers.
#include "backend/report_support.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "backend/report.h"
#include "tests/test_files.h"

namespace iotlint::backend::detail {
namespace {

TEST(ReportSupport, PercentEncodePath) {
  EXPECT_EQ(percentEncodePath("policies/device.json"), "policies/device.json");
  EXPECT_EQ(percentEncodePath("a b/c#d?e%f"), "a%20b/c%23d%3Fe%25f");
  EXPECT_EQ(percentEncodePath("c:/x"), "c%3A/x");
  EXPECT_EQ(percentEncodePath("\xC3\xBC"), "%C3%BC");
  EXPECT_EQ(percentEncodePath("a-b_c.d~e!$&'()*+,;=@"), "a-b_c.d~e!$&'()*+,;=@");
}

TEST(ReportSupport, FileUri) {
  EXPECT_EQ(fileUri("/work/my repo", true), "file:///work/my%20repo/");
  EXPECT_EQ(fileUri("/work/repo/", true), "file:///work/repo/");
  EXPECT_EQ(fileUri("/", true), "file:///");
  EXPECT_EQ(fileUri("/a/b.json", false), "file:///a/b.json");
}

TEST(ReportSupport, SourceRootIsAbsoluteAndNormalised) {
  EXPECT_EQ(resolveSourceRoot("/nonexistent-iotlint-root/x/../y/"), "/nonexistent-iotlint-root/y");
  EXPECT_TRUE(resolveSourceRoot("").is_absolute());
}

TEST(ReportSupport, ArtifactUri) {
  const auto root = resolveSourceRoot("/nonexistent-iotlint-root/r");
  EXPECT_EQ(artifactUri("/nonexistent-iotlint-root/r/a.json", root).uri, "a.json");
  EXPECT_TRUE(artifactUri("/nonexistent-iotlint-root/r/a.json", root).relative);
  EXPECT_EQ(artifactUri("/nonexistent-iotlint-root/rr/a.json", root).uri, "file:///nonexistent-iotlint-root/rr/a.json");
  EXPECT_FALSE(artifactUri("/nonexistent-iotlint-root/r", root).relative);
}

/// A folder of files and symbolic links, removed again at the end of the test.
class LinkedFolder {
 public:
  LinkedFolder() {
    std::filesystem::create_directories(root_ / "repo" / "policies");
    std::filesystem::create_directories(root_ / "elsewhere");
    for (const char* file : {"repo/policies/a.json", "repo/policies/b.json", "elsewhere/c.json", "repo/a b%.json",
                             "elsewhere/d e.json"}) {
      std::ofstream(root_ / file) << "{}";
    }
    std::filesystem::create_symlink(root_ / "elsewhere" / "c.json", root_ / "repo" / "policies" / "link.json");
    std::filesystem::create_directory_symlink(root_ / "repo" / "policies", root_ / "repo" / "alias");
  }

  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

 private:
  test_files::ScratchFolder scratch_{"iotlint-uris"};
  std::filesystem::path root_ = scratch_.path();
};

TEST(ReportSupport, ArtifactUriResolverAgreesWithArtifactUri) {
  const LinkedFolder folder;
  const auto root = resolveSourceRoot(folder.path("repo"));
  const std::vector<std::string> paths = {
      folder.path("repo/policies/a.json"),    folder.path("repo/policies/b.json"),
      folder.path("repo/policies/link.json"), folder.path("repo/alias/a.json"),
      folder.path("repo/alias/b.json"),       folder.path("repo/policies/../policies/a.json"),
      folder.path("repo/policies/gone.json"), folder.path("elsewhere/c.json"),
      folder.path("repo/policies/a.json"),    folder.path("repo/policies"),
      folder.path("repo/policies/."),         "relative-that-does-not-exist.json",
      folder.path("repo/policies//b.json"),   folder.path("repo/a b%.json"),
      folder.path("repo/policies/"),          folder.path("repo/policies/.."),
      folder.path("elsewhere/d e.json"),
  };
  ArtifactUriResolver resolver(root);
  for (const auto& path : paths) {
    SCOPED_TRACE(path);
    const ArtifactUri expected = artifactUri(path, root);
    const ArtifactUri actual = resolver(path);
    EXPECT_EQ(actual.uri, expected.uri);
    EXPECT_EQ(actual.relative, expected.relative);
  }
  EXPECT_EQ(resolver(folder.path("repo/alias/b.json")).uri, "policies/b.json");
  EXPECT_EQ(resolver(folder.path("repo/policies/link.json")).uri, fileUri(resolveSourceRoot(folder.path("elsewhere/c.json")), false));
}

TEST(ReportSupport, SanitizeForTerminalReplacesControlsAndMalformedBytesOnly) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(sanitizeForTerminal("plain\ttext é 😀 日"), "plain\ttext é 😀 日");
  EXPECT_EQ(sanitizeForTerminal("a\x1B[31mb\x7F\r\n"), "a" + replacement + "[31mb" + replacement + replacement + replacement);
  EXPECT_EQ(sanitizeForTerminal("\xFF\xC3\xA9\xE6\x97"), replacement + "é" + replacement + replacement);
  EXPECT_EQ(sanitizeForTerminal(""), "");
}

TEST(ReportSupport, DisplayWidthBelowTheFirstWideRangeIsOne) {
  for (const char32_t c : {U'\t', U'~', U'\u00E9', U'\u10FF'}) EXPECT_EQ(displayWidth(c), 1);
  EXPECT_EQ(displayWidth(U'\u1100'), 2);
}

TEST(ReportSupport, Sentence) {
  EXPECT_EQ(sentence("`iot:*` grants everything"), "`iot:*` grants everything.");
  EXPECT_EQ(sentence("statement 2 is empty"), "Statement 2 is empty.");
  EXPECT_EQ(sentence("Done."), "Done.");
  EXPECT_EQ(sentence("why? "), "Why?");
  EXPECT_EQ(sentence(""), "");
}

TEST(ReportSupport, DisplayWidth) {
  EXPECT_EQ(displayWidth(U'a'), 1);
  EXPECT_EQ(displayWidth(U'\u00E9'), 1);
  EXPECT_EQ(displayWidth(U'\u65E5'), 2);
  EXPECT_EQ(displayWidth(U'\U0001F600'), 2);
  EXPECT_EQ(displayWidth(U'\uFFFD'), 1);
}

TEST(ReportSupport, CodePointsMatchSourceFileColumns) {
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80\xFF\xE6\x97\xA5\xE6\x97";  // a é 😀 <bad> 日 <truncated>
  std::vector<std::size_t> lengths;
  forEachCodePoint(text, [&](std::size_t, std::size_t length) { lengths.push_back(length); });
  EXPECT_EQ(lengths, (std::vector<std::size_t>{1, 2, 4, 1, 3, 1, 1}));
  const ir::SourceFile file("x", text);
  EXPECT_EQ(file.position(static_cast<std::uint32_t>(text.size())).column_code_points, lengths.size() + 1);
  EXPECT_EQ(decodeAt(text, 3, 4), U'\U0001F600');
  EXPECT_EQ(decodeAt(text, 7, 1), U'\uFFFD');
}

TEST(ReportSupport, HelpUriAndVersion) {
  EXPECT_EQ(toolVersion(), IOTLINT_TEST_VERSION);
  EXPECT_FALSE(homepage().ends_with('/'));
  EXPECT_EQ(ruleHelpUri(ir::ruleInfo(ir::RuleId::kJsonSyntax)), std::string(homepage()) + "/blob/main/docs/rules/IL100.md");
}

TEST(ReportSupport, Fnv1aIsTheReferenceFunction) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

}  // namespace
}  // namespace iotlint::backend::detail
