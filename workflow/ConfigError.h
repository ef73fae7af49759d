#pragma once

#include <Poco/Exception.h>

namespace lacuna {

/// Configuration that cannot be used; the message starts with `file:line:column:`.
POCO_DECLARE_EXCEPTION(, ConfigError, Poco::Exception)

}  // namespace lacuna
