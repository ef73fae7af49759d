#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "BillService.h"
#include "Catalog.h"
#include "DraftService.h"
#include "InboxService.h"
#include "JsonWriter.h"
#include "Legislation.h"
#include "MeetingService.h"
#include "OpinionService.h"
#include "UniformityService.h"
#include "Workflow.h"

namespace lacuna {

/// Decoders of the legislative lifecycle's requests (strict: unknown members are refused).
DraftInput decodeDraft(const Poco::JSON::Object::Ptr& body);
MeetingInput decodeMeeting(const Poco::JSON::Object::Ptr& body);
MeetingPatch decodeMeetingPatch(const Poco::JSON::Object::Ptr& body);
std::string decodeVote(const Poco::JSON::Object::Ptr& body);
/// {decision, comment}
std::pair<std::string, std::string> decodeDecision(const Poco::JSON::Object::Ptr& body);
BillInput decodeBill(const Poco::JSON::Object::Ptr& body);
BillPatch decodeBillPatch(const Poco::JSON::Object::Ptr& body);
SponsorInput decodeSponsor(const Poco::JSON::Object::Ptr& body);
ObjectionInput decodeObjection(const Poco::JSON::Object::Ptr& body);
ObjectionAnswer decodeObjectionAnswer(const Poco::JSON::Object::Ptr& body);
/// {position, note}
std::pair<std::string, std::string> decodePosition(const Poco::JSON::Object::Ptr& body);
/// {comment}
std::string decodeComment(const Poco::JSON::Object::Ptr& body);
/// {url, events}
std::pair<std::string, std::vector<std::string>> decodeWebhook(const Poco::JSON::Object::Ptr& body);
/// {ids: [...]} or {all: true}; an empty list means all.
std::vector<std::int64_t> decodeMarkRead(const Poco::JSON::Object::Ptr& body);
/// `7d`, `48h`: a window length in milliseconds (ValidationError naming `field`).
std::int64_t decodeWindow(const std::string& field, const std::string& text);
/// A positive whole number from the query (ValidationError naming `field`).
std::int64_t decodePositive(const std::string& field, const std::string& text);

RulingInput decodeRuling(const Poco::JSON::Object::Ptr& body);
/// {gap, note}
std::pair<std::string, std::string> decodeRulingLink(const Poco::JSON::Object::Ptr& body);
OpinionInput decodeOpinion(const Poco::JSON::Object::Ptr& body);
/// {text, provisions}
std::pair<std::string, std::vector<Provision>> decodeOpinionText(const Poco::JSON::Object::Ptr& body);
/// {gaps, rulings}
std::pair<std::vector<std::string>, std::vector<std::int64_t>> decodeOpinionLinks(
    const Poco::JSON::Object::Ptr& body);
/// {title, description, provisions} of a gap about to be reported
GapFields decodeSimilar(const Poco::JSON::Object::Ptr& body);

void writeDraft(JsonWriter& out, const Draft& draft, bool withText);
void writeRuling(JsonWriter& out, const Ruling& ruling, const Catalog& catalog);
void writeGapSummary(JsonWriter& out, const GapSummary& gap);
void writeProvisionPage(JsonWriter& out, const ProvisionPage& page, const Catalog& catalog);
void writeSearchPage(JsonWriter& out, const SearchPage& page);
void writeSimilar(JsonWriter& out, const std::vector<SimilarGap>& similar);
void writeOpinion(JsonWriter& out, const Opinion& opinion, const Lifecycle& lifecycle,
                  const std::vector<const LifecycleTransition*>& available, std::int64_t now);
void writeDiff(JsonWriter& out, const DraftDiff& diff);
void writeMeeting(JsonWriter& out, const Meeting& meeting, const MeetingService& service,
                  const Catalog& catalog);
void writeBill(JsonWriter& out, const Bill& bill, const Lifecycle& lifecycle, const Catalog& catalog,
               const std::vector<const LifecycleTransition*>& available, std::int64_t now);
void writeRecordEvent(JsonWriter& out, const RecordEvent& event, const Lifecycle* lifecycle);
void writeDeadline(JsonWriter& out, const Deadline& deadline, std::int64_t now);
void writeInbox(JsonWriter& out, const Inbox& inbox, std::int64_t now);
void writeSubscription(JsonWriter& out, const WebhookSubscription& subscription, bool withSecret);
void writeDelivery(JsonWriter& out, const WebhookDelivery& delivery);

}  // namespace lacuna
