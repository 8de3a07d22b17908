#include "sim/validation/fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <fmt/format.h>
#include <nlopt.hpp>

#include "scenarios/def_values.hpp"

namespace wijksim::sim {

std::vector<FreeSetting> default_free_settings() {
  // Care start hazards may fall far (hidden need) or rise; the others stay within a factor of four.
  return {
      {"care.youth_ambulatory.start", 0.05, 4.0},
      {"care.wmo_household_help.start", 0.05, 4.0},
      {"care.wmo_day_activities.start", 0.05, 4.0},
      {"care.wmo_individual_support.start", 0.05, 4.0},
      {"care.debt_help_light.start", 0.05, 4.0},
      {"care.debt_restructuring.start", 0.05, 4.0},
      {"care.general_social_work.start", 0.05, 4.0},
      {"dynamics.finances.worsen"},
      {"dynamics.finances.improve"},
      {"dynamics.income.welfare_entry_other"},
      {"dynamics.income.welfare_after_unemployment", 0.25, 2.0},
      {"dynamics.escalation.arrears"},
      {"dynamics.escalation.eviction_list"},
      {"dynamics.escalation.shock_worsen"},
      {"dynamics.escalation.supervision"},
      {"dynamics.escalation.placement"},
  };
}

FreeSetting parse_free_setting(const std::string& text) {
  const auto eq = text.find('=');
  FreeSetting s{text.substr(0, eq)};
  if (s.key.empty()) throw std::invalid_argument(fmt::format("--free '{}': no key", text));
  if (eq == std::string::npos) return s;
  const std::string bounds = text.substr(eq + 1);
  const auto colon = bounds.find(':');
  try {
    if (colon == std::string::npos) throw std::invalid_argument("no colon");
    std::size_t used_low = 0, used_high = 0;
    s.low = std::stod(bounds.substr(0, colon), &used_low);
    s.high = std::stod(bounds.substr(colon + 1), &used_high);
    if (used_low != colon || used_high != bounds.size() - colon - 1) throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    throw std::invalid_argument(fmt::format("--free '{}': expected KEY or KEY=LOW:HIGH with factors, e.g. {}=0.5:2",
                                            text, s.key));
  }
  if (!(s.low > 0.0) || !(s.high >= s.low) || !std::isfinite(s.high))
    throw std::invalid_argument(
        fmt::format("--free '{}': the factors must satisfy 0 < LOW <= HIGH (finite), e.g. {}=0.5:2", text, s.key));
  return s;
}

void check_free_settings(const scenarios::ScenarioDef& def, const std::vector<FreeSetting>& free) {
  for (const FreeSetting& s : free) {
    const auto numbers = scenarios::numbers_at(def, s.key);
    if (!numbers)
      throw std::invalid_argument(fmt::format("--free {}: not a number of the scenario (wijksim validate prints every key of the merged scenario)", s.key));
    if (std::all_of(numbers->values.begin(), numbers->values.end(), [](double v) { return v == 0.0; }))
      throw std::invalid_argument(fmt::format("--free {}: the value is 0, which no factor moves", s.key));
  }
}

double calibration_loss(const std::vector<CalibrationResult>& results) {
  double loss = 0.0;
  for (const CalibrationResult& r : results) {
    if (!std::isfinite(r.simulated)) {
      loss += 100.0;
      continue;
    }
    const double width = std::max(r.high - r.low, 1e-9);
    const double outside = std::max({r.low - r.simulated, r.simulated - r.high, 0.0}) / width;
    const double off_middle = (r.simulated - 0.5 * (r.low + r.high)) / width;
    loss += outside * outside + 0.02 * off_middle * off_middle;
  }
  return loss;
}

namespace {

struct Search {
  Search(const scenarios::ScenarioDef& d, const std::vector<FreeSetting>& f, unsigned t,
         const std::function<void(std::uint32_t, double)>& p)
      : def(d), free(f), threads(t), progress(p) {}

  const scenarios::ScenarioDef& def;
  const std::vector<FreeSetting>& free;
  std::vector<std::vector<double>> base;  // each free setting's values in `def`
  unsigned threads;
  const std::function<void(std::uint32_t, double)>& progress;
  nlopt::opt* opt = nullptr;
  std::uint32_t evaluations = 0;
  std::uint32_t best_at = 0;
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> best_x;
  std::vector<CalibrationResult> best_results;

