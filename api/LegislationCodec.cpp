#include "LegislationCodec.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/NumberParser.h>

#include <cmath>
#include <cstdio>

#include "Errors.h"
#include "JalaliDate.h"
#include "JsonCodec.h"
#include "JsonMembers.h"
#include "SearchText.h"

namespace lacuna {
namespace {

using Poco::JSON::Object;

/// An ISO 8601 instant (with a zone) → UTC ms.
std::optional<std::int64_t> readInstant(Members& m, FieldErrors& errors, const std::string& key,
                                        bool required) {
    const auto text = m.text(key, required);
    if (!text) return std::nullopt;
    Poco::DateTime parsed;
    int zone = 0;
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, *text, parsed, zone) &&
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, *text, parsed, zone)) {
        errors.add(m.path(key), "format", "an ISO 8601 time such as 2026-12-01T09:30:00+03:30");
        return std::nullopt;
    }
    parsed.makeUTC(zone);
    return parsed.timestamp().epochMicroseconds() / 1000;
}

std::string isoDate(const GregorianDate& g) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", g.year, g.month, g.day);
    return text;
}

void writeVoteTally(JsonWriter& out, const MeetingItem& item) {
    std::map<std::string, int> counts;
    for (const auto& v : votes::values()) counts[v] = 0;
    for (const auto& v : item.votes) ++counts[v.vote];
    out.key("tally").beginObject();
    for (const auto& [vote, n] : counts) out.field(vote, n);
    out.endObject();
}

}  // namespace

DraftInput decodeDraft(const Object::Ptr& body) {
    return decodeBody(body, {"text", "rationale", "provisions", "expected_version"}, "the draft is not valid",
                      [&](Members& m) {
                          FieldErrors& errors = m.errors();
                          DraftInput in;
                          in.text = m.text("text", true).value_or("");
                          in.rationale = m.text("rationale", true).value_or("");
                          in.provisions = readProvisions(m, errors, false).value_or(std::vector<Provision>{});
                          return in;
                      });
}

MeetingInput decodeMeeting(const Object::Ptr& body) {
    return decodeBody(body, {"scheduled_at", "place", "agenda"}, "the meeting is not valid", [&](Members& m) {
        FieldErrors& errors = m.errors();
        MeetingInput in;
        in.scheduledAt = readInstant(m, errors, "scheduled_at", true).value_or(0);
        in.place = m.text("place", true).value_or("");
        in.agenda = m.strings("agenda", false, true).value_or(std::vector<std::string>{});
        return in;
    });
}

MeetingPatch decodeMeetingPatch(const Object::Ptr& body) {
    return decodeBody(body, {"scheduled_at", "place", "agenda", "present", "state", "expected_version"},
                      "the meeting change is not valid", [&](Members& m) {
                          FieldErrors& errors = m.errors();
                          MeetingPatch p;
                          p.scheduledAt = readInstant(m, errors, "scheduled_at", false);
                          p.place = m.text("place", false);
                          p.agenda = m.strings("agenda", false, true);
                          p.present = m.strings("present", false);
                          p.state = m.text("state", false);
                          return p;
                      });
}

std::string decodeVote(const Object::Ptr& body) {
    return decodeBody(body, {"vote"}, "the vote is not valid", [&](Members& m) {
        const std::string vote = m.text("vote", true).value_or("");
        return vote;
    });
}

std::pair<std::string, std::string> decodeDecision(const Object::Ptr& body) {
    return decodeBody(
        body, {"decision", "comment", "expected_version"}, "the decision is not valid", [&](Members& m) {
            auto result =
                std::make_pair(m.text("decision", true).value_or(""), m.text("comment", false).value_or(""));
            return result;
        });
}

