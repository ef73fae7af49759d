#include "JsonWriter.h"

#include "JsonText.h"

namespace lacuna {

void JsonWriter::separate() {
    if (_afterKey) {
        _afterKey = false;
        return;
    }
    if (!_hasItems.empty()) {
        if (_hasItems.back()) _out += ',';
        _hasItems.back() = true;
    }
}

JsonWriter& JsonWriter::beginObject() {
    separate();
    _out += '{';
    _hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    _out += '}';
    _hasItems.pop_back();
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    separate();
    _out += '[';
    _hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    _out += ']';
    _hasItems.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    appendJsonString(_out, name);
    _out += ':';
    _afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    appendJsonString(_out, text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    separate();
    _out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    _out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    _out += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    _out += json;
    return *this;
}

}  // namespace lacuna
