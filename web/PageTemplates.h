#pragma once

#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <vector>

namespace lacuna {

/// The page templates (ctemplate, Google's template system): every `*.tpl` file of a directory,
/// loaded, parsed and checked once at start, then frozen. Each template must open with the
/// AUTOESCAPE pragma for HTML, so that every value is escaped for where it stands (text, attribute,
/// URL, script), and may not turn escaping off (`:none`): a page cannot carry markup a person wrote.
class PageTemplates {
public:
    /// Throws ConfigError naming the file for a template that is missing, malformed or unsafe.
    explicit PageTemplates(const std::string& directory);
    ~PageTemplates();
    PageTemplates(const PageTemplates&) = delete;
    PageTemplates& operator=(const PageTemplates&) = delete;

    /// Expands the template `name` (`gap.tpl`) with `dictionary`.
    std::string render(const std::string& name, const ctemplate::TemplateDictionary& dictionary) const;
    /// The file names loaded, sorted.
    const std::vector<std::string>& names() const { return _names; }

private:
    std::unique_ptr<ctemplate::TemplateCache> _cache;
    std::vector<std::string> _names;
};

}  // namespace lacuna
