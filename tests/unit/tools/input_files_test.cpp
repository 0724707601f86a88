// Which files a `check` run reads: folders walked in name order, policy file names only, links
// followed without looping, each file once under the first name it was reached by.
#include "tools/iotlint/input_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_files.h"

namespace iotlint::tools {
namespace {

namespace fs = std::filesystem;
using test_files::writeText;

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root_ / "fleet" / "b-sub");
    fs::create_directories(root_ / "fleet" / "a-sub");
    for (const char* file : {"fleet/z.json", "fleet/a.JSON", "fleet/m.yaml", "fleet/n.yml", "fleet/t.template",
                             "fleet/main.tf", "fleet/notes.txt", "fleet/.json", "fleet/README", "fleet/a-sub/x.json",
                             "fleet/b-sub/y.json"}) {
      writeText(root_ / file, "{}");
    }
  }

  std::string at(const std::string& relative) const { return (root_ / relative).string(); }

  /// The paths collected, relative to the test folder, each with `*` when it was walked.
  std::vector<std::string> collect(const std::vector<std::string>& relative, unsigned jobs = 1) const {
    std::vector<std::string> paths;
    for (const auto& path : relative) paths.push_back(at(path));
    const InputSet inputs = collectInputs(paths, jobs);
    std::vector<std::string> found;
    for (const InputFile& file : inputs.files) {
      found.push_back(fs::path(file.path).lexically_relative(root_).string() + (file.walked ? "*" : ""));
    }
    return found;
  }

  test_files::ScratchFolder scratch_{"iotlint-input-files-test"};
  fs::path root_ = scratch_.path();
};

TEST_F(InputFilesTest, FoldersAreWalkedForPolicyFileNamesSortedByPath) {
  EXPECT_EQ(collect({"fleet"}), (std::vector<std::string>{"fleet/a-sub/x.json*", "fleet/a.JSON*", "fleet/b-sub/y.json*",
                                                          "fleet/m.yaml*", "fleet/main.tf*", "fleet/n.yml*",
                                                          "fleet/t.template*", "fleet/z.json*"}));
  // A trailing slash names the same folder and gives the same paths.
  EXPECT_EQ(collect({"fleet/"}), collect({"fleet"}));
}

TEST_F(InputFilesTest, NamedFilesAreReadWhateverTheirNameAndAreNotWalked) {
  EXPECT_EQ(collect({"fleet/notes.txt", "fleet/a-sub"}), (std::vector<std::string>{"fleet/a-sub/x.json*", "fleet/notes.txt"}));
}

TEST_F(InputFilesTest, AFileReachedUnderSeveralNamesIsReadOnceUnderTheFirst) {
  fs::create_symlink(root_ / "fleet" / "z.json", root_ / "fleet" / "b-sub" / "link-to-z.json");
  // Named first, then found in the folder (twice: itself and through the link).
  const auto named_first = collect({"fleet/z.json", "fleet"});
  EXPECT_EQ(std::count(named_first.begin(), named_first.end(), "fleet/z.json"), 1);
  EXPECT_EQ(std::count(named_first.begin(), named_first.end(), "fleet/z.json*"), 0);
  EXPECT_EQ(std::count(named_first.begin(), named_first.end(), "fleet/b-sub/link-to-z.json*"), 0);
  // Walked only: a folder's files come before its sub-folders, so z.json is reached first under
  // its own name.
  const auto walked = collect({"fleet"});
  EXPECT_EQ(std::count(walked.begin(), walked.end(), "fleet/z.json*"), 1);
  EXPECT_EQ(std::count(walked.begin(), walked.end(), "fleet/b-sub/link-to-z.json*"), 0);
  // The same path twice, and a name through `..`.
  EXPECT_EQ(collect({"fleet/z.json", "fleet/a-sub/../z.json", "fleet/z.json"}), (std::vector<std::string>{"fleet/z.json"}));
}

TEST_F(InputFilesTest, LinkLoopsEndWithANoticeAndDanglingLinksAreSkipped) {
  fs::create_directory_symlink(root_ / "fleet", root_ / "fleet" / "a-sub" / "back-to-fleet");
  fs::create_symlink(root_ / "missing.json", root_ / "fleet" / "dangling.json");
  const InputSet inputs = collectInputs({at("fleet")});
  EXPECT_EQ(inputs.files.size(), 8U);
  ASSERT_EQ(inputs.problems.size(), 1U);
  EXPECT_EQ(inputs.problems[0].path, at("fleet/a-sub/back-to-fleet"));
  EXPECT_NE(inputs.problems[0].message.find("symbolic link loop"), std::string::npos);
  EXPECT_FALSE(inputs.problems[0].fatal);
}

TEST_F(InputFilesTest, AMissingPathIsAProblem) {
  const InputSet inputs = collectInputs({at("nowhere"), at("fleet/z.json")});
  EXPECT_EQ(inputs.files.size(), 1U);
  ASSERT_EQ(inputs.problems.size(), 1U);
  EXPECT_EQ(inputs.problems[0].path, at("nowhere"));
  EXPECT_EQ(inputs.problems[0].message, "no such file or folder");
  EXPECT_TRUE(inputs.problems[0].fatal);
}

TEST_F(InputFilesTest, ThreadsDoNotChangeWhatIsCollected) {
  fs::create_directories(root_ / "many");
  for (int i = 0; i < 1500; ++i) writeText(root_ / "many" / ("p" + std::to_string(i) + ".json"), "{}");
  for (int i = 0; i < 1500; i += 7) {
    fs::create_symlink(root_ / "many" / ("p" + std::to_string(i) + ".json"), root_ / "many" / ("l" + std::to_string(i) + ".json"));
  }
  const auto one = collect({"many", "fleet", "many/p3.json"}, 1);
  EXPECT_EQ(one.size(), 1500U + 8U);
  EXPECT_EQ(collect({"many", "fleet", "many/p3.json"}, 3), one);
}

}  // namespace
}  // namespace iotlint::tools
