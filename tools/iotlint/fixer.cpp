// tools/iotlint/fixer.cpp: see fixer.h.
#include "tools/iotlint/fixer.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "backend/diff.h"
#include "passes/fixes/fixes.h"
#include "tools/iotlint/ordered_parallel.h"

namespace iotlint::tools {

namespace fs = std::filesystem;

namespace {

using RuleCounts = std::map<ir::RuleId, std::size_t>;

RuleCounts countRules(const std::vector<ir::Diagnostic>& diagnostics) {
  RuleCounts counts;
  for (const auto& diagnostic : diagnostics) ++counts[diagnostic.rule];
  return counts;
}

std::size_t countOf(const RuleCounts& counts, ir::RuleId rule) {
  const auto found = counts.find(rule);
  return found == counts.end() ? 0 : found->second;
}

/// Which policy's document holds a range: policies do not overlap, so the last one that starts at
/// or before the range is the only one that can.
class PolicyLocator {
 public:
  explicit PolicyLocator(const std::vector<ir::Policy>& policies) : count_(policies.size()) {
    for (std::size_t i = 0; i < policies.size(); ++i) documents_.push_back({policies[i].range, i});
    std::sort(documents_.begin(), documents_.end(), [](const Document& a, const Document& b) { return a.range < b.range; });
  }

  /// The index of the policy holding `range`; the number of policies when none does.
  std::size_t operator()(ir::SourceRange range) const {
    const auto after = std::upper_bound(documents_.begin(), documents_.end(), range.begin,
                                        [](std::uint32_t begin, const Document& d) { return begin < d.range.begin; });
    if (after == documents_.begin() || !std::prev(after)->range.contains(range)) return count_;
    return std::prev(after)->policy;
  }

 private:
  struct Document {
    ir::SourceRange range;
    std::size_t policy;
  };
  std::vector<Document> documents_;
  std::size_t count_;
};

/// Rule counts of a file's diagnostics per policy (by the document that holds the diagnostic);
/// the last entry counts the diagnostics outside every policy.
std::vector<RuleCounts> countRulesByPolicy(const FileAnalysis& analysis) {
  const PolicyLocator policyOf(analysis.policies);
  std::vector<RuleCounts> counts(analysis.policies.size() + 1);
  for (const auto& diagnostic : analysis.diagnostics) {
    ++counts[diagnostic.file == nullptr ? analysis.policies.size() : policyOf(diagnostic.range)][diagnostic.rule];
  }
  return counts;
}

bool wellFormed(std::span<const ir::Edit> edits, std::size_t size) {
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].range.begin > edits[i].range.end || edits[i].range.end > size) return false;
    if (i > 0 && edits[i - 1].range.end > edits[i].range.begin) return false;
  }
  return !edits.empty();
}

struct Verdict {
  bool ok = false;
  ir::FixSafety safety = ir::FixSafety::kUnsafe;
  std::string reason;
};

std::string editsKey(const ir::Diagnostic& diagnostic, const ir::Fix& fix) {
  std::string key = fmt::format("{}|{}|", static_cast<int>(diagnostic.rule), static_cast<int>(fix.safety));
  for (const auto& edit : fix.edits) key += fmt::format("{}-{}:{}\x1f", edit.range.begin, edit.range.end, edit.replacement);
  return key;
}

/// One distinct candidate fix of the file, and the policy its finding is in.
struct Candidate {
  const ir::Diagnostic* diagnostic;
  const ir::Fix* fix;
  std::size_t policy;  ///< base.policies.size() when the finding is outside every policy
};
/// A candidate with its key (editsKey): candidates with the same key get the same verdict.
using KeyedCandidate = std::pair<std::string, Candidate>;

