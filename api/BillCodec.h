#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "Bill.h"
#include "BillService.h"
#include "Catalog.h"
#include "JsonWriter.h"
#include "Lifecycle.h"

namespace lacuna {

/// A city's position on a bill.
struct PositionInput {
    std::string position;
    std::string note;
};

BillInput decodeBill(const Poco::JSON::Object::Ptr& body);
BillPatch decodeBillPatch(const Poco::JSON::Object::Ptr& body);
SponsorInput decodeSponsor(const Poco::JSON::Object::Ptr& body);
ObjectionInput decodeObjection(const Poco::JSON::Object::Ptr& body);
ObjectionAnswer decodeObjectionAnswer(const Poco::JSON::Object::Ptr& body);
PositionInput decodePosition(const Poco::JSON::Object::Ptr& body);

/// The bill with its gaps, sponsors, objections, positions, due date and the caller's transitions.
void writeBill(JsonWriter& out, const Bill& bill, const Lifecycle& lifecycle, const Catalog& catalog,
               const std::vector<const LifecycleTransition*>& available, std::int64_t now);

}  // namespace lacuna
