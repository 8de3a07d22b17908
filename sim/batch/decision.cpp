// The decision between alternatives: dominance and frontier on team budget a year against societal NPV (means), the
// steps along the frontier from the paired increments, and the verdict (docs/MODEL.md §17).
#include "sim/batch/decision.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wijksim::sim {

using services::kPocketCount;
using services::Pocket;

namespace {

constexpr std::size_t kSocietal = 0;

Stat scaled(const Stat& s, double f) { return {s.mean * f, s.sd * f, s.ci_low * f, s.ci_high * f, s.n}; }

Pocket pocket_at(std::size_t p) { return static_cast<Pocket>(p); }

/// The money pocket with the lowest (pays) or the highest (gains) mean NPV.
std::size_t extreme_pocket(const AlternativeResult& a, bool highest) {
  std::optional<std::size_t> best;
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    if (!services::is_money(pocket_at(p))) continue;
    const double v = a.npv_by_pocket[p].mean;
    if (!best || (highest ? v > a.npv_by_pocket[*best].mean : v < a.npv_by_pocket[*best].mean)) best = p;
  }
  return best.value_or(0);
}

/// The money pocket outside the municipality whose budget moves most in the first two years.
std::size_t other_pocket(const AlternativeResult& a) {
  std::optional<std::size_t> best;
  for (std::size_t p = 0; p < kPocketCount; ++p) {
    if (!services::is_money(pocket_at(p)) || services::is_municipal(pocket_at(p))) continue;
    if (!best || std::fabs(a.budget_after_2y[p].mean) > std::fabs(a.budget_after_2y[*best].mean)) best = p;
  }
  return best.value_or(0);
}

/// a dominates b: it costs no more and yields more, or yields as much for less.
bool dominates(double budget_a, double npv_a, double budget_b, double npv_b) {
  return budget_a <= budget_b && npv_a >= npv_b && (budget_a < budget_b || npv_a > npv_b);
}

}  // namespace

Stat budget_stat(const AlternativeResult& a) {
  const double years = static_cast<double>(std::max<std::size_t>(a.net_by_year.size(), 1));
  return scaled(a.team_cost, 1.0 / years);
}

Increment from_zero(const AlternativeResult& a, std::size_t index) {
  Increment inc;
  inc.from = kZero, inc.to = index;
  inc.budget = budget_stat(a);
  inc.npv = a.npv;
  inc.pv_cost = a.pv_cost[kSocietal];
  inc.pv_benefit = a.pv_benefit[kSocietal];
  inc.ratio = a.ratio[kSocietal];
  inc.p_better = a.p_above_1[kSocietal];
  return inc;
}

Decision decide(const CompareResult& r) {
  Decision d;
  const std::size_t n = r.alternatives.size();
  std::vector<double> budget(n), npv(n);
  for (std::size_t i = 0; i < n; ++i) {
    budget[i] = budget_stat(r.alternatives[i]).mean;
    npv[i] = r.alternatives[i].npv[kSocietal].mean;
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return budget[a] < budget[b]; });
  for (const std::size_t i : order) {
    const AlternativeResult& a = r.alternatives[i];
    DecisionRow row;
    row.alternative = i;
    row.budget = budget_stat(a);
    for (std::size_t p = 0; p < kPocketCount; ++p)
      if (services::is_municipal(pocket_at(p))) row.municipal_2y += a.budget_after_2y[p].mean;
    row.other_pocket = other_pocket(a);
    row.pays_most = extreme_pocket(a, false);
    row.gains_most = extreme_pocket(a, true);
    // Dominated by the zero alternative (no budget, NPV 0) or another alternative; named: the dominating one with
    // the highest NPV.
    double best = -INFINITY;
    const auto consider = [&](std::size_t j, double budget_j, double npv_j) {
      if (dominates(budget_j, npv_j, budget[i], npv[i]) && npv_j > best) best = npv_j, row.dominated_by = j;
    };
    consider(kZero, 0.0, 0.0);
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) consider(j, budget[j], npv[j]);
    if (!row.dominated_by) d.frontier.push_back(i);
    d.rows.push_back(row);
  }
  std::size_t from = kZero;
  for (const std::size_t to : d.frontier) {
    d.steps.push_back({from, to, from == kZero ? from_zero(r.alternatives[to], to) : increment(r, from, to)});
    from = to;
  }
  // The verdict: the highest NPV among the alternatives whose societal ratio is above 1 over its whole interval;
  // failing that, the highest NPV overall (above 1 on average or not).
  const auto best_of = [&](auto&& qualifies) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < n; ++i)
      if (qualifies(r.alternatives[i]) && (!best || npv[i] > npv[*best])) best = i;
    return best;
  };
  const auto supported = best_of([](const AlternativeResult& a) { return a.ratio[kSocietal].ci_low > 1.0; });
  const auto above_1 = best_of([](const AlternativeResult& a) { return a.ratio[kSocietal].mean > 1.0; });
  d.verdict = supported ? Verdict::Supported : above_1 ? Verdict::Lean : Verdict::None;
  d.choice = supported ? *supported : above_1 ? *above_1 : best_of([](const AlternativeResult&) { return true; }).value_or(0);
  for (std::size_t i = 0; i < n; ++i)
    if (i != d.choice && (!d.runner_up || npv[i] > npv[*d.runner_up])) d.runner_up = i;
  return d;
}

}  // namespace wijksim::sim