/// The verdict on a candidate from the rule counts before and after it and the grants of its
/// policy before and after it.
Verdict judge(const Candidate& candidate, const RuleCounts& before, const RuleCounts& after,
              const passes::Grants& was, const passes::Grants& now, const FixSettings& settings) {
  const ir::Diagnostic& diagnostic = *candidate.diagnostic;
  Verdict verdict;
  for (const auto& [rule, count] : after) {
    const std::size_t previous = countOf(before, rule);
    if (rule == diagnostic.rule ? count >= previous && previous > 0 : count > previous) {
      verdict.reason = rule == diagnostic.rule
                           ? std::string("the fixed policy is still reported")
                           : fmt::format("the fixed policy would be reported for `{}`", ir::ruleInfo(rule).id);
      return verdict;
    }
  }
  if (countOf(after, diagnostic.rule) >= countOf(before, diagnostic.rule)) {
    verdict.reason = "the fixed policy is still reported";
    return verdict;
  }
  const passes::GrantComparison comparison = passes::compareGrants(was, now, settings.analysis.render);
  if (!comparison.comparable) {
    verdict.reason = comparison.reason;
    return verdict;
  }
  if (!comparison.no_new_other_access) {
    verdict.reason = "it would grant access to other devices: " + comparison.reason;
    return verdict;
  }
  const passes::FixContract contract = passes::fixContractOf(diagnostic.rule);
  if (contract == passes::FixContract::kNarrowing && !comparison.subset) {
    verdict.reason = "it would grant more than the original: " + comparison.reason;
    return verdict;
  }
  verdict.ok = true;
  const bool proven_safe = contract == passes::FixContract::kNarrowing && comparison.subset && comparison.self_unchanged;
  verdict.safety = candidate.fix->safety == ir::FixSafety::kSafe && proven_safe ? ir::FixSafety::kSafe : ir::FixSafety::kUnsafe;
  return verdict;
}

/// The analysis that judges candidate edits: only rule counts by policy and the grants are read, so
/// findings need no witnesses (the analysis of each policy costs ~15% less).
passes::AnalysisOptions verdictOptions(const FixSettings& settings) {
  passes::AnalysisOptions options = settings.analysis;
  options.dump_stream = nullptr;
  options.print_ir_after.clear();
  options.need_witnesses = false;
  return options;
}

/// The file re-read with candidate edits applied, to judge them.
FileAnalysis analyzeForVerdict(const ir::SourceFile& file, std::span<const ir::Edit> edits, const FixSettings& settings,
                               const std::vector<bool>* analysed = nullptr) {
  return analyzeSource(file.path(), applyEdits(file.contents(), edits), settings.input, verdictOptions(settings), analysed,
                       settings.jobs);
}

/// Verifies a candidate alone: the whole file re-read with its edits applied.
Verdict verifyAlone(const FileAnalysis& base, const RuleCounts& base_counts, const Candidate& candidate,
                    const FixSettings& settings) {
  const ir::SourceFile& file = *base.file;
  Verdict verdict;
  if (!wellFormed(candidate.fix->edits, file.size())) {
    verdict.reason = "the candidate edits overlap";
    return verdict;
  }
  if (candidate.policy == base.policies.size()) {
    verdict.reason = "the finding is outside any policy";
    return verdict;
  }
  const FileAnalysis after = analyzeForVerdict(file, candidate.fix->edits, settings);
  if (after.policies.size() != base.policies.size()) {
    verdict.reason = "the fixed text does not read as the same policies";
    return verdict;
  }
  return judge(candidate, base_counts, countRules(after.diagnostics), base.grants[candidate.policy],
               after.grants[candidate.policy], settings);
}

