// Financing lines of an arrangement or provision (M15): where the money comes from, how much, for
// which period and to whom it goes.
//
// The one hard rule (seed 001 route 1 step 9, route 2 step 8): "overdracht en uitbesteden van
// onderwijsmiddelen naar derden is niet mogelijk, maar inkoop van diensten in het kader van het OPP
// wel, onder verantwoordelijkheid van school". So a line of education money paid to a third party
// is only accepted when it is recorded as such a purchase.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/roles.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

/// Sources named in the seeds: school lump sum; SWV arrangement money; the TLV budget (001 route 1
/// step 8); municipality under the Jeugdwet; subsidies such as WEL; VSV money (001 Thuisdocent); the
/// SWV's contingency pot ("potje voor onvoorziene gevallen", 001 DOF); parent contribution, funds and
/// sponsoring (001 route 1 step 10).
enum class FundingSource {
  SchoolLumpSum,
  SwvArrangement,
  TlvBudget,
  MunicipalityYouthAct,
  Subsidy,
  VsvFunds,
  ContingencyPot,
  ParentContribution,
  Funds,
  Sponsoring,
};
/// "school_lump_sum" | "swv_arrangement" | "tlv_budget" | "municipality_youth_act" | "subsidy" |
/// "vsv_funds" | "contingency_pot" | "parent_contribution" | "funds" | "sponsoring"
std::string_view to_string(FundingSource source);
std::optional<FundingSource> parse_funding_source(std::string_view text);

/// Education money (onderwijsmiddelen): the school's and the SWV's funding from the state, which the
/// transfer rule protects.
bool is_education_money(FundingSource source);

enum class PayeeKind {
  School,     // the enrolling school itself (or its board)
  ThirdParty, // a care provider, a freelancer, a municipality …
};
/// "school" | "third_party"
std::string_view to_string(PayeeKind payee);
std::optional<PayeeKind> parse_payee_kind(std::string_view text);

struct FinancingLine {
  FundingSource source = FundingSource::SchoolLumpSum;
  std::int64_t amount_cents = 0;
  Date period_start;
  Date period_end; // inclusive
  PayeeKind payee = PayeeKind::School;
  std::string payee_organisation_id;
  /// Recorded as a purchase of services (inkoop van diensten) under the school's responsibility.
  bool purchase_of_services = false;
};

/// amount > 0 (financing-amount-invalid); period_end ≥ period_start (financing-period-invalid);
/// education money to a third party only as a purchase of services (education-money-transfer).
/// `field` prefixes the field names, e.g. "financing[2]".
Checked<void> validate_financing_line(const FinancingLine& line, const std::string& field = {});

/// The teldatum of the school year (1 August – 31 July) that contains `date`: 1 October for vo and
/// pro, 1 February for primary and (v)so since 2022 (rules.md key numbers, teldatum); mbo has none
/// (1 October is used, as for vo).
Date teldatum(SchoolType type, Date date);

/// Whether a pupil entering on `entry` brings school funding this school year: not when they had a
/// vrijstelling and enter after the teldatum (seed 001 DOF "Financiering": "Voor leerlingen met een
/// vrijstelling die na 1 oktober (teldatum) instromen bij DOF, is er geen financiering vanuit de
/// school mogelijk").
bool brings_school_funding(SchoolType type, bool exempt_before_entry, Date entry);

/// Refuses a school lump-sum line that starts in the entry's school year when the pupil brings no
/// school funding (school-funding-not-available, naming the line).
Checked<void> check_school_funding(const std::vector<FinancingLine>& lines, SchoolType type,
                                   bool exempt_before_entry, Date entry);

} // namespace eenplan::domain
