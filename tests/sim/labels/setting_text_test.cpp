// Settings, alternatives, the zero alternative and the discount rate in words, in both languages.
#include <gtest/gtest.h>

#include "sim/labels/labels.hpp"

namespace wijksim::labels {
namespace {

TEST(SettingText, KnownSettingsInWords) {
  EXPECT_EQ(setting_text("teams.0.fte", "6", Lang::En), "team 6 FTE");
  EXPECT_EQ(setting_text("teams.0.fte", "6", Lang::Nl), "team 6 fte");
  EXPECT_EQ(setting_text("team.fte", "2.5", Lang::Nl), "team 2,5 fte");  // `team.` is the first team
  EXPECT_EQ(setting_text("teams.1.fte", "3", Lang::En), "team 2: 3 FTE");
  EXPECT_EQ(setting_text("teams.0.mandate.enabled", "true", Lang::En), "with mandate");
  EXPECT_EQ(setting_text("teams.0.mandate.enabled", "true", Lang::Nl), "met mandaat");
  EXPECT_EQ(setting_text("teams.0.mandate.enabled", "false", Lang::Nl), "zonder mandaat");
  EXPECT_EQ(setting_text("teams.0.target", "light_orange+orange+red", Lang::En),
            "takes in light orange, orange and red");
  EXPECT_EQ(setting_text("teams.0.target", "orange+red", Lang::Nl), "doelgroep oranje en rood");
  EXPECT_EQ(setting_text("teams.0.cost_per_fte", "55000.0", Lang::En), "€ 55,000 per FTE");
  EXPECT_EQ(setting_text("teams.0.turnover.yearly", "0.05", Lang::En), "staff turnover 5% a year");
  EXPECT_EQ(setting_text("teams.0.casework.network_activation", "0.125", Lang::Nl), "netwerkactivering 12,5%");
  EXPECT_EQ(setting_text("teams.0.casework.disciplines", "work_income+youth", Lang::En),
            "disciplines: work and income and youth");
  EXPECT_EQ(setting_text("teams.0.active_months", "12", Lang::En), "team works 12 months");
  EXPECT_EQ(setting_text("mkba.risk_premium", "0.0325", Lang::En), "risk premium 3.25%");
}

TEST(SettingText, UnknownKeysReadAsTheirPathNeverCutOff) {
  EXPECT_EQ(setting_text("teams.0.casework.monitoring_hours", "4.0", Lang::En),
            "team casework monitoring hours = 4.0");
  EXPECT_EQ(setting_text("teams.2.finding.gp_signal", "0.01", Lang::En), "team 3 finding gp signal = 0.01");
  EXPECT_EQ(setting_text("dynamics.escalation.eviction", "0.15", Lang::En), "dynamics escalation eviction = 0.15");
  EXPECT_EQ(setting_name("teams.0.casework.substitution_existing", Lang::En), "substitution in known households");
  EXPECT_EQ(setting_value("teams.0.casework.substitution_existing", "0.2", Lang::En), "20%");
}

TEST(SettingText, AlternativesAndTheZeroAlternative) {
  const auto settings = settings_of_name("teams.0.fte=8 teams.0.target=light_orange+orange+red");
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(settings->size(), 2U);
  EXPECT_FALSE(settings_of_name("wijkteam").has_value());
  EXPECT_FALSE(settings_of_name("my team=1").has_value());
  EXPECT_EQ(alternative_words("teams.0.fte=8 teams.0.mandate.enabled=true", "", Lang::En), "team 8 FTE, with mandate");
  EXPECT_EQ(alternative_words("teams.0.fte=8 teams.0.mandate.enabled=true", "", Lang::Nl), "team 8 fte, met mandaat");
  EXPECT_EQ(alternative_words("wijkteam", "neighbourhood team of 4 FTE", Lang::En), "neighbourhood team of 4 FTE");
  EXPECT_EQ(alternative_words("wijkteam", "", Lang::En), "wijkteam");
  EXPECT_EQ(alternative_label("teams.0.fte=6", "", sim::Mode::Cohort, Lang::En), "team 6 FTE (cohort)");
  EXPECT_EQ(zero_label({"Oost", "West"}, Lang::En), "District Oost and West without teams");
  EXPECT_EQ(zero_label({"Centrum", "Noord", "Zuid"}, Lang::Nl), "Wijk Centrum, Noord en Zuid zonder teams");
}

TEST(DiscountText, NamesTheRateAndItsBasis) {
  using scenarios::DiscountBasis;
  EXPECT_EQ(rate_text(0.0225, Lang::En), "2.25%");
  EXPECT_EQ(rate_text(0.055, Lang::Nl), "5,5%");
  EXPECT_EQ(rate_text(0.0, Lang::En), "0%");
  const std::string standard = discount_text(0.0225, -0.01, 0.0325, DiscountBasis::Standard, Lang::En);
  EXPECT_NE(standard.find("2.25% a year"), std::string::npos) << standard;
  EXPECT_NE(standard.find("[Werkgroep discontovoet 2020]"), std::string::npos) << standard;
  EXPECT_NE(standard.find("-1% real plus 3.25% risk premium"), std::string::npos) << standard;
  const std::string source = discount_text(0.055, 0.025, 0.03, DiscountBasis::Source, Lang::Nl);
  EXPECT_NE(source.find("5,5% per jaar"), std::string::npos) << source;
  EXPECT_NE(source.find("[S004 fn 13]"), std::string::npos) << source;
  EXPECT_NE(discount_reason(DiscountBasis::Standard, Lang::En).find("--discount source"), std::string::npos);
  EXPECT_EQ(discount_source(DiscountBasis::Custom), "");
}

TEST(EuroTick, OneUnitPerAxis) {
  // An axis reaching 1.5 million in steps of 250,000 shows every tick in millions.
  EXPECT_EQ(euro_tick(750'000, 250'000, 1.5e6, Lang::En), "€ 0.75 mln");
  EXPECT_EQ(euro_tick(1.5e6, 250'000, 1.5e6, Lang::En), "€ 1.50 mln");
  EXPECT_EQ(euro_tick(1.5e6, 500'000, 1.5e6, Lang::En), "€ 1.5 mln");
  EXPECT_EQ(euro_tick(2e6, 1e6, 2e6, Lang::En), "€ 2 mln");
  EXPECT_EQ(euro_tick(250'000, 50'000, 500'000, Lang::Nl), "€ 250.000");
  EXPECT_EQ(euro_tick(0.0, 50'000, 500'000, Lang::En), "€ 0");
}

}  // namespace
}  // namespace wijksim::labels
