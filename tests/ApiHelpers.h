#pragma once

// Requests and checks the HTTP suites share.
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "TestService.h"

namespace lacuna::test {

/// A committee of three member cities (each has a member in TestService), so two make a quorum.
inline void threeCities(AppConfig& config) { config.committee.members = {"isfahan", "mashhad", "tehran"}; }

inline const std::string NEW_GAP = R"({
  "title": "خلأ قانونی در وصول عوارض نوسازی",
  "description": "نحوه وصول عوارض نوسازی از اراضی فاقد سند رسمی در ماده ۲۹ قانون نوسازی روشن نیست.",
  "kind": "vacuum",
  "category": "fees",
  "provisions": [{"law": "قانون نوسازی و عمران شهری", "article": "ماده ۲۹"}],
  "priority": "high",
  "impact": {"pending_lawsuits": 4, "exposure_rials": 2500000000}
})";

/// Registers a ruling by `who` for `city` on `provisions` (JSON objects, comma-separated); its id.
inline std::int64_t registerRuling(TestService& t, const std::string& who, const std::string& city,
                                   const std::string& outcome, const std::string& court,
                                   const std::string& provisions) {
    const Reply r = t.client->post("/api/v1/rulings", t.token(who),
                                   R"({"court":")" + court +
                                       R"(","branch":"شعبه ۴","number":"۱۴۰۵۰۰۱","decided_on":"1405-08-12",)"
                                       R"("municipality":")" +
                                       city + R"(","outcome":")" + outcome +
                                       R"(","summary":"خلاصه رأی",)"
                                       R"("provisions":[)" +
                                       provisions + "]}");
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.json()->getObject("ruling")->getValue<std::int64_t>("id");
}

inline Poco::JSON::Object::Ptr createGap(TestService& t, const std::string& user = "tehran.director",
                                         const std::string& body = NEW_GAP) {
    const Reply r = t.client->post("/api/v1/gaps", t.token(user), body);
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.json();
}

inline std::string gapPath(const Poco::JSON::Object::Ptr& gap) {
    return "/api/v1/gaps/" + gap->getValue<std::string>("id");
}

inline Reply fire(TestService& t, const std::string& user, const std::string& path,
                  const std::string& transition, std::int64_t version, const std::string& extra = "") {
    return t.client->post(path + "/transitions", t.token(user),
                          R"({"transition":")" + transition + R"(","expected_version":)" +
                              std::to_string(version) + extra + "}");
}

/// Everything a client could observe about one gap, to prove a refused request changed nothing.
inline std::string snapshot(TestService& t, const std::string& path) {
    return t.client->get(path, t.token("secretary")).body +
           t.client->get(path + "/history", t.token("secretary")).body;
}

inline std::size_t listCount(TestService& t, const std::string& user, const std::string& query = "") {
    const Reply r = t.client->get("/api/v1/gaps?limit=100" + query, t.token(user));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json()->getArray("items")->size();
}

inline void requireProblem(const Reply& r, int status, const std::string& field = "") {
    INFO(r.status << " " << r.body);
    REQUIRE(r.status == status);
    CHECK(r.contentType.rfind("application/problem+json", 0) == 0);
    const auto problem = r.json();
    CHECK(problem->getValue<int>("status") == status);
    CHECK(problem->getValue<std::string>("type").rfind("urn:lacuna:problem:", 0) == 0);
    if (!field.empty()) {
        const auto fields = r.errorFields();
        CHECK(std::find(fields.begin(), fields.end(), field) != fields.end());
    }
}

/// Saves a draft of the gap at `path` as its legal director, on top of draft version `latest`.
inline Reply saveDraft(TestService& t, const std::string& path, std::int64_t latest, const std::string& text,
                       const std::string& user = "tehran.director") {
    return t.client->post(path + "/drafts", t.token(user),
                          R"({"text":")" + text + R"(","rationale":"دلایل توجیهی: رفع ابهام",)" +
                              R"("provisions":[{"law":"قانون نوسازی و عمران شهری","article":"ماده ۲۹"}],)" +
                              R"("expected_version":)" + std::to_string(latest) + "}");
}

/// A gap of Tehran's taken to committee review with one draft; returns its path.
inline std::string gapInReview(TestService& t, const std::string& body = NEW_GAP) {
    const std::string path = gapPath(createGap(t, "tehran.director", body));
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    REQUIRE(saveDraft(t, path, 0, "متن اصلاحی").status == 201);
    REQUIRE(fire(t, "tehran.director", path, "submit_for_review", 4).status == 200);
    return path;
}

