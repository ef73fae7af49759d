#include "Codec.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "JalaliDate.h"
#include "SearchText.h"

namespace lacuna {

using Poco::JSON::Object;

std::optional<std::vector<Provision>> readProvisions(Members& m, bool required) {
    return readObjects(m, "provisions", required, {"law", "article"}, "{law, article}", [](Members& p) {
        return Provision{p.text("law", true).value_or(""), p.text("article", false).value_or("")};
    });
}

std::optional<std::int64_t> readInstant(Members& m, const std::string& key, bool required) {
    const auto text = m.text(key, required);
    if (!text) return std::nullopt;
    Poco::DateTime parsed;
    int zone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, *text, parsed, zone) &&
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, *text, parsed, zone)) {
        m.errors().add(m.path(key), "format", "an ISO 8601 time such as 2026-12-01T09:30:00+03:30");
        return std::nullopt;
    }
    parsed.makeUTC(zone);
    return parsed.timestamp().epochMicroseconds() / 1000;
}

std::vector<std::int64_t> readIds(Members& m, const std::string& key) {
    std::vector<std::int64_t> ids;
    for (const std::string& text : m.strings(key, false, true).value_or(std::vector<std::string>{})) {
        std::int64_t id = 0;
        if (Poco::NumberParser::tryParse64(text, id) && id > 0)
            ids.push_back(id);
        else
            m.errors().add(key, "type", "ids of records");
    }
    return ids;
}

TransitionInput decodeTransition(const Object::Ptr& body) {
    return decodeBody(body, {"transition", "comment", "fields", "expected_version"},
                      "the transition request is not valid", [](Members& m) {
                          TransitionInput input;
                          input.transition = m.text("transition", true).value_or("");
                          input.comment = m.text("comment", false).value_or("");
                          if (const Object::Ptr fields = m.object("fields", false)) {
                              Members f(fields, m.errors(), "fields");
                              for (const auto& [key, value] : *fields)
                                  if (auto text = f.text(key, true)) input.fields[key] = *text;
                          }
                          return input;
                      });
}

std::string decodeComment(const Object::Ptr& body) {
    return decodeBody(body, {"comment", "expected_version"}, "the request is not valid",
                      [](Members& m) { return m.text("comment", false).value_or(""); });
}

void writeTime(JsonWriter& out, const std::string& name, std::int64_t epochMs) {
    out.field(name, formatIsoUtc(epochMs));
    out.field(name + "_jalali", formatJalali(jalaliDateInIran(epochMs)));
}

void writeState(JsonWriter& out, const Lifecycle& lifecycle, const std::string& name) {
    if (name.empty()) {  // the `created` event comes from no state
        out.null();
        return;
    }
    const LifecycleState& s = lifecycle.state(name);
    out.beginObject()
        .field("name", name)
        .field("label_fa", s.labelFa)
        .field("label_en", s.labelEn)
        .field("terminal", s.terminal)
        .endObject();
}

void writeStrings(JsonWriter& out, const std::vector<std::string>& values) {
    out.beginArray();
    for (const auto& v : values) out.value(v);
    out.endArray();
}

void writeUserRef(JsonWriter& out, std::string_view key, std::int64_t id, const std::string& username) {
    out.key(key).beginObject().field("id", id).field("username", username).endObject();
}

void writeCityNames(JsonWriter& out, const Catalog& catalog, const std::string& slug,
                    const std::string& prefix) {
    if (const Municipality* m = catalog.findMunicipality(slug))
        out.field(prefix + "fa", m->nameFa).field(prefix + "en", m->nameEn);
}

void writeProvision(JsonWriter& out, const Provision& provision, const std::optional<std::string>& key) {
    out.beginObject().field("law", provision.law).field("article", provision.article);
    if (key) out.field("key", *key);
    out.endObject();
}

void writeProvisions(JsonWriter& out, const std::vector<Provision>& provisions, bool withKeys) {
    out.beginArray();
    for (const auto& p : provisions)
        writeProvision(out, p, withKeys ? std::optional(provisionKey(p)) : std::nullopt);
    out.endArray();
}

