#pragma once
// The JSON files (mkba.json, the manifests, `calibrate --json`) are built as nlohmann::ordered_json values, which
// keep their keys in the order written, and printed by json_text.
#include <string>

#include <nlohmann/json.hpp>

namespace wijksim::sim {

using Json = nlohmann::ordered_json;

/// A number for the JSON files: null when not finite; a whole number below 1e16 as an integer (`3`, not `3.0`,
/// as the CSV files write it); any other as the shortest double that reads back as x.
Json json_number(double x);

/// The text of a JSON file: two-space indent, a newline at the end. Text that is not valid UTF-8 (a command line
/// in another encoding) is written with U+FFFD in place of the bad bytes.
std::string json_text(const Json& value);

}  // namespace wijksim::sim
