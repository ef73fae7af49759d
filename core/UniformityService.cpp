#include "UniformityService.h"

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "EventData.h"
#include "GapVisibility.h"
#include "JsonText.h"
#include "PersianText.h"
#include "Roles.h"
#include "SearchText.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

/// Document frequencies are counted up to here: above it a word is simply "very common" (its IDF
/// is then that of this count), which keeps counting a word in most of a million gaps cheap.
constexpr std::int64_t DF_CAP = 20000;
/// How long a word found to reach DF_CAP is taken as still reaching it, and how many such are kept.
constexpr std::int64_t COMMON_WORD_KEEP_MS = 60000;
constexpr std::size_t COMMON_WORDS_KEPT = 4096;
/// How many of the rarest word's best documents a query considers per document type.
constexpr std::size_t CANDIDATES = 1000;
constexpr std::size_t MAX_TERMS = 8;
/// How much of a ruling's summary its alert carries, in letters.
constexpr std::size_t ALERT_SUMMARY_CHARS = 300;
/// Similar gaps: the words of the new gap that are looked up, how many gaps of each are read (and so
/// how far a word's gaps are counted), how many of the words count, and how many candidates are read
/// at once.
constexpr std::size_t SIMILAR_WORDS = 12;
constexpr std::size_t SIMILAR_POSTINGS = 100;
constexpr std::size_t SIMILAR_COUNTED = 10;
constexpr std::size_t SIMILAR_BATCH = 10;
const std::vector<std::string> SEARCH_TYPES = {"gap", "draft", "ruling", "opinion", "precedent"};

/// What the telling words give the gaps that hold them, and the most any gap can have of it.
struct WordScores {
    std::map<std::int64_t, double> scores;
    double self = 0;
    std::size_t counted = 0;
};

/// `weighted`: the gap's words; `found`: each word's best postings (their number is the word's
/// document frequency, up to SIMILAR_POSTINGS). The SIMILAR_COUNTED words that tell most (rare here,
/// weighty in this gap) count; a gap gets of each at most what the gap itself has of it.
WordScores scoreByWords(const std::vector<TermWeight>& weighted, const std::vector<TermPosting>& found) {
    std::vector<std::int64_t> df(weighted.size(), 0);
    for (const TermPosting& p : found) ++df[p.term];
    struct Telling {
        double score, idf;
        std::size_t word;
    };
    std::vector<Telling> telling;
    for (std::size_t i = 0; i < weighted.size(); ++i)
        if (df[i] > 0) {
            const double idf = inverseDocumentFrequency(df[i]);
            telling.push_back({idf * static_cast<double>(weighted[i].weight) / 1000.0, idf, i});
        }
    std::sort(telling.begin(), telling.end(), [](const Telling& a, const Telling& b) {
        return a.score != b.score ? a.score > b.score : a.word < b.word;
    });
    if (telling.size() > SIMILAR_COUNTED) telling.resize(SIMILAR_COUNTED);
    WordScores out;
    out.counted = telling.size();
    std::vector<const Telling*> byWord(weighted.size(), nullptr);
    for (const Telling& t : telling) out.self += t.score, byWord[t.word] = &t;
    for (const TermPosting& p : found)
        if (const Telling* t = byWord[p.term])
            out.scores[p.id] += std::min(t->score, t->idf * static_cast<double>(p.weight) / 1000.0);
    return out;
}

}  // namespace

namespace rulingvalues {
const std::vector<std::string>& outcomes() {
    static const std::vector<std::string> V = {"adverse", "favourable", "mixed"};
    return V;
}
}  // namespace rulingvalues

UniformityService::UniformityService(RulingRepository& rulings, SearchRepository& search,
                                     UserRepository& users, RecordEventRepository& events, GapService& gaps,
                                     const Catalog& catalog, const Clock& clock, GapLimits limits)
    : _rulings(rulings),
      _search(search),
      _users(users),
      _events(events),
      _gaps(gaps),
      _catalog(catalog),
      _clock(clock),
      _limits(limits),
      _commonWords(clock, COMMON_WORD_KEEP_MS, COMMON_WORDS_KEPT) {}

