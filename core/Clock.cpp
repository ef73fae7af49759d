#include "Clock.h"

#include <Poco/Timestamp.h>

namespace lacuna {

std::int64_t SystemClock::nowMs() const { return Poco::Timestamp().epochMicroseconds() / 1000; }

}  // namespace lacuna
