# Embeds one text file as a string constant (the OpenAPI contract).
file(READ "${IN}" content)
set(body "#include <string_view>\nnamespace eenplan::api {\nstd::string_view openapi_json() {\n  static constexpr std::string_view text = R\"eenplan_json(${content})eenplan_json\";\n  return text;\n}\n}  // namespace eenplan::api\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