BillInput decodeBill(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "channel", "registration_no", "lead_commission", "advisory_commissions",
                       "urgency", "gaps", "sponsors"},
                      "the bill is not valid", [&](Members& m) {
                          FieldErrors& errors = m.errors();
                          BillInput in;
                          in.title = m.text("title", true).value_or("");
                          in.channel = m.text("channel", true).value_or("");
                          in.registrationNo = m.text("registration_no", false).value_or("");
                          in.leadCommission = m.text("lead_commission", true).value_or("");
                          in.advisoryCommissions =
                              m.strings("advisory_commissions", false).value_or(std::vector<std::string>{});
                          in.urgency = m.text("urgency", false).value_or("ordinary");
                          in.gaps = m.strings("gaps", true, true).value_or(std::vector<std::string>{});
                          if (const auto sponsors = m.array("sponsors", false)) {
                              for (std::size_t i = 0; i < sponsors->size(); ++i) {
                                  const std::string at = "sponsors[" + std::to_string(i) + "]";
                                  const Poco::Dynamic::Var item = sponsors->get(static_cast<unsigned>(i));
                                  if (item.type() != typeid(Object::Ptr)) {
                                      errors.add(at, "type", "must be an object {name, constituency}");
                                      continue;
                                  }
                                  Members s(item.extract<Object::Ptr>(), errors, at);
                                  s.allowOnly({"name", "constituency"});
                                  in.sponsors.push_back({s.text("name", true).value_or(""),
                                                         s.text("constituency", false).value_or("")});
                              }
                          }
                          return in;
                      });
}

BillPatch decodeBillPatch(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "registration_no", "lead_commission", "advisory_commissions", "urgency",
                       "expected_version"},
                      "the bill change is not valid", [&](Members& m) {
                          BillPatch p;
                          p.title = m.text("title", false);
                          p.registrationNo = m.text("registration_no", false);
                          p.leadCommission = m.text("lead_commission", false);
                          p.advisoryCommissions = m.strings("advisory_commissions", false);
                          p.urgency = m.text("urgency", false);
                          return p;
                      });
}

SponsorInput decodeSponsor(const Object::Ptr& body) {
    return decodeBody(
        body, {"name", "constituency", "expected_version"}, "the sponsor is not valid", [&](Members& m) {
            SponsorInput in{m.text("name", true).value_or(""), m.text("constituency", false).value_or("")};
            return in;
        });
}

ObjectionInput decodeObjection(const Object::Ptr& body) {
    return decodeBody(
        body, {"article", "type", "text", "expected_version"}, "the objection is not valid", [&](Members& m) {
            ObjectionInput in{m.text("article", true).value_or(""), m.text("type", true).value_or(""),
                              m.text("text", true).value_or("")};
            return in;
        });
}

ObjectionAnswer decodeObjectionAnswer(const Object::Ptr& body) {
    return decodeBody(body, {"response", "resolved", "expected_version"}, "the answer is not valid",
                      [&](Members& m) {
                          ObjectionAnswer a{m.text("response", false), m.boolean("resolved", false)};
                          return a;
                      });
}

std::pair<std::string, std::string> decodePosition(const Object::Ptr& body) {
    return decodeBody(body, {"position", "note"}, "the position is not valid", [&](Members& m) {
        auto result =
            std::make_pair(m.text("position", true).value_or(""), m.text("note", false).value_or(""));
        return result;
    });
}

std::string decodeComment(const Object::Ptr& body) {
    return decodeBody(body, {"comment", "expected_version"}, "the request is not valid", [&](Members& m) {
        const std::string comment = m.text("comment", false).value_or("");
        return comment;
    });
}

std::pair<std::string, std::vector<std::string>> decodeWebhook(const Object::Ptr& body) {
    return decodeBody(body, {"url", "events"}, "the subscription is not valid", [&](Members& m) {
        auto result = std::make_pair(m.text("url", true).value_or(""),
                                     m.strings("events", true).value_or(std::vector<std::string>{}));
        return result;
    });
}

