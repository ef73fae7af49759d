#include "JsonCodec.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <sstream>

#include "Errors.h"
#include "JalaliDate.h"
#include "JsonMembers.h"
#include "JsonReader.h"

namespace lacuna {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

}  // namespace

std::optional<std::vector<Provision>> readProvisions(Members& m, FieldErrors& errors, bool required) {
    const Array::Ptr list = m.array("provisions", required);
    if (!list) return std::nullopt;
    std::vector<Provision> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = "provisions[" + std::to_string(i) + "]";
        const Var item = list->get(static_cast<unsigned>(i));
        if (item.type() != typeid(Object::Ptr)) {
            errors.add(at, "type", "must be an object {law, article}");
            continue;
        }
        Members p(item.extract<Object::Ptr>(), errors, at);
        p.allowOnly({"law", "article"});
        out.push_back({p.text("law", true).value_or(""), p.text("article", false).value_or("")});
    }
    return out;
}

namespace {

std::optional<Impact> readImpact(Members& m, FieldErrors& errors) {
    const Object::Ptr object = m.object("impact", false);
    if (!object) return std::nullopt;
    Members i(object, errors, "impact");
    i.allowOnly({"pending_lawsuits", "exposure_rials"});
    return Impact{i.integer("pending_lawsuits", false).value_or(0),
                  i.integer("exposure_rials", false).value_or(0)};
}

std::string base64Url(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << text;
    encoder.close();
    return out.str();
}

std::optional<std::string> unbase64Url(const std::string& text) {
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace

GapFields decodeNewGap(const Object::Ptr& body) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly({"title", "description", "kind", "category", "provisions", "municipality", "priority",
                 "confidential", "impact"});
    GapFields f;
    f.title = m.text("title", true).value_or("");
    f.description = m.text("description", true).value_or("");
    f.kind = m.text("kind", true).value_or("");
    f.category = m.text("category", true).value_or("");
    f.provisions = readProvisions(m, errors, false).value_or(std::vector<Provision>{});
    f.municipality = m.text("municipality", false).value_or("");
    f.priority = m.text("priority", false).value_or("normal");
    f.confidential = m.boolean("confidential", false).value_or(false);
    f.impact = readImpact(m, errors).value_or(Impact{});
    errors.throwIfAny("the gap is not valid");
    return f;
}

GapPatch decodeGapPatch(const Object::Ptr& body) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly({"title", "description", "kind", "category", "provisions", "priority", "confidential",
                 "impact", "expected_version"});
    GapPatch p;
    p.title = m.text("title", false);
    p.description = m.text("description", false);
    p.kind = m.text("kind", false);
    p.category = m.text("category", false);
    p.provisions = readProvisions(m, errors, false);
    p.priority = m.text("priority", false);
    p.confidential = m.boolean("confidential", false);
    p.impact = readImpact(m, errors);
    errors.throwIfAny("the edit is not valid");
    return p;
}

TransitionInput decodeTransition(const Object::Ptr& body) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly({"transition", "comment", "fields", "expected_version"});
    TransitionInput input;
    input.transition = m.text("transition", true).value_or("");
    input.comment = m.text("comment", false).value_or("");
    if (const Object::Ptr fields = m.object("fields", false)) {
        Members f(fields, errors, "fields");
        for (const auto& [key, value] : *fields)
            if (auto text = f.text(key, true)) input.fields[key] = *text;
    }
    errors.throwIfAny("the transition request is not valid");
    return input;
}

NewUser decodeNewUser(const Object::Ptr& body) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly({"username", "password", "roles", "municipality"});
    NewUser user;
    user.username = m.text("username", true).value_or("");
    user.password = m.text("password", true).value_or("");
    if (const Array::Ptr roles = m.array("roles", true)) {
        for (std::size_t i = 0; i < roles->size(); ++i) {
            const Var r = roles->get(static_cast<unsigned>(i));
            if (!r.isString())
                errors.add("roles[" + std::to_string(i) + "]", "type", "must be a string");
            else
                user.roles.push_back(r.extract<std::string>());
        }
    }
    user.municipality = m.text("municipality", false);
    errors.throwIfAny("the user is not valid");
    return user;
}

