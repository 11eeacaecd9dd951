# Embeds one text file as a string constant (the OpenAPI contract). The length comes from sizeof,
# not from a constexpr strlen, which hits the compiler's constexpr loop limit on a large document.
file(READ "${IN}" content)
set(body "#include <string_view>\nnamespace eenplan::api {\nnamespace {\nconstexpr char kText[] = R\"eenplan_json(${content})eenplan_json\";\n}\nstd::string_view openapi_json() {\n  return std::string_view(kText, sizeof(kText) - 1);\n}\n}  // namespace eenplan::api\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
