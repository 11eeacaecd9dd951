#include "domain/financing.hpp"

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<PayeeKind, 2> kPayeeCodes{{
    {PayeeKind::School, "school"},
    {PayeeKind::ThirdParty, "third_party"},
}};

constexpr NameTable<FundingSource, 10> kSourceCodes{{
    {FundingSource::SchoolLumpSum, "school_lump_sum"},
    {FundingSource::SwvArrangement, "swv_arrangement"},
    {FundingSource::TlvBudget, "tlv_budget"},
    {FundingSource::MunicipalityYouthAct, "municipality_youth_act"},
    {FundingSource::Subsidy, "subsidy"},
    {FundingSource::VsvFunds, "vsv_funds"},
    {FundingSource::ContingencyPot, "contingency_pot"},
    {FundingSource::ParentContribution, "parent_contribution"},
    {FundingSource::Funds, "funds"},
    {FundingSource::Sponsoring, "sponsoring"},
}};

std::string prefixed(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
}

} // namespace

std::string_view to_string(FundingSource source) {
  return name_in(kSourceCodes, source);
}

std::string_view to_string(PayeeKind payee) {
  return name_in(kPayeeCodes, payee);
}
std::optional<PayeeKind> parse_payee_kind(std::string_view text) {
  return parse_in(kPayeeCodes, text);
}

std::optional<FundingSource> parse_funding_source(std::string_view text) {
  return parse_in(kSourceCodes, text);
}

bool is_education_money(FundingSource source) {
  switch (source) {
  case FundingSource::SchoolLumpSum:
  case FundingSource::SwvArrangement:
  case FundingSource::TlvBudget:
  case FundingSource::ContingencyPot: return true; // the SWV's own budget is education money too
  case FundingSource::MunicipalityYouthAct:
  case FundingSource::Subsidy:
  case FundingSource::VsvFunds:
  case FundingSource::ParentContribution:
  case FundingSource::Funds:
  case FundingSource::Sponsoring: return false;
  }
  return true; // unknown value: treat as protected money
}

Checked<void> validate_financing_line(const FinancingLine& line, const std::string& field) {
  if (line.amount_cents <= 0)
    return violation(TrajectoryRule::FinancingAmountInvalid, prefixed(field, "amountCents"));
  if (line.period_end < line.period_start) {
    return violation(TrajectoryRule::FinancingPeriodInvalid, prefixed(field, "periodEnd"));
  }
  if (is_education_money(line.source) && line.payee == PayeeKind::ThirdParty && !line.purchase_of_services) {
    return violation(TrajectoryRule::EducationMoneyTransfer, prefixed(field, "purchaseOfServices"));
  }
  return {};
}

Date teldatum(SchoolType type, Date date) {
  const int first_year = date.month >= 8 ? date.year : date.year - 1; // the school year starts 1 August
  switch (type) {
  case SchoolType::Bao:
  case SchoolType::Sbo:
  case SchoolType::So:
  case SchoolType::Vso: return Date{first_year + 1, 2, 1};
  case SchoolType::Vo:
  case SchoolType::Pro:
  case SchoolType::Mbo: return Date{first_year, 10, 1};
  }
  return Date{first_year, 10, 1};
}

bool brings_school_funding(SchoolType type, bool exempt_before_entry, Date entry) {
  return !exempt_before_entry || entry <= teldatum(type, entry);
}

Checked<void> check_school_funding(const std::vector<FinancingLine>& lines, SchoolType type,
                                   bool exempt_before_entry, Date entry) {
  if (brings_school_funding(type, exempt_before_entry, entry)) return {};
  const int first_year = entry.month >= 8 ? entry.year : entry.year - 1;
  const Date next_school_year{first_year + 1, 8, 1};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].source == FundingSource::SchoolLumpSum && lines[i].period_start < next_school_year) {
      return violation(TrajectoryRule::SchoolFundingNotAvailable,
                       "financing[" + std::to_string(i) + "].source");
    }
  }
  return {};
}

} // namespace eenplan::domain