std::pair<std::string, std::string> decodeLogin(const Object::Ptr& body) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly({"username", "password"});
    auto username = m.text("username", true);
    auto password = m.text("password", true);
    errors.throwIfAny("the login is not valid");
    return {*username, *password};
}

GapListRequest decodeGapList(const std::map<std::string, std::string>& query) {
    GapListRequest request;
    GapQuery& q = request.query;
    FieldErrors errors;
    const auto optional = [&](const char* key) -> std::optional<std::string> {
        const auto it = query.find(key);
        if (it == query.end()) return std::nullopt;
        return it->second;
    };
    q.state = optional("state");
    q.municipality = optional("municipality");
    q.kind = optional("kind");
    q.category = optional("category");
    q.priority = optional("priority");
    request.text = optional("q").value_or("");
    const std::string sort = optional("sort").value_or("-created_at");
    const std::string key = sort.rfind('-', 0) == 0 ? sort.substr(1) : sort;
    q.descending = sort.rfind('-', 0) == 0;
    if (key == "created_at")
        q.sortKey = GapQuery::SortKey::CreatedAt;
    else if (key == "updated_at")
        q.sortKey = GapQuery::SortKey::UpdatedAt;
    else if (key == "priority")
        q.sortKey = GapQuery::SortKey::Priority;
    else
        errors.add("sort", "unknown", "one of created_at, updated_at, priority, optionally prefixed by '-'");
    if (auto limit = optional("limit")) {
        int n = 0;
        if (!Poco::NumberParser::tryParse(*limit, n) || n < 1)
            errors.add("limit", "type", "must be a positive whole number");
        else
            q.limit = static_cast<std::size_t>(n);
    }
    if (auto cursor = optional("cursor")) {
        const auto decoded = unbase64Url(*cursor);
        const Poco::StringTokenizer parts(decoded.value_or(""), ":");
        Poco::Int64 k = 0, id = 0;
        if (!decoded || parts.count() != 4 || parts[0] != "c1" || parts[1] != sort ||
            !Poco::NumberParser::tryParse64(parts[2], k) || !Poco::NumberParser::tryParse64(parts[3], id))
            errors.add("cursor", "invalid", "not a cursor of this listing and sort; start again without it");
        else
            q.after = GapCursor{k, id};
    }
    errors.throwIfAny("the list request is not valid");
    return request;
}

