// tests/unit/frontend/reader_inputs.h: the inputs the hand-written readers (JSON, HCL) are compared
// with the generated ones on: files under a folder, random strings of fragments, mutated files.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace iotlint::frontend::reader_inputs {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxFileBytes = 64 * 1024;

/// Regular files only: tests/golden holds a symlink to /dev/zero, which must not be read. With
/// `named`, only the files whose path it accepts.
inline std::vector<std::string> readFilesUnder(const fs::path& root, bool (*named)(const fs::path&) = nullptr) {
  std::vector<std::string> contents;
  if (!fs::is_directory(root)) return contents;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.symlink_status().type() != fs::file_type::regular || entry.file_size() >= kMaxFileBytes) continue;
    if (named != nullptr && !named(entry.path())) continue;
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());  // a stable order keeps the mutations reproducible
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    contents.push_back(text.str());
  }
  return contents;
}

/// The files under `root` that read as Terraform (with a resource block or a heredoc).
inline std::vector<std::string> terraformFilesUnder(const fs::path& root) {
  std::vector<std::string> files;
  for (std::string& text : readFilesUnder(root)) {
    if (text.find("resource") != std::string::npos || text.find("<<") != std::string::npos) files.push_back(std::move(text));
  }
  return files;
}

/// The files under `root` named `*.yaml`, `*.yml` or `*.template`.
inline std::vector<std::string> yamlFilesUnder(const fs::path& root) {
  return readFilesUnder(root, [](const fs::path& path) {
    const fs::path extension = path.extension();
    return extension == ".yaml" || extension == ".yml" || extension == ".template";
  });
}

#if defined(IOTLINT_GOLDEN_DIR) && defined(IOTLINT_CORPUS_DIR)
/// The Terraform files of the golden tests and of the real-world corpus (when present).
inline std::vector<std::string> goldenAndCorpusTerraformFiles() {
  std::vector<std::string> files = terraformFilesUnder(IOTLINT_GOLDEN_DIR);
  for (std::string& text : terraformFilesUnder(IOTLINT_CORPUS_DIR)) files.push_back(std::move(text));
  return files;
}

/// The YAML files of the golden tests and of the real-world corpus (when present).
inline std::vector<std::string> goldenAndCorpusYamlFiles() {
  std::vector<std::string> files = yamlFilesUnder(IOTLINT_GOLDEN_DIR);
  for (std::string& text : yamlFilesUnder(IOTLINT_CORPUS_DIR)) files.push_back(std::move(text));
  return files;
}
#endif

/// Pieces of JSON that exercise every lexer rule and the places where a partial match falls back.
inline const std::vector<std::string>& jsonFragments() {
  static const std::vector<std::string> kFragments = {
      "{", "}", "[", "]", ",", ":", "\"", "'", "\\", "\\\"", "\\'", "/", "*", "//", "/*", "*/", " ", "\t", "\r",
      "\n", "\r\n", "\n\r", "true", "false", "null", "tru", "nul", "True", "NULL", "-", "0", "12", ".", "e", "E",
      "+", "1.5", "-3e+7", "1e", "1.e5", "abc", "$x", "_", "a.b:c-d", "Action", "\"iot:*\"", "\xC3\xA9",
      "\xE6\x97\xA5\xE6\x9C\xAC", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", std::string(1, '\0'), "\x01", "\x1F", "\x7F",
      "\xEF\xBB\xBF", "\xE2\x80\xA8", "\xC2\xA0", "#", "@", "`", "=", ";", "(", ")"};
  return kFragments;
}

/// Up to `max_pieces` of `pieces` in a row.
inline std::string randomString(std::mt19937& random, const std::vector<std::string>& pieces = jsonFragments(),
                                std::size_t max_pieces = 40) {
  std::uniform_int_distribution<std::size_t> length(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (std::size_t n = length(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

/// A file with a few of `pieces` inserted, code points deleted or the end cut off.
inline std::string mutate(std::string text, std::mt19937& random, const std::vector<std::string>& pieces = jsonFragments()) {
  const auto at = [&] {
    std::size_t i = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) ++i;  // whole code points
    return i;
  };
  for (int n = std::uniform_int_distribution<int>(1, 4)(random); n > 0; --n) {
    switch (std::uniform_int_distribution<int>(0, 2)(random)) {
      case 0: text.insert(at(), pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)]); break;
      case 1: {
        const std::size_t begin = at();
        std::size_t end = begin + std::uniform_int_distribution<std::size_t>(1, 8)(random);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) ++end;
        text.erase(begin, end - begin);
        break;
      }
      default: text.resize(at()); break;
    }
  }
  return text;
}

/// Printable form of an input for a failure message.
inline std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 400)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20U && byte < 0x7FU && c != '\\') {
      out += c;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4U];
      out += kHex[byte & 0xFU];
    }
  }
  return out;
}

}  // namespace iotlint::frontend::reader_inputs
