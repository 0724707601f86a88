#include "tests/golden/golden_harness.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace iotlint::golden {

CommandResult runProgram(const std::string& program, const std::vector<std::string>& args,
                         const std::filesystem::path& folder) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    if (::chdir(folder.c_str()) != 0) ::_exit(127);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<std::size_t>(got));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string testNameOf(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

std::vector<std::string> readArgs(const std::filesystem::path& path) {
  std::istringstream in(readText(path));
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool updating() {
  const char* value = std::getenv("IOTLINT_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

std::string compareOrUpdate(const std::filesystem::path& expected_path, const std::string& actual) {
  if (updating()) {
    std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
    out << actual;
    return out ? std::string() : "cannot write " + expected_path.string();
  }
  if (!std::filesystem::exists(expected_path)) {
    return expected_path.string() + " does not exist; run with IOTLINT_UPDATE_GOLDEN=1 to create it";
  }
  const std::string expected = readText(expected_path);
  if (expected == actual) return {};
  return "output differs from " + expected_path.string() + "\n--- expected\n" + expected + "\n--- actual\n" + actual +
         "\nTo accept the new output: IOTLINT_UPDATE_GOLDEN=1 ctest -R golden";
}

std::vector<std::filesystem::path> findCases(const std::filesystem::path& root, const std::string& suffix) {
  std::vector<std::filesystem::path> cases;
  if (!std::filesystem::exists(root)) return cases;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > suffix.size() && name.ends_with(suffix)) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace iotlint::golden
