#include "ApiServices.h"
#include "Codec.h"
#include "UserCodec.h"

// Signing in and out, the caller, and the accounts (admin).
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void signIn(const ApiServices& api, Exchange& ex) {
    const LoginInput in = decodeLogin(ex.jsonObject());
    const IssuedSession session =
        api.auth.login(in.username, in.password, ex.clientAddress(), ex.userAgent());
    ex.reply(HTTPResponse::HTTP_CREATED, [&](JsonWriter& out) {
        out.beginObject().field("token", session.token).field("token_type", "Bearer");
        writeTime(out, "expires_at", session.expiresAt);
        out.key("user");
        writeUser(out, session.user);
        out.endObject();
    });
}

void signOut(const ApiServices& api, Exchange& ex) {
    ex.principal();
    api.auth.logout(ex.bearerToken());
    ex.sendNoContent();
}

void me(const ApiServices&, Exchange& ex) {
    const Principal& p = ex.principal();
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) {
        writeUser(out, User{p.userId, p.username, "", p.municipality, p.roles, 0}, false);
    });
}

/// The caller's own password; their other sessions end, this one stays.
void changePassword(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const PasswordChange in = decodePasswordChange(ex.jsonObject());
    api.auth.changePassword(actor, ex.bearerToken(), in.current, in.next);
    ex.sendNoContent();
}

void addUser(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const User user = api.users.addUser(actor, decodeNewUser(ex.jsonObject()));
    ex.response().set("Location", "/api/v1/users/" + std::to_string(user.id));
    ex.reply(HTTPResponse::HTTP_CREATED, [&](JsonWriter& out) { writeUser(out, user); });
}

void listUsers(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.users.listUsers(ex.principal()),
                  [](JsonWriter& out, const User& u) { writeUser(out, u); });
}

void getUser(const ApiServices& api, Exchange& ex) {
    const User user = api.users.getUser(ex.principal(), ex.idParam("id"));
    ex.replyRecord(HTTPResponse::HTTP_OK, user.version, [&](JsonWriter& out) { writeUser(out, user); });
}

void changeUser(const ApiServices& api, Exchange& ex) {
    const User user = changeRecord(ex, decodeAccountChange,
                                   [&](const Principal& a, std::int64_t id, const AccountChange& in,
                                       std::int64_t v) { return api.users.changeAccount(a, id, in, v); });
    ex.replyRecord(HTTPResponse::HTTP_OK, user.version, [&](JsonWriter& out) { writeUser(out, user); });
}

/// An admin disables an account or enables it again, under the version read.
void setAccountStatus(const ApiServices& api, Exchange& ex) {
    const User user = changeRecord(ex, decodeAccountStatus,
                                   [&](const Principal& a, std::int64_t id, bool active, std::int64_t v) {
                                       return api.users.setActive(a, id, active, v);
                                   });
    ex.replyRecord(HTTPResponse::HTTP_OK, user.version, [&](JsonWriter& out) { writeUser(out, user); });
}

/// An admin gives an account a new password; every session of it ends.
void resetPassword(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    api.users.resetPassword(actor, id, decodePasswordReset(ex.jsonObject()));
    ex.sendNoContent();
}

void userHistory(const ApiServices& api, Exchange& ex) {
    const User user = api.users.getUser(ex.principal(), ex.idParam("id"));
    ex.replyItems(api.recordEvents.history("user", user.id),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
}

/// The live sessions of an account: the caller's own (`/me/sessions`) or, for an admin, anyone's.
void listSessions(const ApiServices& api, Exchange& ex, std::int64_t userId) {
    ex.replyItems(api.users.sessions(ex.principal(), userId, ex.bearerToken()),
                  [](JsonWriter& out, const SessionInfo& s) { writeSession(out, s); });
}

void endSession(const ApiServices& api, Exchange& ex, std::int64_t userId) {
    api.users.endSession(ex.principal(), userId, ex.textParam("session"));
    ex.sendNoContent();
}

/// Every live session of an account ends but the request's own: 200 with how many ended.
void endOtherSessions(const ApiServices& api, Exchange& ex, std::int64_t userId) {
    const std::int64_t ended = api.users.endOtherSessions(ex.principal(), userId, ex.bearerToken());
    ex.reply(HTTPResponse::HTTP_OK,
             [&](JsonWriter& out) { out.beginObject().field("ended", ended).endObject(); });
}

/// A new secret address for the caller's calendar feed; the one before stops working.
void resetCalendarFeed(const ApiServices& api, Exchange& ex) {
    const std::string secret = api.users.resetFeed(ex.principal());
    ex.reply(HTTPResponse::HTTP_CREATED,
             [&](JsonWriter& out) { out.beginObject().field("path", calendarFeedPath(secret)).endObject(); });
}

}  // namespace

void addSessionRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/session", signIn);
    addRoute(router, api, "DELETE", "/api/v1/session", signOut);
    addRoute(router, api, "GET", "/api/v1/me", me);
    addRoute(router, api, "POST", "/api/v1/users", addUser);
    addRoute(router, api, "GET", "/api/v1/users", listUsers);
    addRoute(router, api, "GET", "/api/v1/users/{id}", getUser);
    addRoute(router, api, "PUT", "/api/v1/users/{id}", changeUser);
    addRoute(router, api, "PUT", "/api/v1/users/{id}/status", setAccountStatus);
    addRoute(router, api, "PUT", "/api/v1/users/{id}/password", resetPassword);
    addRoute(router, api, "GET", "/api/v1/users/{id}/history", userHistory);
    addRoute(router, api, "PUT", "/api/v1/me/password", changePassword);
    addRoute(router, api, "POST", "/api/v1/me/calendar-feed", resetCalendarFeed);
    addRoute(router, api, "GET", "/api/v1/me/sessions",
             [](const ApiServices& a, Exchange& ex) { listSessions(a, ex, ex.principal().userId); });
    addRoute(router, api, "DELETE", "/api/v1/me/sessions/{session}",
             [](const ApiServices& a, Exchange& ex) { endSession(a, ex, ex.principal().userId); });
    addRoute(router, api, "DELETE", "/api/v1/me/sessions",
             [](const ApiServices& a, Exchange& ex) { endOtherSessions(a, ex, ex.principal().userId); });
    addRoute(router, api, "GET", "/api/v1/users/{id}/sessions",
             [](const ApiServices& a, Exchange& ex) { listSessions(a, ex, ex.idParam("id")); });
    addRoute(router, api, "DELETE", "/api/v1/users/{id}/sessions",
             [](const ApiServices& a, Exchange& ex) { endOtherSessions(a, ex, ex.idParam("id")); });
    addRoute(router, api, "DELETE", "/api/v1/users/{id}/sessions/{session}",
             [](const ApiServices& a, Exchange& ex) { endSession(a, ex, ex.idParam("id")); });
}

}  // namespace lacuna
