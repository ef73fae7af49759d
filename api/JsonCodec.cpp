#include "JsonCodec.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <sstream>

#include "Errors.h"
#include "JalaliDate.h"
#include "JsonReader.h"

namespace lacuna {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr newObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

/// Reads typed members of one JSON object, collecting every problem under its JSON path.
class Members {
public:
    Members(const Object::Ptr& object, FieldErrors& errors, std::string prefix = "")
        : _object(object), _errors(errors), _prefix(std::move(prefix)) {}

    std::string path(const std::string& key) const { return _prefix.empty() ? key : _prefix + "." + key; }

    void allowOnly(std::initializer_list<const char*> allowed) {
        for (const auto& [key, value] : *_object)
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
                _errors.add(path(key), "unknown", "unknown or read-only field");
    }

    bool has(const std::string& key) const { return _object->has(key); }

    std::optional<std::string> text(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (!v.isString()) return wrong(key, "a string"), std::nullopt;
        return v.extract<std::string>();
    }

    std::optional<bool> boolean(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (v.type() != typeid(bool)) return wrong(key, "true or false"), std::nullopt;
        return v.extract<bool>();
    }

    std::optional<std::int64_t> integer(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (v.type() != typeid(Poco::Int64)) return wrong(key, "a whole number"), std::nullopt;
        return v.extract<Poco::Int64>();
    }

    Array::Ptr array(const std::string& key, bool required) {
        if (!present(key, required)) return nullptr;
        const Var v = _object->get(key);
        if (v.type() != typeid(Array::Ptr)) return wrong(key, "a list"), nullptr;
        return v.extract<Array::Ptr>();
    }

    Object::Ptr object(const std::string& key, bool required) {
        if (!present(key, required)) return nullptr;
        const Var v = _object->get(key);
        if (v.type() != typeid(Object::Ptr)) return wrong(key, "an object"), nullptr;
        return v.extract<Object::Ptr>();
    }

private:
    bool present(const std::string& key, bool required) {
        if (_object->has(key)) return true;
        if (required) _errors.add(path(key), "required", "missing");
        return false;
    }
    void wrong(const std::string& key, const std::string& expected) {
        _errors.add(path(key), "type", "must be " + expected);
    }

