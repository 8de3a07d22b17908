# Writes OUTPUT, a C++ file that holds the text of every scenario file INPUT_DIR/*.toml (the shipped scenarios):
# wijksim::scenarios::detail::shipped_texts() lists them by name (the file's stem), in name order, and
# kEmbeddedDefault is the text of default.toml.
file(GLOB inputs ${INPUT_DIR}/*.toml)
list(SORT inputs)
set(delim "WIJKSIM_TOML")
set(texts "")
set(entries "")
set(index 0)
foreach(input IN LISTS inputs)
  get_filename_component(stem ${input} NAME_WE)
  file(READ ${input} content)
  string(APPEND texts "constexpr std::string_view kText${index} = R\"${delim}(${content})${delim}\";\n")
  string(APPEND entries "    ShippedText{\"${stem}\", kText${index}},\n")
  if(stem STREQUAL "default")
    set(default_index ${index})
  endif()
  math(EXPR index "${index} + 1")
endforeach()
if(NOT DEFINED default_index)
  message(FATAL_ERROR "EmbedText: ${INPUT_DIR}/default.toml is missing")
endif()
file(WRITE ${OUTPUT} "// Generated from scenarios/*.toml by cmake/EmbedText.cmake; do not edit.\n"
  "#include <array>\n#include <span>\n#include <string_view>\n\n"
  "#include \"scenarios/loader_detail.hpp\"\n\n"
  "namespace wijksim::scenarios::detail {\n"
  "namespace {\n${texts}"
  "constexpr std::array<ShippedText, ${index}> kShipped{\n${entries}};\n"
  "}  // namespace\n\n"
  "extern const std::string_view kEmbeddedDefault;\n"
  "const std::string_view kEmbeddedDefault = kText${default_index};\n\n"
  "std::span<const ShippedText> shipped_texts() { return kShipped; }\n"
  "}  // namespace wijksim::scenarios::detail\n")
