#pragma once

#include <memory>
#include <string>

#include "ApiServices.h"
#include "AppConfig.h"
#include "PageTemplates.h"
#include "PageText.h"
#include "StaticAssets.h"

namespace lacuna {

/// What every page needs besides the domain services: templates, static files, labels, settings.
/// Built once at start (a template or file that is wrong stops the start).
struct WebSite {
    WebSite(WebConfig config, const ApiServices& api);

    WebConfig config;
    PageTemplates templates;
    StaticAssets assets;
    PageLabels labels;
};

/// Every page route: sign in and out, the desk, gaps, drafts, search, and the static files.
void addWebRoutes(Router& router, const ApiServices& api, const WebSite& site);

/// The PageInstaller of LacunaService: builds the site from `config.web` (throws ConfigError for a
/// template, static file or label that is wrong) and adds its routes.
std::shared_ptr<void> installWebPages(Router& router, const ApiServices& api, const AppConfig& config);

}  // namespace lacuna
