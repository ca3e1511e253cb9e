#include "castgraph/episode.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>

#include "castgraph/text.hpp"

namespace castgraph {
namespace {

constexpr std::size_t kTitleSlugBytes = 60;

std::string short_hash(std::string_view text) {
    std::uint32_t hash = 2166136261U;  // FNV-1a: stable across platforms and runs
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619U;
    }
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", hash);
    return std::string(buffer, 6);
}

// A page's episodes come from a few podcasts: each one's slug is made once per
// thread (and at most a few thousand are kept, whatever the input).
std::string podcast_slug(const std::string& podcast) {
    constexpr std::size_t kKept = 4096;
    thread_local std::unordered_map<std::string, std::string> slugs;
    if (const auto found = slugs.find(podcast); found != slugs.end()) return found->second;
    auto slug = slugify(podcast, 40);
    if (slug.empty()) slug = "unknown";
    if (slugs.size() < kKept) slugs.emplace(podcast, slug);
    return slug;
}

}  // namespace

std::string make_episode_id(const std::string& podcast, const std::string& title) {
    auto title_slug = slugify(title, SIZE_MAX);
    if (title_slug.empty()) title_slug = "untitled";
    // A cut slug gets a hash of the whole title, so long titles sharing a start stay apart.
    if (title_slug.size() > kTitleSlugBytes) {
        const auto hash = short_hash(title_slug);
        title_slug = shorten_slug(std::move(title_slug), kTitleSlugBytes) + "-" + hash;
    }
    return "episode:" + podcast_slug(podcast) + "/" + title_slug;
}

void release_spare_capacity(Episode& episode) {
    episode.guests.shrink_to_fit();
    episode.languages.shrink_to_fit();
    episode.chapters.shrink_to_fit();
    episode.quotes.shrink_to_fit();
    if (episode.entity_list) episode.entity_list->items.shrink_to_fit();
    episode.tags.shrink_to_fit();
}

}  // namespace castgraph
