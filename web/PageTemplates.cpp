#include "PageTemplates.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>

#include <algorithm>

#include "ConfigError.h"

namespace lacuna {
namespace {

const std::string PRAGMA = "{{%AUTOESCAPE context=\"HTML\"}}";

std::string readFile(const std::string& path) {
    Poco::FileInputStream in(path);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

/// Refuses a template that would let a value through unescaped.
void checkSafe(const std::string& name, const std::string& text) {
    if (text.compare(0, PRAGMA.size(), PRAGMA) != 0)
        throw ConfigError("web template " + name + " must begin with " + PRAGMA);
    for (const char* unsafe : {":none", ":x-", "{{%AUTOESCAPE context=\"CSS\"", "<script>", "style=\""})
        if (text.find(unsafe) != std::string::npos)
            throw ConfigError("web template " + name + " uses " + unsafe +
                              " (no unescaped values, no inline script or style)");
}

}  // namespace

PageTemplates::PageTemplates(const std::string& directory) : _cache(new ctemplate::TemplateCache) {
    if (!Poco::File(directory).exists()) throw ConfigError("web templates: no directory " + directory);
    _cache->SetTemplateRootDirectory(directory);
    for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
        if (it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".tpl")
            _names.push_back(it.name());
    std::sort(_names.begin(), _names.end());
    if (_names.empty()) throw ConfigError("web templates: no *.tpl file in " + directory);
    for (const std::string& name : _names) {
        checkSafe(name, readFile(Poco::Path(directory, name).toString()));
        if (!_cache->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES))
            throw ConfigError("web template " + name + " does not parse (see the log for the line)");
    }
    _cache->Freeze();
}

PageTemplates::~PageTemplates() = default;

std::string PageTemplates::render(const std::string& name,
                                  const ctemplate::TemplateDictionary& dictionary) const {
    std::string out;
    if (!_cache->ExpandNoLoad(name, ctemplate::STRIP_BLANK_LINES, &dictionary, nullptr, &out))
        throw std::runtime_error("web template " + name + " failed to expand");
    return out;
}

}  // namespace lacuna
