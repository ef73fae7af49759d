#include "LegislationRoutes.h"

#include "Html.h"
#include "JsonCodec.h"
#include "LegislationCodec.h"

namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

template <typename T, typename Write>
void sendItems(Exchange& ex, const std::vector<T>& values, const Write& write) {
    JsonWriter out;
    out.beginObject().key("items").beginArray();
    for (const auto& v : values) write(out, v);
    out.endArray().endObject();
    ex.sendJson(HTTPResponse::HTTP_OK, out.str());
}

std::size_t limitParam(const std::map<std::string, std::string>& query, std::size_t fallback) {
    const auto it = query.find("limit");
    return it == query.end() ? fallback : static_cast<std::size_t>(decodePositive("limit", it->second));
}

std::optional<std::string> optionalParam(const std::map<std::string, std::string>& query, const char* name) {
    const auto it = query.find(name);
    return it == query.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool flagParam(const std::map<std::string, std::string>& query, const char* name) {
    const auto it = query.find(name);
    if (it == query.end() || it->second == "false") return false;
    if (it->second == "true") return true;
    throw ValidationError("bad flag", {{name, "format", "true or false"}});
}

}  // namespace

void addLegislationRoutes(Router& router, const LegislationApi& api) {
    const auto sendMeeting = [&api](Exchange& ex, HTTPResponse::HTTPStatus status, const Meeting& m) {
        JsonWriter out;
        writeMeeting(out, m, api.meetings, api.catalog);
        ex.response().set("ETag", etagFor(m.version));
        ex.sendJson(status, out.str());
    };
    const auto sendBill = [&api](Exchange& ex, HTTPResponse::HTTPStatus status, const Bill& b) {
        JsonWriter out;
        writeBill(out, b, api.bills.lifecycle(), api.catalog,
                  api.bills.availableTransitions(ex.principal(), b), api.clock.nowMs());
        ex.response().set("ETag", etagFor(b.version));
        ex.sendJson(status, out.str());
    };

    // ------------------------------------------------------------ drafts
    router.add("POST", "/api/v1/gaps/{id}/drafts", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto body = ex.jsonObject();
        const DraftInput input = decodeDraft(body);
        const Draft draft = api.drafts.save(actor, id, input, ex.expectedVersion(body, 0));
        JsonWriter out;
        writeDraft(out, draft, true);
        ex.response().set("Location",
                          "/api/v1/gaps/" + std::to_string(id) + "/drafts/" + std::to_string(draft.version));
        ex.response().set("ETag", etagFor(draft.version));
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    router.add("GET", "/api/v1/gaps/{id}/drafts", [&api](Exchange& ex) {
        sendItems(ex, api.drafts.list(ex.principal(), ex.idParam("id")),
                  [](JsonWriter& out, const Draft& d) { writeDraft(out, d, false); });
    });
    router.add("GET", "/api/v1/gaps/{id}/drafts/{version}", [&api](Exchange& ex) {
        const Draft d = api.drafts.get(ex.principal(), ex.idParam("id"), ex.idParam("version"));
        JsonWriter out;
        writeDraft(out, d, true);
        ex.response().set("ETag", etagFor(d.version));
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("GET", "/api/v1/gaps/{id}/diff", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"from", "to", "format"});
        FieldErrors errors;
        if (!query.count("from")) errors.add("from", "required", "the older draft version");
        if (!query.count("to")) errors.add("to", "required", "the newer draft version");
        errors.throwIfAny("the diff request is not valid");
        const std::int64_t id = ex.idParam("id");
        const DraftDiff diff = api.drafts.diff(actor, id, decodePositive("from", query.at("from")),
                                               decodePositive("to", query.at("to")));
        if (ex.wantsHtml(query)) {
            ex.sendHtml(renderDiffHtml(diff, api.gaps.get(actor, id).reference));
            return;
        }
        JsonWriter out;
        writeDiff(out, diff);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("PUT", "/api/v1/gaps/{id}/watch", [&api](Exchange& ex) {
        api.inbox.watch(ex.principal(), ex.idParam("id"), true);
        ex.sendNoContent();
    });
    router.add("DELETE", "/api/v1/gaps/{id}/watch", [&api](Exchange& ex) {
        api.inbox.watch(ex.principal(), ex.idParam("id"), false);
        ex.sendNoContent();
    });

    // ------------------------------------------------------------ meetings
    router.add("POST", "/api/v1/meetings", [&api, sendMeeting](Exchange& ex) {
        const Principal& actor = ex.principal();
        const Meeting m = api.meetings.create(actor, decodeMeeting(ex.jsonObject()));
        ex.response().set("Location", "/api/v1/meetings/" + std::to_string(m.id));
        sendMeeting(ex, HTTPResponse::HTTP_CREATED, m);
    });
    router.add("GET", "/api/v1/meetings", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"state", "limit"});
        sendItems(
            ex, api.meetings.list(actor, optionalParam(query, "state"), limitParam(query, 20)),
            [&api](JsonWriter& out, const Meeting& m) { writeMeeting(out, m, api.meetings, api.catalog); });
    });
    router.add("GET", "/api/v1/meetings/{id}", [&api, sendMeeting](Exchange& ex) {
        sendMeeting(ex, HTTPResponse::HTTP_OK, api.meetings.get(ex.principal(), ex.idParam("id")));
    });
    router.add("PATCH", "/api/v1/meetings/{id}", [&api, sendMeeting](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto body = ex.jsonObject();
        const MeetingPatch patch = decodeMeetingPatch(body);
        sendMeeting(ex, HTTPResponse::HTTP_OK,
                    api.meetings.update(actor, id, patch, ex.expectedVersion(body)));
    });
    router.add("PUT", "/api/v1/meetings/{id}/items/{gap}/vote", [&api, sendMeeting](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const std::int64_t gap = ex.idParam("gap");
        sendMeeting(ex, HTTPResponse::HTTP_OK,
                    api.meetings.vote(actor, id, gap, decodeVote(ex.jsonObject())));
    });
    router.add("POST", "/api/v1/meetings/{id}/items/{gap}/decision", [&api, sendMeeting](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const std::int64_t gap = ex.idParam("gap");
        const auto body = ex.jsonObject();
        const auto [decision, comment] = decodeDecision(body);
        sendMeeting(ex, HTTPResponse::HTTP_OK,
                    api.meetings.decide(actor, id, gap, decision, comment, ex.expectedVersion(body)));
    });
    router.add("GET", "/api/v1/meetings/{id}/minutes", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"format"});
        const Meeting m = api.meetings.get(actor, ex.idParam("id"));
        if (ex.wantsHtml(query)) {
            ex.sendHtml(renderMinutesHtml(m, api.meetings, api.catalog));
            return;
        }
        JsonWriter out;
        writeMeeting(out, m, api.meetings, api.catalog);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("GET", "/api/v1/meetings/{id}/history", [&api](Exchange& ex) {
        sendItems(ex, api.meetings.history(ex.principal(), ex.idParam("id")),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
    });

    // ------------------------------------------------------------ bills
    router.add("GET", "/api/v1/workflows/bill", [&api](Exchange& ex) {
        ex.principal();
        JsonWriter out;
        writeWorkflow(out, api.billWorkflow);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("POST", "/api/v1/bills", [&api, sendBill](Exchange& ex) {
        const Principal& actor = ex.principal();
        const Bill b = api.bills.create(actor, decodeBill(ex.jsonObject()));
        ex.response().set("Location", "/api/v1/bills/" + std::to_string(b.id));
        sendBill(ex, HTTPResponse::HTTP_CREATED, b);
    });
    router.add("GET", "/api/v1/bills", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"state", "limit"});
        const std::int64_t now = api.clock.nowMs();
        sendItems(ex, api.bills.list(actor, optionalParam(query, "state"), limitParam(query, 20)),
                  [&](JsonWriter& out, const Bill& b) {
                      writeBill(out, b, api.bills.lifecycle(), api.catalog,
                                api.bills.availableTransitions(actor, b), now);
                  });
    });
    router.add("GET", "/api/v1/bills/{id}", [&api, sendBill](Exchange& ex) {
        sendBill(ex, HTTPResponse::HTTP_OK, api.bills.get(ex.principal(), ex.idParam("id")));
    });
    /// A change to a bill: the body is decoded first (400 names the bad fields), then the version the
    /// client read is required (428/409); the answer is the changed bill.
    const auto billChange = [&router, sendBill](const std::string& method, const std::string& pattern,
                                                auto decode, auto change) {
        router.add(method, pattern, [sendBill, decode, change](Exchange& ex) {
            const Principal& actor = ex.principal();
            const std::int64_t id = ex.idParam("id");
            const auto body = ex.jsonObject();
            const auto input = decode(body);
            const std::int64_t version = ex.expectedVersion(body);
            sendBill(ex, HTTPResponse::HTTP_OK, change(actor, id, ex, input, version));
        });
    };
    billChange("PATCH", "/api/v1/bills/{id}", decodeBillPatch,
               [&api](const Principal& a, std::int64_t id, Exchange&, const BillPatch& in, std::int64_t v) {
                   return api.bills.update(a, id, in, v);
               });
    billChange("POST", "/api/v1/bills/{id}/transitions", decodeTransition,
               [&api](const Principal& a, std::int64_t id, Exchange&, const TransitionInput& in,
                      std::int64_t v) { return api.bills.fireTransition(a, id, in, v); });
    billChange("POST", "/api/v1/bills/{id}/sponsors", decodeSponsor,
               [&api](const Principal& a, std::int64_t id, Exchange&, const SponsorInput& in,
                      std::int64_t v) { return api.bills.addSponsor(a, id, in, v); });
    billChange("POST", "/api/v1/bills/{id}/sponsors/{number}/withdrawal", decodeComment,
               [&api](const Principal& a, std::int64_t id, Exchange& ex, const std::string&, std::int64_t v) {
                   return api.bills.withdrawSponsor(a, id, ex.idParam("number"), v);
               });
    billChange("POST", "/api/v1/bills/{id}/objections", decodeObjection,
               [&api](const Principal& a, std::int64_t id, Exchange&, const ObjectionInput& in,
                      std::int64_t v) { return api.bills.addObjection(a, id, in, v); });
    billChange(
        "PATCH", "/api/v1/bills/{id}/objections/{number}", decodeObjectionAnswer,
        [&api](const Principal& a, std::int64_t id, Exchange& ex, const ObjectionAnswer& in, std::int64_t v) {
            return api.bills.answerObjection(a, id, ex.idParam("number"), in, v);
        });
    billChange("POST", "/api/v1/bills/{id}/extension", decodeComment,
               [&api](const Principal& a, std::int64_t id, Exchange&, const std::string& comment,
                      std::int64_t v) { return api.bills.extendClock(a, id, comment, v); });
    router.add("PUT", "/api/v1/bills/{id}/position", [&api, sendBill](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto [position, note] = decodePosition(ex.jsonObject());
        sendBill(ex, HTTPResponse::HTTP_OK, api.bills.setPosition(actor, id, position, note));
    });
    router.add("GET", "/api/v1/bills/{id}/history", [&api](Exchange& ex) {
        sendItems(ex, api.bills.history(ex.principal(), ex.idParam("id")),
                  [&api](JsonWriter& out, const RecordEvent& e) {
                      writeRecordEvent(out, e, &api.bills.lifecycle());
                  });
    });

    // ------------------------------------------------------------ deadlines and inbox
    router.add("GET", "/api/v1/deadlines", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"within", "municipality", "role", "mine", "limit"});
        DeadlineQuery q;
        if (const auto within = optionalParam(query, "within")) q.withinMs = decodeWindow("within", *within);
        q.municipality = optionalParam(query, "municipality");
        if (q.municipality && !api.catalog.findMunicipality(*q.municipality))
            throw ValidationError("unknown municipality",
                                  {{"municipality", "unknown", "not a municipality"}});
        q.role = optionalParam(query, "role");
        q.mineOnly = flagParam(query, "mine");
        q.limit = limitParam(query, 100);
        const std::int64_t now = api.clock.nowMs();
        sendItems(ex, api.inbox.deadlines(actor, q),
                  [now](JsonWriter& out, const Deadline& d) { writeDeadline(out, d, now); });
    });
    router.add("GET", "/api/v1/inbox", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"within", "unread"});
        std::int64_t within = 7LL * 24 * 60 * 60 * 1000;
        if (const auto w = optionalParam(query, "within")) within = decodeWindow("within", *w);
        const Inbox box = api.inbox.inbox(actor, within, flagParam(query, "unread"));
        JsonWriter out;
        writeInbox(out, box, api.clock.nowMs());
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("POST", "/api/v1/inbox/read", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const int changed = api.inbox.markRead(actor, decodeMarkRead(ex.jsonObject()));
        JsonWriter out;
        out.beginObject().field("marked", changed).endObject();
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });

    // ------------------------------------------------------------ rulings, provisions, search
    router.add("POST", "/api/v1/rulings", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const RegisteredRuling r = api.uniformity.registerRuling(actor, decodeRuling(ex.jsonObject()));
        JsonWriter out;
        out.beginObject().key("ruling");
        writeRuling(out, r.ruling, api.catalog);
        out.key("related_gaps").beginArray();
        for (const auto& g : r.relatedGaps) writeGapSummary(out, g);
        out.endArray().endObject();
        ex.response().set("Location", "/api/v1/rulings/" + std::to_string(r.ruling.id));
        ex.response().set("ETag", etagFor(r.ruling.version));
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    router.add("GET", "/api/v1/rulings", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"provision", "court", "outcome", "municipality", "from", "to", "limit"});
        RulingQuery q;
        q.provisionKey = optionalParam(query, "provision");
        q.court = optionalParam(query, "court");
        q.outcome = optionalParam(query, "outcome");
        q.municipality = optionalParam(query, "municipality");
        if (const auto from = optionalParam(query, "from"))
            q.from = UniformityService::parseJalaliDate("from", *from);
        if (const auto to = optionalParam(query, "to")) q.to = UniformityService::parseJalaliDate("to", *to);
        q.limit = limitParam(query, 50);
        sendItems(ex, api.uniformity.rulings(actor, q),
                  [&api](JsonWriter& out, const Ruling& r) { writeRuling(out, r, api.catalog); });
    });
    router.add("GET", "/api/v1/rulings/{id}", [&api](Exchange& ex) {
        const Ruling r = api.uniformity.ruling(ex.principal(), ex.idParam("id"));
        JsonWriter out;
        writeRuling(out, r, api.catalog);
        ex.response().set("ETag", etagFor(r.version));
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("POST", "/api/v1/rulings/{id}/gaps", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto body = ex.jsonObject();
        const auto [gap, note] = decodeRulingLink(body);
        const Ruling r = api.uniformity.linkRuling(actor, id, gap, note, ex.expectedVersion(body));
        JsonWriter out;
        writeRuling(out, r, api.catalog);
        ex.response().set("ETag", etagFor(r.version));
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("GET", "/api/v1/rulings/{id}/history", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        api.uniformity.ruling(actor, id);
        sendItems(ex, api.recordEvents.history("ruling", id),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
    });
    router.add("GET", "/api/v1/provisions/{key}", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const ProvisionPage page = api.uniformity.provision(actor, ex.textParam("key"));
        JsonWriter out;
        writeProvisionPage(out, page, api.catalog);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("GET", "/api/v1/search", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query(
            {"q", "type", "municipality", "state", "category", "court", "outcome", "limit", "offset"});
        SearchRequest r;
        r.q = optionalParam(query, "q").value_or("");
        if (const auto type = optionalParam(query, "type")) r.types = {*type};
        r.municipality = optionalParam(query, "municipality");
        r.state = optionalParam(query, "state");
        r.category = optionalParam(query, "category");
        r.court = optionalParam(query, "court");
        r.outcome = optionalParam(query, "outcome");
        r.limit = limitParam(query, 20);
        if (const auto offset = optionalParam(query, "offset"))
            r.offset = offset == std::optional<std::string>("0")
                           ? 0
                           : static_cast<std::size_t>(decodePositive("offset", *offset));
        JsonWriter out;
        writeSearchPage(out, api.uniformity.search(actor, r));
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("POST", "/api/v1/gaps/similar", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        JsonWriter out;
        out.beginObject().key("items");
        writeSimilar(out, api.uniformity.similar(actor, decodeSimilar(ex.jsonObject()), 0));
        out.endObject();
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("GET", "/api/v1/gaps/{id}/similar", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const Gap gap = api.gaps.get(actor, ex.idParam("id"));
        JsonWriter out;
        out.beginObject().key("items");
        writeSimilar(out, api.uniformity.similar(actor, gap.fields, gap.id));
        out.endObject();
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });

    // ------------------------------------------------------------ advisory opinions
    const auto sendOpinion = [&api](Exchange& ex, HTTPResponse::HTTPStatus status, const Opinion& o) {
        JsonWriter out;
        writeOpinion(out, o, api.opinions.lifecycle(), api.opinions.availableTransitions(ex.principal(), o),
                     api.clock.nowMs());
        ex.response().set("ETag", etagFor(o.version));
        ex.sendJson(status, out.str());
    };
    router.add("GET", "/api/v1/workflows/opinion", [&api](Exchange& ex) {
        ex.principal();
        JsonWriter out;
        writeWorkflow(out, api.opinionWorkflow);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    router.add("POST", "/api/v1/opinions", [&api, sendOpinion](Exchange& ex) {
        const Principal& actor = ex.principal();
        const Opinion o = api.opinions.ask(actor, decodeOpinion(ex.jsonObject()));
        ex.response().set("Location", "/api/v1/opinions/" + std::to_string(o.id));
        sendOpinion(ex, HTTPResponse::HTTP_CREATED, o);
    });
    router.add("GET", "/api/v1/opinions", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query({"state", "municipality", "limit"});
        const std::int64_t now = api.clock.nowMs();
        sendItems(ex,
                  api.opinions.list(actor, optionalParam(query, "state"),
                                    optionalParam(query, "municipality"), limitParam(query, 20)),
                  [&](JsonWriter& out, const Opinion& o) {
                      writeOpinion(out, o, api.opinions.lifecycle(),
                                   api.opinions.availableTransitions(actor, o), now);
                  });
    });
    router.add("GET", "/api/v1/opinions/{id}", [&api, sendOpinion](Exchange& ex) {
        sendOpinion(ex, HTTPResponse::HTTP_OK, api.opinions.get(ex.principal(), ex.idParam("id")));
    });
    for (const char* kind : {"question", "answer"})
        router.add(
            "POST", std::string("/api/v1/opinions/{id}/") + kind, [&api, sendOpinion, kind](Exchange& ex) {
                const Principal& actor = ex.principal();
                const std::int64_t id = ex.idParam("id");
                const auto body = ex.jsonObject();
                const auto [text, provisions] = decodeOpinionText(body);
                sendOpinion(ex, HTTPResponse::HTTP_OK,
                            api.opinions.write(actor, id, kind, text, provisions, ex.expectedVersion(body)));
            });
    router.add("POST", "/api/v1/opinions/{id}/transitions", [&api, sendOpinion](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto body = ex.jsonObject();
        const TransitionInput input = decodeTransition(body);
        sendOpinion(ex, HTTPResponse::HTTP_OK,
                    api.opinions.fireTransition(actor, id, input, ex.expectedVersion(body)));
    });
    router.add("PUT", "/api/v1/opinions/{id}/links", [&api, sendOpinion](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const auto body = ex.jsonObject();
        const auto [gaps, rulings] = decodeOpinionLinks(body);
        sendOpinion(ex, HTTPResponse::HTTP_OK,
                    api.opinions.link(actor, id, gaps, rulings, ex.expectedVersion(body)));
    });
    router.add("GET", "/api/v1/opinions/{id}/history", [&api](Exchange& ex) {
        sendItems(ex, api.opinions.history(ex.principal(), ex.idParam("id")),
                  [&api](JsonWriter& out, const RecordEvent& e) {
                      writeRecordEvent(out, e, &api.opinions.lifecycle());
                  });
    });

    // ------------------------------------------------------------ webhooks
    router.add("POST", "/api/v1/webhooks", [&api](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto [url, events] = decodeWebhook(ex.jsonObject());
        const WebhookSubscription s = api.webhooks.subscribe(actor, url, events);
        JsonWriter out;
        writeSubscription(out, s, true);
        ex.response().set("Location", "/api/v1/webhooks/" + std::to_string(s.id));
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    router.add("GET", "/api/v1/webhooks", [&api](Exchange& ex) {
        sendItems(ex, api.webhooks.list(ex.principal()),
                  [](JsonWriter& out, const WebhookSubscription& s) { writeSubscription(out, s, false); });
    });
    router.add("DELETE", "/api/v1/webhooks/{id}", [&api](Exchange& ex) {
        api.webhooks.unsubscribe(ex.principal(), ex.idParam("id"));
        ex.sendNoContent();
    });
    router.add("GET", "/api/v1/webhooks/{id}/deliveries", [&api](Exchange& ex) {
        sendItems(ex, api.webhooks.deliveries(ex.principal(), ex.idParam("id")), writeDelivery);
    });
}

}  // namespace lacuna
