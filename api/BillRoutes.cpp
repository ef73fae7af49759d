#include "ApiServices.h"
#include "BillCodec.h"
#include "Codec.h"

// Bills in the Majlis: stages, sponsors, Guardian Council objections, the clock's extension and the
// cities' positions.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void replyBill(const ApiServices& api, Exchange& ex, HTTPResponse::HTTPStatus status, const Bill& b,
               const std::string& location = "") {
    const auto available = api.bills.availableTransitions(ex.principal(), b);
    ex.replyRecord(
        status, b.version,
        [&](JsonWriter& out) {
            writeBill(out, b, api.bills.lifecycle(), api.catalog, available, api.clock.nowMs());
        },
        location);
}

/// A change to a bill (see changeRecord); the answer is the changed bill.
template <typename Decode, typename Change>
void changeBill(const ApiServices& api, Exchange& ex, Decode decode, Change change) {
    replyBill(api, ex, HTTPResponse::HTTP_OK, changeRecord(ex, decode, change));
}

void create(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const Bill b = api.bills.create(actor, decodeBill(ex.jsonObject()));
    replyBill(api, ex, HTTPResponse::HTTP_CREATED, b, "/api/v1/bills/" + std::to_string(b.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"state", "limit"});
    const std::int64_t now = api.clock.nowMs();
    ex.replyItems(api.bills.list(actor, query.text("state"), query.limit(20)), [&](JsonWriter& out,
                                                                                   const Bill& b) {
        writeBill(out, b, api.bills.lifecycle(), api.catalog, api.bills.availableTransitions(actor, b), now);
    });
}

void get(const ApiServices& api, Exchange& ex) {
    replyBill(api, ex, HTTPResponse::HTTP_OK, api.bills.get(ex.principal(), ex.idParam("id")));
}

void update(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeBillPatch,
               [&](const Principal& a, std::int64_t id, const BillPatch& in, std::int64_t v) {
                   return api.bills.update(a, id, in, v);
               });
}

void fire(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeTransition,
               [&](const Principal& a, std::int64_t id, const TransitionInput& in, std::int64_t v) {
                   return api.bills.fireTransition(a, id, in, v);
               });
}

void addSponsor(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeSponsor,
               [&](const Principal& a, std::int64_t id, const SponsorInput& in, std::int64_t v) {
                   return api.bills.addSponsor(a, id, in, v);
               });
}

void withdrawSponsor(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeComment,
               [&](const Principal& a, std::int64_t id, const std::string&, std::int64_t v) {
                   return api.bills.withdrawSponsor(a, id, ex.idParam("number"), v);
               });
}

void addObjection(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeObjection,
               [&](const Principal& a, std::int64_t id, const ObjectionInput& in, std::int64_t v) {
                   return api.bills.addObjection(a, id, in, v);
               });
}

void answerObjection(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeObjectionAnswer,
               [&](const Principal& a, std::int64_t id, const ObjectionAnswer& in, std::int64_t v) {
                   return api.bills.answerObjection(a, id, ex.idParam("number"), in, v);
               });
}

void extendClock(const ApiServices& api, Exchange& ex) {
    changeBill(api, ex, decodeComment,
               [&](const Principal& a, std::int64_t id, const std::string& comment, std::int64_t v) {
                   return api.bills.extendClock(a, id, comment, v);
               });
}

void setPosition(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const PositionInput in = decodePosition(ex.jsonObject());
    replyBill(api, ex, HTTPResponse::HTTP_OK, api.bills.setPosition(actor, id, in.position, in.note));
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(
        api.bills.history(ex.principal(), ex.idParam("id")),
        [&](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, &api.bills.lifecycle()); });
}

}  // namespace

void addBillRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/bills", create);
    addRoute(router, api, "GET", "/api/v1/bills", list);
    addRoute(router, api, "GET", "/api/v1/bills/{id}", get);
    addRoute(router, api, "PATCH", "/api/v1/bills/{id}", update);
    addRoute(router, api, "POST", "/api/v1/bills/{id}/transitions", fire);
    addRoute(router, api, "POST", "/api/v1/bills/{id}/sponsors", addSponsor);
    addRoute(router, api, "POST", "/api/v1/bills/{id}/sponsors/{number}/withdrawal", withdrawSponsor);
    addRoute(router, api, "POST", "/api/v1/bills/{id}/objections", addObjection);
    addRoute(router, api, "PATCH", "/api/v1/bills/{id}/objections/{number}", answerObjection);
    addRoute(router, api, "POST", "/api/v1/bills/{id}/extension", extendClock);
    addRoute(router, api, "PUT", "/api/v1/bills/{id}/position", setPosition);
    addRoute(router, api, "GET", "/api/v1/bills/{id}/history", history);
}

}  // namespace lacuna
