// tests/unit/tools/fix_kill_test.cpp: `iotlint check --fix` killed (SIGKILL) at random points of
// a large batch never leaves a truncated or mixed file: every file is either the original or the
// complete fixed version (writes go to a temporary file that is renamed over the original).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/test_files.h"

namespace {

namespace fs = std::filesystem;

using iotlint::test_files::readText;
using iotlint::test_files::writeText;

/// Starts `iotlint args...` in `folder`, output discarded; returns its pid.
pid_t start(const fs::path& folder, const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(folder.c_str()) != 0) ::_exit(127);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    std::string program = IOTLINT_BINARY;
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

int run(const fs::path& folder, const std::vector<std::string>& args) {
  const int status = wait(start(folder, args));
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string policy(int i) {
  // A safe fix (Connect on any client id) and an unsafe one (Subscribe on a `topic/` resource),
  // padded so that each write has some size.
  std::string text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"connect" + std::to_string(i) +
                     "\",\n      \"Effect\": \"Allow\",\n      \"Action\": \"iot:Connect\",\n"
                     "      \"Resource\": \"arn:aws:iot:us-east-1:123456789012:client/*\"\n    },\n";
  text += "    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"iot:Subscribe\",\n      \"Resource\": [\n";
  for (int t = 0; t < 10; ++t) {
    text += "        \"arn:aws:iot:us-east-1:123456789012:topicfilter/app/" + std::to_string(i) + "/" + std::to_string(t) + "/#\",\n";
  }
  text += "        \"arn:aws:iot:us-east-1:123456789012:topic/sensors/" + std::to_string(i) + "/#\"\n      ]\n    }\n  ]\n}\n";
  return text;
}

TEST(FixKill, KilledRunsLeaveOriginalOrCompleteFiles) {
  std::string name = (fs::temp_directory_path() / "iotlint-kill-XXXXXX").string();
  const fs::path root = ::mkdtemp(name.data());
  constexpr int kFiles = 30;
  fs::create_directories(root / "in");
  for (int i = 0; i < kFiles; ++i) writeText(root / "in" / ("p" + std::to_string(100 + i) + ".json"), policy(i));
  const std::vector<std::string> fix_args{"check", "--fix", "--unsafe-fixes", "--no-snippets", "work"};

  // The expected fixed files, and how long a complete run takes.
  ASSERT_NE(run(root, {"check", "--unsafe-fixes", "--fix-to", "expected", "in"}), 2);
  fs::remove_all(root / "work");
  fs::copy(root / "in", root / "work");
  const auto started = std::chrono::steady_clock::now();
  ASSERT_NE(run(root, fix_args), 2);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  for (int i = 0; i < kFiles; ++i) {
    const std::string file = "p" + std::to_string(100 + i) + ".json";
    const std::string expected = readText(root / "expected" / "in" / file);
    ASSERT_NE(expected, policy(i)) << "the policy should be fixable";
    EXPECT_EQ(readText(root / "work" / file), expected);
  }
  // A second run changes nothing.
  ASSERT_NE(run(root, fix_args), 2);
  for (int i = 0; i < kFiles; ++i) {
    const std::string file = "p" + std::to_string(100 + i) + ".json";
    EXPECT_EQ(readText(root / "work" / file), readText(root / "expected" / "in" / file));
  }

  std::mt19937 random(7);
  int partial_runs = 0;
  for (int trial = 0; trial < 8; ++trial) {
    fs::remove_all(root / "work");
    fs::copy(root / "in", root / "work");
    const auto delay = std::chrono::microseconds(
        std::uniform_int_distribution<long long>(0, std::max<long long>(1, full.count()))(random));
    const pid_t pid = start(root, fix_args);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    wait(pid);
    int fixed = 0;
    for (int i = 0; i < kFiles; ++i) {
      const std::string file = "p" + std::to_string(100 + i) + ".json";
      const std::string now = readText(root / "work" / file);
      const std::string expected = readText(root / "expected" / "in" / file);
      EXPECT_TRUE(now == policy(i) || now == expected) << "trial " << trial << ": " << file << " is neither:\n" << now;
      if (now == expected) ++fixed;
    }
    if (fixed > 0 && fixed < kFiles) ++partial_runs;
  }
  // Not asserted (timing-dependent), but shown: how many kills landed in the middle of the batch.
  std::cout << "[ kill test ] " << partial_runs << " of 8 kills interrupted the batch part-way\n";
  std::error_code error;
  fs::remove_all(root, error);
}

}  // namespace
