// The legislative lifecycle over HTTP: drafts, committee meetings, bills in the Majlis, clocks,
// inboxes and webhooks, against the in-process server on either backend.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>
#include <set>

#include "ApiHelpers.h"
#include "EveryEventType.h"
#include "TestService.h"
#include "WebhookDispatcher.h"
#include "WebhookReceiver.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

constexpr std::int64_t DAY_MS = 24LL * 60 * 60 * 1000;

Poco::JSON::Object::Ptr parse(const std::string& json) {
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("one gap goes from report to enacted through drafts, a meeting and a bill in the Majlis",
          "[http][legislation]") {
    TestService t(testBackend(), 64, [](AppConfig& c) {
        threeCities(c);
        // The test drives delivery itself: a background dispatcher could hold a delivery claimed and
        // unsent when the test's own pass finds nothing due (a fresh-clone run missed one event so).
        c.webhooks.dispatch = false;
    });
    EveryEventType every(t);
    WebhookReceiver receiver;
    const Reply hook = t.client->post("/api/v1/webhooks", t.token("admin"),
                                      R"({"url":")" + receiver.url() + R"(","events":["*"]})");
    REQUIRE(hook.status == 201);
    const std::string secret = hook.json()->getValue<std::string>("secret");
    CHECK(secret.size() >= 40);  // 256 random bits

    // --- report, triage, drafting
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const std::string gapId = gap->getValue<std::string>("id");
    const std::string reference = gap->getValue<std::string>("reference");
    CHECK(gap->getValue<std::string>("due_at_jalali") == "1405-09-12");  // reported: 7 days
    CHECK_FALSE(gap->getValue<bool>("overdue"));
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    requireProblem(fire(t, "tehran.director", path, "submit_for_review", 3), 422, "draft");

    // --- drafts: immutable versions, optimistic concurrency, word diff
    const std::string v1 =
        "شهرداری‌ها مکلفند عوارض نوسازی را «بر اساس ارزش معاملاتی» وصول کنند؛ مهلت پرداخت سی روز است.";
    const std::string v2 =
        "شهرداریها مکلفند عوارض نوسازی را «بر اساس ارزش منطقه‌ای» وصول کنند؛ مهلت پرداخت شصت روز است؟";
    const Reply d1 = saveDraft(t, path, 0, v1);
    REQUIRE(d1.status == 201);
    CHECK(d1.json()->getValue<int>("version") == 1);
    requireProblem(saveDraft(t, path, 0, "دیر رسید"), 409);
    requireProblem(saveDraft(t, path, 1, ""), 400, "text");
    requireProblem(saveDraft(t, path, 1, "x", "mashhad.director"), 403);
    const Reply d2 = saveDraft(t, path, 1, v2, "tehran.expert");
    REQUIRE(d2.status == 201);
    CHECK(t.client->get(path + "/drafts", t.token("observer")).json()->getArray("items")->size() == 2);
    CHECK(t.client->get(path + "/drafts/1", t.token("observer")).json()->getValue<std::string>("text") == v1);
    requireProblem(t.client->get(path + "/drafts/3", t.token("observer")), 404);
    const Reply diff = t.client->get(path + "/diff?from=1&to=2", t.token("observer"));
    REQUIRE(diff.status == 200);
    std::string inserted, deleted;
    const auto ops = diff.json()->getArray("text");
    for (std::size_t i = 0; i < ops->size(); ++i) {
        const auto op = ops->getObject(static_cast<unsigned>(i));
        if (op->getValue<std::string>("op") == "insert") inserted += op->getValue<std::string>("text");
        if (op->getValue<std::string>("op") == "delete") deleted += op->getValue<std::string>("text");
    }
    // «شهرداری‌ها» and «شهرداریها» are one word; the punctuation change is its own
    // token.
    CHECK(inserted == "منطقه‌ایشصت؟");
    CHECK(deleted == "معاملاتیسی.");
    const Reply html = t.client->get(path + "/diff?from=1&to=2&format=html", t.token("observer"));
    REQUIRE(html.status == 200);
    CHECK(html.contentType.rfind("text/html", 0) == 0);
    CHECK(html.body.find("dir=\"rtl\"") != std::string::npos);
    CHECK(html.body.find("<ins>منطقه‌ای</ins>") != std::string::npos);
    CHECK(html.body.find("<del>معاملاتی</del>") != std::string::npos);
    requireProblem(t.client->get(path + "/diff?from=1", t.token("observer")), 400, "to");
    REQUIRE(fire(t, "tehran.director", path, "submit_for_review", 5).status == 200);

    // --- the committee meeting
    requireProblem(t.client->post("/api/v1/meetings", t.token("tehran.director"),
                                  R"({"scheduled_at":"2026-11-30T09:30:00+03:30","place":"x","agenda":[]})"),
                   403);
    requireProblem(t.client->post("/api/v1/meetings", t.token("secretary"),
                                  R"({"scheduled_at":"فردا","place":"x","agenda":["G-1405-9999"]})"),
                   400, "scheduled_at");
    const Reply meetingReply = t.client->post(
        "/api/v1/meetings", t.token("secretary"),
        R"({"scheduled_at":"2026-11-30T09:30:00+03:30","place":"تهران، ساختمان شهرداری","agenda":[")" +
            reference + R"("]})");
    REQUIRE(meetingReply.status == 201);
    const std::string meeting = "/api/v1/meetings/" + meetingReply.json()->getValue<std::string>("id");
    const std::string item = meeting + "/items/" + gapId;
    CHECK(meetingReply.json()->getValue<std::string>("scheduled_at_jalali") == "1405-09-09");
    // Not recorded present yet: no vote.
    requireProblem(put(t, "tehran.member", item + "/vote", R"({"vote":"approve"})"), 422, "municipality");
    REQUIRE(patch(t, "secretary", meeting, withVersion(R"("present":["tehran","mashhad"])", 1)).status ==
            200);
    requireProblem(put(t, "tehran.member", item + "/vote", R"({"vote":"maybe"})"), 400, "vote");
    requireProblem(put(t, "tehran.director", item + "/vote", R"({"vote":"approve"})"), 403);
    requireProblem(put(t, "isfahan.member", item + "/vote", R"({"vote":"approve"})"), 422, "municipality");
    // The Mashhad member's inbox asks for a vote.
    const auto inboxBefore =
        t.client->get("/api/v1/inbox", t.token("mashhad.member")).json()->getArray("actions");
    bool asked = false;
    for (std::size_t i = 0; i < inboxBefore->size(); ++i)
        asked |= inboxBefore->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind") == "vote";
    CHECK(asked);
    REQUIRE(put(t, "tehran.member", item + "/vote", R"({"vote":"approve"})").status == 200);
    const Reply voted = put(t, "mashhad.member", item + "/vote", R"({"vote":"approve"})");
    REQUIRE(voted.status == 200);
    const auto tally = voted.json()->getArray("agenda")->getObject(0)->getObject("tally");
    CHECK(tally->getValue<int>("approve") == 2);
    // 2 approve of 2 present: rejecting lacks the majority; approving has it.
    requireProblem(t.client->post(item + "/decision", t.token("secretary"),
                                  withVersion(R"("decision":"reject","comment":"رد")", versionOf(voted))),
                   422, "decision");
    const Reply decided =
        t.client->post(item + "/decision", t.token("secretary"),
                       withVersion(R"("decision":"approve","comment":"تصویب شد")", versionOf(voted)));
    INFO(decided.body);
    REQUIRE(decided.status == 200);
    const Reply endorsed = t.client->get(path, t.token("secretary"));
    CHECK(stateOf(endorsed) == "endorsed");
    auto history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    auto last = history->getObject(static_cast<unsigned>(history->size() - 1));
    CHECK(last->getValue<std::string>("transition") == "endorse");
    CHECK(last->getObject("fields")->getValue<std::string>("meeting") ==
          "M-" + meetingReply.json()->getValue<std::string>("id"));
    requireProblem(put(t, "mashhad.member", item + "/vote", R"({"vote":"reject"})"), 409);
    const Reply minutes =
        t.client->send("GET", meeting + "/minutes", t.token("observer"), "", {{"Accept", "text/html"}});
    REQUIRE(minutes.status == 200);
    CHECK(minutes.body.find("<html lang=\"fa\" dir=\"rtl\">") != std::string::npos);
    CHECK(minutes.body.find("صورتجلسه") != std::string::npos);
    CHECK(minutes.body.find("1405-09-09") != std::string::npos);
    CHECK(minutes.body.find("مشهد") != std::string::npos);
    CHECK(minutes.body.find("تصویب") != std::string::npos);
    const Reply minutesJson = t.client->get(meeting + "/minutes", t.token("observer"));
    CHECK(minutesJson.json()
              ->getArray("agenda")
              ->getObject(0)
              ->getObject("decision")
              ->getValue<std::string>("decision") == "approve");

    // --- the bill: an MPs' plan needs 15 signatures
    const std::string billBody =
        R"({"title":"طرح اصلاح ماده ۲۹ قانون نوسازی","channel":"mps_plan",)"
        R"("lead_commission":"کمیسیون قضایی و حقوقی","advisory_commissions":["کمیسیون عمران"],)"
        R"("urgency":"ordinary","gaps":[")" +
        reference + R"("],"sponsors":)";
    requireProblem(t.client->post("/api/v1/bills", t.token("liaison"), billBody + sponsors(14) + "}"), 422,
                   "sponsors");
    requireProblem(t.client->post("/api/v1/bills", t.token("tehran.director"), billBody + sponsors(15) + "}"),
                   403);
    const Reply billReply =
        t.client->post("/api/v1/bills", t.token("liaison"), billBody + sponsors(15) + "}");
    INFO(billReply.body);
    REQUIRE(billReply.status == 201);
    const auto bill = billReply.json();
    const std::string billPath = "/api/v1/bills/" + bill->getValue<std::string>("id");
    const std::string billReference = bill->getValue<std::string>("reference");
    CHECK(billReference == "B-1405-0001");
    CHECK(bill->getValue<int>("active_sponsors") == 15);
    CHECK(stateOf(t.client->get(path, t.token("secretary"))) == "in_parliament");
    history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    last = history->getObject(static_cast<unsigned>(history->size() - 1));
    CHECK(last->getValue<std::string>("transition") == "send_to_parliament");
    CHECK(last->getObject("fields")->getValue<std::string>("bill") == billReference);
    // The gap moves only with its bill.
    requireProblem(fire(t, "liaison", path, "enact", versionOf(t.client->get(path, t.token("liaison")))), 422,
                   "bill");

    // --- city positions
    REQUIRE(put(t, "tehran.director", billPath + "/position", R"({"position":"support","note":"ضروری است"})")
                .status == 200);
    REQUIRE(put(t, "mashhad.director", billPath + "/position", R"({"position":"watch"})").status == 200);
    requireProblem(put(t, "liaison", billPath + "/position", R"({"position":"support"})"), 403);
    requireProblem(put(t, "tehran.director", billPath + "/position", R"({"position":"maybe"})"), 400,
                   "position");

    // --- through the Majlis
    std::int64_t billVersion = versionOf(t.client->get(billPath, t.token("liaison")));
    const auto step = [&](const std::string& transition, const std::string& extra, const std::string& state) {
        INFO(transition);
        const Reply r = t.client->post(billPath + "/transitions", t.token("liaison"),
                                       R"({"transition":")" + transition + R"(","expected_version":)" +
                                           std::to_string(billVersion) + extra + "}");
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(stateOf(r) == state);
        billVersion = versionOf(r);
        return r.json();
    };
    step("announce", R"(,"fields":{"date":"1405-09-06","session_no":"۱۲۳","registration_no":"۴۵۶"})",
         "announced");
    requireProblem(
        t.client->post(
            billPath + "/transitions", t.token("liaison"),
            withVersion(R"("transition":"refer_to_commission","fields":{"date":"1405-13-40"})", billVersion)),
        400, "fields.date");
    step("refer_to_commission", R"(,"fields":{"date":"۱۴۰۵/۹/۷"})", "in_commission");
    step("report", "", "commission_report");
    step("debate_general_principles", "", "general_principles");
    step("approve_general_principles", R"(,"fields":{"votes":"۱۸۰"})", "details");
    // Signatures are fixed once the general principles pass.
    requireProblem(
        t.client->post(billPath + "/sponsors/1/withdrawal", t.token("liaison"), withVersion("", billVersion)),
        409);
    const auto atCouncil = step("send_to_guardian_council", "", "guardian_council");
    CHECK(atCouncil->getValue<std::string>("due_at_jalali") == "1405-09-15");  // ten days
    // The deadlines list shows the Council's clock to the liaison officer, who can act on it.
    const auto due =
        t.client->get("/api/v1/deadlines?within=30d&mine=true", t.token("liaison")).json()->getArray("items");
    bool listed = false;
    for (std::size_t i = 0; i < due->size(); ++i)
        listed |=
            due->getObject(static_cast<unsigned>(i))->getValue<std::string>("reference") == billReference;
    CHECK(listed);
    const Reply extended = t.client->post(billPath + "/extension", t.token("liaison"),
                                          withVersion(R"("comment":"درخواست تمدید")", billVersion));
    REQUIRE(extended.status == 200);
    CHECK(extended.json()->getValue<std::string>("due_at_jalali") == "1405-09-25");
    billVersion = versionOf(extended);
    requireProblem(t.client->post(billPath + "/extension", t.token("liaison"), withVersion("", billVersion)),
                   409);
    step("return_to_majlis", R"(,"fields":{"letter_no":"۷۸۹"})", "returned");
    const Reply objected = t.client->post(
        billPath + "/objections", t.token("liaison"),
        withVersion(R"("article":"ماده ۳","type":"sharia","text":"اطلاق ماده ۳ خلاف موازین شرع است")",
                    billVersion));
    REQUIRE(objected.status == 200);
    billVersion = versionOf(objected);
    requireProblem(
        t.client->post(billPath + "/objections", t.token("liaison"),
                       withVersion(R"("article":"ماده ۴","type":"politics","text":"x")", billVersion)),
        400, "type");
    step("resubmit", "", "guardian_council");
    requireProblem(t.client->post(billPath + "/transitions", t.token("liaison"),
                                  withVersion(R"("transition":"approve")", billVersion)),
                   422, "objections");
    const Reply answered = patch(
        t, "liaison", billPath + "/objections/1",
        withVersion(R"("response":"قید «با رعایت موازین شرعی» افزوده شد","resolved":true)", billVersion));
    REQUIRE(answered.status == 200);
    CHECK(answered.json()->getArray("objections")->getObject(0)->getValue<bool>("resolved"));
    billVersion = versionOf(answered);
    step("approve", "", "approved");
    requireProblem(t.client->post(billPath + "/transitions", t.token("liaison"),
                                  withVersion(R"("transition":"promulgate")", billVersion)),
                   422, "fields.law_reference");
    const auto done =
        step("promulgate", R"(,"fields":{"law_reference":"روزنامه رسمی ۲۲۷۱۱","date":"1405-10-01"})",
             "promulgated");
    CHECK(done->get("due_at").isEmpty());
    CHECK(done->getArray("positions")->size() == 2);

    // --- the gap followed its bill to the end
    const Reply enacted = t.client->get(path, t.token("secretary"));
    CHECK(stateOf(enacted) == "enacted");
    history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    for (std::size_t i = 0; i < history->size(); ++i)
        CHECK(history->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("sequence") ==
              static_cast<std::int64_t>(i + 1));
    last = history->getObject(static_cast<unsigned>(history->size() - 1));
    CHECK(last->getValue<std::string>("transition") == "enact");
    CHECK(last->getObject("to_state")->getValue<std::string>("name") == "enacted");
    const auto billHistory =
        t.client->get(billPath + "/history", t.token("observer")).json()->getArray("items");
    CHECK(billHistory->size() == static_cast<std::size_t>(billVersion));
    CHECK(billHistory->getObject(0)->getValue<std::string>("type") == "created");

    // --- the reporter heard about it; marking read works
    const auto inbox = t.client->get("/api/v1/inbox", t.token("tehran.director")).json();
    CHECK(inbox->getValue<int>("unread") >= 5);
    const auto notes = inbox->getArray("notifications");
    CHECK(notes->getObject(0)->getValue<std::string>("summary").find("enacted") != std::string::npos);
    REQUIRE(t.client->post("/api/v1/inbox/read", t.token("tehran.director"), R"({"all":true})").status ==
            200);
    CHECK(t.client->get("/api/v1/inbox", t.token("tehran.director")).json()->getValue<int>("unread") == 0);

    // --- every event reached the webhook receiver, signed
    while (t.service().deliverWebhooks() > 0) {
    }
    const auto hooks = receiver.received();
    std::set<std::string> types;
    for (const auto& h : hooks) {
        types.insert(h.event);
        CHECK(h.signature == webhookSignature(secret, h.body));
        CHECK(parse(h.body)->getValue<std::string>("type") == h.event);
    }
    for (const char* type :
         {"gap.created", "gap.transition", "gap.draft_saved", "meeting.vote", "meeting.decision",
          "bill.created", "bill.transition", "bill.objection_added", "bill.position", "bill.clock_extended"})
        CHECK(types.count(type) == 1);
    every.check();  // each of these can be asked for by name too
}

