#include "viz/display.hpp"

#include <cstdlib>
#include <iostream>
#if defined(WIJKSIM_VIZ_X11)
#include <X11/Xlib.h>
#endif

#include "sim/kernel/printable.hpp"

namespace wijksim::viz {

bool display_available() {
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || *display == '\0') {
    std::cerr << "error: no display (DISPLAY is not set); run wijksim-viz on a desktop, or headless under "
                 "xvfb-run\n";
    return false;
  }
#if defined(WIJKSIM_VIZ_X11)
  Display* connection = XOpenDisplay(nullptr);
  if (connection == nullptr) {
    std::cerr << "error: cannot open display '" << kernel::printable(display)
              << "'; run wijksim-viz on a desktop, or headless under xvfb-run\n";
    return false;
  }
  XCloseDisplay(connection);
#endif
  return true;
}

}  // namespace wijksim::viz