RulingAlert UniformityService::adverseAlert(const Ruling& r) {
    // A ruling against one city is used against every city: every legal director hears of it.
    RulingAlert alert;
    if (r.outcome != "adverse") return alert;
    for (const User& u : _users.list())
        if (contains(u.roles, std::string(roles::LEGAL_DIRECTOR))) alert.recipients.push_back(u.id);
    alert.summary = r.court + " — " + utf8Prefix(r.summary, ALERT_SUMMARY_CHARS);
    return alert;
}

RegisteredRuling UniformityService::registerRuling(const Principal& actor, const RulingInput& in) {
    FieldErrors errors;
    checkText(errors, "court", in.court, 200, true);
    checkText(errors, "branch", in.branch, 200, false);
    checkText(errors, "number", in.number, 100, true);
    checkText(errors, "summary", in.summary, 5000, true);
    checkText(errors, "full_text", in.fullText, 200000, false);
    if (!contains(rulingvalues::outcomes(), in.outcome))
        errors.add("outcome", "unknown", "one of adverse, favourable, mixed");
    if (!_catalog.findMunicipality(in.municipality))
        errors.add("municipality", "unknown", "not a municipality");
    checkProvisions(errors, "provisions", in.provisions, _limits.provisionsMax, _limits.lawMax,
                    _limits.articleMax);
    std::optional<JalaliDate> date;
    try {
        date = requireJalaliDate("decided_on", in.decidedOn);
    } catch (const ValidationError& e) {
        errors.add("decided_on", "format", "a Jalali date such as 1405-08-12");
    }
    errors.throwIfAny("the ruling is not valid");
    const bool committee = actor.hasRole(roles::COMMITTEE_SECRETARY);
    const bool ofCity = actor.municipality && *actor.municipality == in.municipality &&
                        (actor.hasRole(roles::LEGAL_DIRECTOR) || actor.hasRole(roles::LEGAL_EXPERT));
    if (!committee && !ofCity)
        throw Forbidden("a city's legal director or experts register its rulings; the secretary any city's");

    Ruling r;
    r.court = in.court;
    r.branch = in.branch;
    r.number = in.number;
    r.decidedOn = *date;
    r.municipality = in.municipality;
    r.outcome = in.outcome;
    r.summary = in.summary;
    r.fullText = in.fullText;
    r.provisions = in.provisions;
    r.createdBy = actor.userId;
    r.createdAt = r.updatedAt = _clock.nowMs();
    RecordEvent e = recordEvent(actor, "ruling", 0, "created", "", r.createdAt);
    e.dataJson = EventData()
                     .text("court", r.court)
                     .text("number", r.number)
                     .text("outcome", r.outcome)
                     .text("municipality", r.municipality)
                     .str();
    RegisteredRuling out;
    out.ruling = _rulings.create(r, e, adverseAlert(r));
    if (r.outcome == "adverse") out.relatedGaps = gapsOn(actor, r.provisions, 100);
    return out;
}

std::vector<GapSummary> UniformityService::gapsOn(const Principal& actor,
                                                  const std::vector<Provision>& provisions,
                                                  std::size_t limit) {
    std::vector<std::string> keys;
    for (const auto& p : provisions) keys.push_back(provisionKey(p));
    return gapsOnKeys(actor, keys, limit);
}

std::vector<GapSummary> UniformityService::gapsOnKeys(const Principal& actor,
                                                      const std::vector<std::string>& keys,
                                                      std::size_t limit) {
    std::vector<GapSummary> gaps = _rulings.gapsOnProvisions(keys, limit);
    std::erase_if(gaps, [&](const GapSummary& g) { return !visibility::mayKnowGap(actor, g.audience); });
    return gaps;
}

Ruling UniformityService::viewFor(const Principal& viewer, Ruling r) const {
    // A ruling is public; the gaps linked to it are named only to those who may know of them.
    std::erase_if(r.gaps,
                  [&](const RulingLink& l) { return !visibility::mayKnowGap(viewer, l.gapAudience); });
    return r;
}

Ruling UniformityService::ruling(const Principal& actor, std::int64_t id) {
    const auto r = _rulings.find(id);
    if (!r) throw NotFound("no ruling " + std::to_string(id));
    return viewFor(actor, *r);
}

std::vector<RecordEvent> UniformityService::rulingHistory(const Principal& actor, std::int64_t id) {
    ruling(actor, id);
    return _gaps.redactForViewer(actor, _events.history("ruling", id));
}

