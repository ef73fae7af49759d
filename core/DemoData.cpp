#include "DemoData.h"

#include "Errors.h"
#include "Roles.h"

namespace lacuna {
namespace {

const char* const DEMO_CITIES[] = {"tehran", "mashhad", "isfahan"};
const char* const MARKER_USER = "secretary";

struct DemoUser {
    std::string username;
    std::string role;
    std::optional<std::string> municipality;
};

std::vector<DemoUser> demoUsers() {
    std::vector<DemoUser> out = {{"secretary", std::string(roles::COMMITTEE_SECRETARY), std::nullopt},
                                 {"liaison", std::string(roles::LIAISON_OFFICER), std::nullopt},
                                 {"observer", std::string(roles::OBSERVER), std::nullopt}};
    for (const char* city : DEMO_CITIES) {
        const std::string c = city;
        out.push_back({c + ".director", std::string(roles::LEGAL_DIRECTOR), c});
        out.push_back({c + ".expert", std::string(roles::LEGAL_EXPERT), c});
        out.push_back({c + ".member", std::string(roles::COMMITTEE_MEMBER), c});
        out.push_back({c + ".liaison", std::string(roles::LIAISON_OFFICER), c});
        out.push_back({c + ".observer", std::string(roles::OBSERVER), c});
    }
    return out;
}

struct DemoGap {
    const char* reporter;
    GapFields fields;
    std::vector<std::pair<const char*, TransitionInput>> path;  ///< actor, transition
};

std::vector<DemoGap> demoGaps() {
    using P = std::vector<Provision>;
    return {
        {"tehran.director",
         {"ابهام در شمول عوارض ارزش افزوده ناشی از تغییر کاربری",
          "دیوان عدالت اداری در آرای متعدد، مصوبات شوراهای اسلامی شهر در خصوص عوارض ناشی از تغییر کاربری را به استناد ماده ۵۰ قانون مالیات بر ارزش افزوده ابطال کرده است. تکلیف عوارض پیش از لازم‌الاجرا شدن قانون درآمد پایدار و هزینه شهرداری‌ها و دهیاری‌ها روشن نیست.",
          "ambiguity",
          "fees",
          P{{"قانون مالیات بر ارزش افزوده", "ماده ۵۰"},
            {"قانون درآمد پایدار و هزینه شهرداری‌ها و دهیاری‌ها",
             "ماده ۲"}},
          "",
          "urgent",
          false,
          {37, 1250000000000}},
         {{"secretary", {"triage", "", {}, {}}}, {"secretary", {"start_drafting", "", {}, {}}}}},
        {"mashhad.director",
         {"خلأ قانونی در تملک اراضی واقع در طرح‌های عمومی پس از انقضای مهلت",
          "پس از گذشت مهلت‌های ماده واحده قانون تعیین وضعیت املاک واقع در طرح‌های دولتی و شهرداری‌ها، مالکان طرح را فاقد اعتبار می‌دانند و دادگاه‌ها به رفع تصرف حکم می‌دهند؛ سازوکار تأمین اعتبار تملک پیش‌بینی نشده است.",
          "vacuum",
          "land",
          P{{"قانون تعیین وضعیت املاک واقع در طرح‌های دولتی و شهرداری‌ها",
             "ماده واحده"}},
          "",
          "high",
          false,
          {112, 4800000000000}},
         {{"secretary", {"triage", "", {}, {}}}}},
        {"isfahan.director",
         {"تعارض ماده ۱۰۰ قانون شهرداری با قانون ساماندهی و حمایت از تولید و عرضه مسکن",
          "کمیسیون‌های ماده ۱۰۰ در خصوص تخلفات ساختمانی واحدهای طرح نهضت ملی مسکن رویه‌های متفاوت دارند و مرجع صالح رسیدگی روشن نیست.",
          "conflict",
          "planning",
          P{{"قانون شهرداری", "ماده ۱۰۰"}, {"قانون جهش تولید و تأمین مسکن", "ماده ۴"}},
          "",
          "normal",
          false,
          {9, 0}},
         {}},
        {"tehran.expert",
         {"منسوخ بودن سقف معاملات کوچک در آیین‌نامه مالی شهرداری‌ها",
          "نصاب معاملات آیین‌نامه مالی شهرداری‌ها با تورم سال‌های اخیر هماهنگ نیست و بسیاری از خریدهای جزئی ناچار به تشریفات مناقصه می‌شوند.",
          "obsolete",
          "contracts",
          P{{"آیین‌نامه مالی شهرداری‌ها", "ماده ۳"}},
          "",
          "low",
          false,
          {0, 0}},
         {}},
        {"mashhad.expert",
         {"مانع اجرایی در وصول جرائم توقف در پارکینگ‌های حاشیه‌ای",
          "ضمانت اجرای وصول جرائم پارک حاشیه‌ای (پارک‌بان) در قانون پیش‌بینی نشده و شکایات متعددی در دیوان مطرح است.",
          "obstacle",
          "transport",
          P{{"قانون رسیدگی به تخلفات رانندگی", "ماده ۱۳"}},
          "",
          "high",
          true,
          {21, 0}},
         {}},
    };
}

}  // namespace

DemoData::DemoData(UserService& users, UserRepository& userRepository, GapService& gaps,
                   UniformityService& uniformity, OpinionService& opinions, const Catalog& catalog,
                   const PasswordHasher& hasher)
    : _users(users),
      _userRepository(userRepository),
      _gaps(gaps),
      _uniformity(uniformity),
      _opinions(opinions),
      _catalog(catalog),
      _hasher(hasher) {}

std::vector<std::string> DemoData::usernames() {
    std::vector<std::string> out;
    for (const auto& u : demoUsers()) out.push_back(u.username);
    return out;
}

bool DemoData::seed(const std::string& password) {
    if (_userRepository.findByUsername(MARKER_USER)) return false;
    // Every demo user has the same password by design, so one slow hash serves them all.
    const std::string hash = _hasher.hash(password);
    std::map<std::string, Principal> principals;
    for (const auto& u : demoUsers()) {
        if (u.municipality && !_catalog.findMunicipality(*u.municipality)) continue;
        User stored;
        try {
            stored = _users.addUserWithHash({u.username, password, {u.role}, u.municipality}, hash);
        } catch (const AlreadyExists&) {
            if (u.username == MARKER_USER) return false;  // another instance is seeding right now
            stored = *_userRepository.findByUsername(u.username);
        }
        principals[u.username] = principalOf(stored, "demo");
    }
    for (const auto& demo : demoGaps()) {
        if (!principals.count(demo.reporter)) continue;
        Gap gap = _gaps.report(principals[demo.reporter], demo.fields);
        for (const auto& [actor, transition] : demo.path)
            gap = _gaps.fireTransition(principals[actor], gap.id, transition, gap.version);
    }
    if (principals.count("secretary")) {
        const Principal& secretary = principals["secretary"];
        RulingInput ruling;
        ruling.court = "هیئت عمومی دیوان عدالت اداری";
        ruling.number = "۱۴۰۵۰۹۹۷۰۹۰۶۰۱۰۴۲";
        ruling.decidedOn = "۱۴۰۵/۰۶/۲۰";
        ruling.municipality = "tehran";
        ruling.outcome = "adverse";
        ruling.summary = "ابطال مصوبه شورای شهر درباره عوارض تبدیل کاربری به استناد ماده ۱۰۰ قانون شهرداری";
        ruling.fullText =
            "نظر به اینکه تعیین عوارض خارج از حدود اختیارات مقرر در قانون است، مصوبه ابطال می‌شود.";
        ruling.provisions = {{"قانون شهرداری", "ماده ۱۰۰"}};
        _uniformity.registerRuling(secretary, ruling);
        if (principals.count("mashhad.director") && principals.count("mashhad.member")) {
            OpinionInput question;
            question.title = "وصول عوارض نوسازی از اراضی فاقد سند";
            question.question =
                "آیا شهرداری‌ها می‌توانند عوارض نوسازی اراضی فاقد سند رسمی را از متصرف وصول کنند؟";
            question.provisions = {{"قانون نوسازی و عمران شهری", "ماده ۲۹"}};
            Opinion o = _opinions.ask(principals["mashhad.director"], question);
            o = _opinions.fireTransition(secretary, o.id,
                                         {"assign", "", {{"assignee", "mashhad.member"}}, {}}, o.version);
            o = _opinions.write(principals["mashhad.member"], o.id, "answer",
                                "وصول از متصرف با رعایت ماده ۲۹ قانون نوسازی و عمران شهری مجاز است.",
                                {{"قانون نوسازی و عمران شهری", "ماده ۲۹"}}, o.version);
            o = _opinions.fireTransition(principals["mashhad.member"], o.id, {"answer", "", {}, {}},
                                         o.version);
            _opinions.fireTransition(secretary, o.id, {"publish", "", {}, {}}, o.version);
        }
    }
    return true;
}

}  // namespace lacuna
