#include "ConfigError.h"

#include <typeinfo>

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(ConfigError, Poco::Exception, "Configuration error")

}  // namespace lacuna