std::vector<Ruling> UniformityService::rulings(const Principal& actor, RulingQuery q) {
    FieldErrors errors;
    if (q.outcome && !contains(rulingvalues::outcomes(), *q.outcome))
        errors.add("outcome", "unknown", "one of adverse, favourable, mixed");
    if (q.municipality && !_catalog.findMunicipality(*q.municipality))
        errors.add("municipality", "unknown", "not a municipality");
    if (q.limit < 1 || q.limit > 100) errors.add("limit", "out_of_range", "between 1 and 100");
    errors.throwIfAny("the ruling query is not valid");
    if (q.provisionKey) q.provisionKey = provisionKeyOf(*q.provisionKey);
    std::vector<Ruling> out = _rulings.list(q);
    for (Ruling& r : out) r = viewFor(actor, std::move(r));
    return out;
}

Ruling UniformityService::linkRuling(const Principal& actor, std::int64_t rulingId, const std::string& gapKey,
                                     const std::string& note, std::int64_t expectedVersion) {
    FieldErrors errors;
    checkText(errors, "note", note, 2000, false);
    errors.throwIfAny("the link is not valid");
    Ruling r = ruling(actor, rulingId);
    Gap gap;
    try {
        gap = _gaps.loadByKey(actor, gapKey);
    } catch (const NotFound&) {
        throw ValidationError("unknown gap", {{"gap", "unknown", "no gap «" + gapKey + "»"}},
                              ValidationError::Kind::RuleViolation);
    }
    if (!actor.hasRole(roles::COMMITTEE_SECRETARY) && !actor.hasRole(roles::LEGAL_EXPERT) &&
        !actor.hasRole(roles::LEGAL_DIRECTOR))
        throw Forbidden("legal directors, experts and the secretary link rulings to gaps");
    requireVersion("ruling", r.version, expectedVersion);
    RulingLink link{gap.id,         gap.reference,  gap.fields.title,           note,
                    actor.username, _clock.nowMs(), visibility::audienceOf(gap)};
    RecordEvent e = recordEvent(actor, "ruling", rulingId, "linked", "", link.linkedAt);
    e.comment = note;
    e.dataJson = EventData().text("gap", gap.reference).str();
    _rulings.link(rulingId, expectedVersion, link, e);
    return ruling(actor, rulingId);
}

ProvisionPage UniformityService::provision(const Principal& actor, const std::string& text,
                                           const ProvisionLimits& limits,
                                           std::optional<std::int64_t> gapsBefore) {
    const std::string key = provisionKeyOf(text);
    if (key.empty())
        throw ValidationError("empty key", {{"key", "required", "a provision such as قانون_شهرداری:100"}});
    ProvisionPage page = _rulings.provision(key, limits, gapsBefore);
    const auto hidden = [&](const GapSummary& g) { return !visibility::mayKnowGap(actor, g.audience); };
    std::erase_if(page.gaps, hidden);
    std::erase_if(page.drafts, [&](const auto& d) { return hidden(d.first); });
    for (Ruling& r : page.rulings) r = viewFor(actor, std::move(r));
    // The page lists the provision's gaps itself; its conflict need not name them again.
    page.conflicts = _rulings.conflicts(ConflictQuery{key, std::nullopt, 1});
    for (RulingConflict& c : page.conflicts) c = viewFor(actor, std::move(c), 0);
    return page;
}

RulingConflict UniformityService::viewFor(const Principal& viewer, RulingConflict c, std::size_t gapsEach) {
    c.adverse = viewFor(viewer, std::move(c.adverse));
    c.favourable = viewFor(viewer, std::move(c.favourable));
    const Ruling& newer = c.adverse.id > c.favourable.id ? c.adverse : c.favourable;
    const auto named = std::find_if(newer.provisions.begin(), newer.provisions.end(),
                                    [&](const Provision& p) { return provisionKey(p) == c.provisionKey; });
    c.provision = named != newer.provisions.end() ? *named : Provision{c.provisionKey, ""};
    c.sameCourt = courtKey(c.adverse.court) == courtKey(c.favourable.court);
    if (gapsEach > 0) c.gaps = gapsOnKeys(viewer, {c.provisionKey}, gapsEach);
    return c;
}

