// The workflow YAML loader: any text ends as a checked workflow an engine accepts, or a ConfigError
// that names where — never another exception, a crash or a hang.
#include "ConfigError.h"
#include "FuzzCommon.h"
#include "Workflow.h"
#include "WorkflowEngine.h"
#include "YamlDocument.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        lacuna::WorkflowEngine engine(
            lacuna::loadWorkflow(lacuna::YamlDocument("fuzz.yaml", lacuna::fuzz::text(data, size))));
    } catch (const lacuna::ConfigError&) {
    }
    return 0;
}
