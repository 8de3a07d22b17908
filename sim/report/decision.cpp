// The decision in words: names of alternatives and steps, and the summary written from the numbers.
#include "sim/report/decision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wijksim::report {

using namespace labels;
using services::kPocketCount;
using services::Pocket;
using sim::AlternativeResult;
using sim::CompareResult;
using sim::Stat;

namespace {

constexpr std::size_t kSocietal = 0, kMunicipal = 2;

Pocket pocket_at(std::size_t p) { return static_cast<Pocket>(p); }

std::string lowered_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

template <class... Args>
std::string say(Text key, Lang lang, const Args&... args) {
  return fmt::format(fmt::runtime(text(key, lang)), args...);
}

}  // namespace

std::string alternative_title(const CompareResult& r, std::size_t i, Lang lang) {
  if (i == kZero) return lang == Lang::Nl ? "het nulalternatief" : "the zero alternative";
  const AlternativeResult& a = r.alternatives.at(i);
  const bool modes_differ = std::any_of(r.alternatives.begin(), r.alternatives.end(),
                                        [&](const AlternativeResult& b) { return b.mode != a.mode; });
  return modes_differ ? alternative_label(a.scenario, a.caption, a.mode, lang)
                      : alternative_words(a.scenario, a.caption, lang);
}

std::string step_title(const CompareResult& r, const Step& step, Lang lang) {
  return say(Text::StepFrom, lang, alternative_title(r, step.from, lang), alternative_title(r, step.to, lang));
}

std::string decision_summary(const CompareResult& r, const Decision& d, Lang lang) {
  const auto eur = [lang](double v) { return euro_text(v, lang); };
  const auto ratio = [lang](double v) { return ratio_text(v, lang); };
  const AlternativeResult& a = r.alternatives.at(d.choice);
  const Stat& npv = a.npv[kSocietal];
  const Stat& q = a.ratio[kSocietal];
  const Text opening = d.verdict == Verdict::Supported ? Text::SumChoice
                       : d.verdict == Verdict::Lean    ? Text::SumLean
                                                       : Text::SumNone;
  std::string out = say(opening, lang, alternative_title(r, d.choice, lang), eur(npv.mean), eur(npv.ci_low),
                        eur(npv.ci_high), ratio(q.mean), ratio(q.ci_low), ratio(q.ci_high),
                        eur(budget_stat(a).mean));
  const auto row = std::find_if(d.rows.begin(), d.rows.end(), [&](const DecisionRow& x) { return x.alternative == d.choice; });
  const std::size_t gainer = row->gains_most;
  const bool pays = a.npv[kMunicipal].mean < 0.0;
  out += ' ';
  out += say(pays ? Text::SumMunicipalityPays : Text::SumMunicipalityGains, lang, eur(a.npv[kMunicipal].mean),
                   ratio(a.ratio[kMunicipal].mean), eur(row->municipal_2y),
                   lowered_first(pocket_label(pocket_at(gainer), lang)), eur(a.npv_by_pocket[gainer].mean));
  out += ' ';
  const double below_1 = 1.0 - a.p_above_1[kSocietal];
  out += below_1 > 0.0 ? say(Text::SumUncertainty, lang, percent_text(below_1, lang))
                       : say(Text::SumUncertaintySize, lang, eur(npv.ci_low), eur(npv.ci_high));
  if (d.runner_up) {
    const sim::Increment lead = sim::increment(r, *d.runner_up, d.choice);  // choice minus runner-up, per replication
    const Stat& diff = lead.npv[kSocietal];
    const bool apart = diff.ci_low > 0.0 || diff.ci_high < 0.0;
    out += apart ? say(Text::SumRunnerUp, lang, alternative_title(r, *d.runner_up, lang), eur(diff.mean),
                       eur(diff.ci_low), eur(diff.ci_high))
                 : say(Text::SumTwin, lang, alternative_title(r, *d.runner_up, lang), eur(diff.mean), eur(diff.ci_low),
                       eur(diff.ci_high));
  }
  out += ". ";
  out += say(Text::SumDiscount, lang,
                    discount_text(r.discount_rate, r.discount_real, r.risk_premium, r.discount_basis, lang));
  return out;
}

}  // namespace wijksim::report