std::string encodeCursor(const std::string& sort, const GapCursor& cursor) {
    return base64Url("c1:" + sort + ":" + std::to_string(cursor.key) + ":" + std::to_string(cursor.id));
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

void writeEventHead(JsonWriter& out, std::int64_t sequence, std::int64_t at, std::int64_t actorId,
                    const std::string& actorName, const std::string& clientAddress, const std::string& type) {
    out.field("sequence", sequence);
    writeTime(out, "at", at);
    writeUserRef(out, "actor", actorId, actorName);
    out.field("client_address", clientAddress).field("type", type);
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

void writeTransitions(JsonWriter& out, const std::vector<const LifecycleTransition*>& available) {
    out.beginArray();
    for (const LifecycleTransition* t : available) {
        out.beginObject()
            .field("name", t->name)
            .field("label_fa", t->labelFa)
            .field("label_en", t->labelEn)
            .field("to", t->to)
            .key("requires");
        writeStrings(out, t->requirements);
        out.key("accepts");
        writeStrings(out, t->fields);
        out.endObject();
    }
    out.endArray();
}

void writeGap(JsonWriter& out, const Gap& gap, const Lifecycle& lifecycle, const Catalog& catalog,
              const std::vector<const LifecycleTransition*>& available, bool editable, std::int64_t now,
              const std::function<void(JsonWriter&)>& extra) {
    const GapFields& f = gap.fields;
    out.beginObject()
        .field("id", gap.id)
        .field("reference", gap.reference)
        .field("title", f.title)
        .field("description", f.description)
        .field("kind", f.kind)
        .field("category", f.category);
    if (const LabelledSlug* c = catalog.findCategory(f.category))
        out.field("category_fa", c->labelFa).field("category_en", c->labelEn);
    out.key("provisions").beginArray();
    for (const auto& p : f.provisions)
        out.beginObject().field("law", p.law).field("article", p.article).endObject();
    out.endArray().field("municipality", f.municipality);
    if (const Municipality* m = catalog.findMunicipality(f.municipality))
        out.field("municipality_fa", m->nameFa).field("municipality_en", m->nameEn);
    out.key("co_reporting_municipalities");
    writeStrings(out, gap.coReporters);
    out.field("priority", f.priority)
        .field("confidential", f.confidential)
        .key("impact")
        .beginObject()
        .field("pending_lawsuits", f.impact.pendingLawsuits)
        .field("exposure_rials", f.impact.exposureRials)
        .endObject()
        .key("state");
    writeState(out, lifecycle, gap.state);
    out.field("version", gap.version);
    writeUserRef(out, "created_by", gap.createdBy, gap.createdByName);
    writeTime(out, "created_at", gap.createdAt);
    writeTime(out, "updated_at", gap.updatedAt);
    writeDue(out, gap.dueAt, now);
    out.field("editable", editable).key("available_transitions");
    writeTransitions(out, available);
    if (extra) extra(out);
    out.endObject();
}

void writeEvent(JsonWriter& out, const GapEvent& e, const Lifecycle& lifecycle) {
    out.beginObject();
    writeEventHead(out, e.sequence, e.at, e.actorId, e.actorName, e.clientAddress, e.type);
    out.key("changes")
        .raw(e.changesJson)  // stored as JSON by the service, written as it is
        .key("from_state");
    writeState(out, lifecycle, e.fromState);
    out.key("to_state");
    writeState(out, lifecycle, e.toState);
    if (!e.transition.empty()) out.field("transition", e.transition);
    if (!e.comment.empty()) out.field("comment", e.comment);
    out.key("fields").raw(e.fieldsJson).endObject();
}

void writeUser(JsonWriter& out, const User& user, bool withCreated) {
    out.beginObject().field("id", user.id).field("username", user.username).key("roles");
    writeStrings(out, user.roles);
    out.key("municipality");
    if (user.municipality)
        out.value(*user.municipality);
    else
        out.null();
    if (withCreated) writeTime(out, "created_at", user.createdAt);
    out.endObject();
}

void writeWorkflow(JsonWriter& out, const Workflow& wf) {
    out.beginObject().field("name", wf.name).field("initial", wf.initial).key("states").beginArray();
    for (const auto& s : wf.states) {
        out.beginObject()
            .field("name", s.name)
            .field("label_fa", s.labelFa)
            .field("label_en", s.labelEn)
            .field("terminal", s.terminal)
            .field("editable", s.editable)
            .field("drafts", s.drafts);
        const auto writeSla = [&](const Sla& sla) {
            out.beginObject().field(sla.workingDays ? "working_days" : "days", sla.days).endObject();
        };
        if (s.sla) {
            out.key("sla");
            writeSla(*s.sla);
        }
        if (!s.slaByUrgency.empty()) {
            out.key("sla_by_urgency").beginObject();
            for (const auto& [urgency, sla] : s.slaByUrgency) {
                out.key(urgency);
                writeSla(sla);
            }
            out.endObject();
        }
        if (s.extensionDays) out.field("extension_days", *s.extensionDays);
        out.endObject();
    }
    out.endArray().key("transitions").beginArray();
    for (const auto& t : wf.transitions) {
        out.beginObject()
            .field("name", t.name)
            .field("label_fa", t.labelFa)
            .field("label_en", t.labelEn)
            .key("from");
        writeStrings(out, t.from);
        out.field("to", t.to).key("roles");
        writeStrings(out, t.roles);
        out.key("requires");
        writeStrings(out, t.requirements);
        out.key("accepts");
        writeStrings(out, t.fields);
        out.endObject();
    }
    out.endArray().endObject();
}

void writeMunicipality(JsonWriter& out, const Municipality& m) {
    out.beginObject().field("slug", m.slug).field("name_fa", m.nameFa).field("name_en", m.nameEn).endObject();
}

void writeCategory(JsonWriter& out, const LabelledSlug& c) {
    out.beginObject()
        .field("slug", c.slug)
        .field("label_fa", c.labelFa)
        .field("label_en", c.labelEn)
        .endObject();
}

}  // namespace lacuna
