#include "Html.h"

#include <map>

#include "JalaliDate.h"
#include "JsonText.h"

namespace lacuna {
namespace {

const char* const PAGE_STYLE =
    "body{font-family:Vazirmatn,Tahoma,sans-serif;line-height:1.9;margin:2rem}"
    "ins{background:#d4f7d4;text-decoration:none}del{background:#fbd4d4}"
    ".text{white-space:pre-wrap;border:1px solid #ccc;padding:1rem}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem}";

std::string page(const std::string& title, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           htmlEscape(title) + "</title>\n<style>" + PAGE_STYLE + "</style>\n</head>\n<body>\n" + body +
           "</body>\n</html>\n";
}

std::string renderOps(const std::vector<DiffOp>& ops) {
    std::string out = "<div class=\"text\" dir=\"rtl\">";
    for (const DiffOp& op : ops) {
        const std::string text = htmlEscape(op.text);
        if (op.kind == DiffOp::Kind::Insert)
            out += "<ins>" + text + "</ins>";
        else if (op.kind == DiffOp::Kind::Delete)
            out += "<del>" + text + "</del>";
        else
            out += text;
    }
    return out + "</div>\n";
}

std::string jalaliAndIso(std::int64_t ms) {
    return formatJalali(jalaliDateInIran(ms)) + " (" + formatIsoUtc(ms) + ")";
}

std::string cityName(const Catalog& catalog, const std::string& slug) {
    const Municipality* m = catalog.findMunicipality(slug);
    return m ? m->nameFa : slug;
}

const std::map<std::string, std::string>& voteNames() {
    static const std::map<std::string, std::string> NAMES = {
        {"approve", "موافق"}, {"reject", "مخالف"}, {"revise", "اصلاح"}, {"abstain", "ممتنع"}};
    return NAMES;
}

std::string voteName(const std::string& vote) {
    const auto it = voteNames().find(vote);
    return it == voteNames().end() ? vote : it->second;
}

std::string decisionName(const std::string& decision) {
    if (decision == "approve") return "تصویب";
    if (decision == "reject") return "رد";
    if (decision == "revise") return "بازگشت برای اصلاح";
    return decision;
}

/// The consultation on the agenda as the minutes record it: the deadline and every proposal in ranking
/// order, with its points and its place on the agenda built from it.
std::string consultationHtml(const AgendaConsultation& c, const Catalog& catalog) {
    std::string body = "<h2>نظرخواهی از شهرها درباره دستور جلسه</h2>\n<p>مهلت: تا پایان " +
                       formatJalali(jalaliDateInIran(c.lastMoment())) + "؛ ";
    body += c.builtAt ? "دستور جلسه از نتیجه آن ساخته شد: " + jalaliAndIso(c.builtAt)
                      : std::string("دستور جلسه هنوز از آن ساخته نشده است");
    body +=
        "</p>\n<table><tr><th>رتبه</th><th>پیشنهاد</th><th>شهر</th><th>امتیاز</th><th>در دستور</th></tr>\n";
    for (const ProposalStanding& s : standings(c)) {
        const AgendaProposal& p = *s.proposal;
        body += "<tr><td>" + std::to_string(s.place) + "</td><td>" + proposalKindName(p.kind) + ": " +
                (p.targetReference.empty() ? "" : htmlEscape(p.targetReference) + " — ") +
                htmlEscape(p.title) + (p.note.empty() ? "" : "<br>" + htmlEscape(p.note)) + "</td><td>" +
                htmlEscape(cityName(catalog, p.municipality)) + "</td><td>" + std::to_string(s.points) +
                "</td><td>" + (p.adoptedPosition ? std::to_string(p.adoptedPosition) : "—") + "</td></tr>\n";
    }
    return body + "</table>\n";
}

}  // namespace

std::string proposalKindName(const std::string& kind) {
    if (kind == "gap") return "خلأ قانونی";
    if (kind == "ruling") return "رأی دادگاه";
    if (kind == "bill") return "طرح یا لایحه";
    if (kind == "topic") return "موضوع آزاد";
    return kind;
}

std::string renderDiffHtml(const DraftDiff& diff, const std::string& gapReference) {
    const std::string title = "مقایسه پیش‌نویس " + gapReference + "، نسخه " +
                              std::to_string(diff.from.version) + " با نسخه " +
                              std::to_string(diff.to.version);
    std::string body = "<h1>" + htmlEscape(title) + "</h1>\n";
    body += "<p>نسخه " + std::to_string(diff.from.version) + ": " + htmlEscape(diff.from.authorName) + "، " +
            jalaliAndIso(diff.from.createdAt) + "<br>نسخه " + std::to_string(diff.to.version) + ": " +
            htmlEscape(diff.to.authorName) + "، " + jalaliAndIso(diff.to.createdAt) + "</p>\n";
    body += "<h2>متن پیشنهادی</h2>\n" + renderOps(diff.text);
    body += "<h2>دلایل توجیهی</h2>\n" + renderOps(diff.rationale);
    return page(title, body);
}

std::string renderMinutesHtml(const Meeting& m, const MeetingService& service, const Catalog& catalog) {
    const std::string title = "صورتجلسه کمیسیون مشترک حقوقی — جلسه M-" + std::to_string(m.id);
    std::string body = "<h1>" + htmlEscape(title) + "</h1>\n";
    body += "<p>تاریخ: " + jalaliAndIso(m.scheduledAt) + "<br>محل: " + htmlEscape(m.place) +
            "<br>وضعیت: " + (m.state == "closed" ? "پایان‌یافته" : "در جریان") + "</p>\n";
    body += "<h2>حاضران</h2>\n<p>";
    if (m.present.empty()) body += "—";
    for (std::size_t i = 0; i < m.present.size(); ++i)
        body += (i ? "، " : "") + htmlEscape(cityName(catalog, m.present[i]));
    body += "</p>\n<p>" + std::to_string(m.present.size()) + " از " +
            std::to_string(service.rules().members.size()) + " شهر عضو حاضر؛ حد نصاب " +
            std::to_string(service.rules().quorumNeeded()) + "</p>\n<h2>دستور جلسه</h2>\n";
    int n = 0;
    for (const MeetingItem& item : m.items) {
        body += "<h3>" + std::to_string(++n) + ". " + htmlEscape(item.gapReference) + " — " +
                htmlEscape(item.gapTitle) + "</h3>\n<table><tr><th>شهر</th><th>رأی</th></tr>\n";
        for (const MeetingVote& v : item.votes)
            body += "<tr><td>" + htmlEscape(cityName(catalog, v.municipality)) + "</td><td>" +
                    voteName(v.vote) + "</td></tr>\n";
        body += "</table>\n<p>";
        std::map<std::string, int> tally;
        for (const MeetingVote& v : item.votes) ++tally[v.vote];
        bool first = true;
        for (const auto& [vote, count] : tally) {
            body += std::string(first ? "" : "، ") + voteName(vote) + ": " + std::to_string(count);
            first = false;
        }
        body += "</p>\n<p>تصمیم: ";
        if (item.decision.empty()) {
            body += "تصمیمی ثبت نشده است";
        } else {
            const QuorumCheck c = service.check(m, item, item.decision);
            body += "<strong>" + decisionName(item.decision) + "</strong> (" + std::to_string(c.votesFor) +
                    " رأی از " + std::to_string(c.present) + " حاضر)، " + jalaliAndIso(item.decidedAt);
            if (!item.note.empty()) body += "<br>" + htmlEscape(item.note);
        }
        body += "</p>\n";
    }
    if (m.consultation) body += consultationHtml(*m.consultation, catalog);
    return page(title, body);
}

}  // namespace lacuna
