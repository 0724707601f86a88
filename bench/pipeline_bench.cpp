// bench/pipeline_bench.cpp: the whole pipeline, phase by phase, against the plain-JSON floor.
//
//   iotlint_bench --table [--count N] [--size BYTES] [--repeat R] [--corpus DIR] [--realworld DIR]
//       per phase (read, parse, lowering, each pass, the checks, SARIF output): the median over R
//       runs of the corpus and the cost per policy, then iotlint end to end as a multiple of
//       reading and parsing the same bytes with nlohmann::json. The corpus is generated (N
//       policies of about BYTES bytes, written to a temporary folder) unless --corpus names one;
//       the real-world policies of ../shared/corpus/realworld are measured too when present, and
//       all its files by input format (JSON, Terraform, YAML), whole process.
//       Then the whole `iotlint check --format sarif` process over the same corpus with -j1 and -j2
//       (throughput per core, the speed-up of two cores, peak resident memory, the multiple of the
//       floor), two -j1 processes on half the files each at once (two independent jobs, to
//       compare -j2 with), up to 5,000 of the policies as one JSON array (an account export;
//       -j1 and -j2), one small file (the editor's case), and each adversarial policy
//       (bench/corpus.h).
//   iotlint_bench --generate DIR [--count N] [--size BYTES] [--seed S]
//       writes the generated corpus to DIR (policy-000001.json, ...), e.g. for `iotlint check`.
//   iotlint_bench --generate-adversarial DIR
//       writes the adversarial inputs to DIR (<name>.json, .tf or .yaml), e.g. for profiling one of them.
//   iotlint_bench [Google Benchmark flags]
//       the microbenchmarks of every *_bench.cpp.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backend/sarif_report.h"
#include "bench/corpus.h"
#include "frontend/parse.h"
#include "frontend/src/json_tree.h"
#include "passes/checks/check.h"
#include "passes/pass_manager.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using iotlint::bench::CorpusOptions;

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string readWhole(const fs::path& path) {
  std::string bytes;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[8192];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
    std::fclose(f);
  }
  return bytes;
}

std::vector<fs::path> writeCorpus(const fs::path& folder, const std::vector<std::string>& policies) {
  fs::create_directories(folder);
  std::vector<fs::path> paths;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    paths.push_back(folder / fmt::format("policy-{:06}.json", i + 1));
    std::ofstream(paths.back(), std::ios::binary) << policies[i];
  }
  return paths;
}

/// The policy-json files of the real-world corpus (MANIFEST.tsv says which), or every *.json.
std::vector<fs::path> realWorldPolicies(const fs::path& folder) {
  std::vector<fs::path> paths;
  std::ifstream manifest(folder / "MANIFEST.tsv");
  std::string line;
  while (std::getline(manifest, line)) {
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos && line.ends_with("\tpolicy-json")) paths.push_back(folder / line.substr(0, tab));
  }
  if (paths.empty() && fs::is_directory(folder)) {
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".json") paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

/// Phase names in table order; passes are inserted in pass order.
struct Phases {
  std::vector<std::string> names;
  std::map<std::string, std::vector<double>> runs;  // seconds per run of the whole corpus

  void add(const std::string& name, double value, std::size_t run) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    auto& values = runs[name];
    if (values.size() <= run) values.resize(run + 1, 0.0);
    values[run] += value;
  }
  double median(const std::string& name) const {
    std::vector<double> values = runs.at(name);
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  }
};