/// A file of many policies (a template, CLI output) would be re-read once per candidate,
/// each time whole: quadratic in its size. Instead, candidates of different policies are verified
/// together, one per policy per re-reading. Policies are analysed independently, so each
/// candidate's policy reads, counts and grants exactly as it would with that candidate alone, and
/// the other policies' findings, unchanged when it is alone, cancel out of the comparison: a
/// candidate is judged on its own policy's rule counts. Only the batch's policies are lowered and
/// analysed, even for a batch of one. A re-reading that does not give the same
/// policies, or changes the findings outside every policy, proves nothing about any one
/// candidate; its candidates are then verified alone. Rounds are independent of each other, so
/// they run on up to `settings.jobs` threads. Returns the verdicts reached, by key.
std::map<std::string, Verdict> verifyTogether(const FileAnalysis& base, const std::vector<KeyedCandidate>& candidates,
                                              const FixSettings& settings) {
  std::map<std::string, Verdict> verdicts;
  const ir::SourceFile& file = *base.file;
  std::vector<std::vector<const KeyedCandidate*>> per_policy(base.policies.size());
  for (const auto& entry : candidates) {
    const Candidate& candidate = entry.second;
    if (candidate.policy == base.policies.size() || !wellFormed(candidate.fix->edits, file.size())) continue;
    const ir::SourceRange document = base.policies[candidate.policy].range;
    const bool inside = std::all_of(candidate.fix->edits.begin(), candidate.fix->edits.end(),
                                    [&](const ir::Edit& edit) { return document.contains(edit.range); });
    if (inside) per_policy[candidate.policy].push_back(&entry);
  }
  std::size_t rounds = 0;
  for (const auto& list : per_policy) rounds = std::max(rounds, list.size());
  const std::vector<RuleCounts> base_counts = countRulesByPolicy(base);
  // The rounds share the threads; a round's policies get what is left (all of them for one round),
  // so that no more than `jobs` threads run at once.
  const auto round_threads = static_cast<unsigned>(std::clamp<std::size_t>(rounds, 1, std::max(settings.jobs, 1U)));
  FixSettings per_round = settings;
  per_round.jobs = std::max(1U, settings.jobs / round_threads);
  using RoundVerdicts = std::vector<std::pair<std::string, Verdict>>;
  orderedParallelFor(
      rounds, round_threads,
      [&](std::size_t round) {
        RoundVerdicts reached;
        std::vector<const KeyedCandidate*> batch;
        std::vector<ir::Edit> edits;
        std::vector<bool> analysed(base.policies.size(), false);  // the others are not judged
        for (const auto& list : per_policy) {
          if (round >= list.size()) continue;
          batch.push_back(list[round]);
          analysed[list[round]->second.policy] = true;
          edits.insert(edits.end(), list[round]->second.fix->edits.begin(), list[round]->second.fix->edits.end());
        }
        // A batch of one is verified here too: alone, the whole file would be re-analysed, and
        // the last rounds of an export hold one candidate each.
        std::sort(edits.begin(), edits.end(), [](const ir::Edit& a, const ir::Edit& b) { return a.range < b.range; });
        const FileAnalysis after = analyzeForVerdict(file, edits, per_round, &analysed);
        if (after.policies.size() != base.policies.size()) return reached;
        const std::vector<RuleCounts> after_counts = countRulesByPolicy(after);
        if (after_counts.back() != base_counts.back()) return reached;
        for (const auto* entry : batch) {
          const Candidate& candidate = entry->second;
          const std::size_t p = candidate.policy;
          reached.emplace_back(entry->first,
                               judge(candidate, base_counts[p], after_counts[p], base.grants[p], after.grants[p], settings));
        }
        return reached;
      },
      [&](std::size_t, RoundVerdicts reached) {
        for (auto& [key, verdict] : reached) verdicts.emplace(std::move(key), std::move(verdict));
      });
  return verdicts;
}

/// A problem with the text as such (syntax, encoding, nesting, size) rather than with a policy in it.
bool isReadingProblem(const ir::Diagnostic& diagnostic) {
  switch (diagnostic.rule) {
    case ir::RuleId::kJsonSyntax:
    case ir::RuleId::kInvalidUtf8:
    case ir::RuleId::kNestingTooDeep:
    case ir::RuleId::kInputTooLarge: return true;
    default: return false;
  }
}

/// Whether a file's policies can each be verified on its own document: a JSON array of policy
/// documents (an account export) that was read without a reading problem (IL100-IL103). Each
/// document is then a complete JSON value inside the array, and the file reads the same with one of
/// them replaced by any other complete object: re-reading the edited document alone says all that
/// re-reading the whole file would about its policy, for the cost of one policy instead of a file.
bool documentsStandAlone(const FileAnalysis& base) {
  return base.format == frontend::InputFormat::kPolicy && base.policies.size() > 1 &&
         std::none_of(base.diagnostics.begin(), base.diagnostics.end(), isReadingProblem);
}

