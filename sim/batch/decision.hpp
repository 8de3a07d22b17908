#pragma once
// The decision between alternatives (docs/MODEL.md §17 "Choosing between alternatives"): each alternative's team
// budget a year against its societal NPV, which alternatives are dominated, the efficiency frontier and its steps,
// and the verdict the summary states. Shared by mkba.json, decision.html (and report.html's first section) and the
// workbook's comparison sheet, so all say the same.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/compare.hpp"

namespace wijksim::sim {

/// The zero alternative where an index of an alternative is expected.
inline constexpr std::size_t kZero = static_cast<std::size_t>(-1);

/// One alternative on the decision page.
struct DecisionRow {
  std::size_t alternative = 0;         ///< index into CompareResult::alternatives
  Stat budget;                    ///< team budget a year, EUR
  double municipal_2y = 0.0;           ///< the municipality's budget effect after two years (five pockets), EUR
  std::size_t other_pocket = 0;        ///< the other money pocket with the largest budget effect after two years
  std::size_t pays_most = 0;           ///< the money pocket with the lowest NPV (pays most)
  std::size_t gains_most = 0;          ///< the money pocket with the highest NPV (gains most)
  std::optional<std::size_t> dominated_by;  ///< the alternative (or kZero) dominating it, if any
};

/// A step along the frontier: from one alternative (or the zero alternative) to the next dearer one.
struct Step {
  std::size_t from = kZero, to = 0;
  Increment increment;            ///< `to` minus `from`, paired per replication
};

/// What the figures support, as the summary says it.
enum class Verdict : std::uint8_t {
  Supported,  ///< the choice's societal ratio is above 1 over its whole 95% interval
  Lean,       ///< above 1 on average, but no alternative's interval stays above 1
  None,       ///< no alternative's societal ratio is above 1 on average
};

struct Decision {
  std::vector<DecisionRow> rows;            ///< in order of team budget (ties: as given)
  std::vector<std::size_t> frontier;        ///< alternatives no other (nor the zero alternative) dominates, by budget
  std::vector<Step> steps;                  ///< zero -> frontier[0] -> frontier[1] -> ...
  std::size_t choice = 0;                   ///< the alternative the summary names
  Verdict verdict = Verdict::None;
  std::optional<std::size_t> runner_up;     ///< the alternative with the next highest societal NPV
};

/// Team budget a year of an alternative: its team cost over the horizon / years, with interval.
Stat budget_stat(const AlternativeResult& a);
/// The increment from the zero alternative to an alternative: the alternative's own figures.
Increment from_zero(const AlternativeResult& a, std::size_t index);
/// Rank, dominance, frontier, steps and verdict. The result has at least one alternative.
Decision decide(const CompareResult& result);

}  // namespace wijksim::sim
