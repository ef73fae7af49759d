#include "GapRedaction.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace lacuna::redaction {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

/// The members of event data that hold gaps: one reference, or a list of references or ids.
const std::vector<std::string> GAP_MEMBERS = {"gap", "merged", "duplicate_of", "agenda", "gaps"};

Object::Ptr parse(const std::string& json) {
    if (json.empty() || json.front() != '{') return nullptr;
    try {
        return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;  // not ours to judge: an event that is not an object names no gap
    }
}

bool isInteger(const Var& v) { return v.isInteger() && !v.isBoolean(); }

/// Calls `visit` for every gap value of the members that hold gaps.
template <typename Visit>
void eachGapValue(const Object::Ptr& data, Visit visit) {
    for (const std::string& key : GAP_MEMBERS) {
        if (!data->has(key)) continue;
        const Var value = data->get(key);
        if (value.type() == typeid(Array::Ptr)) {
            const Array::Ptr list = value.extract<Array::Ptr>();
            for (std::size_t i = 0; i < list->size(); ++i) visit(list->get(static_cast<unsigned>(i)));
        } else {
            visit(value);
        }
    }
}

bool hidden(const Var& v, const visibility::KnownGaps& known) {
    if (v.isString()) return !known.reference(v.extract<std::string>());
    if (isInteger(v)) return !known.id(v.convert<std::int64_t>());
    return false;
}

/// Replaces or drops the hidden gaps of one member.
Var redacted(const Var& value, const visibility::KnownGaps& known, bool& changed) {
    if (value.type() != typeid(Array::Ptr)) {
        if (!hidden(value, known)) return value;
        changed = true;
        return Var(visibility::HIDDEN_GAP);
    }
    const Array::Ptr list = value.extract<Array::Ptr>();
    Array::Ptr out = new Array;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Var item = list->get(static_cast<unsigned>(i));
        if (!hidden(item, known)) {
            out->add(item);
            continue;
        }
        changed = true;
        if (item.isString()) out->add(visibility::HIDDEN_GAP);  // an id is left out: a list of ids stays ids
    }
    return Var(out);
}

template <typename Event>
std::vector<Event> redactAll(std::vector<Event> events, const visibility::KnownGaps& known,
                             std::string Event::*data) {
    for (Event& e : events) {
        bool changed = false;
        e.*data = redactGaps(e.*data, known, changed);
        if (changed) e.comment.clear();
    }
    return events;
}

}  // namespace

void collectNamedGaps(const std::string& dataJson, NamedInEvents& into) {
    const Object::Ptr data = parse(dataJson);
    if (!data) return;
    eachGapValue(data, [&](const Var& v) {
        if (v.isString())
            into.references.push_back(v.extract<std::string>());
        else if (isInteger(v))
            into.ids.push_back(v.convert<std::int64_t>());
    });
}

std::string redactGaps(const std::string& dataJson, const visibility::KnownGaps& known, bool& changed) {
    Object::Ptr data = parse(dataJson);  // changed in place, then written again
    if (!data) return dataJson;
    bool any = false;
    for (const std::string& key : GAP_MEMBERS)
        if (data->has(key)) data->set(key, redacted(data->get(key), known, any));
    if (!any) return dataJson;
    changed = true;
    std::ostringstream out;
    data->stringify(out);
    return out.str();
}

std::vector<RecordEvent> redactEvents(std::vector<RecordEvent> events, const visibility::KnownGaps& known) {
    return redactAll(std::move(events), known, &RecordEvent::dataJson);
}

std::vector<GapEvent> redactEvents(std::vector<GapEvent> events, const visibility::KnownGaps& known) {
    return redactAll(std::move(events), known, &GapEvent::fieldsJson);
}

}  // namespace lacuna::redaction
