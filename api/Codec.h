#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Catalog.h"
#include "Gap.h"
#include "JsonMembers.h"
#include "JsonWriter.h"
#include "Lifecycle.h"
#include "RecordEvent.h"
#include "Workflow.h"

/// What every resource's codec shares: readers of common members and writers of common values. Each
/// resource's own decoders and encoders live in <Resource>Codec; every decoder reads its body with
/// decodeBody (strict: unknown members refused, every bad field named at once).
namespace lacuna {

/// `provisions`: [{law, article}], under `provisions[i]` in errors.
std::optional<std::vector<Provision>> readProvisions(Members& m, bool required);
/// An ISO 8601 instant with a zone → UTC ms.
std::optional<std::int64_t> readInstant(Members& m, const std::string& key, bool required);
/// A list of record ids (numbers, or their decimal text).
std::vector<std::int64_t> readIds(Members& m, const std::string& key);

/// {transition, comment, fields, expected_version}
TransitionInput decodeTransition(const Poco::JSON::Object::Ptr& body);
/// {comment, expected_version}
std::string decodeComment(const Poco::JSON::Object::Ptr& body);

/// Writes `<name>` (ISO 8601 UTC) and `<name>_jalali` (the date in Iran) members.
void writeTime(JsonWriter& out, const std::string& name, std::int64_t epochMs);
/// A state as {name, label_fa, label_en, terminal}; null for none.
void writeState(JsonWriter& out, const Lifecycle& lifecycle, const std::string& name);
void writeStrings(JsonWriter& out, const std::vector<std::string>& values);
/// `"<key>": {"id": …, "username": …}`: who created, asked, wrote or acted.
void writeUserRef(JsonWriter& out, std::string_view key, std::int64_t id, const std::string& username);
/// `<prefix>fa` and `<prefix>en` members: the city's names, when it is a configured city.
void writeCityNames(JsonWriter& out, const Catalog& catalog, const std::string& slug,
                    const std::string& prefix);
/// [{law, article}] (with each provision's `key` when `withKeys`).
/// One provision as {law, article, key}; without `key` when none is given.
void writeProvision(JsonWriter& out, const Provision& provision, const std::optional<std::string>& key);
void writeProvisions(JsonWriter& out, const std::vector<Provision>& provisions, bool withKeys);
/// The members every audit event starts with: sequence, at (+ Jalali), actor, client address, the request
/// that made it (when known), type.
void writeEventHead(JsonWriter& out, std::int64_t sequence, std::int64_t at, std::int64_t actorId,
                    const std::string& actorName, const std::string& clientAddress,
                    const std::string& requestId, const std::string& type);
/// `due_at`, `due_at_jalali` and `overdue` members.
void writeDue(JsonWriter& out, const std::optional<std::int64_t>& dueAt, std::int64_t now);
/// [{name, label_fa, label_en, to, requires, accepts}]
void writeTransitions(JsonWriter& out, const std::vector<const LifecycleTransition*>& available);
void writeWorkflow(JsonWriter& out, const Workflow& workflow);
/// An event of a meeting, bill, ruling, opinion or subscription; states labelled when `lifecycle` is given.
void writeRecordEvent(JsonWriter& out, const RecordEvent& event, const Lifecycle* lifecycle);

}  // namespace lacuna
