#include "domain/date_math.hpp"

#include <algorithm>

namespace eenplan::domain {

Date add_months(Date date, int months) {
  const int zero_based = date.year * 12 + (date.month - 1) + months;
  // Floor division so negative month offsets land in the right year.
  const int year = zero_based >= 0 ? zero_based / 12 : (zero_based - 11) / 12;
  const int month = zero_based - year * 12 + 1;
  return Date{year, month, std::min(date.day, days_in_month(year, month))};
}

Date add_years(Date date, int years) {
  return add_months(date, 12 * years);
}

} // namespace eenplan::domain
