#pragma once
// The panels besides the flows: services (teams, providers, referral graph), money per pocket against the
// zero alternative, time series of both worlds; and the overlays: household and pocket tips, the help.
#include <SFML/Graphics.hpp>
#include <cstdint>
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
/// A household's state and level history near the mouse.
void draw_household_tip(Canvas& c, const Alternative& alt, std::size_t dot, sf::Vector2f mouse);
/// A pocket's items, both worlds, near the mouse.
void draw_pocket_tip(Canvas& c, const Alternative& alt, services::Pocket pocket, sf::Vector2f mouse);
/// Every key and what the mouse does, over the whole window.
void draw_help(Canvas& c, sf::Vector2f window);

}  // namespace wijksim::viz