TEST_CASE("an MPs' plan lapses when withdrawals leave fewer than 15 signatures; its gaps go back",
          "[http][legislation]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string path = gapInReview(t);
    endorse(t, path);
    const std::string reference =
        t.client->get(path, t.token("secretary")).json()->getValue<std::string>("reference");
    const Reply created =
        t.client->post("/api/v1/bills", t.token("liaison"),
                       R"({"title":"طرح","channel":"mps_plan","lead_commission":"کمیسیون قضایی و حقوقی",)"
                       R"("gaps":[")" +
                           reference + R"("],"sponsors":)" + sponsors(16) + "}");
    REQUIRE(created.status == 201);
    const std::string billPath = "/api/v1/bills/" + created.json()->getValue<std::string>("id");
    Reply r = t.client->post(billPath + "/sponsors/3/withdrawal", t.token("liaison"), withVersion("", 1));
    REQUIRE(r.status == 200);
    CHECK(stateOf(r) == "submitted");
    CHECK(r.json()->getValue<int>("active_sponsors") == 15);
    requireProblem(
        t.client->post(billPath + "/sponsors/3/withdrawal", t.token("liaison"), withVersion("", 2)), 409);
    requireProblem(
        t.client->post(billPath + "/sponsors/99/withdrawal", t.token("liaison"), withVersion("", 2)), 404);
    // The lapse is not something a liaison officer fires while 15 remain.
    requireProblem(t.client->post(billPath + "/transitions", t.token("liaison"),
                                  withVersion(R"("transition":"lapse")", 2)),
                   422, "sponsors");
    r = t.client->post(billPath + "/sponsors/4/withdrawal", t.token("liaison"), withVersion("", 2));
    REQUIRE(r.status == 200);
    CHECK(stateOf(r) == "lapsed");
    CHECK(r.json()->getValue<int>("version") == 4);  // the withdrawal and the lapse, two events
    const auto history = t.client->get(billPath + "/history", t.token("observer")).json()->getArray("items");
    REQUIRE(history->size() == 4);
    CHECK(history->getObject(2)->getValue<std::string>("type") == "sponsor_withdrawn");
    CHECK(history->getObject(3)->getValue<std::string>("transition") == "lapse");
    CHECK(stateOf(t.client->get(path, t.token("secretary"))) == "committee_review");
}