/// A stream buffer that drops what is written.
class DiscardingBuffer : public std::streambuf {
 protected:
  std::streamsize xsputn(const char*, std::streamsize count) override { return count; }
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

/// One run over the corpus: every phase of `iotlint check --format sarif`, timed separately.
void measureRun(const std::vector<fs::path>& paths, Phases& phases, std::size_t run, std::size_t& findings) {
  using namespace iotlint;
  std::vector<std::unique_ptr<ir::SourceFile>> files;
  std::vector<ir::Diagnostic> all;
  const frontend::ParseLimits limits;
  const std::vector<passes::PassId> order = passes::passOrder();
  const passes::CheckOptions check_options;
  for (const fs::path& path : paths) {
    auto t0 = Clock::now();
    std::string bytes = readWhole(path);
    auto t1 = Clock::now();
    phases.add("read", seconds(t1 - t0), run);

    auto file = std::make_unique<ir::SourceFile>(path.string(), bytes);
    {
      ir::DiagnosticEngine scratch;
      t0 = Clock::now();
      const frontend::JsonParseResult json = frontend::parseJson(*file, scratch, limits);
      t1 = Clock::now();
      phases.add("parse (JSON tree)", seconds(t1 - t0), run);
    }
    ir::DiagnosticEngine diagnostics;
    t0 = Clock::now();
    std::optional<ir::Policy> policy = frontend::parsePolicy(*file, diagnostics, limits);
    t1 = Clock::now();
    // Lowering is what parsePolicy adds to parseJson (parseJson is deterministic, so the
    // difference of the two sums is the lowering time).
    phases.add("lowering", seconds(t1 - t0), run);
    if (policy) {
      policy->name = path.stem().string();
      passes::AnalysisManager manager(*policy, diagnostics);
      for (const passes::PassId id : order) {
        t0 = Clock::now();
        manager.run(id);
        t1 = Clock::now();
        phases.add(fmt::format("pass {}", passes::passInfo(id).name), seconds(t1 - t0), run);
      }
      t0 = Clock::now();
      passes::runChecks(passes::CheckContext{manager, check_options});
      t1 = Clock::now();
      phases.add("checks", seconds(t1 - t0), run);
    }
    std::vector<ir::Diagnostic> found = diagnostics.take();
    if (!found.empty()) {
      for (auto& d : found) all.push_back(std::move(d));
      files.push_back(std::move(file));
    }
  }
  // parsePolicy = parseJson + lowering: turn the lowering sum into the difference.
  phases.runs["lowering"][run] -= phases.runs["parse (JSON tree)"][run];

  auto t0 = Clock::now();
  iotlint::ir::sortDiagnostics(all);
  // Formatted and thrown away, as `iotlint check` writing to /dev/null: a string stream would
  // add the copies of growing a 200 MB string.
  DiscardingBuffer discard;
  std::ostream out(&discard);
  iotlint::backend::writeSarifReport(out, all, iotlint::backend::ReportOptions{});
  auto t1 = Clock::now();
  phases.add("output (sort + SARIF)", seconds(t1 - t0), run);
  findings = all.size();
}

/// The floor: reading the same files and parsing them with nlohmann::json.
void measureFloor(const std::vector<fs::path>& paths, Phases& phases, std::size_t run) {
  for (const fs::path& path : paths) {
    auto t0 = Clock::now();
    std::string bytes = readWhole(path);
    auto t1 = Clock::now();
    const nlohmann::json json = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    auto t2 = Clock::now();
    benchmark::DoNotOptimize(json.is_discarded());
    phases.add("floor read", seconds(t1 - t0), run);
    phases.add("floor nlohmann::json::parse", seconds(t2 - t1), run);
  }
}

/// Prints the phase table; returns the floor (read + nlohmann parse of every file), in seconds.
double printTable(const std::string& title, const std::vector<fs::path>& paths, std::size_t repeat) {
  std::uintmax_t bytes = 0;
  for (const auto& path : paths) bytes += fs::file_size(path);
  Phases phases;
  std::size_t findings = 0;
  for (std::size_t run = 0; run < repeat; ++run) {
    measureRun(paths, phases, run, findings);
    measureFloor(paths, phases, run);
  }
  const double n = static_cast<double>(paths.size());
  std::cout << fmt::format("\n{}: {} policies, {} bytes (mean {:.0f} B), {} findings; median of {} runs\n", title,
                           paths.size(), bytes, static_cast<double>(bytes) / n, findings, repeat);
  std::cout << fmt::format("{:<34} {:>10} {:>12} {:>10} {:>8}\n", "phase", "total ms", "us/policy", "MB/s", "share");
  double total = 0;
  std::vector<std::pair<std::string, double>> rows;
  for (const auto& name : phases.names) {
    if (name.starts_with("floor")) continue;
    rows.emplace_back(name, phases.median(name));
    total += rows.back().second;
  }
  const auto row = [&](const std::string& name, double s, double share) {
    std::cout << fmt::format("{:<34} {:>10.1f} {:>12.2f} {:>10.1f} {:>7.1f}%\n", name, s * 1e3, s * 1e6 / n,
                             static_cast<double>(bytes) / s / 1e6, share * 100);
  };
  for (const auto& [name, s] : rows) row(name, s, s / total);
  row("iotlint end to end (sum)", total, 1.0);
  const double floor_read = phases.median("floor read");
  const double floor_parse = phases.median("floor nlohmann::json::parse");
  row("floor: read", floor_read, floor_read / total);
  row("floor: nlohmann::json::parse", floor_parse, floor_parse / total);
  std::cout << fmt::format("iotlint / floor (read + nlohmann parse): {:.2f}x;  policies per second (1 core): {:.0f}\n",
                           total / (floor_read + floor_parse), n / total);
  return floor_read + floor_parse;
}

/// One run of the iotlint binary: wall time, CPU time and peak resident memory (getrusage of the child).
struct ProcessRun {
  double wall = 0;
  double cpu = 0;
  double peak_mb = 0;
  int status = -1;
};

extern "C" char** environ;

/// Runs `arguments` with standard output to /dev/null (and `out_fd`, when not -1, as the file
/// standard output goes to instead) and measures it.
ProcessRun spawnAndWait(const std::vector<std::string>& arguments, int out_fd = -1) {
  std::vector<char*> argv;
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (out_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  }
  ProcessRun run;
  const auto t0 = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return run;
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  run.wall = seconds(Clock::now() - t0);
  const auto tv = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  run.cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
  run.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

/// `iotlint_bench --measure-process COMMAND...`: runs COMMAND and prints its figures. A child
/// inherits its parent's peak memory at exec (Linux keeps the high-water mark across exec), so
/// the table's process, large after the phase runs, measures through this small intermediate.
int measureProcessMode(int argc, char** argv) {
  const ProcessRun run = spawnAndWait(std::vector<std::string>(argv + 2, argv + argc));
  std::cout << fmt::format("{} {} {} {}\n", run.wall, run.cpu, run.peak_mb, run.status);
  return 0;
}

ProcessRun runProcess(const std::vector<std::string>& arguments) {
  std::vector<std::string> measured{"/proc/self/exe", "--measure-process"};
  measured.insert(measured.end(), arguments.begin(), arguments.end());
  std::FILE* figures = std::tmpfile();
  if (figures == nullptr) return {};
  spawnAndWait(measured, ::fileno(figures));
  std::rewind(figures);
  ProcessRun run;
  if (std::fscanf(figures, "%lf %lf %lf %d", &run.wall, &run.cpu, &run.peak_mb, &run.status) != 4) run = {};
  std::fclose(figures);
  return run;
}

/// The median (by wall time) of `repeat` runs.
ProcessRun medianRun(const std::vector<std::string>& arguments, std::size_t repeat) {
  std::vector<ProcessRun> runs;
  for (std::size_t i = 0; i < repeat; ++i) runs.push_back(runProcess(arguments));
  std::sort(runs.begin(), runs.end(), [](const ProcessRun& a, const ProcessRun& b) { return a.wall < b.wall; });
  return runs[runs.size() / 2];
}

/// Wall time of two `iotlint check -j1` processes at once, each on half of `files` (hard links in
/// `scratch`): what two cores give work that shares nothing, to compare -j2 with (the cores share
/// caches and memory bandwidth, and on a VM the host's load).
double halvesAtOnceSeconds(const std::string& binary, const std::vector<fs::path>& files, const fs::path& scratch,
                           std::size_t repeat) {
  const std::array<fs::path, 2> halves{scratch / "a", scratch / "b"};
  for (const auto& half : halves) fs::create_directories(half);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path link = halves[i % 2] / fmt::format("{:07}-{}", i, files[i].filename().string());
    std::error_code error;
    fs::create_hard_link(files[i], link, error);
    if (error) fs::copy_file(files[i], link);
  }
  std::vector<double> walls;
  for (std::size_t r = 0; r < repeat; ++r) {
    const auto t0 = Clock::now();
    {
      std::jthread other([&] { runProcess({binary, "check", "--format", "sarif", "-j", "1", halves[1].string()}); });
      runProcess({binary, "check", "--format", "sarif", "-j", "1", halves[0].string()});
    }
    walls.push_back(seconds(Clock::now() - t0));
  }
  fs::remove_all(scratch);
  std::sort(walls.begin(), walls.end());
  return walls[walls.size() / 2];
}

/// An account export: the first of `corpus` (at most 5,000 policies) as one JSON array in one
/// file, with one and two jobs (its policies and verification rounds use the threads), against the
/// same policies as one file each. Fix verification re-reads a file per candidate round, so this
/// is where a cost that grows with the file would show.
void printOneFileOfManyPolicies(const std::string& binary, const std::vector<fs::path>& corpus, std::size_t repeat) {
  const std::vector<fs::path> files(corpus.begin(), corpus.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(corpus.size(), 5000)));
  if (files.size() < 2) return;
  const fs::path folder = fs::temp_directory_path() / fmt::format("iotlint-bench-export-{}", ::getpid());
  fs::create_directories(folder / "separate");
  std::string array = "[\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    array += (i ? ",\n" : "") + std::string(std::istreambuf_iterator<char>(in), {});
    fs::copy_file(files[i], folder / "separate" / files[i].filename());
  }
  array += "\n]\n";
  std::ofstream(folder / "export.json", std::ios::binary) << array;
  const ProcessRun together = medianRun({binary, "check", "--format", "sarif", "-j", "1", (folder / "export.json").string()}, repeat);
  const ProcessRun together_two = medianRun({binary, "check", "--format", "sarif", "-j", "2", (folder / "export.json").string()}, repeat);
  const ProcessRun separate = medianRun({binary, "check", "--format", "sarif", "-j", "1", (folder / "separate").string()}, repeat);
  const double n = static_cast<double>(files.size());
  std::cout << fmt::format("{} policies in one file (an account export), -j1: {:.1f} us/policy, peak {:.0f} MB; "
                           "-j2: {:.1f} us/policy ({:.2f}x), peak {:.0f} MB; one file each, -j1: {:.1f} us/policy\n",
                           files.size(), together.wall * 1e6 / n, together.peak_mb, together_two.wall * 1e6 / n,
                           together.wall / together_two.wall, together_two.peak_mb, separate.wall * 1e6 / n);
  fs::remove_all(folder);
}

