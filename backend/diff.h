// backend/diff.h: unified diffs of a file before and after fixes (`iotlint check --diff`).
#pragma once

#include <string>
#include <string_view>

namespace iotlint::backend {

/// The unified diff (`diff -u` format, `context` lines around each change) that turns `before`
/// into `after`, with `--- from_label` / `+++ to_label` headers; empty when the texts are equal.
/// Lines keep their own terminators (LF, CRLF), so a CRLF file's diff applies back to it; a last
/// line without a newline is marked `\ No newline at end of file`.
std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view from_label,
                        std::string_view to_label, unsigned context = 3);

}  // namespace iotlint::backend
