#include <catch2/catch.hpp>

#include "ConfigError.h"
#include "Errors.h"
#include "Workflow.h"
#include "WorkflowEngine.h"

using namespace lacuna;

namespace {

const std::string VALID = R"(workflow: demo
initial: open
states:
  - name: open
    label: {fa: "باز", en: "Open"}
    editable: true
  - name: review
    label: {fa: "بررسی", en: "Review"}
    sla_days: 5
  - name: closed
    label: {fa: "بسته", en: "Closed"}
    terminal: true
transitions:
  - name: submit
    label: {fa: "ارسال", en: "Submit"}
    from: [open]
    to: review
    roles: [legal_director]
  - name: close
    label: {fa: "بستن", en: "Close"}
    from: [open, review]
    to: closed
    roles: [committee_secretary]
    requires: [comment, "field:registration_no"]
)";

std::string loadError(const std::string& text) {
    try {
        loadWorkflow(YamlDocument("wf.yaml", text));
    } catch (const ConfigError& e) {
        return e.message();
    }
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a valid workflow loads with its states and transitions", "[unit][workflow]") {
    const Workflow wf = loadWorkflow(YamlDocument("wf.yaml", VALID));
    CHECK(wf.name == "demo");
    CHECK(wf.initial == "open");
    REQUIRE(wf.states.size() == 3);
    CHECK(wf.states[1].sla->days == 5);
    CHECK_FALSE(wf.states[1].sla->workingDays);
    CHECK(wf.states[0].editable);
    CHECK(wf.findTransition("close")->fields == std::vector<std::string>{"registration_no"});
}

TEST_CASE("the shipped gap workflow loads", "[unit][workflow]") {
    const Workflow wf = loadWorkflow(YamlDocument(LACUNA_SOURCE_DIR "/config/workflows/gap.yaml"));
    CHECK(wf.initial == "reported");
    for (const char* s : {"reported", "triaged", "drafting", "committee_review", "endorsed", "in_parliament",
                          "enacted", "merged", "rejected", "withdrawn"})
        CHECK(wf.findState(s) != nullptr);
}

TEST_CASE("the loader names the file and line of each problem", "[unit][workflow]") {
    struct Case {
        std::string name, text, expected;
    };
    const std::vector<Case> cases = {
        {"unknown key", replaced(VALID, "    sla_days: 5", "    sla_day: 5"),
         "wf.yaml:9:5: unknown key 'sla_day'"},
        {"unknown to-state", replaced(VALID, "    to: review", "    to: reviw"),
         "wf.yaml:17:9: transition 'submit' goes to unknown state 'reviw'"},
        {"unknown from-state", replaced(VALID, "from: [open]", "from: [opn]"),
         "starts from unknown state 'opn'"},
        {"unknown role", replaced(VALID, "roles: [legal_director]", "roles: [mayor]"),
         "wf.yaml:18:12: unknown role 'mayor'"},
        {"unknown requirement", replaced(VALID, "requires: [comment,", "requires: [consensus,"),
         "wf.yaml:24:15: unknown requirement 'consensus'"},
        {"duplicate state", replaced(VALID, "  - name: review", "  - name: open"),
         "wf.yaml:7:11: duplicate state 'open'"},
        {"duplicate transition", replaced(VALID, "  - name: close\n", "  - name: submit\n"),
         "wf.yaml:19:11: duplicate transition 'submit'"},
        {"unknown initial", replaced(VALID, "initial: open", "initial: draft"),
         "wf.yaml:2:10: initial state 'draft' is not defined"},
        {"transition out of a terminal state", VALID + R"(  - name: reopen
    label: {fa: "بازگشایی", en: "Reopen"}
    from: [closed]
    to: open
    roles: [admin]
)",
         "wf.yaml:27:11: transition 'reopen' leaves terminal state 'closed'"},
        {"unreachable state", replaced(VALID, "  - name: closed", R"(  - name: orphan
    label: {fa: "یتیم", en: "Orphan"}
  - name: closed)"),
         "wf.yaml:10:5: state 'orphan' cannot be reached from 'open'"},
        {"no way to an end", replaced(VALID, "from: [open, review]", "from: [open]"),
         "wf.yaml:7:5: state 'review' has no way to any terminal state"},
        {"missing label", replaced(VALID, "    label: {fa: \"باز\", en: \"Open\"}\n", ""),
         "missing required key 'label'"},
        {"not YAML", "workflow: [unclosed", "wf.yaml:"},
        {"wrong type", replaced(VALID, "sla_days: 5", "sla_days: soon"),
         "wf.yaml:9:15: 'sla_days' must be a whole number"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const std::string error = loadError(c.text);
        CHECK_THAT(error, Catch::Contains(c.expected));
    }
}

TEST_CASE("the engine checks state, role and requirements in that order", "[unit][workflow]") {
    const WorkflowEngine engine(loadWorkflow(YamlDocument("wf.yaml", VALID)));
    const std::vector<std::string> director = {"legal_director"}, secretary = {"committee_secretary"};

    CHECK(engine.available("open", director).size() == 1);
    CHECK(engine.available("open", secretary).size() == 1);
    CHECK(engine.available("closed", secretary).empty());

    CHECK_THROWS_AS(engine.check("open", director, {"fly", "", {}, {}}), ValidationError);
    CHECK_THROWS_AS(engine.check("review", director, {"submit", "", {}, {}}), StateConflict);
    CHECK_THROWS_AS(engine.check("open", secretary, {"submit", "", {}, {}}), Forbidden);
    CHECK(engine.check("open", director, {"submit", "", {}, {}}).to == "review");

    try {
        engine.check("review", secretary, {"close", "  ", {}, {}});
        FAIL("requirements not enforced");
    } catch (const ValidationError& e) {
        CHECK(e.kind() == ValidationError::Kind::RuleViolation);
        REQUIRE(e.fields().size() == 2);
        CHECK(e.fields()[0].field == "comment");
        CHECK(e.fields()[1].field == "fields.registration_no");
    }
    try {
        engine.check("review", secretary,
                     {"close", "ok", {{"registration_no", "12"}, {"state", "closed"}}, {}});
        FAIL("unknown field accepted");
    } catch (const ValidationError& e) {
        CHECK(e.kind() == ValidationError::Kind::Malformed);
        CHECK(e.fields()[0].field == "fields.state");
    }
    CHECK(engine.check("review", secretary, {"close", "ok", {{"registration_no", "12"}}, {}}).to == "closed");
}
