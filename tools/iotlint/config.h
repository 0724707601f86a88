// tools/iotlint/config.h: the project configuration file, `.iotlint.json`.
//
// iotlint looks for `.iotlint.json` in the folder of each checked file, then in each parent
// folder, and stops at the first one it finds, at the first folder that holds `.git` (after
// looking there), or at the filesystem root. The file is a JSON object:
//
//   {"device-topic-layouts": ["devices/{thing}/#"]}
//
// `device-topic-layouts` adds per-device topic layouts to those given with --device-topic-layout
// (docs/configuration.md). Unknown keys and malformed layouts are errors: a typo must not turn a
// check off silently.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace iotlint::tools {

inline constexpr const char* kConfigFileName = ".iotlint.json";

struct ProjectConfig {
  std::filesystem::path path;  ///< where the file was found
  std::vector<std::string> device_topic_layouts;
};

/// The configuration that applies to files in `folder`, if any. On a file that cannot be read or
/// is malformed, returns nullopt and sets `error` (naming the file).
std::optional<ProjectConfig> findProjectConfig(const std::filesystem::path& folder, std::string& error);

/// Reads one configuration file (exposed for tests). Sets `error` and returns nullopt when the
/// file cannot be read or is malformed.
std::optional<ProjectConfig> readProjectConfig(const std::filesystem::path& path, std::string& error);

/// Why a per-device topic layout is malformed, or nullopt when it is valid.
std::optional<std::string> deviceTopicLayoutProblem(const std::string& layout);

/// The configurations of one run, looked up once per folder: the files of a folder share its
/// answer, so a folder of 50,000 policies does not repeat the walk up to `.git` for each.
/// Thread-safe: the worker threads of `iotlint check` share one.
class ProjectConfigs {
 public:
  /// Adds the layouts of the configuration that applies to `file` to `layouts` (skipping
  /// duplicates). Returns an error message when that configuration is malformed.
  std::optional<std::string> addLayouts(const std::string& file, std::vector<std::string>& layouts);

 private:
  struct Found {
    std::optional<ProjectConfig> config;
    std::string error;
  };
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Found>> by_folder_;
};

}  // namespace iotlint::tools
