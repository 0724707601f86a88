// frontend/src/hcl_token_source.h: the tokens of grammar/HclLexer.g4, scanned by hand (HclScanner),
// and handed to the generated parser as its lexer would (HclTokenSource).
//
// The generated lexer costs about 4,000 instructions a token in the ANTLR C++ runtime (a locked
// DFA cache for every character, a std::function and dynamic casts for every token): it was 42%
// of reading a Terraform file. This scanner implements the same rules directly and hands the
// generated parser exactly the tokens the generated lexer would: same types, channels, character
// indices, lines and columns (in code points), same EOF token, the same heredoc mode. The grammar
// stays the specification; hcl_token_source_test compares the two on every Terraform file of the
// tests and the real-world corpus, and on thousands of random and mutated texts, and the frontend
// fuzz target on every input it tries.
#pragma once

#include <antlr4-runtime.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "frontend/src/scanned_token_source.h"

namespace iotlint::frontend {

/// One token of grammar/HclLexer.g4: its type (an HclLexer constant, or antlr4::Token::EOF) and
/// its code points [begin, end).
struct HclToken {
  std::size_t type = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The lexer rules without ANTLR: next() gives every token in turn, hidden ones included
/// (hidden() tells them), then EOF, an empty token at the end, forever.
class HclScanner {
 public:
  /// `text` must outlive the scanner.
  explicit HclScanner(std::u32string_view text) : text_(text) {}
  HclToken next();
  /// White space and comments: the lexer puts them on the hidden channel.
  static bool hidden(std::size_t type);

 private:
  struct Match {
    std::size_t type;
    std::size_t end;  ///< one past the token's last code point
  };
  Match matchDefault(std::size_t start) const;
  Match matchHeredoc(std::size_t start) const;
  Match matchString(std::size_t start) const;

  std::u32string_view text_;
  std::size_t position_ = 0;
  /// The lexer's HEREDOC mode: inside a heredoc, whose closing line repeats this marker.
  bool in_heredoc_ = false;
  std::u32string heredoc_marker_;
};

/// The scanner's tokens as the generated lexer makes them, for the generated parser.
class HclTokenSource final : public ScannedTokenSource {
 public:
  /// `stream` must outlive the source and every token it makes (tokens read their text from it).
  explicit HclTokenSource(Utf8CharStream& stream) : ScannedTokenSource(stream), scanner_(stream.codePoints()) {}

  std::unique_ptr<antlr4::Token> nextToken() override;

 private:
  HclScanner scanner_;
};

}  // namespace iotlint::frontend
