#include "viz/script.hpp"

#include <array>
#include <fmt/format.h>
#include <toml++/toml.h>
#include <utility>

namespace wijksim::viz {

namespace {

constexpr std::array<std::pair<std::string_view, PanelKind>, 5> kPanels{{{"flows", PanelKind::Flows},
                                                                        {"services", PanelKind::Services},
                                                                        {"money", PanelKind::Money},
                                                                        {"over_time", PanelKind::OverTime},
                                                                        {"j_curve", PanelKind::JCurve}}};

[[noreturn]] void fail(const std::filesystem::path& file, const toml::source_region& where, std::string_view key,
                       std::string_view what) {
  throw ScriptError(fmt::format("{}:{}: {}: {}", file.string(), where.begin.line, key, what));
}

}  // namespace

std::optional<PanelKind> panel_from_name(std::string_view name) {
  for (const auto& [n, kind] : kPanels)
    if (n == name) return kind;
  return std::nullopt;
}

std::string_view panel_name(PanelKind kind) { return kPanels[static_cast<std::size_t>(kind)].first; }

std::vector<ScriptStep> load_script(const std::filesystem::path& file) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ScriptError(fmt::format("{}:{}: {}", file.string(), e.source().begin.line, e.description()));
  }
  for (const auto& [key, node] : root)
    if (key.str() != "step") fail(file, node.source(), key.str(), "unknown key (a script has [[step]] tables)");
  const toml::array* steps = root["step"].as_array();
  if (steps == nullptr || steps->empty()) throw ScriptError(file.string() + ": no [[step]] tables");
  std::vector<ScriptStep> out;
  for (const toml::node& node : *steps) {
    const toml::table* t = node.as_table();
    if (t == nullptr) fail(file, node.source(), "step", "must be a table ([[step]])");
    ScriptStep step;
    bool has_month = false;
    for (const auto& entry : *t) {
      const std::string_view key = entry.first.str();
      const toml::node& v = entry.second;
      const auto boolean = [&]() {
        if (!v.is_boolean()) fail(file, v.source(), key, "must be true or false");
        return *v.value<bool>();
      };
      if (key == "month") {
        const auto m = v.value<std::int64_t>();
        if (!v.is_integer() || !m || *m < 0 || *m > 1200) fail(file, v.source(), key, "must be a whole number 0..1200");
        step.month = static_cast<std::uint32_t>(*m);
        has_month = true;
      } else if (key == "caption") {
        if (!v.is_string()) fail(file, v.source(), key, "must be a string");
        step.caption = *v.value<std::string>();
      } else if (key == "pause") {
        step.pause = boolean();
      } else if (key == "team") {
        step.team = boolean();
      } else if (key == "mandate") {
        step.mandate = boolean();
      } else if (key == "present") {
        step.present = boolean();
      } else if (key == "split") {
        step.split = boolean();
      } else if (key == "side") {
        const auto name = v.value<std::string>();
        if (!name || (*name != "A" && *name != "B")) fail(file, v.source(), key, "must be \"A\" or \"B\"");
        step.side = *name == "A" ? 0 : 1;
      } else if (key == "fte") {
        const auto x = v.value<double>();
        if (!x || !(v.is_number()) || *x < 0.0 || *x > 20.0) fail(file, v.source(), key, "must be a number 0..20");
        step.fte = *x;
      } else if (key == "lang") {
        const auto name = v.value<std::string>();
        const auto lang = name ? lang_from_name(*name) : std::nullopt;
        if (!lang) fail(file, v.source(), key, "must be \"en\" or \"nl\"");
        step.lang = *lang;
      } else if (key == "panels") {
        const toml::array* names = v.as_array();
        if (names == nullptr || names->empty() || names->size() > 2)
          fail(file, v.source(), key, "must be a list of one or two panel names");
        for (const toml::node& n : *names) {
          const auto name = n.value<std::string>();
          const auto kind = name ? panel_from_name(*name) : std::nullopt;
          if (!kind) fail(file, n.source(), key, "unknown panel (flows, services, money, over_time, j_curve)");
          step.panels.push_back(*kind);
        }
      } else {
        fail(file, v.source(), key,
             "unknown key (month, caption, pause, panels, split, side, team, mandate, fte, lang, present)");
      }
    }
    if (!has_month) fail(file, t->source(), "month", "missing");
    if (!out.empty() && step.month < out.back().month) fail(file, t->source(), "month", "steps must be in month order");
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace wijksim::viz
