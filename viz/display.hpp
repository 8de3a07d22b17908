#pragma once
// Whether the visualiser can show anything: SFML aborts the process when it cannot open the X display, so this is
// checked first. Apart from the rest of viz/ because Xlib's macros (None, Bool, Status) clash with SFML's names.

namespace wijksim::viz {

/// Whether an X display can be opened (DISPLAY set and, when built with Xlib, the display answering); says why
/// not on stderr.
bool display_available();

}  // namespace wijksim::viz