std::vector<std::int64_t> decodeMarkRead(const Object::Ptr& body) {
    return decodeBody(body, {"ids", "all"}, "the request is not valid", [&](Members& m) {
        FieldErrors& errors = m.errors();
        std::vector<std::int64_t> ids;
        const auto all = m.boolean("all", false);
        if (const auto list = m.array("ids", false)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const Poco::Dynamic::Var v = list->get(static_cast<unsigned>(i));
                if (v.type() == typeid(Poco::Int64) && v.extract<Poco::Int64>() > 0)
                    ids.push_back(v.extract<Poco::Int64>());
                else
                    errors.add("ids[" + std::to_string(i) + "]", "type", "must be a notification id");
            }
            if (ids.empty() && errors.empty())
                errors.add("ids", "empty", "name at least one notification, or all: true");
        } else if (!all || !*all) {
            errors.add("ids", "required", "the notifications to mark read, or all: true");
        }
        return ids;
    });
}

std::int64_t decodeWindow(const std::string& field, const std::string& text) {
    std::int64_t n = 0;
    const char unit = text.empty() ? '\0' : text.back();
    if ((unit == 'd' || unit == 'h') && Poco::NumberParser::tryParse64(text.substr(0, text.size() - 1), n) &&
        n >= 0 && n <= 10000)
        return n * (unit == 'd' ? 24 : 1) * 60 * 60 * 1000;
    throw ValidationError("bad window", {{field, "format", "a number of days or hours, such as 7d or 48h"}});
}

std::int64_t decodePositive(const std::string& field, const std::string& text) {
    std::int64_t n = 0;
    if (!Poco::NumberParser::tryParse64(text, n) || n < 1)
        throw ValidationError("bad number", {{field, "format", "a positive whole number"}});
    return n;
}

RulingInput decodeRuling(const Object::Ptr& body) {
    return decodeBody(body,
                      {"court", "branch", "number", "decided_on", "municipality", "outcome", "summary",
                       "full_text", "provisions"},
                      "the ruling is not valid", [&](Members& m) {
                          RulingInput in;
                          in.court = m.text("court", true).value_or("");
                          in.branch = m.text("branch", false).value_or("");
                          in.number = m.text("number", true).value_or("");
                          in.decidedOn = m.text("decided_on", true).value_or("");
                          in.municipality = m.text("municipality", true).value_or("");
                          in.outcome = m.text("outcome", true).value_or("");
                          in.summary = m.text("summary", true).value_or("");
                          in.fullText = m.text("full_text", false).value_or("");
                          in.provisions =
                              readProvisions(m, m.errors(), false).value_or(std::vector<Provision>{});
                          return in;
                      });
}

std::pair<std::string, std::string> decodeRulingLink(const Object::Ptr& body) {
    return decodeBody(body, {"gap", "note", "expected_version"}, "the link is not valid", [&](Members& m) {
        return std::make_pair(m.text("gap", true).value_or(""), m.text("note", false).value_or(""));
    });
}

namespace {

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

}  // namespace

OpinionInput decodeOpinion(const Object::Ptr& body) {
    return decodeBody(body, {"title", "question", "provisions", "gaps", "rulings"},
                      "the question is not valid", [&](Members& m) {
                          OpinionInput in;
                          in.title = m.text("title", true).value_or("");
                          in.question = m.text("question", true).value_or("");
                          in.provisions =
                              readProvisions(m, m.errors(), false).value_or(std::vector<Provision>{});
                          in.gaps = m.strings("gaps", false, true).value_or(std::vector<std::string>{});
                          in.rulings = readIds(m, "rulings");
                          return in;
                      });
}

std::pair<std::string, std::vector<Provision>> decodeOpinionText(const Object::Ptr& body) {
    return decodeBody(
        body, {"text", "provisions", "expected_version"}, "the text is not valid", [&](Members& m) {
            return std::make_pair(m.text("text", true).value_or(""),
                                  readProvisions(m, m.errors(), false).value_or(std::vector<Provision>{}));
        });
}

std::pair<std::vector<std::string>, std::vector<std::int64_t>> decodeOpinionLinks(const Object::Ptr& body) {
    return decodeBody(
        body, {"gaps", "rulings", "expected_version"}, "the links are not valid", [&](Members& m) {
            return std::make_pair(m.strings("gaps", false, true).value_or(std::vector<std::string>{}),
                                  readIds(m, "rulings"));
        });
}