  scenarios::ScenarioDef at(const std::vector<double>& log_factors) const {
    scenarios::ScenarioDef d = def;
    for (std::size_t i = 0; i < free.size(); ++i) {
      std::vector<double> values = base[i];
      for (double& v : values) v *= std::exp(log_factors[i]);
      scenarios::set_numbers(d, free[i].key, values);
    }
    return d;
  }

  double evaluate(const std::vector<double>& x) {
    const auto results = calibrate_scenario(at(x), threads, {});
    const double loss = calibration_loss(results);
    ++evaluations;
    if (loss < best - 1e-9) {
      best = loss;
      best_x = x;
      best_results = results;
      best_at = evaluations;
    }
    if (progress) progress(evaluations, best);
    const bool all_ok = std::all_of(best_results.begin(), best_results.end(), [](const auto& r) { return r.ok; });
    // Every target holds and the last 4n runs found nothing better: what is left is the pull to the middle.
    if (all_ok && evaluations - best_at >= 4 * free.size()) opt->force_stop();
    return loss;
  }

  static double objective(const std::vector<double>& x, std::vector<double>&, void* self) {
    return static_cast<Search*>(self)->evaluate(x);
  }
};

}  // namespace

FitResult fit_scenario(const scenarios::ScenarioDef& def, const std::vector<FreeSetting>& free, std::uint32_t evaluations,
                       unsigned threads, const std::function<void(std::uint32_t, double)>& progress) {
  if (free.empty()) throw std::invalid_argument("calibrate --fit: no setting to fit");
  Search search(def, free, threads, progress);
  std::vector<double> low, high;
  check_free_settings(def, free);
  for (const FreeSetting& s : free) {
    search.base.push_back(scenarios::numbers_at(def, s.key)->values);
    low.push_back(std::log(s.low));
    high.push_back(std::log(s.high));
  }
  std::vector<double> x(free.size(), 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::clamp(0.0, low[i], high[i]);

  nlopt::opt opt(nlopt::LN_SBPLX, static_cast<unsigned>(free.size()));
  search.opt = &opt;
  opt.set_lower_bounds(low);
  opt.set_upper_bounds(high);
  opt.set_min_objective(&Search::objective, &search);
  opt.set_maxeval(static_cast<int>(std::max<std::uint32_t>(evaluations, 1)));
  opt.set_xtol_abs(1e-3);
  opt.set_initial_step(std::vector<double>(free.size(), 0.3));
  double minimum = 0.0;
  try {
    opt.optimize(x, minimum);
  } catch (const nlopt::forced_stop&) {
    // every target holds; the best point is kept in `search`
  } catch (const nlopt::roundoff_limited&) {
    // the loss is flat at this resolution; keep the best point
  }

  FitResult fit;
  fit.fitted = search.at(search.best_x);
  for (std::size_t i = 0; i < free.size(); ++i) {
    fit.factors.push_back(std::exp(search.best_x[i]));
    fit.values.emplace_back(free[i].key, scenarios::numbers_at(fit.fitted, free[i].key)->values);
  }
  fit.results = search.best_results;
  fit.loss = search.best;
  fit.evaluations = search.evaluations;
  return fit;
}

std::string fit_file(const FitResult& fit, const std::string& extends, const std::string& name) {
  std::size_t ok = 0;
  for (const auto& r : fit.results) ok += r.ok ? 1 : 0;
  std::string header = fmt::format(
      "Written by `wijksim calibrate --fit`: hazards of {} multiplied by fitted factors.\n"
      "{} of {} targets within range after {} calibration runs (loss {:.4g}). Residuals:\n",
      extends, ok, fit.results.size(), fit.evaluations, fit.loss);
  for (const auto& r : fit.results)
    header += fmt::format("  {:<20} {:>12.6g}  in [{:.6g}, {:.6g}]  {}\n", r.name, r.simulated, r.low, r.high,
                          r.ok ? "ok" : "OUTSIDE");
  header += "Factors:\n";
  for (std::size_t i = 0; i < fit.values.size(); ++i)
    header += fmt::format("  {:<44} x {:.4f}\n", fit.values[i].first, fit.factors[i]);
  header += "assumption (calibrated): every value below was fitted to the targets above";
  return scenarios::overrides_file(header, extends, name, fit.values);
}

}  // namespace wijksim::sim
