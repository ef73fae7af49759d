#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

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

/// The proposal numbers of a ranking or of an agenda built from a consultation.
struct ProposalOrder {
    std::optional<std::vector<std::int64_t>> proposals;
};

MeetingInput decodeMeeting(const Poco::JSON::Object::Ptr& body);
MeetingPatch decodeMeetingPatch(const Poco::JSON::Object::Ptr& body);
std::string decodeVote(const Poco::JSON::Object::Ptr& body);
DecisionInput decodeDecision(const Poco::JSON::Object::Ptr& body);
/// The consultation's deadline, a Jalali date (`closes_on`).
std::string decodeConsultation(const Poco::JSON::Object::Ptr& body);
ProposalInput decodeProposal(const Poco::JSON::Object::Ptr& body);
/// `proposals`, required for a ranking, optional when building the agenda.
ProposalOrder decodeProposalOrder(const Poco::JSON::Object::Ptr& body, bool required);

/// The meeting with attendance, votes, tallies and each decision's standing.
void writeMeeting(JsonWriter& out, const Meeting& meeting, const MeetingService& service,
                  const Catalog& catalog);

}  // namespace lacuna
