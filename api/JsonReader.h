#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>

namespace lacuna {

/// Limits of the strict JSON reader.
struct JsonLimits {
    std::size_t maxDepth = 8;
    std::size_t maxStringBytes = 200000;
    std::size_t maxMembers = 1000;  ///< per object
    std::size_t maxItems = 10000;   ///< per array
};

/// A strict RFC 8259 reader for request bodies. Unlike Poco's parser it refuses duplicate keys,
/// invalid UTF-8, lone surrogates, NUL characters (raw or escaped), nesting deeper than the limit and
/// trailing data; each refusal is a ValidationError naming where in the document it happened.
/// Objects come back as Poco::JSON::Object::Ptr, arrays as Poco::JSON::Array::Ptr, integers that fit
/// as Int64, other numbers as double, null as an empty Var.
Poco::Dynamic::Var readJson(const std::string& text, const JsonLimits& limits = {});

}  // namespace lacuna