/// The whole-process targets, measured on the binary users run.
/// `corpus` is the folder `iotlint check` is run on; `files`, the policies in it, sorted.
void printProcessTable(const fs::path& corpus, const std::vector<fs::path>& files, double floor_seconds, std::size_t repeat) {
  const std::size_t count = files.size();
  const std::string binary = IOTLINT_BINARY;
  if (!fs::exists(binary)) {
    std::cout << "\nwhole process: " << binary << " not built (skipped)\n";
    return;
  }
  const double n = static_cast<double>(count);
  std::cout << fmt::format("\nwhole process: iotlint check --format sarif {} ({} policies), median of {} runs\n",
                           corpus.string(), count, repeat);
  std::cout << fmt::format("{:<10} {:>10} {:>10} {:>16} {:>12} {:>10} {:>8}\n", "jobs", "wall s", "CPU s",
                           "policies/s/core", "us/policy", "peak MB", "status");
  ProcessRun one;
  for (const unsigned jobs : {1U, 2U}) {
    const ProcessRun run =
        medianRun({binary, "check", "--format", "sarif", "-j", std::to_string(jobs), corpus.string()}, repeat);
    if (jobs == 1) one = run;
    std::cout << fmt::format("{:<10} {:>10.2f} {:>10.2f} {:>16.0f} {:>12.1f} {:>10.1f} {:>8}\n", fmt::format("-j{}", jobs),
                             run.wall, run.cpu, n / run.wall / jobs, run.wall * 1e6 / n, run.peak_mb, run.status);
    if (jobs == 2) std::cout << fmt::format("two cores / one core: {:.2f}x\n", one.wall / run.wall);
  }
  const double halves = halvesAtOnceSeconds(
      binary, files, fs::temp_directory_path() / fmt::format("iotlint-bench-halves-{}", ::getpid()), repeat);
  std::cout << fmt::format("two -j1 processes at once, half the files each: {:.2f} s, {:.2f}x one process "
                           "(two independent jobs, to compare -j2 with)\n",
                           halves, one.wall / halves);
  std::cout << fmt::format("whole process -j1 / floor (read + nlohmann parse): {:.2f}x\n", one.wall / floor_seconds);
  printOneFileOfManyPolicies(binary, files, repeat);

  // The editor's case: one small policy file, process start to exit.
  const fs::path folder = fs::temp_directory_path() / fmt::format("iotlint-bench-single-{}", ::getpid());
  fs::create_directories(folder);
  const std::vector<std::string> single = iotlint::bench::generateCorpus({.count = 1, .typical_bytes = 500, .seed = 7});
  const fs::path small = writeCorpus(folder / "small", single).front();
  const ProcessRun latency = medianRun({binary, "check", small.string()}, 21);
  std::cout << fmt::format("one small file ({} bytes), whole process: {:.1f} ms median of 21 runs\n",
                           fs::file_size(small), latency.wall * 1e3);

  std::cout << "adversarial policies, each alone, whole process (median of 5):\n";
  for (const auto& policy : iotlint::bench::generateAdversarial()) {
    const fs::path path = folder / (policy.name + policy.extension);
    std::ofstream(path, std::ios::binary) << policy.text;
    const ProcessRun run = medianRun({binary, "check", "--format", "sarif", path.string()}, 5);
    std::cout << fmt::format("  {:<28} {:>7} bytes {:>9.1f} ms  status {}\n", policy.name, policy.text.size(),
                             run.wall * 1e3, run.status);
  }
  fs::remove_all(folder);
}

