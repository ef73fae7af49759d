#include "ApiServices.h"
#include "Codec.h"
#include "OpinionCodec.h"

// Advisory opinions: a city's question, the committee's answer, publication.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void replyOpinion(const ApiServices& api, Exchange& ex, HTTPResponse::HTTPStatus status, const Opinion& o,
                  const std::string& location = "") {
    const auto available = api.opinions.availableTransitions(ex.principal(), o);
    ex.replyRecord(
        status, o.version,
        [&](JsonWriter& out) {
            writeOpinion(out, o, api.opinions.lifecycle(), available, api.clock.nowMs());
        },
        location);
}

void ask(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const Opinion o = api.opinions.ask(actor, decodeOpinion(ex.jsonObject()));
    replyOpinion(api, ex, HTTPResponse::HTTP_CREATED, o, "/api/v1/opinions/" + std::to_string(o.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"state", "municipality", "limit"});
    const std::int64_t now = api.clock.nowMs();
    ex.replyItems(api.opinions.list(actor, query.text("state"), query.text("municipality"), query.limit(20)),
                  [&](JsonWriter& out, const Opinion& o) {
                      writeOpinion(out, o, api.opinions.lifecycle(),
                                   api.opinions.availableTransitions(actor, o), now);
                  });
}

void get(const ApiServices& api, Exchange& ex) {
    replyOpinion(api, ex, HTTPResponse::HTTP_OK, api.opinions.get(ex.principal(), ex.idParam("id")));
}

/// A change to an opinion (see changeRecord); the answer is the changed opinion.
template <typename Decode, typename Change>
void changeOpinion(const ApiServices& api, Exchange& ex, Decode decode, Change change) {
    replyOpinion(api, ex, HTTPResponse::HTTP_OK, changeRecord(ex, decode, change));
}

/// A new version of the question or of the answer.
void write(const ApiServices& api, Exchange& ex, const char* kind) {
    changeOpinion(api, ex, decodeOpinionText,
                  [&](const Principal& a, std::int64_t id, const OpinionTextInput& in, std::int64_t v) {
                      return api.opinions.write(a, id, kind, in.text, in.provisions, v);
                  });
}

void writeQuestion(const ApiServices& api, Exchange& ex) { write(api, ex, "question"); }
void writeAnswer(const ApiServices& api, Exchange& ex) { write(api, ex, "answer"); }

void fire(const ApiServices& api, Exchange& ex) {
    changeOpinion(api, ex, decodeTransition,
                  [&](const Principal& a, std::int64_t id, const TransitionInput& in, std::int64_t v) {
                      return api.opinions.fireTransition(a, id, in, v);
                  });
}

void link(const ApiServices& api, Exchange& ex) {
    changeOpinion(api, ex, decodeOpinionLinks,
                  [&](const Principal& a, std::int64_t id, const OpinionLinksInput& in, std::int64_t v) {
                      return api.opinions.link(a, id, in.gaps, in.rulings, v);
                  });
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(
        api.opinions.history(ex.principal(), ex.idParam("id")),
        [&](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, &api.opinions.lifecycle()); });
}

}  // namespace

void addOpinionRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/opinions", ask);
    addRoute(router, api, "GET", "/api/v1/opinions", list);
    addRoute(router, api, "GET", "/api/v1/opinions/{id}", get);
    addRoute(router, api, "POST", "/api/v1/opinions/{id}/question", writeQuestion);
    addRoute(router, api, "POST", "/api/v1/opinions/{id}/answer", writeAnswer);
    addRoute(router, api, "POST", "/api/v1/opinions/{id}/transitions", fire);
    addRoute(router, api, "PUT", "/api/v1/opinions/{id}/links", link);
    addRoute(router, api, "GET", "/api/v1/opinions/{id}/history", history);
}

}  // namespace lacuna
