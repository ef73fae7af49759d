#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "Catalog.h"
#include "JsonWriter.h"
#include "Lifecycle.h"
#include "PrecedentService.h"

namespace lacuna {

PrecedentInput decodePrecedent(const Poco::JSON::Object::Ptr& body);
/// A city's argument: {text, expected_version}.
std::string decodeArgument(const Poco::JSON::Object::Ptr& body);
void writePrecedent(JsonWriter& out, const PrecedentRequest& request, const Lifecycle& lifecycle,
                    const Catalog& catalog, const std::vector<const LifecycleTransition*>& available,
                    std::int64_t now);

}  // namespace lacuna
