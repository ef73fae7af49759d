#include "ProvisionsJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "Errors.h"

namespace lacuna {

std::vector<Provision> provisionsFromJson(const std::string& json) {
    std::vector<Provision> out;
    try {
        Poco::JSON::Parser parser;
        const auto list = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->getObject(static_cast<unsigned>(i));
            out.push_back({item->getValue<std::string>("law"), item->getValue<std::string>("article")});
        }
    } catch (const Poco::Exception& e) {
        throw StoreUnavailable("a stored gap's provisions are unreadable: " + e.message());
    }
    return out;
}

}  // namespace lacuna
