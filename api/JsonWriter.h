#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lacuna {

/// Writes a JSON document straight into a string: the responses are built once and sent, so they
/// need no tree of objects (Poco::JSON's cost most of a request's encoding time). UTF-8 passes
/// through unescaped; commas are placed by the writer.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// A value that is JSON text already (stored event details).
    JsonWriter& raw(std::string_view json);

    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    const std::string& str() const { return _out; }

private:
    void separate();

    std::string _out;
    std::vector<bool> _hasItems;  ///< per open container: whether it has an item yet
    bool _afterKey = false;
};

}  // namespace lacuna