/// Verifies a candidate of a file whose documents stand alone (documentsStandAlone) on its policy's
/// document: the document's text with the edits applied, read as one policy document. The edited
/// document must read as exactly one policy without a reading problem (what keeps the rest of the
/// file reading as before), nested one level less deep than the limit (the array is one level), and
/// the file must stay within the size limit; then the candidate is judged on its policy's findings
/// and grants, as verifyTogether judges it. Nothing is returned for a candidate whose edits are not
/// all inside its document (verifyAlone decides those).
std::optional<Verdict> verifyOnOwnDocument(const FileAnalysis& base, const std::vector<RuleCounts>& base_counts,
                                           const Candidate& candidate, const FixSettings& settings) {
  const ir::SourceFile& file = *base.file;
  if (candidate.policy == base.policies.size() || !wellFormed(candidate.fix->edits, file.size())) return std::nullopt;
  const ir::SourceRange document = base.policies[candidate.policy].range;
  std::vector<ir::Edit> edits;
  for (const ir::Edit& edit : candidate.fix->edits) {
    if (!document.contains(edit.range)) return std::nullopt;
    edits.push_back({{edit.range.begin - document.begin, edit.range.end - document.begin}, edit.replacement});
  }
  std::string text = applyEdits(file.contents().substr(document.begin, document.end - document.begin), edits);
  const std::size_t fixed_file_size = file.size() - (document.end - document.begin) + text.size();
  Verdict verdict;
  verdict.reason = "the fixed text does not read as the same policies";
  if (fixed_file_size > settings.input.limits.max_file_bytes || settings.input.limits.max_nesting_depth < 2) return verdict;
  frontend::InputOptions input = settings.input;
  input.format = frontend::InputFormat::kPolicy;
  input.named_explicitly = true;
  input.limits.max_nesting_depth -= 1;
  const FileAnalysis after = analyzeSource(file.path(), std::move(text), input, verdictOptions(settings));
  const bool one_policy_read_cleanly =
      after.policies.size() == 1 && std::none_of(after.diagnostics.begin(), after.diagnostics.end(), isReadingProblem);
  if (!one_policy_read_cleanly) return verdict;
  return judge(candidate, base_counts[candidate.policy], countRules(after.diagnostics), base.grants[candidate.policy],
               after.grants.front(), settings);
}

/// verifyOnOwnDocument for every candidate it can decide, on up to `settings.jobs` threads.
/// Returns the verdicts reached, by key.
std::map<std::string, Verdict> verifyOnOwnDocuments(const FileAnalysis& base, const std::vector<KeyedCandidate>& candidates,
                                                    const FixSettings& settings) {
  const std::vector<RuleCounts> base_counts = countRulesByPolicy(base);
  std::map<std::string, Verdict> verdicts;
  constexpr std::size_t kCandidatesPerChunk = 16;  // each is one policy re-read and re-analysed, ~0.1 ms
  orderedParallelForInChunks(
      candidates.size(), std::max(settings.jobs, 1U), kCandidatesPerChunk,
      [&](std::size_t i) { return verifyOnOwnDocument(base, base_counts, candidates[i].second, settings); },
      [&](std::size_t i, std::optional<Verdict> verdict) {
        if (verdict) verdicts.emplace(candidates[i].first, std::move(*verdict));
      });
  return verdicts;
}

/// The grants an export keeps for verifying fixes are mostly the same few languages: of 420,000
/// (21 actions of 20,000 generated policies), 824 distinct automata. Each policy's analysis built
/// its own copies; kept, they were the largest part of the export's memory (73 of 180 MB). Grants
/// given to share() hold one copy of each automaton of the file instead.
class SharedLanguages {
 public:
  void share(passes::Grants& grants) {
    // Actions of a policy often share one language already (the coverage pass computes actions
    // with the same statements once): each representation is looked up once.
    std::vector<std::pair<automata::Language, automata::Language>> seen;  // as built -> shared
    for (auto& action : grants.actions) {
      const auto known = std::find_if(seen.begin(), seen.end(),
                                      [&](const auto& pair) { return pair.first.sharesRepresentationWith(action.effective); });
      if (known != seen.end()) {
        action.effective = known->second;
        continue;
      }
      automata::Language shared = lookUp(action.effective);
      seen.emplace_back(std::move(action.effective), shared);
      action.effective = std::move(shared);
    }
  }

