// Calendar arithmetic the trajectory rules need beyond dates.hpp: months and years, as people
// count them ("een jaar na de start", "elk kwartaal").
#pragma once

#include "domain/dates.hpp"

namespace eenplan::domain {

/// The same day `months` later (earlier when negative); a day that does not exist in the target
/// month becomes its last day (31 January + 1 month = 28/29 February). Precondition: valid.
Date add_months(Date date, int months);

/// add_months(date, 12 * years): 29 February + 1 year = 28 February.
Date add_years(Date date, int years);

} // namespace eenplan::domain
