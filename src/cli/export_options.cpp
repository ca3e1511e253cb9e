#include "export_options.hpp"

#include "castgraph/io.hpp"
#include "castgraph/log.hpp"

namespace castgraph::cli {

void add_export_options(CLI::App& app, ExportOptions& options) {
    app.add_option("--graphml-flavor", options.graphml_flavor, "GraphML flavor: plain, or yed (yEd node labels and colours)")
        ->check(CLI::IsMember({"plain", "yed"}))
        ->capture_default_str();
}

void write_exports(const PropertyGraph& graph, const std::vector<std::string>& formats, const std::string& prefix,
                   const ExportOptions& options) {
    std::vector<const Exporter*> chosen;
    for (const auto& format : formats) chosen.push_back(&find_exporter(format));
    for (const auto* exporter : chosen) {
        const auto path = prefix + std::string(exporter->extension());
        write_file_atomically(path, [&](std::ostream& out) { exporter->write(graph, options, out); });
        logger().info("export: wrote {} ({})", path, exporter->name());
    }
}

}  // namespace castgraph::cli