std::vector<RulingConflict> UniformityService::conflicts(const Principal& actor, ConflictQuery q,
                                                         std::size_t gapsEach) {
    if (q.limit < 1 || q.limit > 100)
        throw ValidationError("the conflict query is not valid",
                              {{"limit", "out_of_range", "between 1 and 100"}});
    if (q.provisionKey) {
        q.provisionKey = provisionKeyOf(*q.provisionKey);
        if (q.provisionKey->empty())
            throw ValidationError("the conflict query is not valid",
                                  {{"provision", "required", "a provision such as قانون_شهرداری:100"}});
    }
    std::vector<RulingConflict> out = _rulings.conflicts(q);
    for (RulingConflict& c : out) c = viewFor(actor, std::move(c), gapsEach);
    return out;
}

bool UniformityService::sees(const Principal& actor, const SearchDoc& doc) const {
    return visibility::mayKnowGap(actor, GapAudience{doc.confidential, doc.municipality, doc.coReporters});
}

std::vector<std::pair<std::int64_t, std::string>> UniformityService::rarestFirst(
    const std::string& type, const std::vector<std::string>& terms) {
    std::vector<std::pair<std::int64_t, std::string>> byFrequency;
    for (const auto& t : terms)
        byFrequency.emplace_back(
            _commonWords.frequency(type, t, DF_CAP,
                                   [&] { return _search.documentFrequency(t, type, DF_CAP); }),
            t);
    std::sort(byFrequency.begin(), byFrequency.end());
    return byFrequency;
}

SearchPage UniformityService::search(const Principal& actor, const SearchRequest& request) {
    FieldErrors errors;
    checkText(errors, "q", request.q, _limits.queryMax, true);
    for (std::size_t i = 0; i < request.types.size(); ++i)
        if (!contains(SEARCH_TYPES, request.types[i]))
            errors.add("type", "unknown", "gap, draft, ruling, opinion or precedent");
    if (request.limit < 1 || request.limit > 50) errors.add("limit", "out_of_range", "between 1 and 50");
    if (request.offset > 500) errors.add("offset", "out_of_range", "at most 500");
    if (request.municipality && !_catalog.findMunicipality(*request.municipality))
        errors.add("municipality", "unknown", "not a municipality");
    if (request.outcome && !contains(rulingvalues::outcomes(), *request.outcome))
        errors.add("outcome", "unknown", "one of adverse, favourable, mixed");
    errors.throwIfAny("the search is not valid");

    SearchPage page;
    for (const std::string& t : searchTerms(request.q))
        if (!contains(page.terms, t) && page.terms.size() < MAX_TERMS) page.terms.push_back(t);
    if (page.terms.empty())
        throw ValidationError(
            "nothing to search",
            {{"q", "no_terms", "only stop words or punctuation: give a word to search for"}});

    std::vector<SearchResult> results;
    const auto& types = request.types.empty() ? SEARCH_TYPES : request.types;
    for (const std::string& type : types) {
        // Rarest word first: its best documents are the candidates, checked for the other words.
        const auto byFrequency = rarestFirst(type, page.terms);
        if (byFrequency.front().first == 0) continue;
        if (byFrequency.front().first > static_cast<std::int64_t>(CANDIDATES)) page.totalIsLowerBound = true;
        std::vector<std::string> ordered;
        std::vector<double> idf;
        for (const auto& [df, t] : byFrequency)
            ordered.push_back(t), idf.push_back(inverseDocumentFrequency(df));
        const auto candidates = _search.candidates(ordered, type, CANDIDATES);
        std::vector<std::int64_t> ids;
        std::map<std::int64_t, double> scores;
        for (const SearchCandidate& c : candidates) {
            double score = 0;
            for (std::size_t i = 0; i < c.weights.size(); ++i)
                score += idf[i] * static_cast<double>(c.weights[i]) / 1000.0;
            scores[c.id] = std::round(score * 1e6) / 1e6;  // the same digits on every backend
            ids.push_back(c.id);
        }
        for (SearchDoc& doc : _search.describe(type, ids, false)) {
            if (!sees(actor, doc)) continue;
            if (request.municipality && doc.municipality != *request.municipality) continue;
            if (request.state && doc.state != *request.state) continue;
            if (request.category && doc.category != *request.category) continue;
            if (request.court && courtKey(doc.court) != courtKey(*request.court)) continue;
            if (request.outcome && doc.outcome != *request.outcome) continue;
            results.push_back(SearchResult{std::move(doc), scores[doc.id], ""});
        }
    }
    // Only the places up to the page's end are put in order, and only their positions are moved.
    page.total = results.size();
    const std::size_t end = std::min(results.size(), request.offset + request.limit);
    std::vector<std::size_t> order(results.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(end), order.end(),
                      [&](std::size_t i, std::size_t j) {
                          const SearchResult &a = results[i], &b = results[j];
                          if (a.score != b.score) return a.score > b.score;
                          if (a.doc.type != b.doc.type) return a.doc.type < b.doc.type;
                          return a.doc.id > b.doc.id;
                      });
    for (std::size_t i = std::min(request.offset, end); i < end; ++i)
        page.items.push_back(std::move(results[order[i]]));
    // Snippets only for the page shown.
    for (const std::string& type : types) {
        std::vector<std::int64_t> ids;
        for (const auto& r : page.items)
            if (r.doc.type == type) ids.push_back(r.doc.id);
        for (const SearchDoc& d : _search.describe(type, ids, true))
            for (auto& r : page.items)
                if (r.doc.type == type && r.doc.id == d.id) r.snippet = searchSnippet(d.text, page.terms);
    }
    return page;
}

