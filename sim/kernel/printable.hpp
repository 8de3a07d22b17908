#pragma once
// Text from outside (file names, keys, values) made safe to print in a message: a terminal must never receive a
// control byte it would act on.
#include <string>
#include <string_view>

namespace wijksim::kernel {

/// `text` with every control character escaped: C0 bytes and DEL as `\n`, `\t`, `\r` or `\u001B`, and the UTF-8
/// encodings of the C1 controls (U+0080..U+009F) as `\u009B`. Every other byte is kept as it is.
std::string printable(std::string_view text);

}  // namespace wijksim::kernel