TEST_CASE("an endorse or reject decision needs quorum; bad meeting input changes nothing",
          "[http][legislation]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string path = gapInReview(t);
    const std::string gapId = path.substr(path.rfind('/') + 1);
    // A gap not awaiting the committee cannot go on the agenda.
    const std::string other = gapPath(createGap(t));
    requireProblem(t.client->post("/api/v1/meetings", t.token("secretary"),
                                  R"({"scheduled_at":"2026-12-01T10:00:00Z","place":"قم","agenda":[)" +
                                      other.substr(other.rfind('/') + 1) + "]}"),
                   422, "agenda[0]");
    const Reply created =
        t.client->post("/api/v1/meetings", t.token("secretary"),
                       R"({"scheduled_at":"2026-12-01T10:00:00Z","place":"قم","agenda":[)" + gapId + "]}");
    REQUIRE(created.status == 201);
    const std::string meeting = "/api/v1/meetings/" + created.json()->getValue<std::string>("id");
    const std::string before = t.client->get(meeting, t.token("secretary")).body;
    requireProblem(patch(t, "secretary", meeting, withVersion(R"("present":["tehran","kabul"])", 1)), 400,
                   "present[1]");
    requireProblem(patch(t, "secretary", meeting, withVersion(R"("present":["tehran","tehran"])", 1)), 400,
                   "present[1]");
    requireProblem(patch(t, "secretary", meeting, R"({"present":["tehran"]})"), 428);
    requireProblem(patch(t, "secretary", meeting, withVersion(R"("present":["tehran"])", 7)), 409);
    requireProblem(patch(t, "tehran.member", meeting, withVersion(R"("present":["tehran"])", 1)), 403);
    CHECK(t.client->get(meeting, t.token("secretary")).body == before);

    REQUIRE(patch(t, "secretary", meeting, withVersion(R"("present":["tehran"])", 1)).status == 200);
    const Reply voted =
        put(t, "tehran.member", meeting + "/items/" + gapId + "/vote", R"({"vote":"approve"})");
    REQUIRE(voted.status == 200);
    // One of three present: no quorum (two needed), though the one vote is unanimous.
    const Reply refused = t.client->post(meeting + "/items/" + gapId + "/decision", t.token("secretary"),
                                         withVersion(R"("decision":"approve")", versionOf(voted)));
    requireProblem(refused, 422, "decision");
    CHECK(refused.body.find("quorum") != std::string::npos);
    CHECK(stateOf(t.client->get(path, t.token("secretary"))) == "committee_review");
    // Sending back for revision needs quorum and majority too (one vote of one city present is no
    // quorum), and the reason.
    requireProblem(t.client->post(meeting + "/items/" + gapId + "/decision", t.token("secretary"),
                                  withVersion(R"("decision":"revise","comment":"ماده ۲ بازنویسی شود")",
                                              versionOf(voted))),
                   422, "decision");
    REQUIRE(patch(t, "secretary", meeting, withVersion(R"("present":["tehran","mashhad"])", versionOf(voted)))
                .status == 200);
    REQUIRE(put(t, "tehran.member", meeting + "/items/" + gapId + "/vote", R"({"vote":"revise"})").status ==
            200);
    const Reply revised =
        put(t, "mashhad.member", meeting + "/items/" + gapId + "/vote", R"({"vote":"revise"})");
    REQUIRE(revised.status == 200);
    requireProblem(t.client->post(meeting + "/items/" + gapId + "/decision", t.token("secretary"),
                                  withVersion(R"("decision":"revise")", versionOf(revised))),
                   422, "comment");
    REQUIRE(
        t.client
            ->post(meeting + "/items/" + gapId + "/decision", t.token("secretary"),
                   withVersion(R"("decision":"revise","comment":"ماده ۲ بازنویسی شود")", versionOf(revised)))
            .status == 200);
    CHECK(stateOf(t.client->get(path, t.token("secretary"))) == "drafting");
    const auto events = t.client->get(meeting + "/history", t.token("observer")).json()->getArray("items");
    REQUIRE(events->size() == 7);
    CHECK(events->getObject(6)->getValue<std::string>("type") == "decision");
}