void writeEventHead(JsonWriter& out, std::int64_t sequence, std::int64_t at, std::int64_t actorId,
                    const std::string& actorName, const std::string& clientAddress,
                    const std::string& requestId, const std::string& type) {
    out.field("sequence", sequence);
    writeTime(out, "at", at);
    writeUserRef(out, "actor", actorId, actorName);
    out.field("client_address", clientAddress);
    if (!requestId.empty()) out.field("request_id", requestId);
    out.field("type", type);
}

void writeDue(JsonWriter& out, const std::optional<std::int64_t>& dueAt, std::int64_t now) {
    out.key("due_at");
    if (!dueAt) {
        out.null().field("overdue", false);
        return;
    }
    out.value(formatIsoUtc(*dueAt)).field("due_at_jalali", formatJalali(jalaliDateInIran(*dueAt)));
    out.field("overdue", *dueAt < now);
}

namespace {

/// name, label_fa, label_en: how a transition names itself.
void writeTransitionNames(JsonWriter& out, const LifecycleTransition& t) {
    out.field("name", t.name).field("label_fa", t.labelFa).field("label_en", t.labelEn);
}

/// requires and accepts: what a transition asks for.
void writeTransitionNeeds(JsonWriter& out, const LifecycleTransition& t) {
    out.key("requires");
    writeStrings(out, t.requirements);
    out.key("accepts");
    writeStrings(out, t.fields);
}

void writeSla(JsonWriter& out, const Sla& sla) {
    out.beginObject().field(sla.workingDays ? "working_days" : "days", sla.days).endObject();
}

void writeWorkflowState(JsonWriter& out, const LifecycleState& s) {
    out.beginObject()
        .field("name", s.name)
        .field("label_fa", s.labelFa)
        .field("label_en", s.labelEn)
        .field("terminal", s.terminal)
        .field("editable", s.editable)
        .field("drafts", s.drafts);
    if (s.sla) {
        out.key("sla");
        writeSla(out, *s.sla);
    }
    if (!s.slaByUrgency.empty()) {
        out.key("sla_by_urgency").beginObject();
        for (const auto& [urgency, sla] : s.slaByUrgency) {
            out.key(urgency);
            writeSla(out, sla);
        }
        out.endObject();
    }
    if (s.extensionDays) out.field("extension_days", *s.extensionDays);
    out.endObject();
}

}  // namespace

void writeTransitions(JsonWriter& out, const std::vector<const LifecycleTransition*>& available) {
    out.beginArray();
    for (const LifecycleTransition* t : available) {
        out.beginObject();
        writeTransitionNames(out, *t);
        out.field("to", t->to);
        writeTransitionNeeds(out, *t);
        out.endObject();
    }
    out.endArray();
}

void writeWorkflow(JsonWriter& out, const Workflow& wf) {
    out.beginObject().field("name", wf.name).field("initial", wf.initial).key("states").beginArray();
    for (const auto& s : wf.states) writeWorkflowState(out, s);
    out.endArray().key("transitions").beginArray();
    for (const auto& t : wf.transitions) {
        out.beginObject();
        writeTransitionNames(out, t);
        out.key("from");
        writeStrings(out, t.from);
        out.field("to", t.to).key("roles");
        writeStrings(out, t.roles);
        writeTransitionNeeds(out, t);
        out.endObject();
    }
    out.endArray().endObject();
}

void writeRecordEvent(JsonWriter& out, const RecordEvent& e, const Lifecycle* lifecycle) {
    out.beginObject();
    writeEventHead(out, e.sequence, e.at, e.actorId, e.actorName, e.clientAddress, e.requestId, e.type);
    if (lifecycle) {
        out.key("from_state");
        writeState(out, *lifecycle, e.fromState);
        out.key("to_state");
        writeState(out, *lifecycle, e.toState);
    } else {
        out.field("from_state", e.fromState).field("to_state", e.toState);
    }
    if (!e.transition.empty()) out.field("transition", e.transition);
    if (!e.comment.empty()) out.field("comment", e.comment);
    out.key("data").raw(e.dataJson).endObject();
}

}  // namespace lacuna
