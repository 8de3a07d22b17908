#pragma once
// The monthly household dynamics of steps 1-4 (docs/MODEL.md §6), each a free function over a range of households.
// Every draw is keyed by (household, month, purpose), so a household's month does not depend on the
// order in which households or ranges are processed.
#include <array>
#include <cstdint>
#include <span>

#include "agents/agents_def.hpp"
#include "agents/population.hpp"
#include "sim/kernel/rng.hpp"

namespace wijksim::agents {

/// Households [begin, end).
struct HouseholdRange {
  kernel::HouseholdId begin;
  kernel::HouseholdId end;
};

/// The households a system of steps 1-4 and care use simulates: a whole block, or only the listed households of
/// it (ascending). The paired driver (sim::PairedWorlds) lists the households whose month it does not copy from
/// the zero alternative, so no system needs to know about copying.
class Households {
 public:
  Households(HouseholdRange block) : block_(block) {}  // NOLINT(google-explicit-constructor): a block is all of it
  Households(HouseholdRange block, std::span<const kernel::HouseholdId> listed) : block_(block), listed_(listed), some_(true) {}

  /// Calls f(h) for each household, in ascending order.
  template <class F>
  void for_each(F&& f) const {
    if (some_) {
      for (const kernel::HouseholdId h : listed_) f(h);
    } else {
      for (kernel::HouseholdId h = block_.begin; h < block_.end; ++h) f(h);
    }
  }

 private:
  HouseholdRange block_;
  std::span<const kernel::HouseholdId> listed_;
  bool some_ = false;
};

/// How support changes a household's hazards. Services fill these in; the household dynamics only read them.
struct SupportEffect {
  std::array<double, kDomainCount> worsen{1, 1, 1, 1, 1, 1};   ///< multiplier on worsening and ladder-entry hazards per domain
  std::array<double, kDomainCount> improve{1, 1, 1, 1, 1, 1};  ///< multiplier on improvement hazards per domain
  double network = 0.0;                                        ///< added to network strength (0..1)
};

/// Effect of running care-as-usual trajectories: bit t of Population::care multiplies the improvement hazard of
/// domain[t] by improve[t], and its worsening hazard and the entry of the escalation ladders starting in it by
/// worsen[t]. After care ended early, the worsening hazard of its domain is multiplied by early_end_worsen.
struct CareEffects {
  std::array<std::uint8_t, 16> domain{};
  std::array<double, 16> improve{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::array<double, 16> worsen{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::uint16_t active = 0;  ///< bits whose improve or worsen differs from 1
  double early_end_worsen = 1.0;
};

/// What every system of a month needs to know besides the population.
struct StepContext {
  const kernel::Rng& rng;
  kernel::Month t;                          ///< draw month: warm-up months first, then the horizon
  std::span<const double> deprivation;   ///< per neighbourhood
  /// Optional cache of rng.at(h, t).base for households first .. first + size - 1 (filled once per block, so
  /// the systems do not each mix (household, month) again); empty means mix on demand.
  std::span<const std::uint64_t> draw_bases = {};
  kernel::HouseholdId first = 0;
  /// Team support effects: [2 * team] for active cases, [2 * team + 1] while monitoring (empty: no teams).
  std::span<const SupportEffect> support = {};
  const CareEffects* care = nullptr;     ///< effects of care as usual (null: none)

  /// The support effect on household h, or null.
  const SupportEffect* support_of(const Population& p, kernel::HouseholdId h) const {
    if (support.empty()) return nullptr;
    const Support s = p.support[h];
    if (s != Support::Active && s != Support::Monitoring) return nullptr;
    return &support[2U * p.team[h] + (s == Support::Monitoring ? 1U : 0U)];
  }

  double deprivation_of(const Population& p, kernel::HouseholdId h) const { return deprivation[p.neighbourhood[h]]; }
  /// The draws of household h this month.
  kernel::HouseholdMonthDraws draws(kernel::HouseholdId h) const {
    return draw_bases.empty() ? rng.at(h, t) : kernel::HouseholdMonthDraws(draw_bases[h - first]);
  }
};

/// Counts for calibration of income dynamics (integers, so merging is order-free).
struct IncomeStats {
  std::array<std::int64_t, 7> welfare_at_risk{};   ///< household-months on welfare by year of duration (1..7+)
  std::array<std::int64_t, 7> welfare_exits{};     ///< exits by year of duration
  std::array<std::int64_t, 5> relapse_at_risk{};   ///< household-months in work after an exit, by year since exit
  std::array<std::int64_t, 5> relapse_returns{};   ///< returns to welfare by year since exit
  void merge(const IncomeStats& o);
};

/// Step 1. Life events: job loss, separation, illness, bereavement. Reads type, adults, income;
/// writes severity, income, adults, events.
void life_events(Population& pop, Households hs, const LifeEventsDef& def, const StepContext& ctx);

/// Step 2. Domain progression with the coupling matrix and modifiers. Reads severity, traits, capacity,
/// network, income, housing, youth; writes severity.
void progress_domains(Population& pop, Households hs, const DynamicsDef& def, const StepContext& ctx);

/// Step 3. Escalation ladders and their exits (eviction, supervision/placement, admission, nursing home,
/// offence/detention); a finished nursing-home stay makes room for a new household.
/// Reads severity, type, children; writes housing, youth, intramural, flags, events (and renews households).
void escalate(Population& pop, Households hs, const DynamicsDef& def, const PopulationDef& popdef,
              const StepContext& ctx);

/// Step 4. Income: unemployment benefit, welfare entry and exit with duration dependence, relapse after exit.
/// Reads income, income_months, severity, capacity; writes income, income_months, flags, events, stats.
void update_income(Population& pop, Households hs, const IncomeDef& def, const StepContext& ctx, IncomeStats& stats);

/// Monthly hazard equivalent to a yearly probability.
double monthly_hazard(double yearly);

}  // namespace wijksim::agents
