// The JSON reader of every request body: any bytes end as a value or a ValidationError, within the
// limits, in time linear in their size (libFuzzer's -timeout catches a slow input).
#include "Errors.h"
#include "FuzzCommon.h"
#include "JsonReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const lacuna::JsonLimits limits{8, 200000, 100, 1000};
    try {
        (void)lacuna::readJson(lacuna::fuzz::text(data, size), limits);
    } catch (const lacuna::ValidationError&) {
    }
    return 0;
}