inline std::int64_t versionOf(const Reply& r) { return r.json()->getValue<std::int64_t>("version"); }

inline std::string stateOf(const Reply& r) {
    return r.json()->getObject("state")->getValue<std::string>("name");
}

inline Reply patch(TestService& t, const std::string& user, const std::string& path,
                   const std::string& body) {
    return t.client->send("PATCH", path, t.token(user), body);
}

inline Reply put(TestService& t, const std::string& user, const std::string& path, const std::string& body) {
    return t.client->send("PUT", path, t.token(user), body);
}

inline std::string withVersion(const std::string& members, std::int64_t version) {
    return "{" + members + (members.empty() ? "" : ",") + "\"expected_version\":" + std::to_string(version) +
           "}";
}

/// A bill's `sponsors`: `n` members of parliament as a JSON list.
inline std::string sponsors(int n) {
    std::string out = "[";
    for (int i = 1; i <= n; ++i)
        out += std::string(i > 1 ? "," : "") + R"({"name":"نماینده )" + std::to_string(i) +
               R"(","constituency":"تهران"})";
    return out + "]";
}

/// Takes the gap at `path` through a meeting that endorses it; returns the meeting's path.
inline std::string endorse(TestService& t, const std::string& path) {
    const std::string reference =
        t.client->get(path, t.token("secretary")).json()->getValue<std::string>("reference");
    const Reply created =
        t.client->post("/api/v1/meetings", t.token("secretary"),
                       R"({"scheduled_at":"2026-11-30T09:30:00+03:30","place":"تهران، ساختمان شهرداری",)"
                       R"("agenda":[")" +
                           reference + R"("]})");
    REQUIRE(created.status == 201);
    const std::string meeting = "/api/v1/meetings/" + created.json()->getValue<std::string>("id");
    const std::string gapId = path.substr(path.rfind('/') + 1);
    REQUIRE(patch(t, "secretary", meeting, withVersion(R"("present":["tehran","mashhad"])", 1)).status ==
            200);
    REQUIRE(put(t, "tehran.member", meeting + "/items/" + gapId + "/vote", R"({"vote":"approve"})").status ==
            200);
    const Reply voted =
        put(t, "mashhad.member", meeting + "/items/" + gapId + "/vote", R"({"vote":"approve"})");
    REQUIRE(voted.status == 200);
    const Reply decided =
        t.client->post(meeting + "/items/" + gapId + "/decision", t.token("secretary"),
                       withVersion(R"("decision":"approve","comment":"تصویب شد")", versionOf(voted)));
    INFO(decided.body);
    REQUIRE(decided.status == 200);
    return meeting;
}

/// A Tehran gap the three-city committee endorsed; its reference (and its API path in `apiPath`).
inline std::string endorsedGap(TestService& t, std::string* apiPath = nullptr) {
    const std::string path = gapInReview(t);
    endorse(t, path);
    if (apiPath) *apiPath = path;
    return t.client->get(path, t.token("secretary")).json()->getValue<std::string>("reference");
}

/// The id of the account `username`, as the admin reads it.
inline std::string idOfUser(TestService& t, const std::string& username) {
    const auto items = t.client->get("/api/v1/users", t.token("admin")).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        if (items->getObject(i)->getValue<std::string>("username") == username)
            return items->getObject(i)->getValue<std::string>("id");
    FAIL("no user " << username);
    return "";
}

/// PUT /api/v1/users/{id}/status by `user`: the account `username` active or disabled, at `version`.
inline Reply setAccountStatus(TestService& t, const std::string& user, const std::string& username,
                              bool active, std::int64_t version) {
    return put(t, user, "/api/v1/users/" + idOfUser(t, username) + "/status",
               withVersion(std::string("\"active\":") + (active ? "true" : "false"), version));
}

/// The status a sign-in as `username` with `password` answers.
inline int loginStatus(TestService& t, const std::string& username, const std::string& password) {
    return t.client
        ->post("/api/v1/session", "", R"({"username":")" + username + R"(","password":")" + password + "\"}")
        .status;
}

/// The status `GET /me` answers with `token`: 200 while the session holds.
inline int meStatus(TestService& t, const std::string& token) {
    return t.client->get("/api/v1/me", token).status;
}

}  // namespace lacuna::test