void writeOpinion(JsonWriter& out, const Opinion& o, const Lifecycle& lifecycle,
                  const std::vector<const LifecycleTransition*>& available, std::int64_t now) {
    out.beginObject()
        .field("id", o.id)
        .field("reference", o.reference)
        .field("title", o.title)
        .field("municipality", o.municipality);
    writeUserRef(out, "asked_by", o.askedBy, o.askedByName);
    out.field("assignee", o.assignee).key("state");
    writeState(out, lifecycle, o.state);
    out.field("version", o.version);
    writeDue(out, o.dueAt, now);
    if (o.publishedAt) writeTime(out, "published_at", *o.publishedAt);
    writeTime(out, "created_at", o.createdAt);
    writeTime(out, "updated_at", o.updatedAt);
    for (const char* kind : {"question", "answer"}) {
        out.key(kind);
        const OpinionText* t = o.latest(kind);
        if (!t) {
            out.null();
            continue;
        }
        out.beginObject().field("version", t->version).field("text", t->text).key("provisions").beginArray();
        for (const auto& p : t->provisions)
            out.beginObject()
                .field("law", p.law)
                .field("article", p.article)
                .field("key", provisionKey(p))
                .endObject();
        out.endArray().field("author", t->authorName);
        writeTime(out, "at", t->createdAt);
        out.endObject();
    }
    out.key("versions").beginArray();
    for (const OpinionText& t : o.texts) {
        out.beginObject().field("kind", t.kind).field("version", t.version).field("author", t.authorName);
        writeTime(out, "at", t.createdAt);
        out.endObject();
    }
    out.endArray().key("gaps").beginArray();
    for (const auto id : o.gapIds) out.value(id);
    out.endArray().key("rulings").beginArray();
    for (const auto id : o.rulingIds) out.value(id);
    out.endArray().key("available_transitions");
    writeTransitions(out, available);
    out.endObject();
}

GapFields decodeSimilar(const Object::Ptr& body) {
    // The whole report form may be sent as it is; only the text and provisions are compared.
    return decodeBody(body,
                      {"title", "description", "provisions", "kind", "category", "priority", "confidential",
                       "impact", "municipality"},
                      "the request is not valid", [&](Members& m) {
                          GapFields f;
                          f.title = m.text("title", false).value_or("");
                          f.description = m.text("description", false).value_or("");
                          f.provisions =
                              readProvisions(m, m.errors(), false).value_or(std::vector<Provision>{});
                          return f;
                      });
}

void writeGapSummary(JsonWriter& out, const GapSummary& g) {
    out.beginObject()
        .field("id", g.id)
        .field("reference", g.reference)
        .field("title", g.title)
        .field("municipality", g.municipality)
        .field("state", g.state)
        .endObject();
}

void writeRuling(JsonWriter& out, const Ruling& r, const Catalog& catalog) {
    out.beginObject()
        .field("id", r.id)
        .field("reference", "R-" + std::to_string(r.id))
        .field("court", r.court)
        .field("branch", r.branch)
        .field("number", r.number)
        .field("decided_on_jalali", formatJalali(r.decidedOn))
        .field("decided_on", isoDate(toGregorian(r.decidedOn)))
        .field("municipality", r.municipality);
    if (const Municipality* m = catalog.findMunicipality(r.municipality))
        out.field("municipality_fa", m->nameFa).field("municipality_en", m->nameEn);
    out.field("outcome", r.outcome)
        .field("summary", r.summary)
        .field("full_text", r.fullText)
        .key("provisions")
        .beginArray();
    for (const auto& p : r.provisions)
        out.beginObject()
            .field("law", p.law)
            .field("article", p.article)
            .field("key", provisionKey(p))
            .endObject();
    out.endArray().field("version", r.version);
    writeTime(out, "created_at", r.createdAt);
    out.key("gaps").beginArray();
    for (const RulingLink& l : r.gaps) {
        out.beginObject()
            .field("id", l.gapId)
            .field("reference", l.gapReference)
            .field("title", l.gapTitle)
            .field("note", l.note)
            .field("linked_by", l.linkedBy);
        writeTime(out, "linked_at", l.linkedAt);
        out.endObject();
    }
    out.endArray().endObject();
}