 private:
  automata::Language lookUp(const automata::Language& language) {
    std::vector<automata::Language>& bucket = by_hash_[language.automataHash()];
    for (const automata::Language& candidate : bucket) {
      if (candidate.hasSameAutomataAs(language)) return candidate;
    }
    bucket.push_back(language);
    return language;
  }

  std::unordered_map<std::size_t, std::vector<automata::Language>> by_hash_;
};

struct Span {
  std::uint32_t begin;
  std::uint32_t end;
};

Span spanOf(const ir::Fix& fix) {
  Span span{fix.edits.front().range.begin, fix.edits.front().range.end};
  for (const auto& edit : fix.edits) {
    span.begin = std::min(span.begin, edit.range.begin);
    span.end = std::max(span.end, edit.range.end);
  }
  return span;
}

bool touches(const Span& a, const Span& b) { return a.begin <= b.end && b.begin <= a.end; }

std::string shellQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

FileAnalysis analyzeSource(std::string path, std::string contents, const frontend::InputOptions& input,
                           const passes::AnalysisOptions& analysis_options, const std::vector<bool>* analysed,
                           unsigned jobs, KeptOfPolicies kept) {
  FileAnalysis analysis;
  analysis.file = std::make_unique<ir::SourceFile>(std::move(path), std::move(contents));
  ir::DiagnosticEngine diagnostics;
  // A policy that is not analysed is not lowered either, only located: half the cost of re-reading
  // an export for a few of its policies.
  frontend::InputOptions reading = input;
  reading.lowered_policies = analysed;
  frontend::ParsedInput parsed = frontend::parseInput(*analysis.file, diagnostics, reading);
  analysis.format = parsed.format;
  const auto wanted = [&](std::size_t i) { return analysed == nullptr || (i < analysed->size() && (*analysed)[i]); };
  std::size_t work = 0;
  for (std::size_t i = 0; i < parsed.policies.size(); ++i) {
    if (wanted(i)) ++work;
  }
  // Policies are analysed independently. A thread is worth starting for a few dozen of them (an
  // analysis takes ~0.1 ms); IR dumps keep to one thread. Results are taken in policy order.
  constexpr std::size_t kPoliciesPerThread = 32;
  constexpr std::size_t kPoliciesPerChunk = 16;
  // (The driver always sets a dump stream; only a --print-ir-after run dumps.)
  const auto threads =
      analysis_options.dumpsIr() ? 1U : static_cast<unsigned>(std::clamp<std::size_t>(work / kPoliciesPerThread, 1, std::max(jobs, 1U)));
  struct PolicyAnalysis {
    passes::Grants grants;
    std::vector<ir::Diagnostic> findings;
  };
  SharedLanguages languages;
  orderedParallelForInChunks(
      parsed.policies.size(), threads, kPoliciesPerChunk,
      [&](std::size_t i) {
        PolicyAnalysis result;
        if (!wanted(i)) return result;
        ir::DiagnosticEngine findings;
        ir::Policy& policy = parsed.policies[i];
        result.grants = passes::analyzePolicy(policy, analysis_options, findings);
        result.findings = findings.take();
        if (kept == KeptOfPolicies::kForVerifyingFixes) {
          const bool candidates = std::any_of(result.findings.begin(), result.findings.end(),
                                              [](const ir::Diagnostic& d) { return !d.fixes.empty(); });
          if (!candidates) result.grants = passes::Grants{};
          std::vector<ir::Statement>().swap(policy.statements);
          policy.version_string.reset();
        }
        return result;
      },
      [&](std::size_t, PolicyAnalysis result) {
        if (kept == KeptOfPolicies::kForVerifyingFixes) languages.share(result.grants);
        analysis.grants.push_back(std::move(result.grants));
        diagnostics.append(std::move(result.findings));
      });
  analysis.policies = std::move(parsed.policies);
  analysis.diagnostics = diagnostics.take();
  return analysis;
}

