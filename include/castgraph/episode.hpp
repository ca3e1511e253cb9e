// Episode records: what the ingest stage reads from listing pages or episode
// JSON, exactly as written in the source (no normalization happens here).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace castgraph {

struct Guest {
    std::string name;         // as written in the title
    std::string affiliation;  // "BioHub" for "Alex Rives, BioHub"; empty when none
    bool operator==(const Guest&) const = default;
};

struct Chapter {
    std::uint32_t start_s = 0;  // chapter start in seconds
    std::string title;          // heading, split from the text heuristically
    std::string text;           // body text without quotes
    bool operator==(const Chapter&) const = default;
};

struct Quote {
    std::string text;
    std::optional<std::uint32_t> chapter;  // index into Episode::chapters; none when in the summary
    bool operator==(const Quote&) const = default;
};

struct EntityItem {
    std::string name;         // raw name exactly as written ("Shawn Wang / swyx")
    std::string type;         // raw type as written ("Personne", "Logiciel/Base de données")
    std::string description;  // as written
    bool operator==(const EntityItem&) const = default;
};

struct EntityList {
    std::string header;    // "Entities" or "Entités"
    std::string language;  // "en" or "fr", from the header
    std::vector<EntityItem> items;
    bool operator==(const EntityList&) const = default;
};

struct Episode {
    std::string id;  // stable: derived from podcast and title
    std::string title;
    std::vector<Guest> guests;
    std::string podcast;
    std::string published;  // relative date text as found ("il y a 1 jour")
    std::optional<std::uint32_t> duration_s;
    std::vector<std::string> languages;  // "EN", "ZH"
    std::string summary;
    std::vector<Chapter> chapters;
    std::vector<Quote> quotes;
    std::optional<EntityList> entity_list;  // none when the page has no list
    std::vector<std::string> tags;           // without '#'
    std::string source_file;
    std::uint32_t source_line = 0;  // line of the title
    bool operator==(const Episode&) const = default;
};

// "episode:latent-space/githubs-agent-era-14x-commits-200m-developers"; same podcast
// and title give the same id in every run.
std::string make_episode_id(const std::string& podcast, const std::string& title);

// Gives back the spare room of an episode's lists, once they are complete: lists
// grown item by item keep about a third more room than they use, some 650 MB over
// a million episodes, held through every later stage.
void release_spare_capacity(Episode& episode);

}  // namespace castgraph