    Object::Ptr _object;
    FieldErrors& _errors;
    std::string _prefix;
};

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

std::optional<Impact> readImpact(Members& m, FieldErrors& errors) {
    const Object::Ptr object = m.object("impact", false);
    if (!object) return std::nullopt;
    Members i(object, errors, "impact");
    i.allowOnly({"pending_lawsuits", "exposure_rials"});
    return Impact{i.integer("pending_lawsuits", false).value_or(0),
                  i.integer("exposure_rials", false).value_or(0)};
}

Var parsedJson(const std::string& text) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(text);
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

void setTime(Object& object, const std::string& name, std::int64_t epochMs) {
    object.set(name, formatIsoUtc(epochMs));
    object.set(name + "_jalali", formatJalali(jalaliDateInIran(epochMs)));
}

namespace {
Var encodeState(const Lifecycle& lifecycle, const std::string& name) {
    if (name.empty()) return Var();  // the `created` event comes from no state
    Object::Ptr state = newObject();
    state->set("name", name);
    const LifecycleState& s = lifecycle.state(name);
    state->set("label_fa", s.labelFa);
    state->set("label_en", s.labelEn);
    state->set("terminal", s.terminal);
    return state;
}

Array::Ptr stringArray(const std::vector<std::string>& values) {
    Array::Ptr out = new Array();
    for (const auto& v : values) out->add(v);
    return out;
}
}  // namespace

Object::Ptr encodeGap(const Gap& gap, const Lifecycle& lifecycle, const Catalog& catalog,
                      const std::vector<const LifecycleTransition*>& available, bool editable) {
    Object::Ptr o = newObject();
    const GapFields& f = gap.fields;
    o->set("id", gap.id);
    o->set("reference", gap.reference);
    o->set("title", f.title);
    o->set("description", f.description);
    o->set("kind", f.kind);
    o->set("category", f.category);
    if (const LabelledSlug* c = catalog.findCategory(f.category)) {
        o->set("category_fa", c->labelFa);
        o->set("category_en", c->labelEn);
    }
    Array::Ptr provisions = new Array();
    for (const auto& p : f.provisions) {
        Object::Ptr po = newObject();
        po->set("law", p.law);
        po->set("article", p.article);
        provisions->add(po);
    }
    o->set("provisions", provisions);
    o->set("municipality", f.municipality);
    if (const Municipality* m = catalog.findMunicipality(f.municipality)) {
        o->set("municipality_fa", m->nameFa);
        o->set("municipality_en", m->nameEn);
    }
    o->set("priority", f.priority);
    o->set("confidential", f.confidential);
    Object::Ptr impact = newObject();
    impact->set("pending_lawsuits", f.impact.pendingLawsuits);
    impact->set("exposure_rials", f.impact.exposureRials);
    o->set("impact", impact);
    o->set("state", encodeState(lifecycle, gap.state));
    o->set("version", gap.version);
    Object::Ptr createdBy = newObject();
    createdBy->set("id", gap.createdBy);
    createdBy->set("username", gap.createdByName);
    o->set("created_by", createdBy);
    setTime(*o, "created_at", gap.createdAt);
    setTime(*o, "updated_at", gap.updatedAt);
    o->set("editable", editable);
    Array::Ptr transitions = new Array();
    for (const LifecycleTransition* t : available) {
        Object::Ptr to = newObject();
        to->set("name", t->name);
        to->set("label_fa", t->labelFa);
        to->set("label_en", t->labelEn);
        to->set("to", t->to);
        to->set("requires", stringArray(t->requirements));
        transitions->add(to);
    }
    o->set("available_transitions", transitions);
    return o;
}

Object::Ptr encodeEvent(const GapEvent& e, const Lifecycle& lifecycle) {
    Object::Ptr o = newObject();
    o->set("sequence", e.sequence);
    setTime(*o, "at", e.at);
    Object::Ptr actor = newObject();
    actor->set("id", e.actorId);
    actor->set("username", e.actorName);
    o->set("actor", actor);
    o->set("client_address", e.clientAddress);
    o->set("type", e.type);
    o->set("changes", parsedJson(e.changesJson));
    o->set("from_state", encodeState(lifecycle, e.fromState));
    o->set("to_state", encodeState(lifecycle, e.toState));
    if (!e.transition.empty()) o->set("transition", e.transition);
    if (!e.comment.empty()) o->set("comment", e.comment);
    o->set("fields", parsedJson(e.fieldsJson));
    return o;
}

Object::Ptr encodeUser(const User& user) {
    Object::Ptr o = newObject();
    o->set("id", user.id);
    o->set("username", user.username);
    o->set("roles", stringArray(user.roles));
    if (user.municipality)
        o->set("municipality", *user.municipality);
    else
        o->set("municipality", Var());
    setTime(*o, "created_at", user.createdAt);
    return o;
}

Object::Ptr encodeWorkflow(const Workflow& wf) {
    Object::Ptr o = newObject();
    o->set("name", wf.name);
    o->set("initial", wf.initial);
    Array::Ptr states = new Array();
    for (const auto& s : wf.states) {
        Object::Ptr so = newObject();
        so->set("name", s.name);
        so->set("label_fa", s.labelFa);
        so->set("label_en", s.labelEn);
        so->set("terminal", s.terminal);
        so->set("editable", s.editable);
        if (s.slaDays) so->set("sla_days", *s.slaDays);
        states->add(so);
    }
    o->set("states", states);
    Array::Ptr transitions = new Array();
    for (const auto& t : wf.transitions) {
        Object::Ptr to = newObject();
        to->set("name", t.name);
        to->set("label_fa", t.labelFa);
        to->set("label_en", t.labelEn);
        to->set("from", stringArray(t.from));
        to->set("to", t.to);
        to->set("roles", stringArray(t.roles));
        to->set("requires", stringArray(t.requirements));
        transitions->add(to);
    }
    o->set("transitions", transitions);
    return o;
}

Object::Ptr encodeMunicipality(const Municipality& m) {
    Object::Ptr o = newObject();
    o->set("slug", m.slug);
    o->set("name_fa", m.nameFa);
    o->set("name_en", m.nameEn);
    return o;
}

}  // namespace lacuna
