// The query-string decoder: any request target ends as typed parameters or a ValidationError — the
// same decoding Exchange::query() and the list routes do.
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "Errors.h"
#include "FuzzCommon.h"
#include "GapCodec.h"
#include "QueryParams.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::map<std::string, std::string> values;
    try {
        for (const auto& [key, value] :
             Poco::URI("/api/v1/gaps?" + lacuna::fuzz::text(data, size)).getQueryParameters())
            values.emplace(key, value);
    } catch (const Poco::SyntaxException&) {
        return 0;  // Exchange::query() answers this with a ValidationError naming `query`
    }
    const lacuna::QueryParams query(values);
    const auto attempt = [](const auto& read) {
        try {
            read();
        } catch (const lacuna::ValidationError&) {
        }
    };
    attempt([&] { (void)query.limit(50); });
    attempt([&] { (void)query.count("n"); });
    attempt([&] { (void)query.flag("all"); });
    attempt([&] { (void)query.window("within"); });
    attempt([&] { (void)lacuna::decodeGapList(query); });
    return 0;
}
