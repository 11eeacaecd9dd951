// The JSON shape of the plan's nested parts (OPP content, evaluation participants and goals,
// schedule entries). One codec serves both the stored JSON columns and the API bodies, so the two
// cannot drift apart: property names are the API's (lowerCamelCase), enum values their stable codes.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "domain/evaluation.hpp"
#include "domain/opp.hpp"
#include "domain/weekly_schedule.hpp"

namespace eenplan::store {

/// exitPerspective, supportNeeds, factors, workAttitude, goals, actionPart, pupilHearing.
boost::json::object opp_content_json(const domain::Opp& opp);
/// Reads what opp_content_json wrote into `opp` (trusted: stored by us; unknown codes fall back).
void read_opp_content(const boost::json::object& json, domain::Opp& opp);

boost::json::object goal_json(const domain::Goal& goal);
boost::json::value date_or_null(const std::optional<domain::Date>& date);

boost::json::array participants_json(const std::vector<domain::EvaluationParticipant>& participants);
std::vector<domain::EvaluationParticipant> read_participants(const boost::json::array& json);
boost::json::array goal_evaluations_json(const std::vector<domain::GoalEvaluation>& goals);
std::vector<domain::GoalEvaluation> read_goal_evaluations(const boost::json::array& json);

boost::json::array schedule_entries_json(const std::vector<domain::ScheduleEntry>& entries);
std::vector<domain::ScheduleEntry> read_schedule_entries(const boost::json::array& json);

} // namespace eenplan::store
