#include "UserCodec.h"

#include "Codec.h"

namespace lacuna {

LoginInput decodeLogin(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"username", "password"}, "the login is not valid", [](Members& m) {
        return LoginInput{m.text("username", true).value_or(""), m.text("password", true).value_or("")};
    });
}

NewUser decodeNewUser(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"username", "password", "roles", "municipality"}, "the user is not valid",
                      [](Members& m) {
                          NewUser user;
                          user.username = m.text("username", true).value_or("");
                          user.password = m.text("password", true).value_or("");
                          user.roles = m.strings("roles", true).value_or(std::vector<std::string>{});
                          user.municipality = m.text("municipality", false);
                          return user;
                      });
}

AccountChange decodeAccountChange(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"roles", "municipality", "expected_version"}, "the change is not valid",
                      [](Members& m) {
                          return AccountChange{m.strings("roles", true).value_or(std::vector<std::string>{}),
                                               m.text("municipality", false)};
                      });
}

PasswordChange decodePasswordChange(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"current_password", "new_password"}, "the password change is not valid",
                      [](Members& m) {
                          return PasswordChange{m.text("current_password", true).value_or(""),
                                                m.text("new_password", true).value_or("")};
                      });
}

bool decodeAccountStatus(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"active", "expected_version"}, "the account status is not valid",
                      [](Members& m) { return m.boolean("active", true).value_or(true); });
}

std::string decodePasswordReset(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"password"}, "the password is not valid",
                      [](Members& m) { return m.text("password", true).value_or(""); });
}

void writeUser(JsonWriter& out, const User& user, bool withCreated) {
    out.beginObject().field("id", user.id).field("username", user.username).key("roles");
    writeStrings(out, user.roles);
    out.key("municipality");
    if (user.municipality)
        out.value(*user.municipality);
    else
        out.null();
    if (withCreated) {
        writeTime(out, "created_at", user.createdAt);
        out.field("version", user.version).field("active", !user.disabledAt);
        if (user.disabledAt) writeTime(out, "disabled_at", *user.disabledAt);
    }
    out.endObject();
}

void writeSession(JsonWriter& out, const SessionInfo& session) {
    out.beginObject().field("id", session.id);
    writeTime(out, "created_at", session.createdAt);
    writeTime(out, "expires_at", session.expiresAt);
    if (session.lastUsedAt) {
        writeTime(out, "last_used_at", session.lastUsedAt);
    } else {
        out.key("last_used_at").null();
        out.key("last_used_at_jalali").null();
    }
    for (const auto& [name, value] : {std::pair<const char*, const std::string&>{"client", session.client},
                                      {"user_agent", session.userAgent},
                                      {"last_client", session.lastClient}}) {
        out.key(name);
        if (value.empty())
            out.null();
        else
            out.value(value);
    }
    out.field("current", session.current).endObject();
}

void writeMunicipality(JsonWriter& out, const Municipality& m) {
    out.beginObject().field("slug", m.slug).field("name_fa", m.nameFa).field("name_en", m.nameEn).endObject();
}

void writeCategory(JsonWriter& out, const LabelledSlug& c) {
    out.beginObject()
        .field("slug", c.slug)
        .field("label_fa", c.labelFa)
        .field("label_en", c.labelEn)
        .endObject();
}

}  // namespace lacuna