FileAnalysis analyzeText(std::string path, std::string contents, const FixSettings& settings) {
  if (!settings.analysis.dumpsIr()) {
    return analyzeSource(std::move(path), std::move(contents), settings.input, settings.analysis, nullptr, settings.jobs);
  }
  passes::AnalysisOptions quiet = settings.analysis;  // re-reading a fixed text never dumps IR
  quiet.dump_stream = nullptr;
  quiet.print_ir_after.clear();
  return analyzeSource(std::move(path), std::move(contents), settings.input, quiet, nullptr, settings.jobs);
}

void verifyFixes(const FileAnalysis& base, std::span<ir::Diagnostic> diagnostics, const FixSettings& settings) {
  const ir::SourceFile& file = *base.file;
  const bool any = std::any_of(diagnostics.begin(), diagnostics.end(),
                               [&](const ir::Diagnostic& d) { return d.file == &file && !d.fixes.empty(); });
  if (!any) return;
  if (base.format == frontend::InputFormat::kTerraform || base.format == frontend::InputFormat::kTerraformPlan) {
    // Fix edits are JSON text; HCL reads `${...}` as its own interpolation. Not offered there.
    for (ir::Diagnostic& diagnostic : diagnostics) {
      if (diagnostic.file == &file) diagnostic.fixes.clear();
    }
    return;
  }
  // The distinct candidates, in order: the same fix is often proposed for several findings.
  std::vector<KeyedCandidate> candidates;
  std::set<std::string> keys;
  const PolicyLocator policyOf(base.policies);
  for (const ir::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.file != &file) continue;
    for (const ir::Fix& fix : diagnostic.fixes) {
      std::string key = editsKey(diagnostic, fix);
      if (keys.insert(key).second) {
        candidates.emplace_back(std::move(key), Candidate{&diagnostic, &fix, policyOf(diagnostic.range)});
      }
    }
  }
  std::map<std::string, Verdict> verdicts;
  if (documentsStandAlone(base)) {
    verdicts = verifyOnOwnDocuments(base, candidates, settings);
  } else if (base.policies.size() > 1) {
    verdicts = verifyTogether(base, candidates, settings);
  }
  const RuleCounts base_counts = countRules(base.diagnostics);
  for (const auto& [key, candidate] : candidates) {
    if (!verdicts.contains(key)) verdicts.emplace(key, verifyAlone(base, base_counts, candidate, settings));
  }
  for (ir::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.file != &file || diagnostic.fixes.empty()) continue;
    std::vector<ir::Fix> kept;
    std::string reason;
    for (ir::Fix& fix : diagnostic.fixes) {
      const Verdict& verdict = verdicts.at(editsKey(diagnostic, fix));
      if (verdict.ok) {
        fix.safety = verdict.safety;
        kept.push_back(std::move(fix));
      } else if (reason.empty()) {
        reason = verdict.reason;
      }
    }
    if (kept.empty()) diagnostic.notes.push_back({diagnostic.range, "no automatic fix is available: the candidate fix failed verification (" + reason + ")"});
    diagnostic.fixes = std::move(kept);
  }
}

std::string applyEdits(std::string_view text, std::span<const ir::Edit> edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& edit : edits) {
    out.append(text.substr(at, edit.range.begin - at));
    out += edit.replacement;
    at = edit.range.end;
  }
  out.append(text.substr(at));
  return out;
}

