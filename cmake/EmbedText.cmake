# Writes OUTPUT, a C++ file defining wijksim::scenarios::detail::kEmbeddedDefault with the text of INPUT.
file(READ ${INPUT} content)
set(delim "WIJKSIM_TOML")
file(WRITE ${OUTPUT} "// Generated from scenarios/default.toml; do not edit.\n"
  "#include <string_view>\n"
  "namespace wijksim::scenarios::detail {\n"
  "extern const std::string_view kEmbeddedDefault;\n"
  "const std::string_view kEmbeddedDefault = R\"${delim}(${content})${delim}\";\n"
  "}\n")
