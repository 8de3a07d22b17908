// Cross-field checks of a loaded scenario. A visitor walks the Defs so that keys in errors come from the
// visit lists; each Def type with a rule has one `check` overload.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <vector>

#include "scenarios/loader_detail.hpp"

namespace wijksim::scenarios::detail {
namespace {

template <class Values>
std::string list_text(const Values& values) {
  std::vector<std::string> parts;
  for (const double x : values) parts.push_back(format_number(x));
  std::string text = "[";  // appended, not `"[" + ...`: that trips GCC 12's -Wrestrict false positive
  text += join(parts, ", ");
  return text + "]";
}

template <class Values>
bool all_zero(const Values& values) {
  return std::all_of(values.begin(), values.end(), [](double x) { return x == 0.0; });
}

class Checker {
 public:
  Checker(std::string path, const Origins& origins, const std::string& file)
      : path_(std::move(path)), origins_(origins), file_(file) {}

  // Single values have no cross-field rules.
  template <class... Rest>
  void field(Rest&&...) {}
  template <class... Rest>
  void flag(Rest&&...) {}
  template <class... Rest>
  void text(Rest&&...) {}
  template <class... Rest>
  void choice(Rest&&...) {}
  template <class... Rest>
  void list(Rest&&...) {}

  template <class Sub>
  void table(std::string_view key, Sub& sub, const char*) {
    visit_sub(join_key(path_, key), sub);
  }
  template <class Sub>
  void tables(std::string_view key, std::vector<Sub>& subs, const char*) {
    for (std::size_t i = 0; i < subs.size(); ++i) visit_sub(element_key(join_key(path_, key), i), subs[i]);
  }

 private:
  template <class Sub>
  void visit_sub(const std::string& path, Sub& sub) const {
    check(path, sub);
    Checker inner(path, origins_, file_);
    sub.visit(inner);
  }

  /// Origin of the first of `keys` that was read from a file or override, else the scenario file.
  Origin origin(std::initializer_list<std::string> keys) const {
    for (const std::string& key : keys)
      if (const auto it = origins_.find(key); it != origins_.end()) return it->second;
    return Origin{file_, 0};
  }

  template <class Sub>
  void check(const std::string&, const Sub&) const {}

  void check(const std::string& path, const agents::PrevalenceDef& prevalence) const {
    const auto& p = prevalence.at_least;
    if (std::is_sorted(p.rbegin(), p.rend())) return;
    const std::string key = join_key(path, "at_least");
    fail(origin({key}), key, "values must not increase (P(sev>=1) >= P(sev>=2) >= P(sev=3)), got " + list_text(p));
  }

  void check(const std::string& path, const agents::PopulationDef& population) const {
    if (all_zero(population.type_shares)) {
      const std::string key = join_key(path, "type_shares");
      fail(origin({key}), key, "shares must not all be zero");
    }
    std::vector<double> shares;
    for (const agents::NeighbourhoodDef& n : population.neighbourhoods) shares.push_back(n.share);
    if (all_zero(shares)) {
      const std::string key = join_key(path, "neighbourhoods");
      fail(origin({key}), key, "neighbourhood shares must not all be zero");
    }
  }

  void check(const std::string& path, const MkbaToolDef& tool) const {
    sum_to_one(path, "type_shares", tool.type_shares);
    for (std::size_t t = 0; t < kToolTypeCount; ++t)
      sum_to_one(path, "severity_" + std::string(kToolTypeNames[t]), tool.severity[t]);
  }

  /// Shares of a whole (the tool's type and severity splits) must add up to 1.
  template <class Values>
  void sum_to_one(const std::string& path, std::string_view field, const Values& values) const {
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    if (std::fabs(sum - 1.0) <= 1e-6) return;
    const std::string key = join_key(path, field);
    fail(origin({key}), key, "shares must add up to 1, got " + list_text(values) + " (sum " + format_number(sum) + ")");
  }