void writeProvisionPage(JsonWriter& out, const ProvisionPage& page, const Catalog& catalog) {
    out.beginObject().field("key", page.key).key("gaps").beginArray();
    for (const auto& g : page.gaps) writeGapSummary(out, g);
    out.endArray().key("drafts").beginArray();
    for (const auto& [gap, version] : page.drafts) {
        out.beginObject().key("gap");
        writeGapSummary(out, gap);
        out.field("latest_version", version).endObject();
    }
    out.endArray().key("rulings").beginArray();
    for (const auto& r : page.rulings) writeRuling(out, r, catalog);
    out.endArray().key("opinions").beginArray();
    for (const auto& o : page.opinions) writeGapSummary(out, o);
    out.endArray().endObject();
}

void writeSearchPage(JsonWriter& out, const SearchPage& page) {
    out.beginObject().key("terms");
    writeStrings(out, page.terms);
    out.field("total", static_cast<std::int64_t>(page.total))
        .field("total_is_lower_bound", page.totalIsLowerBound)
        .key("items")
        .beginArray();
    for (const SearchResult& r : page.items) {
        out.beginObject()
            .field("type", r.doc.type)
            .field("id", r.doc.id)
            .field("reference", r.doc.reference)
            .field("title", r.doc.title)
            .field("municipality", r.doc.municipality);
        if (r.doc.type != "ruling") out.field("state", r.doc.state);
        if (r.doc.type == "gap" || r.doc.type == "draft") out.field("gap_id", r.doc.gapId);
        if (r.doc.type == "ruling") out.field("court", r.doc.court).field("outcome", r.doc.outcome);
        out.field("score", static_cast<std::int64_t>(std::llround(r.score * 1000)))
            .field("snippet", r.snippet)
            .endObject();
    }
    out.endArray().endObject();
}

void writeSimilar(JsonWriter& out, const std::vector<SimilarGap>& similar) {
    out.beginArray();
    for (const SimilarGap& s : similar) {
        out.beginObject()
            .field("id", s.gap.id)
            .field("reference", s.gap.reference)
            .field("title", s.gap.title)
            .field("municipality", s.gap.municipality)
            .field("state", s.gap.state)
            .field("score", static_cast<std::int64_t>(std::llround(s.score * 100)))
            .key("shared_provisions");
        writeStrings(out, s.sharedProvisions);
        out.endObject();
    }
    out.endArray();
}

void writeDraft(JsonWriter& out, const Draft& d, bool withText) {
    out.beginObject().field("gap_id", d.gapId).field("version", d.version);
    if (withText) out.field("text", d.text).field("rationale", d.rationale);
    out.key("provisions").beginArray();
    for (const auto& p : d.provisions)
        out.beginObject().field("law", p.law).field("article", p.article).endObject();
    out.endArray();
    writeUserRef(out, "author", d.authorId, d.authorName);
    writeTime(out, "created_at", d.createdAt);
    out.endObject();
}

void writeDiff(JsonWriter& out, const DraftDiff& diff) {
    const auto ops = [&](const std::vector<DiffOp>& list) {
        out.beginArray();
        for (const DiffOp& op : list)
            out.beginObject().field("op", diffKindName(op.kind)).field("text", op.text).endObject();
        out.endArray();
    };
    out.beginObject().field("from", diff.from.version).field("to", diff.to.version).key("text");
    ops(diff.text);
    out.key("rationale");
    ops(diff.rationale);
    out.endObject();
}

