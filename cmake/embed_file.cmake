# Embeds one text file as a string constant (the OpenAPI contract). A char array, not a
# constexpr string_view: computing the length of a large literal at compile time exceeds GCC's
# constexpr loop limit.
file(READ "${IN}" content)
set(body "#include <string_view>\nnamespace eenplan::api {\nstd::string_view openapi_json() {\n  static constexpr char text[] = R\"eenplan_json(${content})eenplan_json\";\n  return {text, sizeof(text) - 1};\n}\n}  // namespace eenplan::api\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