FixOutcome fixToFixpoint(const std::string& path, const std::string& contents, const FixSettings& settings) {
  FixOutcome outcome;
  std::string text = contents;
  for (unsigned round = 0;; ++round) {
    FileAnalysis analysis = analyzeText(path, text, settings);
    verifyFixes(analysis, analysis.diagnostics, settings);
    std::vector<const ir::Fix*> candidates;
    for (const auto& diagnostic : analysis.diagnostics) {
      if (settings.keeps && !settings.keeps(diagnostic.rule)) continue;
      for (const auto& fix : diagnostic.fixes) {
        if (fix.safety == ir::FixSafety::kSafe || settings.unsafe) candidates.push_back(&fix);
      }
    }
    if (candidates.empty() || round == settings.max_rounds) {
      outcome.converged = candidates.empty();
      outcome.remaining = std::move(analysis);
      break;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const ir::Fix* a, const ir::Fix* b) { return spanOf(*a).begin < spanOf(*b).begin; });
    // One round applies fixes that do not touch each other; the others wait for the next round,
    // where they are re-derived from the re-analysed text.
    std::vector<const ir::Fix*> selected;
    for (const ir::Fix* fix : candidates) {
      const Span span = spanOf(*fix);
      const bool conflicts = std::any_of(selected.begin(), selected.end(), [&](const ir::Fix* other) { return touches(span, spanOf(*other)); });
      if (!conflicts) selected.push_back(fix);
    }
    const auto combine = [&](std::size_t count) {
      std::vector<ir::Edit> edits;
      for (std::size_t i = 0; i < count; ++i) edits.insert(edits.end(), selected[i]->edits.begin(), selected[i]->edits.end());
      std::sort(edits.begin(), edits.end(), [](const ir::Edit& a, const ir::Edit& b) { return a.range < b.range; });
      return applyEdits(text, edits);
    };
    std::string next = combine(selected.size());
    if (selected.size() > 1) {
      // Each fix was verified alone; make sure that together they still read as the same policies
      // with no new finding, or apply only the first this round.
      const FileAnalysis together = analyzeText(path, next, settings);
      const auto before_counts = countRules(analysis.diagnostics);
      bool sound = together.policies.size() == analysis.policies.size();
      for (const auto& [rule, count] : countRules(together.diagnostics)) sound = sound && count <= countOf(before_counts, rule);
      if (!sound) {
        selected.erase(selected.begin() + 1, selected.end());  // shrinks only (resize(1) made GCC 12 -O3 warn)
        next = combine(1);
      }
    }
    if (next == text) {
      outcome.remaining = std::move(analysis);
      break;
    }
    text = std::move(next);
    outcome.applied += static_cast<unsigned>(selected.size());
    ++outcome.rounds;
  }
  outcome.fixed = std::move(text);
  return outcome;
}

fs::path fixToPath(const fs::path& dir, const std::string& path) {
  fs::path relative;
  for (const auto& part : fs::path(path).lexically_normal().relative_path()) {
    if (part == ".." || part == ".") continue;
    relative /= part;
  }
  return dir / relative;
}

std::string remediationScript(const std::vector<RemediationEntry>& entries) {
  std::string out =
      "#!/bin/sh\n"
      "# Written by `iotlint check --emit-remediation`: deploy the fixed AWS IoT policies the way AWS documents\n"
      "# for an overly permissive policy, as a new default version of each policy. Review before running.\n"
      "# AWS IoT keeps at most five versions of a policy: when a policy has five, delete an old one first\n"
      "# (aws iot list-policy-versions, aws iot delete-policy-version).\n"
      "set -eu\n";
  if (entries.empty()) out += "\n# No fixed policy carries a name: nothing to deploy.\n";
  for (const auto& entry : entries) {
    const std::string name = shellQuote(entry.policy_name);
    out += fmt::format("\n# Policy {} (fixed in {})\n", entry.policy_name, entry.source_path);
    out += "# 1. The certificates, thing groups and identities the new version applies to: check that the\n"
           "#    narrower grant suits every one of them.\n";
    out += fmt::format("aws iot list-targets-for-policy --policy-name {}\n", name);
    out += "# 2. The current default version, for the rollback.\n";
    out += fmt::format("previous=$(aws iot get-policy --policy-name {} --query defaultVersionId --output text)\n", name);
    if (entry.standalone_document) {
      out += "# 3. The fixed document as the new default version.\n";
      out += fmt::format("aws iot create-policy-version --policy-name {} --policy-document {} --set-as-default\n", name,
                         shellQuote("file://" + entry.document_path));
    } else {
      out += fmt::format("# 3. The policy is defined in a template ({}): deploy the fixed template (CloudFormation,\n"
                         "#    Terraform) instead, or extract its policy document and run:\n"
                         "#    aws iot create-policy-version --policy-name {} --policy-document file://DOCUMENT --set-as-default\n",
                         entry.document_path, name);
    }
    out += "# Rollback, if a device loses access it needs:\n";
    out += fmt::format("echo \"rollback: aws iot set-default-policy-version --policy-name {} --policy-version-id $previous\"\n",
                       name);
  }
  return out;
}

}  // namespace iotlint::tools

