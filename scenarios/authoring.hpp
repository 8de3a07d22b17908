#pragma once
// Writing one's own scenario: every value of a scenario by key (for `validate --diff`), the notes on team keys
// left at a default that costs or changes nothing (`validate`), and the commented starting point of `wijksim init`.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_def.hpp"

namespace wijksim::scenarios {

/// Every value of a scenario by key as for --set (`teams.0.finding.outreach_visits`), written as TOML.
std::map<std::string, std::string> scenario_values(const ScenarioDef& def);

/// A key whose value differs between two scenarios; `before` or `after` is empty where one has no such key (an
/// array of tables of another length).
struct ValueChange {
  std::string key;
  std::string before;
  std::string after;
};
/// The keys whose values differ from `from` to `to`, in key order.
std::vector<ValueChange> scenario_diff(const ScenarioDef& from, const ScenarioDef& to);

/// One line for every team key that no file of the scenario (nor an override) sets and whose default costs or
/// changes nothing: "teams.0.finding.police_signal = 0.0 (not set): the police signal no offences to the team".
std::vector<std::string> fallback_notes(const LoadedScenario& loaded);

/// The comment of every value of a scenario (`arg` as for load_named_scenario) and of the files it extends, key as
/// for --set; the nearest file's comment wins. Shipped scenarios are read from their built-in copies where no file
/// is found.
std::map<std::string, std::string> scenario_value_notes(std::string_view arg);

/// The words of `wijksim init` in one language.
struct TemplateWords {
  std::vector<std::string> header;  ///< the file's leading comment lines (without "# ")
  std::string range;                ///< "range" / "bereik"
  std::string team_intro;           ///< comment line before the example team of a parent without teams
  /// The one line of meaning of a key (as for --set) given the schema's English text.
  std::function<std::string(const std::string& key, const std::string& doc)> meaning;
};

/// A scenario file that extends `extends` (the scenario `parent` as loaded) and sets nothing itself: every key of
/// the parent written commented out, each with its value, meaning, range and source note (`notes`, by key). A
/// parent without teams gets a commented example team that names only `fte` and `target`.
std::string scenario_template(const ScenarioDef& parent, std::string_view extends,
                              const std::map<std::string, std::string>& notes, const TemplateWords& words);

}  // namespace wijksim::scenarios