/// Every file of the real-world corpus by input format, each group copied `copies` times so that
/// the analysis, not the process start, is measured: what reading Terraform and CloudFormation
/// (the HCL reader, libyaml) costs next to JSON, whole process, one job.
void printRealWorldFormats(const fs::path& corpus, std::size_t repeat) {
  const std::string binary = IOTLINT_BINARY;
  if (!fs::is_directory(corpus) || !fs::exists(binary)) return;
  constexpr std::size_t kCopies = 20;
  const std::vector<std::pair<std::string, std::vector<std::string>>> formats = {
      {"JSON", {".json"}}, {"Terraform", {".tf"}}, {"YAML (CloudFormation)", {".yaml", ".yml"}}};
  std::cout << fmt::format("\nreal-world files by format ({}), each copied {} times, whole process -j1, median of {} runs\n",
                           corpus.string(), kCopies, repeat);
  std::cout << fmt::format("{:<24} {:>6} {:>10} {:>10} {:>12} {:>8}\n", "format", "files", "KB", "wall s", "us/file", "MB/s");
  for (const auto& [name, extensions] : formats) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) {
        files.push_back(entry.path());
      }
    }
    if (files.empty()) continue;
    const fs::path folder = fs::temp_directory_path() / fmt::format("iotlint-bench-format-{}", ::getpid());
    fs::create_directories(folder);
    std::uintmax_t bytes = 0;
    for (std::size_t copy = 0; copy < kCopies; ++copy) {
      for (const fs::path& file : files) {
        // Copies, not links: iotlint reads a file reached under several names once.
        fs::copy_file(file, folder / fmt::format("{:02}-{}", copy, file.filename().string()));
        bytes += fs::file_size(file);
      }
    }
    const ProcessRun run = medianRun({binary, "check", "--format", "sarif", "-j", "1", folder.string()}, repeat);
    const double count = static_cast<double>(files.size() * kCopies);
    std::cout << fmt::format("{:<24} {:>6} {:>10.0f} {:>10.2f} {:>12.1f} {:>8.1f}\n", name, files.size(),
                             static_cast<double>(bytes) / kCopies / 1024.0, run.wall, run.wall * 1e6 / count,
                             static_cast<double>(bytes) / run.wall / 1e6);
    fs::remove_all(folder);
  }
}

