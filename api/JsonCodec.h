#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <string>
#include <vector>

#include "Catalog.h"
#include "Gap.h"
#include "GapRepository.h"
#include "GapService.h"
#include "JsonMembers.h"
#include "JsonWriter.h"
#include "Lifecycle.h"
#include "User.h"
#include "UserService.h"
#include "Workflow.h"

namespace lacuna {

/// Request decoders: each checks types and refuses unknown members (no mass assignment), and
/// throws one ValidationError naming every bad field.
GapFields decodeNewGap(const Poco::JSON::Object::Ptr& body);
GapPatch decodeGapPatch(const Poco::JSON::Object::Ptr& body);
TransitionInput decodeTransition(const Poco::JSON::Object::Ptr& body);
NewUser decodeNewUser(const Poco::JSON::Object::Ptr& body);
/// {username, password}
std::pair<std::string, std::string> decodeLogin(const Poco::JSON::Object::Ptr& body);

/// Query string of GET /gaps → the request (filters, sort, page size, cursor).
GapListRequest decodeGapList(const std::map<std::string, std::string>& query);
/// An opaque cursor for the next page; it binds the sort it was made for.
std::string encodeCursor(const std::string& sort, const GapCursor& cursor);

/// `provisions`: [{law, article}], under `provisions[i]` in errors.
std::optional<std::vector<Provision>> readProvisions(Members& m, FieldErrors& errors, bool required);

/// Response encoders: each writes one JSON value.
/// `extra` may write more members before the object closes.
void writeGap(JsonWriter& out, const Gap& gap, const Lifecycle& lifecycle, const Catalog& catalog,
              const std::vector<const LifecycleTransition*>& available, bool editable, std::int64_t now,
              const std::function<void(JsonWriter&)>& extra = {});
/// A state as {name, label_fa, label_en, terminal}; null for none.
void writeState(JsonWriter& out, const Lifecycle& lifecycle, const std::string& name);
void writeStrings(JsonWriter& out, const std::vector<std::string>& values);
/// `"<key>": {"id": …, "username": …}`: who created, asked, wrote or acted.
void writeUserRef(JsonWriter& out, std::string_view key, std::int64_t id, const std::string& username);
/// The members every audit event starts with: sequence, at (+ Jalali), actor, client address, type.
void writeEventHead(JsonWriter& out, std::int64_t sequence, std::int64_t at, std::int64_t actorId,
                    const std::string& actorName, const std::string& clientAddress, const std::string& type);
/// `due_at`, `due_at_jalali` and `overdue` members.
void writeDue(JsonWriter& out, const std::optional<std::int64_t>& dueAt, std::int64_t now);
/// [{name, label_fa, label_en, to, requires, accepts}]
void writeTransitions(JsonWriter& out, const std::vector<const LifecycleTransition*>& available);
void writeEvent(JsonWriter& out, const GapEvent& event, const Lifecycle& lifecycle);
/// `withCreated` false leaves out created_at (GET /me describes the caller, not the account).
void writeUser(JsonWriter& out, const User& user, bool withCreated = true);
void writeWorkflow(JsonWriter& out, const Workflow& workflow);
void writeMunicipality(JsonWriter& out, const Municipality& municipality);
void writeCategory(JsonWriter& out, const LabelledSlug& category);
/// Writes `<name>` (ISO 8601 UTC) and `<name>_jalali` (the date in Iran) members.
void writeTime(JsonWriter& out, const std::string& name, std::int64_t epochMs);

}  // namespace lacuna