namespace iotlint::tools {

FileFixes fixFile(const CheckOptions& options, const FixSettings& settings, FileAnalysis base,
                  std::vector<ir::Diagnostic> diagnostics) {
  FileFixes result;
  std::unique_ptr<ir::SourceFile>& file = base.file;
  const bool fixing = options.fix || options.diff || !options.fix_to.empty();
  const bool has_candidates =
      std::any_of(diagnostics.begin(), diagnostics.end(), [](const ir::Diagnostic& d) { return !d.fixes.empty(); });
  const std::string& path = file->path();
  const fs::path copy = options.fix_to.empty() ? fs::path() : fixToPath(options.fix_to, path);
  const auto report_as_is = [&] {
    verifyFixes(base, diagnostics, settings);
    result.diagnostics = std::move(diagnostics);
    result.file = std::move(file);
  };
  const auto write_copy = [&](std::string_view contents) {
    std::error_code ec;
    fs::create_directories(copy.parent_path(), ec);
    return ec ? fmt::format("cannot create {}: {}", copy.parent_path().string(), ec.message())
              : writeFileAtomically(copy, contents);
  };
  if (!fixing || (diagnostics.empty() && options.fix_to.empty())) {
    report_as_is();
    return result;
  }
  if (!has_candidates) {
    // Nothing to fix here; --fix-to still mirrors the file so that DIR holds every input.
    if (!options.fix_to.empty()) {
      if (const std::string error = write_copy(file->contents()); !error.empty()) {
        result.problems.push_back(copy.string() + ": " + error);
        result.trouble = true;
      }
    }
    report_as_is();
    return result;
  }
  FixOutcome outcome = fixToFixpoint(copy.empty() ? path : copy.string(), file->contents(), settings);
  if (!outcome.converged) {
    result.problems.push_back(fmt::format("{}: fixes did not settle after {} rounds; the remaining ones were not applied",
                                          path, settings.max_rounds));
  }
  result.changed = outcome.fixed != file->contents();
  std::string error;
  if (options.diff) {
    result.diff = backend::unifiedDiff(file->contents(), outcome.fixed, path, path);
  } else if (!options.fix_to.empty()) {
    error = write_copy(outcome.fixed);
  } else if (result.changed) {
    error = writeFileAtomically(path, outcome.fixed);
  }
  if (!error.empty()) {
    result.problems.push_back((copy.empty() ? path : copy.string()) + ": " + error);
    result.trouble = true;
  }
  if (options.diff || !error.empty()) {
    // Nothing was written: report the file as it is.
    report_as_is();
    return result;
  }
  if (result.changed) {
    for (const auto& policy : outcome.remaining.policies) {
      if (policy.name.empty()) continue;
      std::error_code ec;
      const fs::path written = fs::absolute(copy.empty() ? fs::path(path) : copy, ec);
      result.remediation.push_back({policy.name, path, written.lexically_normal().string(),
                                    outcome.remaining.format == frontend::InputFormat::kPolicy});
    }
  }
  for (auto& d : outcome.remaining.diagnostics) {
    if (!settings.keeps || settings.keeps(d.rule)) result.diagnostics.push_back(std::move(d));
  }
  result.file = std::move(outcome.remaining.file);
  return result;
}

}  // namespace iotlint::tools
