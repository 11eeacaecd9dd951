#pragma once

#include <string>
#include <string_view>

namespace eenplan::core {

/// Lower case with diacritics folded to ASCII ("Çelik" → "celik"), so search behaves
/// the same on SQLite and PostgreSQL and people need not type accents.
std::string fold_for_search(std::string_view utf8);

/// Escapes %, _ and \ for a LIKE pattern with ESCAPE '\'.
std::string escape_like(std::string_view text);

} // namespace eenplan::core