TEST_CASE("webhook deliveries are retried with backoff and survive a restart", "[http][webhooks]") {
    TestService t(testBackend(), 64, [](AppConfig& c) {
        c.webhooks.backoffBaseMs = 1000;
        c.webhooks.maxAttempts = 3;
        c.webhooks.dispatch = false;  // the test drives delivery itself
    });
    WebhookReceiver receiver;
    requireProblem(
        t.client->post("/api/v1/webhooks", t.token("secretary"), R"({"url":"http://x","events":["*"]})"),
        403);
    requireProblem(
        t.client->post("/api/v1/webhooks", t.token("admin"), R"({"url":"ftp://x","events":["*"]})"), 400,
        "url");
    requireProblem(t.client->post("/api/v1/webhooks", t.token("admin"),
                                  R"({"url":"http://x","events":["gap.exploded"]})"),
                   400, "events[0]");
    const Reply hook = t.client->post("/api/v1/webhooks", t.token("admin"),
                                      R"({"url":")" + receiver.url() + R"(","events":["gap.created"]})");
    REQUIRE(hook.status == 201);
    const std::string hooks = "/api/v1/webhooks/" + hook.json()->getValue<std::string>("id");
    CHECK_FALSE(t.client->get("/api/v1/webhooks", t.token("admin"))
                    .json()
                    ->getArray("items")
                    ->getObject(0)
                    ->has("secret"));

    receiver.answerWith({500, 503, 200});
    createGap(t);
    fire(t, "secretary", gapPath(createGap(t)), "triage", 1);  // not subscribed: never sent
    CHECK(t.service().deliverWebhooks() == 2);                 // two gap.created events, both refused
    CHECK(t.service().deliverWebhooks() == 0);                 // not due again yet
    auto deliveries = t.client->get(hooks + "/deliveries", t.token("admin")).json()->getArray("items");
    REQUIRE(deliveries->size() == 2);
    CHECK(deliveries->getObject(0)->getValue<int>("attempts") == 1);
    CHECK(deliveries->getObject(0)->getValue<std::string>("state") == "pending");
    CHECK(deliveries->getObject(0)->getValue<std::string>("last_error").find("HTTP 5") == 0);

    // A restart loses nothing: the queue is in the store.
    t.restart();
    t.clock.advanceMs(1000);
    CHECK(t.service().deliverWebhooks() == 2);  // one more 200, one more… 200 (the list is used up)
    deliveries = t.client->get(hooks + "/deliveries", t.token("admin")).json()->getArray("items");
    for (std::size_t i = 0; i < deliveries->size(); ++i)
        CHECK(deliveries->getObject(static_cast<unsigned>(i))->getValue<std::string>("state") == "delivered");
    CHECK(receiver.received().size() == 2);
    CHECK(receiver.attempts() == 4);

    // A receiver that never answers well: after max_attempts the delivery is failed for good.
    receiver.answerWith({500, 500, 500, 500});
    createGap(t);
    for (int i = 0; i < 3; ++i) {
        CHECK(t.service().deliverWebhooks() == 1);
        t.clock.advanceMs(10 * 1000);
    }
    CHECK(t.service().deliverWebhooks() == 0);
    deliveries = t.client->get(hooks + "/deliveries", t.token("admin")).json()->getArray("items");
    CHECK(deliveries->getObject(0)->getValue<std::string>("state") == "failed");
    CHECK(deliveries->getObject(0)->getValue<int>("attempts") == 3);
    CHECK(deliveries->getObject(0)->getValue<int>("retries") == 0);

    // The receiver is fixed: an admin sends the failed delivery again, once, with an event; nobody else may,
    // and a delivery that is not failed, or of another subscription, is refused with nothing changed.
    const std::string failed = deliveries->getObject(0)->getValue<std::string>("id");
    const std::string delivered = deliveries->getObject(1)->getValue<std::string>("id");
    const std::string retry = hooks + "/deliveries/" + failed + "/retry";
    requireProblem(t.client->post(retry, t.token("secretary"), ""), 403);
    requireProblem(t.client->post(hooks + "/deliveries/" + delivered + "/retry", t.token("admin"), ""), 409);
    requireProblem(t.client->post(hooks + "/deliveries/999999/retry", t.token("admin"), ""), 404);
    requireProblem(
        t.client->post("/api/v1/webhooks/999999/deliveries/" + failed + "/retry", t.token("admin"), ""), 404);
    // Named under another live subscription, the delivery is not found there.
    const Reply otherHook =
        t.client->post("/api/v1/webhooks", t.token("admin"),
                       R"({"url":")" + receiver.url() + R"(","events":["gap.transition"]})");
    REQUIRE(otherHook.status == 201);
    const std::string otherHooks = "/api/v1/webhooks/" + otherHook.json()->getValue<std::string>("id");
    requireProblem(t.client->post(otherHooks + "/deliveries/" + failed + "/retry", t.token("admin"), ""),
                   404);
    CHECK(t.client->get(hooks + "/deliveries", t.token("admin"))
              .json()
              ->getArray("items")
              ->getObject(0)
              ->getValue<std::string>("state") == "failed");
    CHECK(
        t.service().services().store.recordEvents().history("webhook_delivery", std::stoll(failed)).empty());
    CHECK(t.service().deliverWebhooks() == 0);
    receiver.answerWith({200});
    const Reply again = t.client->post(retry, t.token("admin"), "");
    INFO(again.body);
    REQUIRE(again.status == 200);
    CHECK(again.json()->getValue<std::string>("state") == "pending");
    CHECK(again.json()->getValue<int>("retries") == 1);
    requireProblem(t.client->post(retry, t.token("admin"), ""), 409);  // a second click: it waits already
    const std::size_t before = receiver.received().size();
    CHECK(t.service().deliverWebhooks() == 1);
    CHECK(receiver.received().size() == before + 1);
    CHECK(receiver.received().back().delivery ==
          failed);  // the same delivery id: a receiver can drop a repeat
    deliveries = t.client->get(hooks + "/deliveries", t.token("admin")).json()->getArray("items");
    CHECK(deliveries->getObject(0)->getValue<std::string>("state") == "delivered");
    CHECK(deliveries->getObject(0)->getValue<int>("attempts") == 4);
    const auto events =
        t.service().services().store.recordEvents().history("webhook_delivery", std::stoll(failed));
    REQUIRE(events.size() == 1);
    CHECK(events.front().type == "retried");
    CHECK(events.front().actorName == "admin");
    CHECK(events.front().dataJson.find("\"event_type\":\"gap.created\"") != std::string::npos);

    // A failed delivery of a subscription deactivated since is not sent again.
    receiver.answerWith({500, 500, 500});
    createGap(t);
    for (int i = 0; i < 3; ++i) {
        t.service().deliverWebhooks();
        t.clock.advanceMs(10 * 1000);
    }
    const std::string lastFailed = t.client->get(hooks + "/deliveries", t.token("admin"))
                                       .json()
                                       ->getArray("items")
                                       ->getObject(0)
                                       ->getValue<std::string>("id");
    REQUIRE(t.client->send("DELETE", hooks, t.token("admin")).status == 204);
    requireProblem(t.client->post(hooks + "/deliveries/" + lastFailed + "/retry", t.token("admin"), ""), 409);
    CHECK(t.service()
              .services()
              .store.recordEvents()
              .history("webhook_delivery", std::stoll(lastFailed))
              .empty());
    requireProblem(t.client->send("DELETE", hooks, t.token("admin")), 409);
    createGap(t);
    CHECK(t.service().deliverWebhooks() == 0);
}

TEST_CASE("deadlines list what falls due, per city and role, with overdue marked", "[http][legislation]") {
    TestService t;
    const std::string path = gapPath(createGap(t));  // reported: due in 7 days (1405-09-12)
    const auto list = [&](const std::string& user, const std::string& query) {
        const Reply r = t.client->get("/api/v1/deadlines" + query, t.token(user));
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.json()->getArray("items");
    };
    CHECK(list("secretary", "?within=3d")->size() == 0);
    // Due at the end of 1405-09-12 in Tehran: more than seven days from now (09-05, 12:30 there).
    CHECK(list("secretary", "?within=7d")->size() == 0);
    auto items = list("secretary", "?within=8d");
    REQUIRE(items->size() == 1);
    CHECK(items->getObject(0)->getValue<std::string>("due_at_jalali") == "1405-09-12");
    CHECK(items->getObject(0)->getValue<bool>("actionable"));  // the secretary triages
    CHECK_FALSE(items->getObject(0)->getValue<bool>("overdue"));
    CHECK(list("tehran.director", "?within=8d&mine=true")->size() == 1);  // the director may withdraw it
    CHECK(list("mashhad.director", "?within=8d&mine=true")->size() == 0);
    CHECK(list("secretary", "?within=8d&role=committee_secretary")->size() == 1);
    CHECK(list("secretary", "?within=8d&role=liaison_officer")->size() == 0);
    CHECK(list("secretary", "?within=8d&municipality=mashhad")->size() == 0);
    CHECK(list("secretary", "?within=8d&municipality=tehran")->size() == 1);
    t.clock.advanceMs(8 * DAY_MS);
    t.forgetTokens();
    items = list("secretary", "?within=0d");
    REQUIRE(items->size() == 1);
    CHECK(items->getObject(0)->getValue<bool>("overdue"));
    CHECK(t.client->get(path, t.token("secretary")).json()->getValue<bool>("overdue"));
    requireProblem(t.client->get("/api/v1/deadlines?within=soon", t.token("secretary")), 400, "within");
    requireProblem(t.client->get("/api/v1/deadlines?role=king", t.token("secretary")), 400, "role");
    requireProblem(t.client->get("/api/v1/deadlines?municipality=kabul", t.token("secretary")), 400,
                   "municipality");
}

TEST_CASE("watching a gap brings its events to the inbox", "[http][legislation]") {
    TestService t;
    const std::string path = gapPath(createGap(t));
    REQUIRE(put(t, "mashhad.director", path + "/watch", "").status == 204);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    auto box = t.client->get("/api/v1/inbox?unread=true", t.token("mashhad.director")).json();
    REQUIRE(box->getArray("notifications")->size() == 1);
    const auto note = box->getArray("notifications")->getObject(0);
    CHECK(note->getValue<std::string>("event") == "gap.transition");
    // The actor is not told about their own change.
    CHECK(t.client->get("/api/v1/inbox", t.token("secretary")).json()->getArray("notifications")->size() ==
          0);
    REQUIRE(t.client
                ->post("/api/v1/inbox/read", t.token("mashhad.director"),
                       R"({"ids":[)" + note->getValue<std::string>("id") + "]}")
                .status == 200);
    CHECK(t.client->get("/api/v1/inbox", t.token("mashhad.director")).json()->getValue<int>("unread") == 0);
    requireProblem(t.client->post("/api/v1/inbox/read", t.token("mashhad.director"), R"({"ids":["x"]})"), 400,
                   "ids[0]");
    requireProblem(t.client->post("/api/v1/inbox/read", t.token("mashhad.director"), R"({})"), 400, "ids");
    REQUIRE(t.client->send("DELETE", path + "/watch", t.token("mashhad.director")).status == 204);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    CHECK(t.client->get("/api/v1/inbox", t.token("mashhad.director")).json()->getValue<int>("unread") == 0);
}

TEST_CASE("the inbox offers on a gap what the gap itself offers, a draft's requirement included",
          "[http][legislation]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const auto id = gap->getValue<std::int64_t>("id");
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    // The transitions fired by hand that the gap's own page offers, and those its inbox action lists.
    const auto offeredByGap = [&] {
        std::set<std::string> names;
        const auto available =
            t.client->get(path, t.token("tehran.director")).json()->getArray("available_transitions");
        for (std::size_t i = 0; i < available->size(); ++i)
            names.insert(available->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
        return names;
    };
    const auto offeredByInbox = [&] {
        std::set<std::string> names;
        const auto actions =
            t.client->get("/api/v1/inbox", t.token("tehran.director")).json()->getArray("actions");
        for (std::size_t i = 0; i < actions->size(); ++i) {
            const auto a = actions->getObject(static_cast<unsigned>(i));
            if (a->getValue<std::string>("type") != "gap" || a->getValue<std::int64_t>("id") != id ||
                !a->has("transitions"))
                continue;
            const auto transitions = a->getArray("transitions");
            for (std::size_t j = 0; j < transitions->size(); ++j)
                names.insert(transitions->getElement<std::string>(j));
        }
        return names;
    };
    CHECK_FALSE(offeredByGap().count("submit_for_review"));  // no draft yet: the gap does not offer it
    CHECK(offeredByInbox() == offeredByGap());
    REQUIRE(saveDraft(t, path, 0, "متن پیشنهادی اصلاحیه").status == 201);
    CHECK(offeredByGap().count("submit_for_review"));
    CHECK(offeredByInbox() == offeredByGap());
}
