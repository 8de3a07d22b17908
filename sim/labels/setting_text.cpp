// Settings and alternatives in words: `teams.0.fte=6` reads "team 6 FTE", a sweep's cell "team 6 FTE, with mandate",
// the zero alternative "District Centrum, Noord and Zuid without teams". Keys without words of their own are
// shown as a readable path, never cut off.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "sim/labels/labels.hpp"

namespace wijksim::labels {
namespace {

/// How a setting's value is shown.
enum class Kind : std::uint8_t { Number, Fte, Eur, Percent, Levels, Disciplines, Switch, Funding, Months };

/// Words for one setting of a team (key after `teams.<i>.`) or of the scenario.
struct Words {
  std::string_view key;
  Kind kind;
  std::string_view name_en, name_nl;      ///< the setting itself: "team size"
  std::string_view phrase_en, phrase_nl;  ///< with its value ({}): "team {}" -> "team 6 FTE"
};

constexpr std::array kTeamWords{
    Words{"fte", Kind::Fte, "team size", "teamgrootte", "team {}", "team {}"},
    Words{"cost_per_fte", Kind::Eur, "cost per FTE", "kosten per fte", "{} per FTE", "{} per fte"},
    Words{"other_costs", Kind::Eur, "other team costs", "overige teamkosten", "other team costs {} a year",
          "overige teamkosten {} per jaar"},
    Words{"target", Kind::Levels, "levels taken in", "doelgroep", "takes in {}", "doelgroep {}"},
    Words{"hours_per_fte", Kind::Number, "client hours per FTE", "cliënturen per fte", "{} client hours per FTE",
          "{} cliënturen per fte"},
    Words{"funding", Kind::Funding, "funding", "financiering", "{}", "{}"},
    Words{"active_months", Kind::Months, "months the team works", "maanden dat het team werkt", "team works {}",
          "team werkt {}"},
    Words{"mandate.enabled", Kind::Switch, "mandate", "mandaat", "{} mandate", "{} mandaat"},
    Words{"mandate.custom_budget", Kind::Eur, "custom budget", "maatwerkbudget", "custom budget {} a year",
          "maatwerkbudget {} per jaar"},
    Words{"mandate.stop_eviction", Kind::Percent, "evictions stopped under mandate", "ontruimingen gestopt met mandaat",
          "mandate stops {} of evictions", "mandaat stopt {} van de ontruimingen"},
    Words{"turnover.yearly", Kind::Percent, "staff turnover", "personeelsverloop", "staff turnover {} a year",
          "personeelsverloop {} per jaar"},
    Words{"casework.network_activation", Kind::Percent, "network activation", "netwerkactivering",
          "network activation {}", "netwerkactivering {}"},
    Words{"casework.substitution_existing", Kind::Percent, "substitution in known households",
          "substitutie bij bekende huishoudens", "substitution in known households {}",
          "substitutie bij bekende huishoudens {}"},
    Words{"casework.substitution_new", Kind::Percent, "substitution in newly found households",
          "substitutie bij nieuw gevonden huishoudens", "substitution in newly found households {}",
          "substitutie bij nieuw gevonden huishoudens {}"},
    Words{"casework.extra_care_new", Kind::Percent, "extra care for newly found households",
          "extra zorg voor nieuw gevonden huishoudens", "extra care for newly found households {}",
          "extra zorg voor nieuw gevonden huishoudens {}"},
    Words{"casework.disciplines", Kind::Disciplines, "disciplines", "disciplines", "disciplines: {}", "disciplines: {}"},
    Words{"finding.outreach_visits", Kind::Number, "outreach visits", "huisbezoeken", "{} outreach visits per FTE-month",
          "{} huisbezoeken per fte-maand"},
};

constexpr std::array kScenarioWords{
    Words{"mkba.discount_real", Kind::Percent, "real discount rate", "reële discontovoet", "real discount rate {}",
          "reële discontovoet {}"},
    Words{"mkba.risk_premium", Kind::Percent, "risk premium", "risicopremie", "risk premium {}", "risicopremie {}"},
    Words{"run.households", Kind::Number, "households", "huishoudens", "{} households", "{} huishoudens"},
    Words{"financiers.enabled", Kind::Switch, "financier reviews", "beoordeling door financiers",
          "{} financier reviews", "{} beoordeling door financiers"},
    Words{"financiers.pooled", Kind::Switch, "pooled budget", "ontschot budget", "{} pooled budget",
          "{} ontschot budget"},
};

struct Pair {
  std::string_view en, nl;
};
std::string_view pick(const Pair& p, Lang lang) { return lang == Lang::Nl ? p.nl : p.en; }

constexpr std::array<std::pair<std::string_view, Pair>, 6> kDisciplines{{
    {"work_income", {"work and income", "werk en inkomen"}},
    {"youth", {"youth", "jeugd"}},
    {"welfare", {"welfare", "welzijn"}},
    {"adult_mental_health", {"adult mental health", "volwassenen-ggz"}},
    {"housing", {"housing", "wonen"}},
    {"care", {"care", "zorg"}},
}};

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == sep) {
      parts.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

std::optional<double> number_of(std::string_view s) {
  double v = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || error != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// A number with as many decimals as it needs (up to 2): "6", "6.5", "0.25".
std::string plain_number(double v, Lang lang) {
  for (int d = 0; d < 2; ++d)
    if (std::fabs(v * std::pow(10.0, d) - std::round(v * std::pow(10.0, d))) < 1e-9) return number_text(v, d, lang);
  return number_text(v, 2, lang);
}

/// "a, b and c" / "a, b en c".
std::string listed(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (lang == Lang::Nl ? " en " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

std::string lower_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string levels_text(std::string_view value, Lang lang) {
  std::vector<std::string> names;
  for (const std::string& part : split(value, '+')) {
    const auto it = std::find(agents::kLevelNames.begin(), agents::kLevelNames.end(), part);
    names.push_back(it == agents::kLevelNames.end()
                        ? part
                        : lower_first(level_label(static_cast<agents::Level>(it - agents::kLevelNames.begin()), lang)));
  }
  return listed(names, lang);
}

std::string disciplines_text(std::string_view value, Lang lang) {
  std::vector<std::string> names;
  for (const std::string& part : split(value, '+')) {
    const auto it = std::find_if(kDisciplines.begin(), kDisciplines.end(), [&](const auto& d) { return d.first == part; });
    names.push_back(it == kDisciplines.end() ? part : std::string(pick(it->second, lang)));
  }
  return listed(names, lang);
}

/// The value in words, as the kind shows it.
std::string value_words(Kind kind, std::string_view value, Lang lang) {
  const std::optional<double> x = number_of(value);
  switch (kind) {
    case Kind::Number:
      return x ? plain_number(*x, lang) : std::string(value);
    case Kind::Fte:
      return x ? plain_number(*x, lang) + (lang == Lang::Nl ? " fte" : " FTE") : std::string(value);
    case Kind::Eur:
      return x ? "€ " + number_text(*x, 0, lang) : std::string(value);
    case Kind::Percent:
      return x ? plain_number(*x * 100.0, lang) + "%" : std::string(value);
    case Kind::Levels:
      return levels_text(value, lang);
    case Kind::Disciplines:
      return disciplines_text(value, lang);
    case Kind::Switch:
      if (value == "true") return lang == Lang::Nl ? "met" : "with";
      if (value == "false") return lang == Lang::Nl ? "zonder" : "without";
      return std::string(value);
    case Kind::Funding:
      if (value == "additional") return lang == Lang::Nl ? "extra geld" : "additional funding";
      if (value == "replacement") return lang == Lang::Nl ? "nieuw voor oud" : "replacement funding (new for old)";
      return std::string(value);
    case Kind::Months:
      if (x && *x == 0.0) return lang == Lang::Nl ? "de hele looptijd" : "the whole horizon";
      return x ? fmt::format("{} {}", plain_number(*x, lang), lang == Lang::Nl ? "maanden" : "months")
               : std::string(value);
  }
  return std::string(value);
}

/// A key split into its team (none for scenario keys) and the rest: `teams.1.fte` -> (1, "fte").
struct KeyParts {
  std::optional<std::size_t> team;
  std::string rest;
};
KeyParts key_parts(std::string_view key) {
  const std::string full = key.starts_with("team.") ? "teams.0." + std::string(key.substr(5)) : std::string(key);
  const std::vector<std::string> parts = split(full, '.');
  if (parts.size() >= 3 && parts[0] == "teams") {
    if (const auto n = number_of(parts[1]); n && *n >= 0 && std::floor(*n) == *n) {
      std::string rest = full.substr(parts[0].size() + parts[1].size() + 2);
      return {static_cast<std::size_t>(*n), std::move(rest)};
    }
  }
  return {std::nullopt, full};
}

const Words* words_of(const KeyParts& k) {
  const auto& table = k.team ? std::span<const Words>(kTeamWords) : std::span<const Words>(kScenarioWords);
  const auto it = std::find_if(table.begin(), table.end(), [&](const Words& w) { return w.key == k.rest; });
  return it == table.end() ? nullptr : &*it;
}

/// A key path for people: "casework.substitution_existing" -> "casework substitution existing".
std::string readable_path(std::string_view path) {
  std::string out;
  for (const char c : path) out += c == '.' || c == '_' ? ' ' : c;
  return out;
}

/// "team 2: " before the words of any team but the first ("team" in both languages).
std::string team_prefix(const KeyParts& k) {
  if (!k.team || *k.team == 0) return "";
  return fmt::format("team {}: ", *k.team + 1);
}

}  // namespace

std::string setting_name(std::string_view key, Lang lang) {
  const KeyParts k = key_parts(key);
  const Words* w = words_of(k);
  const std::string name = w ? std::string(lang == Lang::Nl ? w->name_nl : w->name_en) : readable_path(k.rest);
  return team_prefix(k) + name;
}

std::string setting_value(std::string_view key, std::string_view value, Lang lang) {
  const Words* w = words_of(key_parts(key));
  return w ? value_words(w->kind, value, lang) : std::string(value);
}

std::string setting_text(std::string_view key, std::string_view value, Lang lang) {
  const KeyParts k = key_parts(key);
  const Words* w = words_of(k);
  if (w == nullptr) {
    const std::string team = k.team ? fmt::format("team{} ", *k.team == 0 ? "" : fmt::format(" {}", *k.team + 1)) : "";
    return fmt::format("{}{} = {}", team, readable_path(k.rest), value);
  }
  std::string phrase = fmt::format(fmt::runtime(lang == Lang::Nl ? w->phrase_nl : w->phrase_en),
                                   value_words(w->kind, value, lang));
  // The team's size names the team itself ("team 6 FTE"); another team's words follow its number instead.
  if (k.team && *k.team > 0 && phrase.starts_with("team ")) phrase = phrase.substr(5);
  return team_prefix(k) + phrase;
}

std::optional<std::vector<std::pair<std::string, std::string>>> settings_of_name(std::string_view name) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& part : split(name, ' ')) {
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0) return std::nullopt;
    const std::string key = part.substr(0, eq);
    const bool path = std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
    if (!path) return std::nullopt;
    out.emplace_back(key, part.substr(eq + 1));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string alternative_words(std::string_view name, std::string_view caption, Lang lang) {
  if (!caption.empty()) return std::string(caption);
  if (const auto settings = settings_of_name(name)) {
    std::string out;
    for (const auto& [key, value] : *settings) out += (out.empty() ? "" : ", ") + setting_text(key, value, lang);
    return out;
  }
  if (name == "base") return std::string(lang == Lang::Nl ? "basis (zoals in het scenario)" : "base (as in the scenario)");
  return std::string(name);
}

std::string alternative_label(std::string_view name, std::string_view caption, sim::Mode mode, Lang lang) {
  return fmt::format("{} ({})", alternative_words(name, caption, lang), mode_label(mode, lang));
}

std::string zero_label(const std::vector<std::string>& district, Lang lang) {
  std::vector<std::string> names;
  for (const std::string& n : district)
    if (!n.empty()) names.push_back(n);
  if (names.empty()) return std::string(lang == Lang::Nl ? "De wijk zonder teams" : "The district without teams");
  return fmt::format("{} {} {}", lang == Lang::Nl ? "Wijk" : "District", listed(names, lang),
                     lang == Lang::Nl ? "zonder teams" : "without teams");
}

}  // namespace wijksim::labels
