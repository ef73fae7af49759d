#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "Catalog.h"
#include "JsonWriter.h"
#include "User.h"
#include "UserService.h"

namespace lacuna {

/// What a person signs in with.
struct LoginInput {
    std::string username;
    std::string password;
};

/// A person's own new password, with the one it replaces.
struct PasswordChange {
    std::string current;
    std::string next;
};

LoginInput decodeLogin(const Poco::JSON::Object::Ptr& body);
NewUser decodeNewUser(const Poco::JSON::Object::Ptr& body);
AccountChange decodeAccountChange(const Poco::JSON::Object::Ptr& body);
PasswordChange decodePasswordChange(const Poco::JSON::Object::Ptr& body);
/// Whether an admin wants an account active (true) or disabled.
bool decodeAccountStatus(const Poco::JSON::Object::Ptr& body);
/// The password an admin gives an account.
std::string decodePasswordReset(const Poco::JSON::Object::Ptr& body);

/// `withCreated` false leaves out created_at (GET /me describes the caller, not the account).
void writeUser(JsonWriter& out, const User& user, bool withCreated = true);
/// A live session of an account: its id, when it signed in and expires, from where, and whether it is the
/// caller's own.
void writeSession(JsonWriter& out, const SessionInfo& session);
void writeMunicipality(JsonWriter& out, const Municipality& municipality);
void writeCategory(JsonWriter& out, const LabelledSlug& category);

}  // namespace lacuna
