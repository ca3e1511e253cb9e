#include "export_options.hpp"

#include "castgraph/error.hpp"
#include "castgraph/io.hpp"
#include "castgraph/log.hpp"

namespace castgraph::cli {

namespace {

// Files of a directory format, each written atomically into one directory.
class DirectorySink : public FileSink {
public:
    explicit DirectorySink(std::string directory) : directory_(std::move(directory)) {}
    void write_file(const std::string& name, const std::function<void(std::ostream&)>& write) override {
        write_file_atomically(directory_ + "/" + name, write);
    }

private:
    std::string directory_;
};

}  // namespace

void add_export_options(CLI::App& app, ExportOptions& options) {
    app.add_option("--graphml-flavor", options.graphml_flavor, "GraphML flavor: plain, or yed (yEd node labels and colours)")
        ->check(CLI::IsMember({"plain", "yed"}))
        ->capture_default_str();
    app.add_option("--base-iri", options.base_iri, "JSON-LD: node IRIs are this base followed by the node id")
        ->capture_default_str();
    app.add_option("--cypher-flavor", options.cypher_flavor,
                   "Cypher: shell (:begin/:commit for cypher-shell) or plain (Neo4j Browser)")
        ->check(CLI::IsMember({"shell", "plain"}))
        ->capture_default_str();
    app.add_option("--cypher-batch-size", options.cypher_batch_size, "Cypher: rows per UNWIND statement")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    app.add_option("--cypher-transaction-size", options.cypher_transaction_size,
                   "Cypher: rows per transaction (shell flavor)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}))
        ->capture_default_str();
}

void export_to(const Exporter& exporter, const PropertyGraph& graph, const ExportOptions& options,
               const std::string& path) {
    if (exporter.writes_directory()) {
        if (path == "-") throw UsageError(std::string(exporter.name()) + " writes a directory of files; give -o DIR");
        DirectorySink sink(path);
        exporter.write_files(graph, options, sink);
    } else {
        write_file_atomically(path, [&](std::ostream& out) { exporter.write(graph, options, out); });
    }
}

void write_exports(const PropertyGraph& graph, const std::vector<std::string>& formats, const std::string& prefix,
                   const ExportOptions& options) {
    std::vector<const Exporter*> chosen;
    for (const auto& format : formats) chosen.push_back(&find_exporter(format));
    for (const auto* exporter : chosen) {
        const auto path = prefix + std::string(exporter->extension());
        export_to(*exporter, graph, options, path);
        logger().info("export: wrote {} ({})", path, exporter->name());
    }
}

}  // namespace castgraph::cli