struct Arguments {
  std::string mode;
  std::string folder;
  std::string realworld = IOTLINT_REALWORLD_CORPUS;
  CorpusOptions corpus;
  std::size_t repeat = 5;
};

std::optional<Arguments> parseArguments(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--table") {
      args.mode = "table";
    } else if (arg == "--generate") {
      args.mode = "generate";
      args.folder = value();
    } else if (arg == "--generate-adversarial") {
      args.mode = "adversarial";
      args.folder = value();
    } else if (arg == "--corpus") {
      args.folder = value();
    } else if (arg == "--realworld") {
      args.realworld = value();
    } else if (arg == "--count") {
      args.corpus.count = std::stoul(value());
    } else if (arg == "--size") {
      args.corpus.typical_bytes = std::stoul(value());
    } else if (arg == "--seed") {
      args.corpus.seed = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (arg == "--repeat") {
      args.repeat = std::max<std::size_t>(1, std::stoul(value()));
    } else {
      return std::nullopt;  // Google Benchmark's flags
    }
  }
  return args;
}

// Microbenchmarks of one typical policy (Google Benchmark).
const std::string& typicalPolicy() {
  static const std::string policy = iotlint::bench::generateCorpus({.count = 1, .typical_bytes = 500, .seed = 7}).front();
  return policy;
}

