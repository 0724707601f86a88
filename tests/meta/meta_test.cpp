// tests/meta/meta_test.cpp: what must stay true of the repository as it grows.
//
// - Every rule in ir/rules.def has its documentation page with the fixed headings, and golden
//   cases: a `fail_*` case whose expected output reports the rule and a `pass_*` case whose
//   expected output does not.
// - Layers depend one way: tools -> frontend, passes, backend -> ir; frontend, passes and backend
//   never include each other, and ANTLR (generated or runtime) is included only in frontend/src.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <map>
#include <set>

#include "ir/rules.h"
#include "tests/test_files.h"

namespace iotlint {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = IOTLINT_SOURCE_DIR;

using test_files::readText;

TEST(Rules, EveryRuleHasItsDocumentationPage) {
  static const char* kHeadings[] = {"## What it does", "## Why is this bad?", "## Example", "## Fix safety",
                                    "## Options",      "## References"};
  for (const ir::RuleInfo& rule : ir::allRules()) {
    const fs::path page = kRoot / "docs" / "rules" / (std::string(rule.id) + ".md");
    ASSERT_TRUE(fs::exists(page)) << rule.id << " has no page " << page;
    const std::string text = readText(page);
    EXPECT_TRUE(text.starts_with("# " + std::string(rule.id) + ": " + std::string(rule.name) + "\n"))
        << page << " must start with `# " << rule.id << ": " << rule.name << "`";
    std::size_t last = 0;
    for (const char* heading : kHeadings) {
      const std::size_t at = text.find(std::string("\n") + heading + "\n");
      EXPECT_NE(at, std::string::npos) << page << " lacks the heading `" << heading << "`";
      if (at != std::string::npos) {
        EXPECT_GT(at, last) << page << ": `" << heading << "` is out of order";
        last = at;
      }
    }
    EXPECT_FALSE(rule.documentation.empty()) << rule.id << ": the page is not embedded in the binary";
  }
}

TEST(Rules, EveryRuleHasFailingAndPassingGoldenCases) {
  for (const ir::RuleInfo& rule : ir::allRules()) {
    const fs::path folder = kRoot / "tests" / "golden" / "rules" / std::string(rule.id);
    ASSERT_TRUE(fs::is_directory(folder)) << rule.id << " has no golden folder " << folder;
    const std::string tag = "[" + std::string(rule.id) + "]";
    int failing = 0;
    int passing = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() != ".expected") continue;
      const std::string name = entry.path().filename().string();
      const std::string expected = readText(entry.path());
      if (name.starts_with("fail_")) {
        ++failing;
        EXPECT_NE(expected.find(rule.id), std::string::npos) << entry.path() << " does not report " << tag;
      } else if (name.starts_with("pass_")) {
        ++passing;
        EXPECT_EQ(expected.find(tag), std::string::npos) << entry.path() << " reports " << tag;
      } else {
        ADD_FAILURE() << entry.path() << ": golden case names start with fail_ or pass_";
      }
    }
    EXPECT_GT(failing, 0) << rule.id << " has no fail_ case";
    EXPECT_GT(passing, 0) << rule.id << " has no pass_ case";
  }
}

/// The layer folder an #include names, e.g. "passes" for "passes/analyze.h".
std::vector<std::string> includedLayers(const std::string& text) {
  static const std::regex kInclude(R"re(#include\s+"([a-z]+)/)re");
  std::vector<std::string> layers;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kInclude); it != std::sregex_iterator(); ++it) {
    layers.push_back((*it)[1]);
  }
  return layers;
}

TEST(Layers, DependenciesPointOneWay) {
  const std::map<std::string, std::set<std::string>> allowed = {
      {"ir", {"ir"}},
      {"frontend", {"frontend", "ir"}},
      {"passes", {"passes", "ir"}},
      {"backend", {"backend", "ir"}},
      {"tools", {"tools", "frontend", "passes", "backend", "ir"}},
  };
  static const std::regex kAutomataInclude(R"re(#include\s+"(passes/automata/|ir/|passes/))re");
  for (const auto& [layer, may_include] : allowed) {
    for (const auto& entry : fs::recursive_directory_iterator(kRoot / layer)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".h" && extension != ".cpp" && extension != ".def") continue;
      const std::string text = readText(entry.path());
      // The automata are a library of their own: no IR, no diagnostics, no other pass.
      if (entry.path().string().find("/passes/automata/") != std::string::npos) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), kAutomataInclude); it != std::sregex_iterator(); ++it) {
          EXPECT_EQ((*it)[1], "passes/automata/") << entry.path() << " includes outside passes/automata/";
        }
      }
      for (const std::string& included : includedLayers(text)) {
        EXPECT_TRUE(may_include.contains(included))
            << entry.path() << " includes from `" << included << "/`, which `" << layer << "/` must not depend on";
      }
    }
  }
}

TEST(Layers, AntlrStaysInsideTheFrontend) {
  static const std::regex kAntlr(R"re(#include\s+[<"](antlr4-runtime\.h|Policy[A-Za-z]*(Lexer|Parser)\.h))re");
  for (const char* layer : {"ir", "frontend", "passes", "backend", "tools"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kRoot / layer)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".h" && extension != ".cpp") continue;
      const bool may = entry.path().string().find("/frontend/src/") != std::string::npos;
      const bool includes = std::regex_search(readText(entry.path()), kAntlr);
      // Public frontend headers must stay ANTLR-free as well: only its .cpp files and
      // frontend/src/char_stream.h (included by .cpp files only) may see ANTLR.
      EXPECT_TRUE(!includes || may) << entry.path() << " includes ANTLR outside frontend/src/";
    }
  }
}

}  // namespace
}  // namespace iotlint
