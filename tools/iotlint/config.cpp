#include "tools/iotlint/config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "passes/checks/other_device.h"

namespace iotlint::tools {

namespace fs = std::filesystem;

namespace {

/// The path as users should see it: relative to the current folder when that is shorter.
std::string shown(const fs::path& path) {
  std::error_code error;
  const fs::path relative = fs::relative(path, fs::current_path(error), error);
  if (!error && !relative.empty() && relative.string().size() < path.string().size()) return relative.string();
  return path.string();
}

}  // namespace

std::optional<std::string> deviceTopicLayoutProblem(const std::string& layout) {
  return passes::deviceTopicLayoutError(layout);
}

std::optional<ProjectConfig> readProjectConfig(const fs::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = shown(path) + ": cannot read the configuration file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/false);
  if (json.is_discarded()) {
    error = shown(path) + ": not valid JSON";
    return std::nullopt;
  }
  if (!json.is_object()) {
    error = shown(path) + ": the configuration must be a JSON object, e.g. {\"device-topic-layouts\": [\"devices/{thing}/#\"]}";
    return std::nullopt;
  }
  ProjectConfig config;
  config.path = path;
  for (const auto& [key, value] : json.items()) {
    if (key != "device-topic-layouts") {
      error = shown(path) + ": unknown key `" + key + "`; the known key is `device-topic-layouts`";
      return std::nullopt;
    }
    if (!value.is_array()) {
      error = shown(path) + ": `device-topic-layouts` must be an array of strings";
      return std::nullopt;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) {
        error = shown(path) + ": `device-topic-layouts` must be an array of strings; item " + std::to_string(i) + " is not a string";
        return std::nullopt;
      }
      const std::string layout = value[i].get<std::string>();
      if (auto problem = deviceTopicLayoutProblem(layout)) {
        error = shown(path) + ": device topic layout `" + layout + "` is malformed: " + *problem;
        return std::nullopt;
      }
      config.device_topic_layouts.push_back(layout);
    }
  }
  return config;
}

std::optional<ProjectConfig> findProjectConfig(const fs::path& folder, std::string& error) {
  std::error_code ec;
  fs::path current = fs::absolute(folder, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    const fs::path candidate = current / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return readProjectConfig(candidate, error);
    if (fs::exists(current / ".git", ec)) return std::nullopt;
    const fs::path parent = current.parent_path();
    if (parent.empty() || parent == current) return std::nullopt;
    current = parent;
  }
}

std::optional<std::string> ProjectConfigs::addLayouts(const std::string& file, std::vector<std::string>& layouts) {
  std::string folder = fs::path(file).parent_path().string();
  if (folder.empty()) folder = ".";
  std::shared_ptr<const Found> found;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<const Found>& cached = by_folder_[folder];
    if (!cached) {
      auto lookup = std::make_shared<Found>();
      lookup->config = findProjectConfig(folder, lookup->error);
      cached = std::move(lookup);
    }
    found = cached;
  }
  if (!found->error.empty()) return found->error;
  if (!found->config) return std::nullopt;
  for (const std::string& layout : found->config->device_topic_layouts) {
    if (std::find(layouts.begin(), layouts.end(), layout) == layouts.end()) layouts.push_back(layout);
  }
  return std::nullopt;
}

}  // namespace iotlint::tools
