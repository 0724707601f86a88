// The project configuration, `.iotlint.json`: found per folder, once per folder in a run.
#include "tools/iotlint/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_files.h"

namespace iotlint::tools {
namespace {

namespace fs = std::filesystem;
using test_files::writeText;

class ProjectConfigsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root_ / ".git");  // the walk stops here
    fs::create_directories(root_ / "fleet" / "sub");
    fs::create_directories(root_ / "broken");
    writeText(root_ / "fleet" / kConfigFileName, R"({"device-topic-layouts": ["devices/{thing}/#"]})");
    writeText(root_ / "broken" / kConfigFileName, R"({"device-topic-layout": []})");
  }

  test_files::ScratchFolder scratch_{"iotlint-config-test"};
  fs::path root_ = scratch_.path();
};

TEST_F(ProjectConfigsTest, EachFileGetsItsFoldersConfiguration) {
  ProjectConfigs configs;
  for (const char* file : {"fleet/a.json", "fleet/b.json", "fleet/sub/c.json"}) {
    std::vector<std::string> layouts{"devices/{thing}/#", "other/{thing}"};
    EXPECT_EQ(configs.addLayouts((root_ / file).string(), layouts), std::nullopt) << file;
    EXPECT_EQ(layouts, (std::vector<std::string>{"devices/{thing}/#", "other/{thing}"})) << file;  // no duplicate
  }
  std::vector<std::string> none;
  EXPECT_EQ(configs.addLayouts((root_ / "top.json").string(), none), std::nullopt);
  EXPECT_TRUE(none.empty());
  std::vector<std::string> fresh;
  EXPECT_EQ(configs.addLayouts((root_ / "fleet" / "d.json").string(), fresh), std::nullopt);
  EXPECT_EQ(fresh, std::vector<std::string>{"devices/{thing}/#"});
}

TEST_F(ProjectConfigsTest, AMalformedConfigurationIsReportedForEveryFileItCovers) {
  ProjectConfigs configs;
  for (const char* file : {"broken/a.json", "broken/b.json"}) {
    std::vector<std::string> layouts;
    const auto problem = configs.addLayouts((root_ / file).string(), layouts);
    ASSERT_TRUE(problem.has_value()) << file;
    EXPECT_NE(problem->find("unknown key `device-topic-layout`"), std::string::npos) << *problem;
  }
}

}  // namespace
}  // namespace iotlint::tools