void writeMeeting(JsonWriter& out, const Meeting& m, const MeetingService& service, const Catalog& catalog) {
    out.beginObject().field("id", m.id).field("reference", "M-" + std::to_string(m.id));
    writeTime(out, "scheduled_at", m.scheduledAt);
    out.field("place", m.place).field("state", m.state).field("version", m.version);
    writeUserRef(out, "created_by", m.createdBy, m.createdByName);
    writeTime(out, "created_at", m.createdAt);
    writeTime(out, "updated_at", m.updatedAt);
    const CommitteeRules& rules = service.rules();
    out.key("rules")
        .beginObject()
        .field("members", static_cast<std::int64_t>(rules.members.size()))
        .field("quorum_needed", rules.quorumNeeded())
        .endObject();
    out.key("present").beginArray();
    for (const auto& city : m.present) {
        out.beginObject().field("municipality", city);
        if (const Municipality* mu = catalog.findMunicipality(city))
            out.field("name_fa", mu->nameFa).field("name_en", mu->nameEn);
        out.endObject();
    }
    out.endArray().key("agenda").beginArray();
    for (const MeetingItem& item : m.items) {
        out.beginObject()
            .field("gap_id", item.gapId)
            .field("gap_reference", item.gapReference)
            .field("gap_title", item.gapTitle)
            .field("gap_municipality", item.gapMunicipality)
            .key("votes")
            .beginArray();
        for (const MeetingVote& v : item.votes) {
            out.beginObject()
                .field("municipality", v.municipality)
                .field("vote", v.vote)
                .field("voter", v.voterName);
            writeTime(out, "at", v.at);
            out.endObject();
        }
        out.endArray();
        writeVoteTally(out, item);
        out.key("decision");
        if (item.decision.empty()) {
            out.null();
        } else {
            out.beginObject()
                .field("decision", item.decision)
                .field("by", item.decidedBy)
                .field("note", item.note);
            writeTime(out, "at", item.decidedAt);
            out.endObject();
        }
        out.key("standing").beginObject();
        for (const char* decision : {"approve", "reject", "revise"}) {
            const QuorumCheck c = service.check(m, item, decision);
            out.key(decision)
                .beginObject()
                .field("votes_for", c.votesFor)
                .field("votes_needed", c.votesNeeded)
                .field("quorum", c.hasQuorum())
                .field("carried", c.carried())
                .endObject();
        }
        out.endObject().endObject();
    }
    out.endArray().endObject();
}

void writeBill(JsonWriter& out, const Bill& b, const Lifecycle& lifecycle, const Catalog& catalog,
               const std::vector<const LifecycleTransition*>& available, std::int64_t now) {
    out.beginObject()
        .field("id", b.id)
        .field("reference", b.reference)
        .field("title", b.title)
        .field("channel", b.channel)
        .field("registration_no", b.registrationNo)
        .field("lead_commission", b.leadCommission)
        .key("advisory_commissions");
    writeStrings(out, b.advisoryCommissions);
    out.field("urgency", b.urgency).key("state");
    writeState(out, lifecycle, b.state);
    out.field("version", b.version);
    writeDue(out, b.dueAt, now);
    out.field("extensions", b.extensions);
    writeUserRef(out, "created_by", b.createdBy, b.createdByName);
    writeTime(out, "created_at", b.createdAt);
    writeTime(out, "updated_at", b.updatedAt);
    out.key("gaps").beginArray();
    for (const BillGap& g : b.gaps)
        out.beginObject()
            .field("id", g.gapId)
            .field("reference", g.reference)
            .field("title", g.title)
            .field("municipality", g.municipality)
            .endObject();
    out.endArray()
        .field("active_sponsors", static_cast<std::int64_t>(b.activeSponsors()))
        .key("sponsors")
        .beginArray();
    for (std::size_t i = 0; i < b.sponsors.size(); ++i) {
        const Sponsor& s = b.sponsors[i];
        out.beginObject()
            .field("number", static_cast<std::int64_t>(i + 1))
            .field("name", s.name)
            .field("constituency", s.constituency);
        writeTime(out, "signed_at", s.signedAt);
        if (s.withdrawnAt) writeTime(out, "withdrawn_at", *s.withdrawnAt);
        out.field("active", !s.withdrawnAt).endObject();
    }
    out.endArray().key("objections").beginArray();
    for (const Objection& o : b.objections) {
        out.beginObject()
            .field("number", o.number)
            .field("article", o.article)
            .field("type", o.type)
            .field("text", o.text)
            .field("response", o.response)
            .field("resolved", o.resolved);
        writeTime(out, "raised_at", o.raisedAt);
        if (o.resolvedAt) writeTime(out, "resolved_at", *o.resolvedAt);
        out.endObject();
    }
    out.endArray().key("positions").beginArray();
    for (const BillPosition& p : b.positions) {
        out.beginObject().field("municipality", p.municipality);
        if (const Municipality* mu = catalog.findMunicipality(p.municipality))
            out.field("name_fa", mu->nameFa).field("name_en", mu->nameEn);
        out.field("position", p.position).field("note", p.note).field("by", p.byName);
        writeTime(out, "at", p.at);
        out.endObject();
    }
    out.endArray().key("available_transitions");
    writeTransitions(out, available);
    out.endObject();
}