void BM_NlohmannParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(nlohmann::json::parse(typicalPolicy()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(typicalPolicy().size()));
}
BENCHMARK(BM_NlohmannParse);

void BM_ParseJson(benchmark::State& state) {
  const iotlint::ir::SourceFile file("p.json", typicalPolicy());
  for (auto _ : state) {
    iotlint::ir::DiagnosticEngine diagnostics;
    benchmark::DoNotOptimize(iotlint::frontend::parseJson(file, diagnostics, {}));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(typicalPolicy().size()));
}
BENCHMARK(BM_ParseJson);

void BM_ParsePolicy(benchmark::State& state) {
  const iotlint::ir::SourceFile file("p.json", typicalPolicy());
  for (auto _ : state) {
    iotlint::ir::DiagnosticEngine diagnostics;
    benchmark::DoNotOptimize(iotlint::frontend::parsePolicy(file, diagnostics));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(typicalPolicy().size()));
}
BENCHMARK(BM_ParsePolicy);

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string_view(argv[1]) == "--measure-process") return measureProcessMode(argc, argv);
  const std::optional<Arguments> args = parseArguments(argc, argv);
  if (!args || args->mode.empty()) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
  }
  if (args->mode == "generate") {
    if (args->folder.empty()) {
      std::cerr << "iotlint_bench: --generate needs a folder\n";
      return 2;
    }
    writeCorpus(args->folder, iotlint::bench::generateCorpus(args->corpus));
    std::cout << "wrote " << args->corpus.count << " policies to " << args->folder << "\n";
    return 0;
  }
  if (args->mode == "adversarial") {
    if (args->folder.empty()) {
      std::cerr << "iotlint_bench: --generate-adversarial needs a folder\n";
      return 2;
    }
    fs::create_directories(args->folder);
    for (const auto& policy : iotlint::bench::generateAdversarial()) {
      std::ofstream(fs::path(args->folder) / (policy.name + policy.extension), std::ios::binary) << policy.text;
    }
    std::cout << "wrote the adversarial policies to " << args->folder << "\n";
    return 0;
  }
  std::vector<fs::path> paths;
  fs::path temporary;
  if (!args->folder.empty()) {
    for (const auto& entry : fs::recursive_directory_iterator(args->folder)) {
      if (entry.path().extension() == ".json") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
  } else {
    temporary = fs::temp_directory_path() / fmt::format("iotlint-bench-{}", ::getpid());
    paths = writeCorpus(temporary, iotlint::bench::generateCorpus(args->corpus));
  }
  const double floor_seconds = printTable(
      args->folder.empty() ? fmt::format("generated corpus (seed {})", args->corpus.seed) : args->folder, paths, args->repeat);
  printProcessTable(args->folder.empty() ? temporary : fs::path(args->folder), paths, floor_seconds,
                    std::min<std::size_t>(args->repeat, 3));
  if (!temporary.empty()) fs::remove_all(temporary);

  const std::vector<fs::path> real = realWorldPolicies(args->realworld);
  if (real.empty()) {
    std::cout << "\nreal-world corpus: not found at " << args->realworld << " (skipped)\n";
  } else {
    printTable("real-world policies (" + args->realworld + ")", real, std::max<std::size_t>(args->repeat, 21));
    printRealWorldFormats(args->realworld, std::min<std::size_t>(args->repeat, 5));
  }
  return 0;
}
