#pragma once
// What a scenario file says about itself besides its values: the header comment and, per value, whether its
// comment cites a source, says "assumption" or neither (the catalogue's validation report lists them). Read here
// because only scenarios/ reads TOML; the reading is line-based and knows just enough TOML for the shipped files
// (tables, arrays of tables, `key = value  # comment`).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace wijksim::scenarios {

/// A `key = value  # comment` line of a scenario file.
struct MarkedValue {
  std::uint32_t line = 0;  ///< 1-based
  std::string key;         ///< as for --set: `teams.0.finding.household_types`
  std::string value;       ///< as written
  std::string comment;     ///< after '#', trimmed
};

/// What a scenario file says about itself: its header and how each value is marked.
struct FileNotes {
  std::vector<std::string> header;       ///< the leading comment lines, without "# "
  std::vector<MarkedValue> sourced;      ///< comment cites the sourcebook ([S000]..[S004], [CBS], [Aedes], [Werkgroep discontovoet 2020]) or MODEL.md, no "assumption"
  std::vector<MarkedValue> assumptions;  ///< comment says "assumption" (also when it cites a source besides)
  std::vector<MarkedValue> unmarked;     ///< neither; names, `extends`, empty strings and sensitivity ends excepted
  std::string extends;                   ///< the file it extends, as written (empty: none)
};

/// The notes of one scenario file (its own lines; not those of the file it extends). Throws ScenarioError when
/// the file cannot be opened.
FileNotes read_file_notes(const std::filesystem::path& file);

/// The notes of a scenario file's text (as read_file_notes; never throws).
FileNotes read_notes_text(std::string text);

/// The comment of every value of a scenario and of the files it extends (key path as for --set -> comment, e.g.
/// "prices.youth_ambulatory.eur" -> "[S003] youth care without placement"); the nearest file's comment wins. Files
/// that cannot be read end the chain.
std::map<std::string, std::string> value_notes(const std::filesystem::path& file);

}  // namespace wijksim::scenarios
