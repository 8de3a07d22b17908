#include "sim/cli/authoring_cmd.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "scenarios/authoring.hpp"
#include "scenarios/loader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/kernel/printable.hpp"
#include "sim/labels/labels.hpp"

namespace wijksim::cli {
namespace {

namespace fs = std::filesystem;

std::string diff_text(const scenarios::ScenarioDef& from, const scenarios::ScenarioDef& to) {
  const auto changes = scenarios::scenario_diff(from, to);
  if (changes.empty()) return "  (nothing)\n";
  std::string out;
  for (const auto& c : changes)
    out += fmt::format("  {}: {} -> {}\n", c.key, c.before.empty() ? "(none)" : c.before,
                       c.after.empty() ? "(none)" : c.after);
  return out;
}

/// The words of the template in `lang`. Dutch meanings come from the report's setting names where it has them.
scenarios::TemplateWords template_words(labels::Lang lang, const std::string& from) {
  scenarios::TemplateWords w;
  if (lang == labels::Lang::Nl) {
    w.header = {"Eigen scenario, begonnen met `wijksim init` vanuit " + from + ".",
                "Hieronder staat elke sleutel van " + from + " uitgeschakeld (#), met waarde, betekenis, bereik en bron.",
                "Haal het # weg bij wat dit scenario verandert en pas de waarde aan; geef elke gewijzigde waarde een",
                "bronlabel ([S003]) of het woord assumption. Zet eerst name (naam van de uitvoermap) en description.",
                "Daarna: wijksim validate BESTAND --diff (wat verandert er) en wijksim compare BESTAND (MKBA)."};
    w.range = "bereik";
    w.team_intro = "Een team: het generalistische wijkteam (docs/MODEL.md §10.11); fte en target volstaan.";
    w.meaning = [](const std::string& key, const std::string& doc) {
      const std::string nl = labels::setting_name(key, labels::Lang::Nl);
      return nl != labels::setting_name(key, labels::Lang::En) ? nl + " (" + doc + ")" : doc;
    };
  } else {
    w.header = {"My own scenario, started with `wijksim init` from " + from + ".",
                "Every key of " + from + " is below, commented out, with its value, meaning, range and source.",
                "Uncomment what this scenario changes and edit the value; give every value you change a source tag",
                "([S003]) or the word assumption. Set name (output folder names) and description first.",
                "Then: wijksim validate FILE --diff (what changes) and wijksim compare FILE (the MKBA)."};
    w.range = "range";
    w.team_intro = "A team: the generalist neighbourhood team (docs/MODEL.md §10.11); fte and target are enough.";
    w.meaning = [](const std::string&, const std::string& doc) { return doc; };
  }
  return w;
}

/// What FILE's `extends` says for `from`: a file as a path relative to FILE's folder, else the shipped name.
std::string extends_text(const std::string& from, const fs::path& file) {
  std::error_code error;
  if (!fs::exists(fs::path(from), error)) return fs::path(from).stem().string();
  const fs::path folder = fs::absolute(file).parent_path();
  const fs::path rel = fs::absolute(from).lexically_relative(folder);
  return rel.empty() ? fs::absolute(from).string() : rel.string();
}

/// Writes `text` to `file` in one piece, never over an existing file: a temporary file, then a hard link.
void write_new_file(const fs::path& file, const std::string& text) {
  const fs::path folder = fs::absolute(file).parent_path();
  const fs::path tmp = folder / fmt::format(".{}.tmp-{}", file.filename().string(), ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out) {
      fs::remove(tmp);
      throw std::runtime_error("cannot write " + file.string());
    }
  }
  std::error_code error;
  fs::create_hard_link(tmp, file, error);
  fs::remove(tmp);
  if (error) throw std::runtime_error("cannot write " + file.string() + ": " + error.message());
}

}  // namespace

int cmd_validate(const std::string& file, const std::vector<std::string>& sets, bool diff) {
  const scenarios::LoadedScenario loaded = scenarios::load_scenario_report(file, sets);
  fmt::print("# {}: valid.\n", file.empty() ? "default (embedded)" : kernel::printable(file));
  for (const std::string& note : scenarios::fallback_notes(loaded)) fmt::print("# note: {}\n", note);
  if (!diff) {
    fmt::print("# The merged scenario:\n{}", scenarios::to_toml(loaded.def));
    return 0;
  }
  if (loaded.parent) {
    fmt::print("Changes against its parent ({}):\n{}", kernel::printable(loaded.extends),
               diff_text(*loaded.parent, loaded.def));
  } else {
    fmt::print("Changes against its parent: none, it extends no scenario.\n");
  }
  fmt::print("Changes against the default scenario:\n{}", diff_text(scenarios::load_default_scenario(), loaded.def));
  return 0;
}

int cmd_init(const std::string& file, const std::string& from, const std::string& lang_name) {
  const auto lang = labels::lang_from_name(lang_name);
  if (!lang) {
    fmt::print(stderr, "error: --lang {}: expected en or nl\n", kernel::printable(lang_name));
    return kBadInput;
  }
  const fs::path out(file);
  std::error_code error;
  if (fs::exists(fs::symlink_status(out, error))) {
    fmt::print(stderr, "error: {} already exists; nothing written (choose another file)\n", kernel::printable(file));
    return kBadInput;
  }
  const fs::path folder = fs::absolute(out).parent_path();
  if (!fs::is_directory(folder, error)) {
    fmt::print(stderr, "error: {}: the folder {} does not exist; nothing written\n", kernel::printable(file),
               kernel::printable(folder.string()));
    return kBadInput;
  }
  const scenarios::ScenarioDef parent = scenarios::load_named_scenario(from);
  const std::string extends = extends_text(from, out);
  auto notes = scenarios::scenario_value_notes(from);
  // The example team of a parent without teams is wijkteam's: its notes carry the tags.
  if (parent.teams.empty())
    for (auto& [key, note] : scenarios::scenario_value_notes("wijkteam"))
      if (key.starts_with("teams.0.")) notes.emplace(key, note);
  const std::string text = scenarios::scenario_template(parent, extends, notes, template_words(*lang, from));
  try {
    write_new_file(out, text);
  } catch (const std::exception& e) {
    // An unwritable folder (read-only, /proc, /sys) is the command line's fault, as an existing FILE is.
    fmt::print(stderr, "error: {}; nothing written\n", kernel::printable(e.what()));
    return kBadInput;
  }
  fmt::print("Wrote {}: extends {}, every key commented out. Next: wijksim validate {} --diff\n",
             kernel::printable(file), kernel::printable(extends), kernel::printable(file));
  return 0;
}

}  // namespace wijksim::cli
