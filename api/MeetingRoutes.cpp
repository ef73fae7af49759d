#include "ApiServices.h"
#include "Codec.h"
#include "Html.h"
#include "MeetingCodec.h"

// Committee meetings: agenda, attendance, votes, decisions, minutes.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void replyMeeting(const ApiServices& api, Exchange& ex, HTTPResponse::HTTPStatus status, const Meeting& m,
                  const std::string& location = "") {
    ex.replyRecord(
        status, m.version, [&](JsonWriter& out) { writeMeeting(out, m, api.meetings, api.catalog); },
        location);
}

void create(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const Meeting m = api.meetings.create(actor, decodeMeeting(ex.jsonObject()));
    replyMeeting(api, ex, HTTPResponse::HTTP_CREATED, m, "/api/v1/meetings/" + std::to_string(m.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"state", "limit"});
    ex.replyItems(
        api.meetings.list(actor, query.text("state"), query.limit(20)),
        [&](JsonWriter& out, const Meeting& m) { writeMeeting(out, m, api.meetings, api.catalog); });
}

void get(const ApiServices& api, Exchange& ex) {
    replyMeeting(api, ex, HTTPResponse::HTTP_OK, api.meetings.get(ex.principal(), ex.idParam("id")));
}

void update(const ApiServices& api, Exchange& ex) {
    replyMeeting(api, ex, HTTPResponse::HTTP_OK,
                 changeRecord(ex, decodeMeetingPatch,
                              [&](const Principal& a, std::int64_t id, const MeetingPatch& in,
                                  std::int64_t v) { return api.meetings.update(a, id, in, v); }));
}

/// A vote on the agenda item the path names by `param`: the gap's id (items/{gap}) or the item's place
/// on the agenda (agenda/{item}); `cast` records it.
template <typename Cast>
void castVote(const ApiServices& api, Exchange& ex, const char* param, Cast cast) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const std::int64_t item = ex.idParam(param);
    replyMeeting(api, ex, HTTPResponse::HTTP_OK, cast(actor, id, item, decodeVote(ex.jsonObject())));
}

void vote(const ApiServices& api, Exchange& ex) {
    castVote(api, ex, "gap",
             [&](const Principal& a, std::int64_t id, std::int64_t gap, const std::string& v) {
                 return api.meetings.vote(a, id, gap, v);
             });
}

void voteOnItem(const ApiServices& api, Exchange& ex) {
    castVote(api, ex, "item",
             [&](const Principal& a, std::int64_t id, std::int64_t place, const std::string& v) {
                 return api.meetings.voteOnItem(a, id, place, v);
             });
}

void decide(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const std::int64_t gap = ex.idParam("gap");
    const auto body = ex.jsonObject();
    const DecisionInput in = decodeDecision(body);
    replyMeeting(api, ex, HTTPResponse::HTTP_OK,
                 api.meetings.decide(actor, id, gap, in.decision, in.comment, ex.expectedVersion(body)));
}

void minutes(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"format"});
    const Meeting m = api.meetings.get(actor, ex.idParam("id"));
    if (ex.wantsHtml(query)) {
        ex.sendHtml(renderMinutesHtml(m, api.meetings, api.catalog));
        return;
    }
    ex.reply(HTTPResponse::HTTP_OK,
             [&](JsonWriter& out) { writeMeeting(out, m, api.meetings, api.catalog); });
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.meetings.history(ex.principal(), ex.idParam("id")),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
}

// ---- the consultation of the member cities on the agenda ----

void openConsultation(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const auto body = ex.jsonObject();
    const std::string closesOn = decodeConsultation(body);
    replyMeeting(api, ex, HTTPResponse::HTTP_OK,
                 api.meetings.openConsultation(actor, id, closesOn, ex.expectedVersion(body)));
}

void propose(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    replyMeeting(api, ex, HTTPResponse::HTTP_CREATED,
                 api.meetings.propose(actor, id, decodeProposal(ex.jsonObject())));
}

void withdrawProposal(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    replyMeeting(api, ex, HTTPResponse::HTTP_OK,
                 api.meetings.withdrawProposal(actor, id, ex.idParam("number")));
}

void rank(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const ProposalOrder order = decodeProposalOrder(ex.jsonObject(), true);
    replyMeeting(api, ex, HTTPResponse::HTTP_OK, api.meetings.rank(actor, id, order.proposals.value()));
}

void buildAgenda(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const auto body = ex.jsonObject();
    const ProposalOrder order = decodeProposalOrder(body, false);
    replyMeeting(api, ex, HTTPResponse::HTTP_OK,
                 api.meetings.buildAgenda(actor, id, order.proposals, ex.expectedVersion(body)));
}

}  // namespace

void addMeetingRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/meetings", create);
    addRoute(router, api, "GET", "/api/v1/meetings", list);
    addRoute(router, api, "GET", "/api/v1/meetings/{id}", get);
    addRoute(router, api, "PATCH", "/api/v1/meetings/{id}", update);
    addRoute(router, api, "PUT", "/api/v1/meetings/{id}/items/{gap}/vote", vote);
    addRoute(router, api, "PUT", "/api/v1/meetings/{id}/agenda/{item}/vote", voteOnItem);
    addRoute(router, api, "POST", "/api/v1/meetings/{id}/items/{gap}/decision", decide);
    addRoute(router, api, "GET", "/api/v1/meetings/{id}/minutes", minutes);
    addRoute(router, api, "GET", "/api/v1/meetings/{id}/history", history);
    addRoute(router, api, "PUT", "/api/v1/meetings/{id}/consultation", openConsultation);
    addRoute(router, api, "POST", "/api/v1/meetings/{id}/consultation/proposals", propose);
    addRoute(router, api, "DELETE", "/api/v1/meetings/{id}/consultation/proposals/{number}",
             withdrawProposal);
    addRoute(router, api, "PUT", "/api/v1/meetings/{id}/consultation/ranking", rank);
    addRoute(router, api, "POST", "/api/v1/meetings/{id}/consultation/agenda", buildAgenda);
}

}  // namespace lacuna
