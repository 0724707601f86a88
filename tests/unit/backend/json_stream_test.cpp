// tests/unit/backend/json_stream_test.cpp: a document written in pieces through
// JsonDocumentStream is byte for byte what nlohmann::json's dump(2) makes of the whole tree; the
// stream serialises values itself (json_stream.cpp), so this is its differential test.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "backend/json_stream.h"

namespace iotlint::backend::detail {
namespace {

std::string dumpWhole(const Json& document) { return document.dump(2, ' ', false, Json::error_handler_t::replace); }

/// A random string: ASCII, escapes and control characters, multi-byte UTF-8, and now and then
/// invalid UTF-8 (a lone continuation byte, a truncated sequence, an overlong form, a surrogate).
std::string randomString(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "a", "Z", "0", " ", "/", "$aws/things/", "${iot:Connection.Thing.ThingName}", "\"", "\\", "\b", "\f", "\n", "\r",
      "\t", std::string(1, '\0'), "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xE2\x80\xA6", "\xF0\x9F\x94\x92", "\xEF\xBF\xBD"};
  static const std::vector<std::string> invalid = {"\x80", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80",
                                                   "\xFF", "\xF0\x9F\x94"};
  std::string out;
  const std::size_t length = std::uniform_int_distribution<std::size_t>(0, 12)(random);
  for (std::size_t i = 0; i < length; ++i) {
    const bool broken = std::uniform_int_distribution<int>(0, 40)(random) == 0;
    const auto& from = broken ? invalid : pieces;
    out += from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  }
  return out;
}

Json randomValue(std::mt19937& random, int depth) {
  const int kind = std::uniform_int_distribution<int>(0, depth >= 4 ? 6 : 8)(random);
  switch (kind) {
    case 0: return nullptr;
    case 1: return std::uniform_int_distribution<int>(0, 1)(random) == 1;
    case 2: return std::uniform_int_distribution<std::int64_t>(-1'000'000'000'000, 1'000'000'000'000)(random);
    case 3: return std::uniform_int_distribution<std::uint64_t>(0, ~std::uint64_t{0})(random);
    case 4: return std::uniform_real_distribution<double>(-1e6, 1e6)(random);
    case 5:
    case 6: return randomString(random);
    case 7: {
      Json array = Json::array();
      const int count = std::uniform_int_distribution<int>(0, 4)(random);
      for (int i = 0; i < count; ++i) array.push_back(randomValue(random, depth + 1));
      return array;
    }
    default: {
      Json object = Json::object();
      const int count = std::uniform_int_distribution<int>(0, 4)(random);
      for (int i = 0; i < count; ++i) object[randomString(random) + std::to_string(i)] = randomValue(random, depth + 1);
      return object;
    }
  }
}

TEST(JsonDocumentStream, WritesWhatDumpWritesOfTheWholeTree) {
  std::mt19937 random(20261129);
  for (int round = 0; round < 300; ++round) {
    // A SARIF-like skeleton: the array (runs[0].results) is the last value, then members follow it.
    Json run = {{"tool", randomValue(random, 2)}, {"results", Json::array()}};
    Json skeleton = {{"$schema", randomString(random)}, {"runs", Json::array({run})}};
    std::vector<Json> elements;
    const int count = std::uniform_int_distribution<int>(0, 5)(random);
    for (int i = 0; i < count; ++i) elements.push_back(randomValue(random, 4));
    Json trailing = Json::object();
    if (round % 2 == 0) trailing[randomString(random) + "k"] = randomValue(random, 3);

    std::ostringstream out;
    JsonDocumentStream stream(out, 4);
    stream.begin(skeleton);
    for (const Json& element : elements) {
      std::string piece;
      stream.appendElement(piece, element);
      stream.writeElements(piece);
    }
    stream.finish(trailing);

    Json whole = skeleton;
    for (const Json& element : elements) whole["runs"][0]["results"].push_back(element);
    for (const auto& [key, value] : trailing.items()) whole["runs"][0][key] = value;
    ASSERT_EQ(out.str(), dumpWhole(whole) + "\n") << "round " << round;
  }
}

TEST(JsonDocumentStream, EscapesAsDumpDoes) {
  const std::vector<std::string> texts = {"", "plain", "quote \" backslash \\", std::string("nul \0 end", 9), "\x01\x1f\x7f",
                                          "caf\xC3\xA9 \xF0\x9F\x94\x92", "lone \x80 byte", "cut \xE2\x80", "overlong \xC0\xAF",
                                          "surrogate \xED\xA0\x80", "\xFF\xFE"};
  for (const std::string& text : texts) {
    std::ostringstream out;
    JsonDocumentStream stream(out, 1);
    stream.begin(Json::array());
    std::string piece;
    stream.appendElement(piece, Json({{text, text}}));
    stream.writeElements(piece);
    stream.finish(Json::object());
    Json whole = Json::array({Json({{text, text}})});
    EXPECT_EQ(out.str(), dumpWhole(whole) + "\n") << text;
  }
}

}  // namespace
}  // namespace iotlint::backend::detail
