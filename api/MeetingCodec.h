#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "Catalog.h"
#include "JsonWriter.h"
#include "Meeting.h"
#include "MeetingService.h"

namespace lacuna {

/// A decision recorded on an agenda item.
struct DecisionInput {
    std::string decision;
    std::string comment;
};

MeetingInput decodeMeeting(const Poco::JSON::Object::Ptr& body);
MeetingPatch decodeMeetingPatch(const Poco::JSON::Object::Ptr& body);
std::string decodeVote(const Poco::JSON::Object::Ptr& body);
DecisionInput decodeDecision(const Poco::JSON::Object::Ptr& body);

/// The meeting with attendance, votes, tallies and each decision's standing.
void writeMeeting(JsonWriter& out, const Meeting& meeting, const MeetingService& service,
                  const Catalog& catalog);

}  // namespace lacuna