void writeRecordEvent(JsonWriter& out, const RecordEvent& e, const Lifecycle* lifecycle) {
    out.beginObject();
    writeEventHead(out, e.sequence, e.at, e.actorId, e.actorName, e.clientAddress, e.type);
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

void writeDeadline(JsonWriter& out, const Deadline& d, std::int64_t now) {
    out.beginObject()
        .field("type", d.item.entityType)
        .field("id", d.item.id)
        .field("reference", d.item.reference)
        .field("title", d.item.title);
    if (!d.item.municipality.empty()) out.field("municipality", d.item.municipality);
    out.field("state", d.item.state);
    writeDue(out, d.item.dueAt, now);
    out.key("roles");
    writeStrings(out, d.roles);
    out.field("actionable", d.actionable).endObject();
}

void writeInbox(JsonWriter& out, const Inbox& box, std::int64_t now) {
    out.beginObject().key("actions").beginArray();
    for (const InboxAction& a : box.actions) {
        out.beginObject()
            .field("kind", a.kind)
            .field("type", a.entityType)
            .field("id", a.entityId)
            .field("reference", a.reference)
            .field("title", a.title);
        if (!a.state.empty()) out.field("state", a.state);
        if (a.meetingId) out.field("meeting_id", a.meetingId);
        if (!a.transitions.empty()) {
            out.key("transitions");
            writeStrings(out, a.transitions);
        }
        writeDue(out, a.dueAt, now);
        out.endObject();
    }
    out.endArray().field("unread", static_cast<std::int64_t>(box.unread)).key("notifications").beginArray();
    for (const Notification& n : box.notifications) {
        out.beginObject()
            .field("id", n.id)
            .field("type", n.entityType)
            .field("entity_id", n.entityId)
            .field("reference", n.reference)
            .field("event", n.eventType)
            .field("summary", n.summary);
        writeTime(out, "at", n.at);
        out.field("read", n.readAt.has_value()).endObject();
    }
    out.endArray().endObject();
}

void writeSubscription(JsonWriter& out, const WebhookSubscription& s, bool withSecret) {
    out.beginObject().field("id", s.id).field("url", s.url).key("events");
    writeStrings(out, s.events);
    out.field("active", s.active);
    if (withSecret) out.field("secret", s.secret);
    writeTime(out, "created_at", s.createdAt);
    out.endObject();
}

void writeDelivery(JsonWriter& out, const WebhookDelivery& d) {
    out.beginObject()
        .field("id", d.id)
        .field("event", d.eventType)
        .field("state", d.state)
        .field("attempts", d.attempts)
        .field("last_status", d.lastStatus)
        .field("last_error", d.lastError);
    if (d.state == "pending") writeTime(out, "next_attempt_at", d.nextAttemptAt);
    if (d.deliveredAt) writeTime(out, "delivered_at", *d.deliveredAt);
    out.endObject();
}

}  // namespace lacuna
