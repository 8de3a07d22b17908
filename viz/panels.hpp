#pragma once
// The panels besides the flows: services (teams, providers, referral graph), money per pocket against the
// zero alternative, time series of both worlds; and the overlays: household and pocket tips, the help.
#include <SFML/Graphics.hpp>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "services/pockets.hpp"
#include "viz/alternative.hpp"
#include "viz/canvas.hpp"

namespace wijksim::viz {

enum class MoneyView : std::uint8_t { Cumulative, Year };

/// Rows of the money panel, for hovering a pocket.
using PocketRows = std::vector<std::pair<sf::FloatRect, services::Pocket>>;

/// Teams (caseload against capacity, waiting list, intake by source) and the referral graph with providers.
void draw_services(Canvas& c, const Alternative& alt, const sf::FloatRect& area);
/// Per pocket: this world minus the zero alternative, cumulative or this year; returns the rows drawn.
PocketRows draw_money(Canvas& c, const Alternative& alt, const sf::FloatRect& area, MoneyView view);
/// Households per level and cost per month, both worlds.
void draw_time_series(Canvas& c, const Alternative& alt, const sf::FloatRect& area);
/// The running net gain with the team against the zero alternative (zero minus project), discounted per year
/// at the scenario's rate as in the report: per pocket and for society, one entry per month simulated.
struct JCurve {
  std::vector<std::array<double, services::kPocketCount>> pockets;
  std::vector<double> society;
  std::optional<std::uint32_t> payback_month;  ///< first month from which society's running net stays >= 0
};
JCurve j_curve(const Alternative& alt);
/// The J-curve: society's and each pocket's running discounted net, with the payback month marked.
void draw_j_curve(Canvas& c, const Alternative& alt, const sf::FloatRect& area);
/// A household's state and level history near the mouse.
void draw_household_tip(Canvas& c, const Alternative& alt, std::size_t dot, sf::Vector2f mouse);
/// A pocket's items, both worlds, near the mouse.
void draw_pocket_tip(Canvas& c, const Alternative& alt, services::Pocket pocket, sf::Vector2f mouse);
/// A text that was shortened to fit, in full, wrapped, near the mouse.
void draw_text_tip(Canvas& c, std::string_view text, sf::Vector2f mouse);
/// Every key and what the mouse does, over the whole window.
void draw_help(Canvas& c, sf::Vector2f window);

}  // namespace wijksim::viz
