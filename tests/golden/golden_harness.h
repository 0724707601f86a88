// tests/golden/golden_harness.h: running the iotlint binary on a case and comparing its output
// with the expected file beside the input.
//
// Set IOTLINT_UPDATE_GOLDEN=1 to rewrite expected files from the actual output instead of
// comparing; review the diff with git afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_files.h"

namespace iotlint::golden {

struct CommandResult {
  std::string output;  ///< standard output, then standard error
  int exit_status = -1;
};

/// Runs `program args...` in `folder` (no shell), capturing its output.
CommandResult runProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::filesystem::path& folder);

/// Reads `path`; an absent file reads as empty.
using test_files::readText;

/// Whitespace-separated words of a `.args` file (absent: none).
std::vector<std::string> readArgs(const std::filesystem::path& path);

bool updating();

/// Compares `actual` with the file, or rewrites it when updating. Returns a failure message, or
/// an empty string on success.
std::string compareOrUpdate(const std::filesystem::path& expected_path, const std::string& actual);

/// `text` as a GoogleTest parameter name: every character but letters and digits becomes `_`.
std::string testNameOf(std::string text);

/// Every file under `root` whose name ends with `suffix`, sorted.
std::vector<std::filesystem::path> findCases(const std::filesystem::path& root, const std::string& suffix);

}  // namespace iotlint::golden