std::vector<SimilarGap> UniformityService::similar(const Principal& actor, const GapFields& fields,
                                                   std::int64_t excludeId, std::size_t limit) {
    // The gap's most telling words, each bringing its best gaps; a shared provision counts as much as
    // a telling word. Only the words that weigh most in this gap are looked up, all in one read.
    std::vector<TermWeight> weighted = documentTerms(fields.title, fields.description);
    std::sort(weighted.begin(), weighted.end(), [](const TermWeight& a, const TermWeight& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    });
    if (weighted.size() > SIMILAR_WORDS) weighted.resize(SIMILAR_WORDS);
    std::vector<std::string> words;
    for (const TermWeight& t : weighted) words.push_back(t.term);
    WordScores byWords = scoreByWords(weighted, _search.postings(words, "gap", SIMILAR_POSTINGS));
    std::map<std::int64_t, double>& scores = byWords.scores;
    double selfScore = byWords.self;

    std::set<std::string> keys;
    for (const auto& p : fields.provisions) keys.insert(provisionKey(p));
    std::vector<std::string> keyList(keys.begin(), keys.end());
    const double provisionWeight =
        byWords.counted == 0 ? 1.0 : selfScore / static_cast<double>(byWords.counted);
    if (!keyList.empty())
        for (const GapSummary& g : _rulings.gapsOnProvisions(keyList, 200)) scores[g.id] += provisionWeight;
    selfScore += provisionWeight * static_cast<double>(keyList.size() ? 1 : 0);
    scores.erase(excludeId);
    std::vector<std::pair<double, std::int64_t>> ranked;
    for (const auto& [id, s] : scores) ranked.emplace_back(s, id);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    // The best candidates are read a batch at a time: those the actor may not see, and closed ones,
    // give way to the next (join an open file, not a closed one).
    std::vector<SimilarGap> out;
    for (std::size_t from = 0; from < ranked.size() && out.size() < limit; from += SIMILAR_BATCH) {
        std::vector<std::int64_t> ids;
        for (std::size_t i = from; i < ranked.size() && i < from + SIMILAR_BATCH; ++i)
            ids.push_back(ranked[i].second);
        for (const Gap& gap : _gaps.loadVisible(actor, ids)) {
            if (out.size() >= limit) break;
            if (_gaps.lifecycle().state(gap.state).terminal) continue;
            SimilarGap sg;
            sg.gap =
                GapSummary{gap.id, gap.reference, gap.fields.title, gap.state, visibility::audienceOf(gap)};
            const double s = scores.at(gap.id);
            sg.score = selfScore > 0 ? std::round(std::min(1.0, s / selfScore) * 1000) / 1000 : 0;
            for (const auto& p : gap.fields.provisions)
                if (keys.count(provisionKey(p))) sg.sharedProvisions.push_back(provisionKey(p));
            out.push_back(std::move(sg));
        }
    }
    return out;
}

}  // namespace lacuna
