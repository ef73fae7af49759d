#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "InboxService.h"
#include "JsonWriter.h"

namespace lacuna {

/// {ids: [...]} or {all: true}; an empty list means all.
std::vector<std::int64_t> decodeMarkRead(const Poco::JSON::Object::Ptr& body);
void writeDeadline(JsonWriter& out, const Deadline& deadline, std::int64_t now);
void writeInbox(JsonWriter& out, const Inbox& inbox, std::int64_t now);

}  // namespace lacuna
