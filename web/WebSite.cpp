#include "WebSite.h"

#include <Poco/Path.h>

#include "PageContext.h"

namespace lacuna {

void addSessionPages(Router& router, const ApiServices& api, const WebSite& site);
void addDeskPage(Router& router, const ApiServices& api, const WebSite& site);
void addGapListPages(Router& router, const ApiServices& api, const WebSite& site);
void addGapPages(Router& router, const ApiServices& api, const WebSite& site);
void addDraftPages(Router& router, const ApiServices& api, const WebSite& site);
void addSearchPage(Router& router, const ApiServices& api, const WebSite& site);
void addMeetingPages(Router& router, const ApiServices& api, const WebSite& site);
void addMeetingRecordPages(Router& router, const ApiServices& api, const WebSite& site);
void addBillPages(Router& router, const ApiServices& api, const WebSite& site);
void addRulingPages(Router& router, const ApiServices& api, const WebSite& site);
void addOpinionPages(Router& router, const ApiServices& api, const WebSite& site);
void addPrecedentPages(Router& router, const ApiServices& api, const WebSite& site);
void addAdminPages(Router& router, const ApiServices& api, const WebSite& site);
void addOutboxPage(Router& router, const ApiServices& api, const WebSite& site);
void addCalendarFeed(Router& router, const ApiServices& api, const WebSite& site);
void addMailPage(Router& router, const ApiServices& api, const WebSite& site);
void addAccountPage(Router& router, const ApiServices& api, const WebSite& site);

namespace {

std::string under(const std::string& directory, const std::string& name) {
    Poco::Path path(directory);
    path.makeDirectory();
    path.pushDirectory(name);
    return path.toString();
}

/// A file of web/static, by its hashed name: kept for a year (the name changes with the content).
void serveStatic(const WebSite& site, Exchange& ex, const std::string& file) {
    const StaticAsset* asset = site.assets.find(file);
    if (!asset) throw NotFound("no such static file");
    const std::string cache = "public, max-age=31536000, immutable";
    ex.response().set("Vary", "Accept-Encoding");
    if (!asset->gzipped.empty() && acceptsGzip(ex.request().get("Accept-Encoding", "")))
        ex.send(Poco::Net::HTTPResponse::HTTP_OK, asset->contentType, asset->gzipped, cache, "gzip");
    else
        ex.send(Poco::Net::HTTPResponse::HTTP_OK, asset->contentType, asset->body, cache);
}

}  // namespace

WebSite::WebSite(WebConfig c, const ApiServices& api)
    : config(std::move(c)),
      templates(under(config.directory, "templates")),
      assets(under(config.directory, "static")),
      labels(loadPageLabels(config.labelsPath, {&api.gapWorkflow, &api.billWorkflow, &api.opinionWorkflow,
                                                &api.precedentWorkflow})) {
    // Every address the layout names must exist now, not at the first page.
    for (const char* name : {"app.css", "app.js", "htmx.min.js", "jalalidatepicker/jalalidatepicker.min.js",
                             "jalalidatepicker/jalalidatepicker.min.css", "fonts/Vazirmatn-Regular.woff2"})
        assets.urlOf(name);
}

std::shared_ptr<void> installWebPages(Router& router, const ApiServices& api, const AppConfig& config) {
    auto site = std::make_shared<WebSite>(config.web, api);
    addWebRoutes(router, api, *site);
    return site;
}

void addWebRoutes(Router& router, const ApiServices& api, const WebSite& site) {
    router.add("GET", "/static/{file}",
               [&site](Exchange& ex) { serveStatic(site, ex, ex.textParam("file")); });
    router.add("GET", "/static/{dir}/{file}", [&site](Exchange& ex) {
        serveStatic(site, ex, ex.textParam("dir") + "/" + ex.textParam("file"));
    });
    addSessionPages(router, api, site);
    addDeskPage(router, api, site);
    addGapListPages(router, api, site);
    addGapPages(router, api, site);
    addDraftPages(router, api, site);
    addSearchPage(router, api, site);
    addMeetingPages(router, api, site);
    addMeetingRecordPages(router, api, site);
    addBillPages(router, api, site);
    addRulingPages(router, api, site);
    addOpinionPages(router, api, site);
    addPrecedentPages(router, api, site);
    addAdminPages(router, api, site);
    addOutboxPage(router, api, site);
    addCalendarFeed(router, api, site);
    addMailPage(router, api, site);
    addAccountPage(router, api, site);
}

}  // namespace lacuna
