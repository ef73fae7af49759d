#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "Gap.h"
#include "JsonWriter.h"
#include "Lifecycle.h"
#include "Opinion.h"
#include "OpinionService.h"

namespace lacuna {

/// A new version of an opinion's question or answer.
struct OpinionTextInput {
    std::string text;
    std::vector<Provision> provisions;
};

/// The gaps (ids or references) and rulings an opinion links to.
struct OpinionLinksInput {
    std::vector<std::string> gaps;
    std::vector<std::int64_t> rulings;
};

OpinionInput decodeOpinion(const Poco::JSON::Object::Ptr& body);
OpinionTextInput decodeOpinionText(const Poco::JSON::Object::Ptr& body);
OpinionLinksInput decodeOpinionLinks(const Poco::JSON::Object::Ptr& body);
void writeOpinion(JsonWriter& out, const Opinion& opinion, const Lifecycle& lifecycle,
                  const std::vector<const LifecycleTransition*>& available, std::int64_t now);

}  // namespace lacuna
