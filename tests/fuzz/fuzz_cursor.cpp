// The gap list's cursor: any text is a cursor of this sort or a ValidationError naming `cursor`; a
// cursor the service made reads back as the same position.
#include "Errors.h"
#include "FuzzCommon.h"
#include "GapCodec.h"
#include "QueryParams.h"

using lacuna::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = lacuna::fuzz::text(data, size);
    for (const char* sort : {"-created_at", "updated_at", "-priority"}) {
        try {
            const lacuna::GapListRequest request =
                lacuna::decodeGapList(lacuna::QueryParams({{"cursor", input}, {"sort", sort}}));
            require(request.query.after.has_value(), "an accepted cursor gives a position");
            const auto again = lacuna::decodeGapList(lacuna::QueryParams(
                {{"cursor", lacuna::encodeCursor(sort, *request.query.after)}, {"sort", sort}}));
            require(again.query.after->key == request.query.after->key &&
                        again.query.after->id == request.query.after->id,
                    "a re-encoded cursor reads back the same");
        } catch (const lacuna::ValidationError& e) {
            require(!e.fields().empty(), "a refused cursor names its field");
        }
    }
    return 0;
}
