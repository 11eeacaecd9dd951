#include "domain/financing.hpp"

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

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

} // namespace eenplan::domain