  void check(const std::string& path, const TargetDef& target) const {
    if (target.low <= target.high) return;
    fail(origin({join_key(path, "low"), join_key(path, "high"), path}), path,
         "low " + format_number(target.low) + " is above high " + format_number(target.high));
  }

  std::string path_;
  const Origins& origins_;
  const std::string& file_;
};

}  // namespace

namespace {

/// Rules of a team that need the rest of the scenario (neighbourhoods, providers).
class TeamChecker {
 public:
  TeamChecker(const ScenarioDef& def, const Origins& origins, const std::string& file)
      : def_(def), origins_(origins), file_(file) {}

  void check(std::size_t i) const {
    const services::TeamDef& team = def_.teams[i];
    const std::string path = element_key("teams", i);
    names(path, "target", team.target, agents::kLevelNames, "level");
    names(join_key(path, "casework"), "disciplines", team.casework.disciplines, services::kDisciplineNames,
          "discipline");
    names(join_key(path, "finding"), "household_types", team.finding.household_types, agents::kTypeNames,
          "household type");
    names(join_key(path, "finding"), "income", team.finding.income, services::kIncomeNames, "known income status");
    const auto replaced = team.replaces.empty() ? services::NameSet{}
                                                : names(path, "replaces", team.replaces, services::kTrajectoryNames,
                                                        "provider");
    if (team.funding == "replacement") {
      const std::string key = join_key(path, "replaces");
      if (replaced.bits == 0) fail(at(key), key, "replacement funding needs the providers whose budgets shrink");
      for (std::size_t t = 0; t < services::kTrajectoryCount; ++t)
        if ((replaced.bits & (1U << t)) && def_.providers.providers[t].capacity == 0)
          fail(at(key), key,
               "provider " + std::string(services::kTrajectoryNames[t]) +
                   " has no limit on places, so replacement cannot shrink its budget; set providers." +
                   std::string(services::kTrajectoryNames[t]) + ".capacity");
    }
    if (!team.neighbourhood.empty()) {
      std::vector<std::string> hoods;
      for (const auto& n : def_.population.neighbourhoods) hoods.push_back(n.name);
      if (std::find(hoods.begin(), hoods.end(), team.neighbourhood) == hoods.end()) {
        const std::string key = join_key(path, "neighbourhood");
        fail(at(key), key, "no neighbourhood named '" + team.neighbourhood + "'; neighbourhoods: " + join(hoods, ", "));
      }
    }
    double shares = 0.0;
    for (const auto& c : team.cofinanciers) shares += c.share;
    if (shares > 1.0) {
      const std::string key = join_key(path, "cofinanciers");
      fail(at(key), key, "co-financing shares add up to " + format_number(shares) + ", more than 1");
    }
  }

 private:
  Origin at(const std::string& key) const {
    if (const auto it = origins_.find(key); it != origins_.end()) return it->second;
    return Origin{file_, 0};
  }

  services::NameSet names(const std::string& path, std::string_view field, const std::string& text,
                          std::span<const std::string_view> options, const char* what) const {
    services::NameSet set = services::parse_name_set(text, options);
    if (set.unknown.empty() && set.bits != 0) return set;
    const std::string key = join_key(path, field);
    std::vector<std::string> all(options.begin(), options.end());
    fail(at(key), key,
         "'" + (set.unknown.empty() ? text : set.unknown) + "' is not a " + what + "; use '+'-joined names from: " +
             join(all, ", "));
  }

  const ScenarioDef& def_;
  const Origins& origins_;
  const std::string& file_;
};

}  // namespace

void check_scenario(ScenarioDef& def, const Origins& origins, const std::string& file) {
  Checker checker("", origins, file);
  def.visit(checker);
  if (def.teams.size() > 255) fail(Origin{file, 0}, "teams", "at most 255 teams");
  const TeamChecker teams(def, origins, file);
  for (std::size_t i = 0; i < def.teams.size(); ++i) teams.check(i);
}

}  // namespace wijksim::scenarios::detail
