#include "castgraph/resolve.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "castgraph/error.hpp"
#include "castgraph/parallel.hpp"
#include "castgraph/text.hpp"
#include "internal/pattern.hpp"
#include "internal/step_times.hpp"

namespace castgraph {
// Ten million list items' records at a million episodes: 72 bytes each, not 80.
static_assert(sizeof(void*) != 8 || sizeof(Mention) == 72);

namespace {

std::vector<std::string> split_on_spaces(std::string_view text) {
    const auto views = split_words(text);
    return {views.begin(), views.end()};
}

bool looks_like_acronym(std::string_view text) {
    if (text.empty() || text.size() > 8 || text.find(' ') != std::string_view::npos) return false;
    int upper = 0;
    for (const char c : text)
        if (c >= 'A' && c <= 'Z') ++upper;
    return upper >= 2 || (upper >= 1 && text.size() <= 3);
}

std::string digits_of(std::string_view text) {
    std::string digits;
    for (const char c : text)
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (!digits.empty() && digits.back() != ' ') digits.push_back(' ');
    return digits;
}

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Generic and legal suffixes of organization names.
bool is_organization_suffix(std::string_view word) {
    static const std::set<std::string, std::less<>> suffixes = {
        "ai",  "inc",   "incorporated", "llc",  "ltd", "limited", "gmbh", "sa",      "sas",     "sarl",
        "corp", "corporation", "co", "company", "labs", "lab", "technologies", "technology", "group",
        "holdings", "plc", "ag", "bv", "hq"};
    return suffixes.count(word) > 0;
}

// The surface forms of every mention, which only resolution reads: kept beside the
// mentions instead of in them, so the result does not carry them into the build.
// Names and acronyms are views of the item's name (parts of it), which the episodes
// hold while resolution runs, all in one flat list: a mention's names, then its
// acronyms. Ten million items take some 26 bytes each here, where a record of
// three lists took some 90 (their headers and a heap block each).
class SurfaceTable {
public:
    // Every mention's forms, worked out on every core: counted first, then written
    // in place, so the list takes its room once.
    void fill(const std::vector<Mention>& mentions) {
        start_.assign(mentions.size() + 1, 0);
        name_count_.assign(mentions.size(), 0);
        std::mutex aliases_lock;
        for_each_index_in_parallel(0, mentions.size(), 4096, [&](std::size_t m) {
            thread_local std::vector<std::string_view> names;
            thread_local std::vector<std::string_view> acronyms;
            split(mentions[m], names, acronyms);
            name_count_[m] = static_cast<std::uint32_t>(names.size());
            start_[m + 1] = static_cast<std::uint32_t>(names.size() + acronyms.size());
            // Rare ("... formerly Clawdbot"): kept aside, by mention.
            auto aliases = description_aliases(mentions[m].description, mentions[m].kind);
            if (aliases.empty()) return;
            const std::lock_guard lock(aliases_lock);
            description_aliases_.emplace_back(m, std::move(aliases));
        });
        std::size_t total = 0;
        for (std::size_t m = 0; m < mentions.size(); ++m) {
            total += start_[m + 1];
            if (total > std::numeric_limits<std::uint32_t>::max())
                throw Error(ErrorCategory::internal, "resolve: more than 2^32 surface forms");
            start_[m + 1] = static_cast<std::uint32_t>(total);
        }
        std::sort(description_aliases_.begin(), description_aliases_.end());
        resize_touched(views_, total);
        for_each_index_in_parallel(0, mentions.size(), 4096, [&](std::size_t m) {
            thread_local std::vector<std::string_view> names;
            thread_local std::vector<std::string_view> acronyms;
            split(mentions[m], names, acronyms);
            auto out = views_.begin() + start_[m];
            out = std::copy(names.begin(), names.end(), out);
            std::copy(acronyms.begin(), acronyms.end(), out);
        });
    }

    [[nodiscard]] std::span<const std::string_view> names(std::size_t m) const {
        return {views_.data() + start_[m], name_count_[m]};
    }
    // Every mention's names and then acronyms, mention after mention; mention m's from first_view(m) on.
    [[nodiscard]] std::span<const std::string_view> views() const { return views_; }
    [[nodiscard]] std::size_t first_view(std::size_t m) const { return start_[m]; }
    [[nodiscard]] std::span<const std::string_view> acronyms(std::size_t m) const {
        return {views_.data() + start_[m] + name_count_[m], start_[m + 1] - start_[m] - name_count_[m]};
    }
    // Former names stated in the item's description: "Clawdbot" for "... (formerly Clawdbot)".
    [[nodiscard]] std::span<const std::string> description_aliases_of(std::size_t m) const {
        const auto found = std::lower_bound(description_aliases_.begin(), description_aliases_.end(), m,
                                            [](const auto& entry, std::size_t mention) { return entry.first < mention; });
        if (found == description_aliases_.end() || found->first != m) return {};
        return found->second;
    }
    [[nodiscard]] std::size_t name_count() const {
        return std::accumulate(name_count_.begin(), name_count_.end(), std::size_t{0});
    }
    [[nodiscard]] std::size_t form_count() const {
        std::size_t aliases = 0;
        for (const auto& entry : description_aliases_) aliases += entry.second.size();
        return views_.size() + aliases;
    }

private:
    static void split(const Mention& mention, std::vector<std::string_view>& names,
                      std::vector<std::string_view>& acronyms) {
        names.clear();
        acronyms.clear();
        split_surface_forms(mention.raw_name, names, acronyms);
        if (names.empty()) names.push_back(trim(mention.raw_name));
    }

    std::vector<std::string_view> views_;
    std::vector<std::uint32_t> start_;       // by mention, and one past the last: its run in views_
    std::vector<std::uint32_t> name_count_;  // by mention: the names at the start of its run
    std::vector<std::pair<std::size_t, std::vector<std::string>>> description_aliases_;  // by mention
};

// A surface form of a mention, with a view, not a copy: its text lives in the
// episodes or the surface table, which stay in place while forms are used; its key is
// the resolver's by number. A list of a million items has some fourteen million forms,
// so they take 32 bytes each.
struct Form {
    std::string_view text;
    std::uint32_t key_id = 0;   // numbers keys as they are first seen: the same key, the same number
    std::uint32_t mention = 0;  // resolution has fewer than 2^32 mentions
    enum class Role : std::uint8_t { name, acronym, description_alias } role = Role::name;
    bool main_name = false;  // the key of its mention's first name
};
static_assert(sizeof(Form) == 32);

class Resolver {
public:
    Resolver(const std::vector<Episode>& episodes, const ResolveOptions& options) : options_(options) {
        collect_mentions(episodes);
        steps_.mark("mentions");
        resize_touched(parent_, mentions_.size());
        std::iota(parent_.begin(), parent_.end(), 0);
        // Sized once: grown by doubling, fourteen million forms were copied and their
        // fresh pages touched again and again.
        reserve_touched(name_keys_, surface_.name_count());
        reserve_touched(name_key_start_, mentions_.size());
        reserve_touched(forms_, surface_.form_count());
        hash_views();
        for (std::size_t m = 0; m < mentions_.size(); ++m) add_forms(m);
        std::vector<std::uint64_t>().swap(view_hashes_);
        for (const auto& [left, right] : options_.aliases.distinct) {
            const auto a = key_of(left);
            const auto b = key_of(right);
            distinct_[a].insert(b);
            distinct_[b].insert(a);
        }
        // Keys of each cluster, kept only when distinct pairs must be checked at each union.
        if (!distinct_.empty())
            for (const auto& form : forms_) cluster_keys_[form.mention].insert(key_text(form));
        steps_.mark("forms");
    }

    ResolutionResult run() {
        merge_exact();
        steps_.mark("exact");
        merge_curated();
        steps_.mark("curated");
        number_claims();
        steps_.mark("claims");
        merge_aliases();
        steps_.mark("aliases");
        merge_organization_variants();
        steps_.mark("organization variants");
        merge_fuzzy();
        steps_.mark("fuzzy");
        merge_aliases();
        steps_.mark("aliases again");
        // The rules are done: their forms and claims (some 600 MB at a million
        // episodes) go before the result takes its room.
        std::vector<Form>().swap(forms_);
        std::vector<std::size_t>().swap(form_claim_);
        std::vector<std::size_t>().swap(claim_form_);
        auto result = build_result();
        steps_.mark("result");
        steps_.log();
        return result;
    }

private:
    // ---- input --------------------------------------------------------------------
    void collect_mentions(const std::vector<Episode>& episodes) {
        // Episodes whose ids increase give mentions in their final order at once. Else
        // they are sorted (stably: two may share an id) and the mentions sorted below.
        std::vector<const Episode*> by_id;
        for (const auto& episode : episodes) by_id.push_back(&episode);
        const auto id_order = [](const Episode* a, const Episode* b) { return a->id < b->id; };
        // Deduplicated episodes come in id order already, each id once.
        const auto out_of_order = [&](const Episode* a, const Episode* b) { return !id_order(a, b); };
        const bool ids_increase = std::adjacent_find(by_id.begin(), by_id.end(), out_of_order) == by_id.end();
        if (!ids_increase) std::stable_sort(by_id.begin(), by_id.end(), id_order);
        // Each episode's items fill their own slots, so episodes are read side by side.
        std::vector<std::size_t> first_mention(by_id.size() + 1, 0);
        for (std::size_t e = 0; e < by_id.size(); ++e)
            first_mention[e + 1] = first_mention[e] + (by_id[e]->entity_list ? by_id[e]->entity_list->items.size() : 0);
        if (first_mention.back() > std::numeric_limits<std::uint32_t>::max())
            throw Error(ErrorCategory::internal, "resolve: more than 2^32 list items");
        // Their pages are zeroed by the kernel on both cores, not by the thread
        // constructing them: some 750 MB at a million episodes.
        resize_touched(mentions_, first_mention.back());
        for_each_index_in_parallel(0, by_id.size(), 512, [&](std::size_t e) { collect_items(*by_id[e], first_mention[e]); });
        // Order-free: every later step walks mentions in this order.
        const auto before = [](const Mention& a, const Mention& b) {
            return std::tie(a.episode_id, a.item_index, a.raw_name, a.raw_type, a.description) <
                   std::tie(b.episode_id, b.item_index, b.raw_name, b.raw_type, b.description);
        };
        // Ids that increase put mentions in order at once: each episode's items come by index.
        if (!ids_increase && !std::is_sorted(mentions_.begin(), mentions_.end(), before))
            std::stable_sort(mentions_.begin(), mentions_.end(), before);
        surface_.fill(mentions_);
    }

    // The mentions of one episode's entity list, into the slots from `first` on.
    void collect_items(const Episode& episode, std::size_t first) {
        if (!episode.entity_list) return;
        const auto& items = episode.entity_list->items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto& mention = mentions_[first + i];
            mention.episode_id = episode.id;
            mention.item_index = static_cast<std::uint32_t>(i);
            mention.raw_name = items[i].name;
            mention.raw_type = items[i].type;
            mention.description = items[i].description;
            mention.kind = options_.type_map.kind_of(items[i].type);
        }
    }

    void add_forms(std::size_t m) {
        // Mentions are added in order, so the keys of mention m's names start here. Each
        // name is folded once (a lookup by text, among tens of millions at a million
        // episodes), and keys are compared by number.
        const auto first_key = name_keys_.size();
        name_key_start_.push_back(first_key);
        const auto names = surface_.names(m);
        const auto first_view = surface_.first_view(m);
        for (std::size_t p = 0; p < names.size(); ++p) name_keys_.push_back(&fold_view(first_view + p));
        auto add = [&](std::string_view text, const Folded& folded, Form::Role role) {
            if (folded.key.empty()) return;
            forms_.push_back({text, folded.key_id, static_cast<std::uint32_t>(m), role,
                              role == Form::Role::name && folded.key_id == name_key_id_of(m, 0)});
        };
        for (std::size_t p = 0; p < names.size(); ++p) add(names[p], *name_keys_[first_key + p], Form::Role::name);
        const auto acronyms = surface_.acronyms(m);
        for (std::size_t a = 0; a < acronyms.size(); ++a)
            add(acronyms[a], fold_view(first_view + names.size() + a), Form::Role::acronym);
        for (const auto& alias : surface_.description_aliases_of(m)) {
            const auto& folded = fold(alias);
            add(alias, folded, Form::Role::description_alias);
            former_keys_.insert(folded.key);
        }
    }

    int family(std::size_t m) const { return kind_family(mentions_[m].kind); }

    // ---- union-find with refusals -------------------------------------------------
    std::size_t find(std::size_t m) {
        while (parent_[m] != m) {
            parent_[m] = parent_[parent_[m]];
            m = parent_[m];
        }
        return m;
    }


    // Joins the clusters of a and b unless a curated distinct pair forbids it.
    // The texts are views: ten million exact merges at a million episodes need them
    // only for a refusal or a kept merge record.
    bool unite(std::size_t a, std::size_t b, std::string_view rule, std::string_view form_a, std::string_view form_b,
               std::optional<double> score = std::nullopt) {
        auto root_a = find(a);
        auto root_b = find(b);
        if (root_a == root_b) return false;
        if (!distinct_.empty()) {
            const auto& keys_a = cluster_keys_[root_a];
            const auto& keys_b = cluster_keys_[root_b];
            for (const auto& key : keys_a) {
                const auto it = distinct_.find(key);
                if (it == distinct_.end()) continue;
                for (const auto& other : it->second)
                    if (keys_b.count(other) > 0 && keys_a.count(other) == 0) {
                        refusals_.push_back({"distinct-pair", std::string(form_a) + " / " + std::string(form_b),
                                             {root_a, root_b},
                                             "the alias file declares '" + key + "' and '" + other + "' distinct; " +
                                                 std::string(rule) + " merge refused"});
                        return false;
                    }
            }
        }
        // The smaller mention index stays root, so roots do not depend on call order.
        if (root_b < root_a) std::swap(root_a, root_b);
        parent_[root_b] = root_a;
        if (!distinct_.empty()) {
            cluster_keys_[root_a].merge(cluster_keys_[root_b]);
            cluster_keys_.erase(root_b);
        }
        if (options_.keep_merges)
            merges_.push_back({{std::string(rule), std::string(form_a), std::string(form_b), score, ""}, a});
        return true;
    }

    // ---- rules --------------------------------------------------------------------
    void merge_exact() {
        // Key number -> kind family -> first mention: a million mentions share a few
        // hundred thousand keys, each with a slot for every family (a handful), found by
        // number; only the conflicts below are made maps.
        constexpr auto kFamilies = static_cast<std::size_t>(EntityKind::Other) + 1;
        constexpr auto kNoMention = std::numeric_limits<std::uint32_t>::max();
        std::vector<std::array<std::uint32_t, kFamilies>> first_with_key(key_by_id_.size());
        for (auto& slots : first_with_key) slots.fill(kNoMention);
        const auto first_of = [&](std::size_t m) -> std::uint32_t& {
            return first_with_key[name_key_id_of(m, 0)].at(static_cast<std::size_t>(family(m)));
        };
        // unite reads the names only for a merge record or a refusal. The first mention of
        // a key lies anywhere among ten million records: reading its name for nothing was
        // half of this step.
        const bool names_read = options_.keep_merges || !distinct_.empty();
        const auto raw_name = [&](std::size_t m) { return names_read ? mentions_[m].raw_name : std::string_view{}; };
        // A mention's key record and its key's slot lie far apart too: asked for ahead.
        constexpr std::size_t kRecordAhead = 16;
        constexpr std::size_t kSlotAhead = 8;
        for (std::size_t m = 0; m < mentions_.size(); ++m) {
            if (m + kRecordAhead < mentions_.size()) __builtin_prefetch(name_keys_[name_key_start_[m + kRecordAhead]]);
            if (m + kSlotAhead < mentions_.size()) __builtin_prefetch(&first_of(m + kSlotAhead));
            auto& first = first_of(m);
            if (first == kNoMention)
                first = static_cast<std::uint32_t>(m);
            else
                unite(first, m, "exact", raw_name(first), raw_name(m));
        }
        // Same name, different kind family: reported, not forced.
        std::map<std::string_view, std::map<int, std::size_t>> conflicts;
        for (std::size_t id = 0; id < first_with_key.size(); ++id) {
            const auto& slots = first_with_key[id];
            if (std::count_if(slots.begin(), slots.end(), [&](std::uint32_t m) { return m != kNoMention; }) < 2) continue;
            auto& families = conflicts[*key_by_id_[id]];
            for (std::size_t f = 0; f < kFamilies; ++f)
                if (slots[f] != kNoMention) families.emplace(static_cast<int>(f), slots[f]);
        }
        for (const auto& [key, families] : conflicts) {
            RefusalRecord refusal{"kind-conflict", std::string(surface_.names(families.begin()->second).front()), {}, ""};
            std::string kinds;
            for (const auto& [family_id, m] : families) {
                kinds += (kinds.empty() ? "" : ", ") + std::string(kind_name(mentions_[m].kind)) + " ('" +
                         std::string(mentions_[m].raw_type) + "')";
            }
            refusal.detail = "the same name is typed " + kinds + "; kept apart";
            pending_conflicts_.push_back({refusal, families});
        }
    }

    void merge_curated() {
        for (std::size_t c = 0; c < options_.aliases.entities.size(); ++c) {
            const auto& curated = options_.aliases.entities[c];
            std::set<std::string, std::less<>> keys{key_of(curated.canonical)};
            for (const auto& alias : curated.aliases) keys.insert(key_of(alias));
            std::optional<std::size_t> first;
            for (const auto& form : forms_) {
                if (keys.count(key_text(form)) == 0 || family(form.mention) != kind_family(curated.kind)) continue;
                curated_of_mention_[form.mention] = c;
                if (!first)
                    first = form.mention;
                else
                    unite(*first, form.mention, "curated", mentions_[*first].raw_name, form.text);
            }
        }
    }

    // Aliases ("A / B"), acronyms and description aliases, to a fixpoint. Each
    // round decides on a snapshot of the clusters, so the order of forms does not matter.
    // Each (kind family, key) that forms share is a claim; claims are numbered once,
    // in (family, key) order, so the rounds below work on integers, not strings. The
    // keys themselves are numbered in string order first, so millions of forms are
    // sorted by two integers and only the distinct keys by their text.
    void number_claims() {
        if (!form_claim_.empty() || forms_.empty()) return;
        // Only the distinct keys, a few for each entity, are sorted as strings, not the
        // forms' millions of views of them.
        std::vector<std::uint32_t> by_text(key_by_id_.size());
        std::iota(by_text.begin(), by_text.end(), std::uint32_t{0});
        std::sort(by_text.begin(), by_text.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return *key_by_id_[a] < *key_by_id_[b]; });
        // A slot for each (family, key number): the first form with it, then its claim.
        // Forms come in mention order, so a slot is read near the last; claims are then
        // numbered in (family, key text) order by walking the slots in that order.
        // Linear in the forms, where sorting fourteen million of them took most of
        // this step, and two counting passes over them (16 bytes each, scattered) most
        // of what was left.
        constexpr auto kNoForm = std::numeric_limits<std::uint32_t>::max();
        if (forms_.size() >= kNoForm) throw Error(ErrorCategory::internal, "resolve: 2^32 surface forms or more");
        const auto keys = key_by_id_.size();
        std::size_t families = 0;
        for (const auto& form : forms_) families = std::max(families, static_cast<std::size_t>(family(form.mention)) + 1);
        std::vector<std::uint32_t> slot(families * keys, kNoForm);
        const auto slot_of = [&](const Form& form) -> std::uint32_t& {
            return slot[static_cast<std::size_t>(family(form.mention)) * keys + form.key_id];
        };
        for (std::size_t f = 0; f < forms_.size(); ++f)
            if (auto& first = slot_of(forms_[f]); first == kNoForm) first = static_cast<std::uint32_t>(f);
        for (std::size_t family_number = 0; family_number < families; ++family_number)
            for (const auto key : by_text)
                if (auto& entry = slot[family_number * keys + key]; entry != kNoForm) {
                    claim_form_.push_back(entry);
                    entry = static_cast<std::uint32_t>(claim_form_.size() - 1);
                }
        form_claim_.resize(forms_.size());
        // Each form reads its mention's kind, one of millions far apart: side by side.
        for_each_index_in_parallel(0, forms_.size(), 1 << 16, [&](std::size_t f) { form_claim_[f] = slot_of(forms_[f]); });
    }

    void merge_aliases() {
        number_claims();
        // Made once for all rounds, not each round again from fresh pages (fourteen
        // million forms at a million episodes); the kernel zeroes the pages of those
        // sized at once on every core, which on this one took most of the rounds' time.
        std::vector<std::pair<std::size_t, std::size_t>> primary;
        std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> secondary;
        std::vector<std::size_t> root_of_form;
        resize_touched(root_of_form, forms_.size());
        std::vector<std::size_t> primary_begin;  // by claim: its entries in primary
        resize_touched(primary_begin, claim_form_.size() + 1);
        std::vector<bool> is_secondary(forms_.size());
        // Calls emit(claim, root, form) with the first selected form of each claim and
        // root, in (claim, root) order: the selected forms are bucketed by claim (claims
        // are numbers), then each claim's few entries sorted. Linear in the forms, where
        // sorting them all was not.
        std::vector<std::size_t> claim_start;  // by claim: its forms in bucket
        resize_touched(claim_start, claim_form_.size() + 1);
        std::vector<std::size_t> claim_head;
        resize_touched(claim_head, claim_form_.size());
        std::vector<std::pair<std::size_t, std::size_t>> bucket;  // (root, form) by claim
        const auto for_each_first_by_claim_and_root = [&](auto&& selected, auto&& emit) {
            std::fill(claim_start.begin(), claim_start.end(), 0);
            for (std::size_t f = 0; f < forms_.size(); ++f)
                if (selected(f)) ++claim_start[form_claim_[f] + 1];
            std::partial_sum(claim_start.begin(), claim_start.end(), claim_start.begin());
            resize_touched(bucket, claim_start.back());
            std::copy(claim_start.begin(), claim_start.end() - 1, claim_head.begin());
            for (std::size_t f = 0; f < forms_.size(); ++f)
                if (selected(f)) bucket[claim_head[form_claim_[f]]++] = {root_of_form[f], f};
            for (std::size_t claim = 0; claim + 1 < claim_start.size(); ++claim) {
                const auto first = bucket.begin() + static_cast<std::ptrdiff_t>(claim_start[claim]);
                const auto last = bucket.begin() + static_cast<std::ptrdiff_t>(claim_start[claim + 1]);
                std::sort(first, last);
                for (auto it = first; it != last; ++it)
                    if (it == first || it->first != std::prev(it)->first) emit(claim, it->first, it->second);
            }
        };
        for (int round = 0; round < 16; ++round) {
            // (claim, root) where the key is a cluster's main name; (claim, root, form)
            // where it is only an alias or acronym, the first such form per cluster.
            primary.clear();
            secondary.clear();
            for (std::size_t f = 0; f < forms_.size(); ++f) root_of_form[f] = find(forms_[f].mention);
            for_each_first_by_claim_and_root([&](std::size_t f) { return forms_[f].main_name; },
                                             [&](std::size_t claim, std::size_t root, std::size_t) {
                                                 primary.emplace_back(claim, root);
                                             });
            // Claims are numbers: a form finds its claim's few entries at once, not by
            // bisecting them all.
            std::fill(primary_begin.begin(), primary_begin.end(), 0);
            for (const auto& [claim, root] : primary) ++primary_begin[claim + 1];
            std::partial_sum(primary_begin.begin(), primary_begin.end(), primary_begin.begin());
            for (std::size_t f = 0; f < forms_.size(); ++f) {
                const std::pair<std::size_t, std::size_t> entry{form_claim_[f], root_of_form[f]};
                const auto first = primary.begin() + static_cast<std::ptrdiff_t>(primary_begin[entry.first]);
                const auto last = primary.begin() + static_cast<std::ptrdiff_t>(primary_begin[entry.first + 1]);
                is_secondary[f] = !std::binary_search(first, last, entry);
            }
            for_each_first_by_claim_and_root([&](std::size_t f) { return is_secondary[f]; },
                                             [&](std::size_t claim, std::size_t root, std::size_t f) {
                                                 secondary.emplace_back(claim, root, f);
                                             });

            std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string, std::string>> decisions;
            auto primary_at = primary.begin();
            for (auto begin = secondary.begin(); begin != secondary.end();) {
                const auto claim = std::get<0>(*begin);
                auto end = begin;
                while (end != secondary.end() && std::get<0>(*end) == claim) ++end;
                while (primary_at != primary.end() && primary_at->first < claim) ++primary_at;
                auto primary_end = primary_at;
                while (primary_end != primary.end() && primary_end->first == claim) ++primary_end;
                const auto primary_count = static_cast<std::size_t>(primary_end - primary_at);
                const auto secondary_count = static_cast<std::size_t>(end - begin);
                const auto& first = forms_[std::get<2>(*begin)];  // of the smallest root
                const bool acronym = std::any_of(begin, end, [&](const auto& entry) {
                    return forms_[std::get<2>(entry)].role == Form::Role::acronym;
                });
                if (secondary_count + primary_count >= 3 || primary_count >= 2 ||
                    (primary_count == 0 && secondary_count >= 2)) {
                    std::vector<std::size_t> roots;
                    for (auto it = primary_at; it != primary_end; ++it) roots.push_back(it->second);
                    for (auto it = begin; it != end; ++it) roots.push_back(std::get<1>(*it));
                    const auto reason = acronym ? "ambiguous-acronym" : "ambiguous-alias";
                    if (reported_ambiguous_.insert(key_text(forms_[claim_form_[claim]])).second)
                        ambiguous_.push_back({reason, std::string(first.text), roots,
                                              "'" + std::string(first.text) + "' names " + std::to_string(roots.size()) +
                                                  " different entities; merges none"});
                } else if (primary_count == 1) {
                    const auto rule = first.role == Form::Role::acronym            ? "acronym"
                                      : first.role == Form::Role::description_alias ? "description-alias"
                                                                                    : "alias";
                    decisions.emplace_back(primary_at->second, first.mention, rule,
                                           surface_.names(primary_at->second).front(), mentions_[first.mention].raw_name);
                }
                begin = end;
            }
            bool changed = false;
            for (const auto& [target, mention, rule, form_a, form_b] : decisions)
                changed |= unite(target, mention, rule, form_a, form_b);
            if (!changed) break;
        }
    }

    void merge_organization_variants() {
        // Main names of organization clusters, by views of their keys.
        // Each key goes in once, with its first mention: by its number, not by
        // looking a million names up again.
        std::map<std::string_view, std::size_t> organization_by_key;
        std::vector<bool> key_seen(key_by_id_.size(), false);
        for (std::size_t m = 0; m < mentions_.size(); ++m) {
            if (mentions_[m].kind != EntityKind::Organization) continue;
            for (std::size_t p = 0; p < surface_.names(m).size(); ++p) {
                const auto id = name_key_id_of(m, p);
                if (key_seen[id]) continue;
                key_seen[id] = true;
                organization_by_key.emplace(name_key_of(m, p), m);
            }
        }
        std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string, std::string>> decisions;
        // "Modular AI" / "Modular", "Acme Inc." / "Acme": names equal once generic suffixes are dropped.
        std::map<std::string, std::vector<std::string_view>> by_stem;
        for (const auto& [key, m] : organization_by_key) {
            auto words = split_on_spaces(key);
            while (words.size() > 1 && is_organization_suffix(words.back())) words.pop_back();
            std::string stem;
            for (const auto& word : words) stem += (stem.empty() ? "" : " ") + word;
            by_stem[stem].push_back(key);
        }
        for (const auto& [stem, keys] : by_stem)
            for (std::size_t i = 1; i < keys.size(); ++i)
                decisions.emplace_back(organization_by_key[keys[0]], organization_by_key[keys[i]], "org-suffix",
                                       mentions_[organization_by_key[keys[0]]].raw_name,
                                       mentions_[organization_by_key[keys[i]]].raw_name);
        // "Google DeepMind" / "DeepMind": a one-word parent before a known unit
        // merges into the unit; the parent alone ("Meta") never takes the unit in.
        for (const auto& [key, m] : organization_by_key) {
            const auto space = key.find(' ');
            if (space == std::string_view::npos) continue;
            const auto unit = key.substr(space + 1);
            const auto it = organization_by_key.find(unit);
            if (it == organization_by_key.end()) continue;
            qualified_keys_.insert(std::string(key));
            decisions.emplace_back(it->second, m, "parent-qualified", mentions_[it->second].raw_name, mentions_[m].raw_name);
        }
        for (const auto& [a, b, rule, form_a, form_b] : decisions) unite(a, b, rule, form_a, form_b);
    }

    // Typos: names of the same family and word count whose words agree except
    // for small edits in long words. Never numbers, prefixes, containment, or
    // people sharing only one name part.
    void merge_fuzzy() {
        struct Candidate {
            std::string_view key;
            std::string_view text;
            std::size_t mention;
        };
        std::map<std::string, std::vector<Candidate>> blocks;
        // The first name form of each claim, (kind family, key), numbered by merge_aliases.
        number_claims();
        std::vector<bool> seen(claim_form_.size(), false);
        for (std::size_t f = 0; f < forms_.size(); ++f) {
            const auto& form = forms_[f];
            if (form.role != Form::Role::name || seen[form_claim_[f]]) continue;
            seen[form_claim_[f]] = true;
            const auto words = split_on_spaces(key_text(form));
            std::string block = std::to_string(family(form.mention)) + '|' + std::to_string(words.size()) + '|';
            for (const auto& word : words) block += word.substr(0, 1);
            blocks[block].push_back({key_text(form), form.text, form.mention});
        }
        // Candidates numbered in block order: pairs decided in (a, b) order are decided
        // as a walk over every pair of each block would decide them.
        std::vector<const Candidate*> ordered;
        std::vector<std::string_view> keys;
        std::vector<std::uint32_t> block_of;
        std::uint32_t block_number = 0;
        for (const auto& [block, candidates] : blocks) {
            for (const auto& candidate : candidates) {
                ordered.push_back(&candidate);
                keys.emplace_back(candidate.key);
                block_of.push_back(block_number);
            }
            ++block_number;
        }
        // Scores depend on the keys alone, so they are worked out on every core; which
        // pairs are already joined is then read in order.
        const auto pairs = close_pairs(keys, block_of);
        std::vector<std::optional<double>> scores(pairs.size());
        for_each_index_in_parallel(0, pairs.size(), 4096, [&](std::size_t p) {
            const auto& a = *ordered[pairs[p].first];
            const auto& b = *ordered[pairs[p].second];
            scores[p] = fuzzy_score(a.key, b.key, mentions_[a.mention].kind == EntityKind::Person);
        });
        std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string, double>> decisions;
        for (std::size_t p = 0; p < pairs.size(); ++p) {
            const auto& a = *ordered[pairs[p].first];
            const auto& b = *ordered[pairs[p].second];
            if (scores[p] && find(a.mention) != find(b.mention))
                decisions.emplace_back(a.mention, b.mention, std::string(a.text), std::string(b.text), *scores[p]);
        }
        for (const auto& [a, b, text_a, text_b, score] : decisions) unite(a, b, "fuzzy", text_a, text_b, score);
    }

    // The pairs (a < b) of the same block that fuzzy_score may accept, in order: those
    // whose last words are equal or within the edit distance it allows (the block
    // already holds the word count and every word's first letter). Found through
    // signatures instead of trying every pair of a block, as blocks grow with the
    // vocabulary and every pair of them would be a quadratic step.
    static std::vector<std::pair<std::uint32_t, std::uint32_t>> close_pairs(const std::vector<std::string_view>& keys,
                                                                         const std::vector<std::uint32_t>& block_of) {
        // Signatures made on every core, a run of candidates to a slot; sorted, their order
        // of making does not matter.
        const auto anchor = anchor_words(keys, block_of);
        constexpr std::size_t kRun = 4096;
        std::vector<std::vector<std::pair<std::uint64_t, std::uint32_t>>> signed_runs((keys.size() + kRun - 1) / kRun);
        for_each_index_in_parallel(0, signed_runs.size(), 1, [&](std::size_t run) {
            std::vector<std::uint64_t> neighbourhood;
            const auto end = std::min(keys.size(), (run + 1) * kRun);
            for (auto c = static_cast<std::uint32_t>(run * kRun); c < end; ++c) {
                const auto words = split_words(keys[c]);
                if (words.empty()) continue;
                deletion_neighbourhood(words[std::min<std::size_t>(anchor[block_of[c]], words.size() - 1)], neighbourhood);
                for (const auto variant : neighbourhood) signed_runs[run].emplace_back(mix(block_of[c], variant), c);
            }
        });
        std::vector<std::pair<std::uint64_t, std::uint32_t>> signed_candidates;
        std::size_t signatures = 0;
        for (const auto& run : signed_runs) signatures += run.size();
        signed_candidates.reserve(signatures);
        for (auto& run : signed_runs) {
            signed_candidates.insert(signed_candidates.end(), run.begin(), run.end());
            std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(run);
        }
        parallel_sort(signed_candidates.begin(), signed_candidates.end());
        const auto same_signature = [&](std::size_t i, std::size_t j) {
            return signed_candidates[i].first == signed_candidates[j].first;
        };
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (std::size_t begin = 0, end = 0; begin < signed_candidates.size(); begin = end) {
            for (end = begin + 1; end < signed_candidates.size() && same_signature(begin, end); ++end) {}
            for (auto i = begin; i < end; ++i)
                for (auto j = i + 1; j < end; ++j) {
                    const auto a = signed_candidates[i].second;
                    const auto b = signed_candidates[j].second;
                    if (block_of[a] == block_of[b]) pairs.emplace_back(a, b);  // else a hash collision
                }
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        return pairs;
    }

    // Which word of its names each block pairs candidates by: fuzzy_score lets two
    // names differ only word by word (the same count, each pair within its edit
    // distance), so two names it accepts share a signature at every place, and any one
    // place finds them all. The place where the block's names have the most distinct
    // words (the last among equals) pairs the fewest others: "Axilonum Labs" and
    // "Aquila Labs" share their last word, not their first. Blocks are runs in
    // candidate order.
    static std::vector<std::size_t> anchor_words(const std::vector<std::string_view>& keys,
                                                 const std::vector<std::uint32_t>& block_of) {
        std::vector<std::size_t> block_begin;
        for (std::size_t c = 0; c < keys.size(); ++c)
            if (c == 0 || block_of[c] != block_of[c - 1]) block_begin.push_back(c);
        block_begin.push_back(keys.size());
        std::vector<std::size_t> anchor(block_begin.size(), 0);
        for_each_index_in_parallel(0, block_begin.size() - 1, 64, [&](std::size_t b) {
            std::vector<std::unordered_set<std::string_view>> distinct;
            for (auto c = block_begin[b]; c < block_begin[b + 1]; ++c) {
                const auto words = split_words(keys[c]);
                if (distinct.size() < words.size()) distinct.resize(words.size());
                for (std::size_t i = 0; i < words.size(); ++i) distinct[i].insert(words[i]);
            }
            std::size_t best = 0;
            for (std::size_t i = 0; i < distinct.size(); ++i)
                if (distinct[i].size() >= distinct[best].size()) best = i;
            anchor[block_of[block_begin[b]]] = best;
        });
        return anchor;
    }

    // Hashes of a word and of what is left of it after deleting one character, or up
    // to two when it has ten or more: two words within the edit distance fuzzy_score
    // allows (1, or 2 when both have ten characters) always share one. A word it
    // never lets differ (under five characters, or with a digit) is only itself.
    static void deletion_neighbourhood(std::string_view word, std::vector<std::uint64_t>& hashes) {
        const auto characters = decode_utf8(word);
        const auto hash = [](std::u32string_view text) {
            return static_cast<std::uint64_t>(std::hash<std::u32string_view>{}(text));
        };
        hashes.assign(1, hash(characters));
        if (characters.size() >= 5 && !has_digit(word)) {
            std::u32string shorter;
            std::u32string shortest;
            for (std::size_t i = 0; i < characters.size(); ++i) {
                shorter.assign(characters).erase(i, 1);
                hashes.push_back(hash(shorter));
                if (characters.size() < 10) continue;
                for (std::size_t j = i; j < shorter.size(); ++j) {
                    shortest.assign(shorter).erase(j, 1);
                    hashes.push_back(hash(shortest));
                }
            }
        }
        std::sort(hashes.begin(), hashes.end());
        hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    }

    static std::uint64_t mix(std::uint64_t seed, std::uint64_t value) {
        // splitmix64's finalizer over the pair: signatures of different parts rarely collide.
        auto z = seed * 0x9e3779b97f4a7c15ULL + value + 0x632be59bd9b4e019ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    static std::optional<double> fuzzy_score(std::string_view a, std::string_view b, bool people) {
        if (a == b) return std::nullopt;
        if (a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos) return std::nullopt;  // containment
        if (digits_of(a) != digits_of(b)) return std::nullopt;  // versions and numbers
        const auto words_a = split_on_spaces(a);
        const auto words_b = split_on_spaces(b);
        if (words_a.size() != words_b.size()) return std::nullopt;
        std::size_t differing = 0;
        std::size_t total = 0;
        for (std::size_t i = 0; i < words_a.size(); ++i) {
            if (words_a[i] == words_b[i]) continue;
            ++differing;
            const auto wa = decode_utf8(words_a[i]);
            const auto wb = decode_utf8(words_b[i]);
            if (has_digit(words_a[i]) || has_digit(words_b[i])) return std::nullopt;
            if (std::min(wa.size(), wb.size()) < 5 || wa.front() != wb.front()) return std::nullopt;
            const auto distance = edit_distance(wa, wb);
            if (distance > (std::min(wa.size(), wb.size()) >= 10 ? 2U : 1U)) return std::nullopt;
            total += distance;
        }
        if (differing == 0 || (!people && differing > 1)) return std::nullopt;
        // A person's one-word name is too little to go on.
        if (people && words_a.size() < 2) return std::nullopt;
        const auto length = std::max(decode_utf8(a).size(), decode_utf8(b).size());
        return 1.0 - static_cast<double>(total) / static_cast<double>(length);
    }

    // ---- result -------------------------------------------------------------------
    ResolutionResult build_result() {
        ResolutionResult result;
        // Clusters by root, roots ascending, members in mention order.
        std::vector<std::size_t> root_of(mentions_.size());
        std::vector<std::size_t> member_start(mentions_.size() + 1, 0);
        for (std::size_t m = 0; m < mentions_.size(); ++m) ++member_start[(root_of[m] = find(m)) + 1];
        for (std::size_t r = 0; r < mentions_.size(); ++r) member_start[r + 1] += member_start[r];
        std::vector<std::size_t> by_root(mentions_.size());
        {
            auto next = member_start;
            for (std::size_t m = 0; m < mentions_.size(); ++m) by_root[next[root_of[m]]++] = m;
        }
        // Distinct (first name's key, kind family) pairs: keys by their numbers, each with
        // a bit per family (there are six kinds), instead of ten million hashed strings.
        std::vector<std::uint32_t> key_of_mention(mentions_.size());
        std::vector<std::uint8_t> family_of_mention(mentions_.size());
        for_each_index_in_parallel(0, mentions_.size(), 1 << 16, [&](std::size_t m) {
            key_of_mention[m] = name_key_id_of(m, 0);
            family_of_mention[m] = static_cast<std::uint8_t>(family(m));
        });
        std::vector<std::uint32_t> families_of_key(key_by_id_.size(), 0);
        for (std::size_t m = 0; m < mentions_.size(); ++m)
            families_of_key[key_of_mention[m]] |= std::uint32_t{1} << family_of_mention[m];
        result.distinct_names_before = 0;
        for (const auto families : families_of_key)
            result.distinct_names_before += static_cast<std::size_t>(std::popcount(families));

        // One entity per cluster, in root order; each made from its members alone, so
        // clusters are made side by side into their own slots.
        std::vector<std::size_t> entity_of_root(mentions_.size(), 0);
        std::vector<std::size_t> cluster_roots;
        for (std::size_t root = 0; root < mentions_.size(); ++root)
            if (member_start[root] != member_start[root + 1]) {
                entity_of_root[root] = cluster_roots.size();
                cluster_roots.push_back(root);
            }
        result.entities.resize(cluster_roots.size());
        for_each_index_in_parallel(0, cluster_roots.size(), 1024, [&](std::size_t e) {
            const auto root = cluster_roots[e];
            const std::vector<std::size_t> members(by_root.begin() + static_cast<std::ptrdiff_t>(member_start[root]),
                                                   by_root.begin() + static_cast<std::ptrdiff_t>(member_start[root + 1]));
            result.entities[e] = make_entity(members);
        });
        // Colliding ids ("C#" and "C" both slug to "c") get -2, -3 in the order of
        // their first mention, which is itself order-free.
        // A suffix never takes an id another entity has by itself ("C 2" is software:c-2).
        std::map<std::string, std::vector<std::size_t>> by_id;
        for (std::size_t e = 0; e < result.entities.size(); ++e) by_id[result.entities[e].id].push_back(e);
        std::set<std::string> taken;
        for (const auto& [id, entities] : by_id) taken.insert(id);
        for (const auto& [id, entities] : by_id) {
            std::size_t suffix = 2;
            for (std::size_t i = 1; i < entities.size(); ++i) {
                while (taken.contains(id + "-" + std::to_string(suffix))) ++suffix;
                result.entities[entities[i]].id = id + "-" + std::to_string(suffix);
                taken.insert(result.entities[entities[i]].id);
            }
        }

        // Sort entities by id and remap.
        std::vector<std::size_t> order(result.entities.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return result.entities[a].id < result.entities[b].id; });
        std::vector<std::size_t> new_index(order.size());
        std::vector<ResolvedEntity> sorted;
        sorted.reserve(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            new_index[order[i]] = i;
            sorted.push_back(std::move(result.entities[order[i]]));
        }
        result.entities = std::move(sorted);
        // On every core: each mention reads two entries far apart.
        resize_touched(result.entity_of_mention, mentions_.size());
        for_each_index_in_parallel(0, mentions_.size(), 1 << 16, [&](std::size_t m) {
            result.entity_of_mention[m] = new_index[entity_of_root[root_of[m]]];
        });
        auto id_of_mention = [&](std::size_t m) -> const std::string& {
            return result.entities[result.entity_of_mention[m]].id;
        };

        // Sorted by (entity id, rule, forms): entity indexes follow id order, and integers
        // compare faster than ids that mostly share their first letters.
        std::vector<std::size_t> entity_of_merge(merges_.size());
        for (std::size_t i = 0; i < merges_.size(); ++i) {
            entity_of_merge[i] = result.entity_of_mention[merges_[i].mention];
            merges_[i].record.entity = result.entities[entity_of_merge[i]].id;
        }
        std::vector<std::size_t> merge_order(merges_.size());
        std::iota(merge_order.begin(), merge_order.end(), std::size_t{0});
        std::sort(merge_order.begin(), merge_order.end(), [&](std::size_t a, std::size_t b) {
            const auto& x = merges_[a].record;
            const auto& y = merges_[b].record;
            return std::tie(entity_of_merge[a], x.rule, x.form_a, x.form_b) < std::tie(entity_of_merge[b], y.rule, y.form_a, y.form_b);
        });
        result.merges.reserve(merges_.size());
        for (const auto i : merge_order) result.merges.push_back(std::move(merges_[i].record));
        std::vector<PendingMerge>().swap(merges_);
        auto add_refusal = [&](RefusalRecord refusal, const std::vector<std::size_t>& roots) {
            std::set<std::string> ids_involved;
            for (const auto root : roots) ids_involved.insert(id_of_mention(root));
            refusal.entities.assign(ids_involved.begin(), ids_involved.end());
            result.refusals.push_back(std::move(refusal));
        };
        for (const auto& [refusal, families] : pending_conflicts_) {
            std::vector<std::size_t> roots;
            for (const auto& [family_id, m] : families) roots.push_back(m);
            add_refusal(refusal, roots);
        }
        for (const auto& pending : refusals_) add_refusal({pending.reason, pending.form, {}, pending.detail}, pending.roots);
        for (const auto& pending : ambiguous_) add_refusal({pending.reason, pending.form, {}, pending.detail}, pending.roots);
        std::sort(result.refusals.begin(), result.refusals.end(), [](const RefusalRecord& a, const RefusalRecord& b) {
            return std::tie(a.reason, a.form, a.entities, a.detail) < std::tie(b.reason, b.form, b.entities, b.detail);
        });
        result.refusals.erase(std::unique(result.refusals.begin(), result.refusals.end(),
                                          [](const RefusalRecord& a, const RefusalRecord& b) {
                                              return std::tie(a.reason, a.form, a.entities) ==
                                                     std::tie(b.reason, b.form, b.entities);
                                          }),
                              result.refusals.end());
        result.mentions = std::move(mentions_);
        return result;
    }

    // A name folded to its key, and the key's number: one for each name text.
    struct Folded {
        std::string key;
        std::uint32_t key_id = 0;
    };

    // Each name text's record, found by an open-addressing table of hashes: a million
    // episodes fold some fourteen million names, among hundreds of thousands of distinct
    // ones, and a lookup that waited for memory at each of its steps took most of the
    // forms step. Here its slot and then its record can be asked for ahead of the
    // lookup (prefetch_slot, prefetch_record). Records never move.
    class NameTable {
    public:
        struct Record {
            std::string name;
            Folded folded;
        };

        static std::uint64_t hash_of(std::string_view name) noexcept { return std::hash<std::string_view>{}(name); }

        void prefetch_slot(std::uint64_t hash) const noexcept { __builtin_prefetch(&slots_[hash & mask_]); }
        // The record in the name's first slot, when that slot holds one of its hash.
        void prefetch_record(std::uint64_t hash) const noexcept {
            if (const auto& slot = slots_[hash & mask_]; slot.hash == hash && slot.record != nullptr)
                __builtin_prefetch(slot.record);
        }

        Record* find(std::string_view name, std::uint64_t hash) const noexcept {
            for (auto at = hash & mask_;; at = (at + 1) & mask_) {
                const auto& slot = slots_[at];
                if (slot.record == nullptr) return nullptr;
                if (slot.hash == hash && slot.record->name == name) return slot.record;
            }
        }

        // For a name find() does not know.
        Record& add(std::string_view name, std::uint64_t hash, Folded folded) {
            if (2 * (records_.size() + 1) > slots_.size()) grow();
            auto& record = records_.emplace_back(Record{std::string(name), std::move(folded)});
            place({hash, &record});
            return record;
        }

    private:
        struct Slot {
            std::uint64_t hash = 0;
            Record* record = nullptr;
        };

        void place(Slot slot) {
            auto at = slot.hash & mask_;
            while (slots_[at].record != nullptr) at = (at + 1) & mask_;
            slots_[at] = slot;
        }

        // Twice the slots, at least half of them free.
        void grow() {
            auto old = std::move(slots_);
            slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
            mask_ = slots_.size() - 1;
            for (const auto& slot : old)
                if (slot.record != nullptr) place(slot);
        }

        std::vector<Slot> slots_ = std::vector<Slot>(1024);
        std::size_t mask_ = 1023;
        std::deque<Record> records_;
    };

    // Each distinct spelling among a cluster's names, with how often and how early
    // (place within "A / B") its members write it. A spelling is known by its folded
    // record, one for each text: a popular entity's hundreds of thousands of names are
    // counted by pointer, and only its few spellings are compared as texts.
    struct Spelling {
        const Folded* folded;
        std::string_view text;
        std::size_t count = 0;
        std::size_t position = 0;
    };

    std::vector<Spelling> tally_spellings(const std::vector<std::size_t>& members) const {
        std::vector<Spelling> spellings;
        std::unordered_map<const Folded*, std::size_t> index;  // into spellings
        for (const auto m : members) {
            const auto names = surface_.names(m);
            for (std::size_t p = 0; p < names.size(); ++p) {
                const Folded* folded = name_keys_[name_key_start_[m] + p];
                const auto [it, added] = index.try_emplace(folded, spellings.size());
                if (added) spellings.push_back({folded, names[p], 0, p});
                auto& spelling = spellings[it->second];
                ++spelling.count;
                spelling.position = std::min(spelling.position, p);
            }
        }
        return spellings;
    }

    // The entity of one cluster, its members in mention order.
    ResolvedEntity make_entity(const std::vector<std::size_t>& members) const {
        ResolvedEntity entity;
        entity.kind = majority_kind(members);
        const auto spellings = tally_spellings(members);
        const auto curated = curated_of_cluster(members);
        entity.name = curated ? options_.aliases.entities[*curated].canonical : canonical_name(spellings);
        // Views of the episodes' texts and of surface_, copied out below.
        std::set<std::string_view> aliases;
        std::set<std::string_view> types;
        for (const auto& spelling : spellings) aliases.insert(spelling.text);
        std::optional<std::string_view> last_type;  // items mostly repeat the type of the one before
        for (const auto m : members) {
            const auto& mention = mentions_[m];
            for (const auto& acronym : surface_.acronyms(m)) aliases.insert(acronym);
            for (const auto& alias : surface_.description_aliases_of(m)) aliases.insert(alias);
            // An item's name is mostly its one name, a view of the same text, in already.
            const auto names = surface_.names(m);
            if (names.size() != 1 || names[0].data() != mention.raw_name.data() || names[0].size() != mention.raw_name.size())
                aliases.insert(mention.raw_name);
            if (last_type != mention.raw_type) {
                types.insert(mention.raw_type);
                last_type = mention.raw_type;
            }
        }
        entity.mentions = members;
        if (curated)
            for (const auto& alias : options_.aliases.entities[*curated].aliases) aliases.insert(alias);
        aliases.erase(entity.name);
        entity.aliases.assign(aliases.begin(), aliases.end());
        entity.source_types.assign(types.begin(), types.end());
        auto slug = slugify(entity.name);
        if (slug.empty()) slug = "unnamed";
        entity.id = std::string(kind_id_prefix(entity.kind)) + ":" + slug;
        return entity;
    }

    EntityKind majority_kind(const std::vector<std::size_t>& members) const {
        std::array<std::size_t, static_cast<std::size_t>(EntityKind::Other) + 1> counts{};
        for (const auto m : members) ++counts.at(static_cast<std::size_t>(mentions_[m].kind));
        // Most frequent; ties go to the earlier kind in the enum (Software before Product).
        const auto most = std::max_element(counts.begin(), counts.end());  // the first of the largest
        return static_cast<EntityKind>(most - counts.begin());
    }

    std::optional<std::size_t> curated_of_cluster(const std::vector<std::size_t>& members) const {
        std::optional<std::size_t> curated;
        if (curated_of_mention_.empty()) return curated;
        for (const auto m : members)
            if (const auto it = curated_of_mention_.find(m); it != curated_of_mention_.end())
                if (!curated || it->second < *curated) curated = it->second;
        return curated;
    }

    // The canonical name (unless curated): the most frequent full name; ties go to the
    // name written first in "A / B", then to the name with more words, then to the
    // smaller key, then to the smaller spelling.
    // Parent-qualified names ("Google DeepMind") yield to the unit, former names
    // ("Clawdbot") to the current one.
    std::string canonical_name(const std::vector<Spelling>& spellings) const {
        // Spellings by key (folded name): each choice below is a strict total order, so
        // the map's order cannot matter.
        struct Tally {
            std::string_view key;
            std::size_t count = 0;
            std::size_t position = std::numeric_limits<std::size_t>::max();  // earliest place within "A / B"
            std::vector<const Spelling*> spellings;
        };
        std::unordered_map<std::uint32_t, Tally> keys;  // by key number
        for (const auto& spelling : spellings) {
            auto& tally = keys[spelling.folded->key_id];
            tally.key = spelling.folded->key;
            tally.count += spelling.count;
            tally.position = std::min(tally.position, spelling.position);
            tally.spellings.push_back(&spelling);
        }
        const auto rank = [&](const Tally& tally) {
            const bool yields = qualified_keys_.contains(tally.key) || former_keys_.contains(tally.key);
            return std::make_tuple(yields, -static_cast<long>(tally.count), tally.position,
                                   -static_cast<long>(split_words(tally.key).size()), tally.key);
        };
        const auto best = std::min_element(keys.begin(), keys.end(),
                                           [&](const auto& a, const auto& b) { return rank(a.second) < rank(b.second); });
        const auto& forms = best->second.spellings;
        return std::string((*std::max_element(forms.begin(), forms.end(), [](const Spelling* a, const Spelling* b) {
                               return a->count < b->count || (a->count == b->count && a->text > b->text);
                           }))->text);
    }

    struct PendingMerge {
        MergeRecord record;
        std::size_t mention;
    };
    struct PendingRefusal {
        std::string reason;
        std::string form;
        std::vector<std::size_t> roots;
        std::string detail;
    };

    const ResolveOptions& options_;
    internal::StepTimes steps_{"resolve"};
    // name_key is Unicode folding: a hundred thousand list items repeat a few thousand
    // names, so each is folded once.
    const Folded& fold(std::string_view name) const { return fold(name, NameTable::hash_of(name)); }
    const Folded& fold(std::string_view name, std::uint64_t hash) const {
        if (const auto* record = names_.find(name, hash)) return record->folded;
        auto& folded = names_.add(name, hash, Folded{name_key(name), 0}).folded;
        const auto [id, added] = key_ids_.try_emplace(folded.key, static_cast<std::uint32_t>(key_by_id_.size()));
        if (added) key_by_id_.push_back(&folded.key);
        folded.key_id = id->second;
        return folded;
    }

    // The names and acronyms of every mention, in the order add_forms folds them (its
    // surface table's views), each folded with its text, slot and record asked for from
    // memory some views ahead. Call with k = 0, 1, 2, ... in turn, after hash_views().
    const Folded& fold_view(std::size_t k) {
        constexpr std::size_t kRecordAhead = 8;
        constexpr std::size_t kSlotAhead = 16;
        const auto views = surface_.views();
        const auto ask_ahead = [&](std::size_t ahead) {
            __builtin_prefetch(views[ahead].data());
            names_.prefetch_slot(view_hashes_[ahead]);
        };
        if (k == 0)
            for (std::size_t ahead = 0; ahead < std::min(kSlotAhead, views.size()); ++ahead) ask_ahead(ahead);
        if (k + kSlotAhead < views.size()) ask_ahead(k + kSlotAhead);
        if (k + kRecordAhead < views.size()) names_.prefetch_record(view_hashes_[k + kRecordAhead]);
        return fold(views[k], view_hashes_[k]);
    }
    // Every view's hash, on every core: each reads a name far from the last (the list
    // items' texts), and hashed one by one as they were folded, that reading took half
    // of the folding at a million episodes.
    void hash_views() {
        const auto views = surface_.views();
        resize_touched(view_hashes_, views.size());
        for_each_index_in_parallel(0, views.size(), std::size_t{1} << 16,
                                   [&](std::size_t k) { view_hashes_[k] = NameTable::hash_of(views[k]); });
    }
    const std::string& key_of(std::string_view name) const { return fold(name).key; }
    const std::string& key_text(const Form& form) const { return *key_by_id_[form.key_id]; }

    // The key of mention m's name p, folded once, and its number.
    [[nodiscard]] const std::string& name_key_of(std::size_t m, std::size_t p) const {
        return name_keys_[name_key_start_[m] + p]->key;
    }
    [[nodiscard]] std::uint32_t name_key_id_of(std::size_t m, std::size_t p) const {
        return name_keys_[name_key_start_[m] + p]->key_id;
    }

    mutable NameTable names_;  // name -> name_key(name) and its number
    mutable std::unordered_map<std::string_view, std::uint32_t> key_ids_;  // distinct keys, views into names_
    mutable std::vector<const std::string*> key_by_id_;                    // into names_, whose records never move
    std::vector<const Folded*> name_keys_;                                 // into names_
    std::vector<std::uint64_t> view_hashes_;  // by view, while add_forms folds them
    std::vector<std::size_t> name_key_start_;                     // by mention
    std::vector<Mention> mentions_;
    SurfaceTable surface_;  // by mention; resolution's own
    std::vector<Form> forms_;
    std::vector<std::size_t> form_claim_;  // by form: its claim, numbered in (family, key) order
    std::vector<std::size_t> claim_form_;  // by claim: a form that has it
    std::vector<std::size_t> parent_;
    std::map<std::string, std::set<std::string>> distinct_;
    std::map<std::size_t, std::set<std::string>> cluster_keys_;
    std::map<std::size_t, std::size_t> curated_of_mention_;
    std::set<std::string, std::less<>> qualified_keys_;
    std::set<std::string, std::less<>> former_keys_;  // former names stated in descriptions
    std::set<std::string> reported_ambiguous_;
    std::vector<PendingMerge> merges_;
    std::vector<PendingRefusal> refusals_;
    std::vector<PendingRefusal> ambiguous_;
    std::vector<std::pair<RefusalRecord, std::map<int, std::size_t>>> pending_conflicts_;
};

}  // namespace

std::string name_key(std::string_view name) {
    auto text = normalize_text(name);
    // Punctuation separates words but carries no meaning for matching ("GPT-5" = "GPT 5").
    for (auto& c : text)
        if (std::string_view(".,:;!?'\"()[]{}/\\-_*").find(c) != std::string_view::npos) c = ' ';
    auto key = collapse_whitespace(text);
    // A name of punctuation only ("...", "!!!") is its own key, so two such names never
    // match just because both fold to nothing.
    if (key.empty()) return collapse_whitespace(normalize_text(name));
    return key;
}

void split_surface_forms(const std::string& raw_name, std::vector<std::string>& names,
                         std::vector<std::string>& acronyms) {
    std::vector<std::string_view> name_views;
    std::vector<std::string_view> acronym_views;
    split_surface_forms(std::string_view(raw_name), name_views, acronym_views);
    names.insert(names.end(), name_views.begin(), name_views.end());
    acronyms.insert(acronyms.end(), acronym_views.begin(), acronym_views.end());
}

void split_surface_forms(std::string_view raw_name, std::vector<std::string_view>& names,
                         std::vector<std::string_view>& acronyms) {
    auto strip = [](std::string_view text) {
        text = trim(text);
        while (!text.empty() && std::string_view(".,;:").find(text.back()) != std::string_view::npos)
            text = trim(text.substr(0, text.size() - 1));
        return text;
    };
    // Most names have neither " / " nor " (": they are their one name, stripped.
    if (std::none_of(raw_name.begin(), raw_name.end(), [](char c) { return c == '/' || c == '('; })) {
        if (const auto name = strip(raw_name); !name.empty()) names.push_back(name);
        return;
    }
    std::vector<std::string_view> parts;
    std::string_view rest = raw_name;
    for (auto slash = rest.find(" / "); slash != std::string_view::npos; slash = rest.find(" / ")) {
        parts.push_back(strip(rest.substr(0, slash)));
        rest = rest.substr(slash + 3);
    }
    parts.push_back(strip(rest));
    for (const auto& part : parts) {
        if (part.empty()) continue;
        const auto open = part.rfind(" (");
        if (part.back() == ')' && open != std::string_view::npos) {
            const auto outer = strip(part.substr(0, open));
            const auto inner = strip(part.substr(open + 2, part.size() - open - 3));
            if (!outer.empty() && !inner.empty()) {
                if (looks_like_acronym(inner)) {  // "AI Engineer Europe (AIE)"
                    names.push_back(outer);
                    acronyms.push_back(inner);
                    continue;
                }
                if (looks_like_acronym(outer)) {  // "MoE (Mixture of Experts)"
                    names.push_back(inner);
                    acronyms.push_back(outer);
                    continue;
                }
            }
        }
        names.push_back(part);
    }
}

namespace {

// Whether one of the keywords of description_aliases' patterns starts a word of the
// text, in any case: a text without one matches neither. Exact as a first test: RE2's
// \b is a boundary of ASCII word characters, and the only code point outside ASCII
// that (?i) folds to a keyword's letters is U+017F (a long s), whose texts are
// passed on to the patterns. Some ten million descriptions at a million episodes
// go through here, several times faster than through the patterns' automaton.
bool may_state_former_name(std::string_view text) {
    static constexpr std::array<std::string_view, 4> kKeywords = {"formerly", "previously", "anciennement",
                                                                   "auparavant"};
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (bytes[at] == 0xC5 && at + 1 < text.size() && bytes[at + 1] == 0xBF) return true;  // U+017F
        const auto lower = static_cast<char>(bytes[at] | 0x20);  // ASCII letters in lower case
        if (lower != 'f' && lower != 'p' && lower != 'a') continue;
        if (at > 0 && is_ascii_word(bytes[at - 1])) continue;
        for (const auto keyword : kKeywords) {
            if (keyword[0] != lower || text.size() - at < keyword.size()) continue;
            std::size_t i = 1;
            while (i < keyword.size() && static_cast<char>(bytes[at + i] | 0x20) == keyword[i]) ++i;
            if (i == keyword.size()) return true;
        }
    }
    return false;
}

}  // namespace

std::vector<std::string> description_aliases(std::string_view description, EntityKind kind) {
    // For people a bare "formerly X" names a former employer, so only explicit renames count.
    static const auto renamed = internal::compile_pattern(
        R"((?i)\b(?:formerly|previously|anciennement|auparavant)\s*,?\s+(?:known as|called|named|appel\x{e9}e?|nomm\x{e9}e?|connue? sous le nom d[e'\x{2019}]\s*)\s*(.+))");
    static const auto formerly = internal::compile_pattern(
        R"((?i)\b(?:formerly|previously|anciennement|auparavant)\s*,?\s+(.+))");
    // Every rename also matches `formerly`: the keywords first, then one pass of it
    // without a capture, which its DFA answers alone, turn away the descriptions that
    // state no former name (nearly all).
    if (!may_state_former_name(description) || !RE2::PartialMatch(description, *formerly)) return {};
    std::string rest;
    if (!RE2::PartialMatch(description, *renamed, &rest) &&
        (kind == EntityKind::Person || !RE2::PartialMatch(description, *formerly, &rest)))
        return {};
    // The stated names run to the end of the clause: "formerly Clawdbot, Clawd and Moltbot; ..."
    rest = rest.substr(0, rest.find_first_of(";.()"));
    std::vector<std::string> aliases;
    std::string current;
    auto flush = [&] {
        auto name = std::string(trim(current));
        while (!name.empty() && std::string_view("\"'").find(name.back()) != std::string_view::npos) name.pop_back();
        while (!name.empty() && std::string_view("\"'").find(name.front()) != std::string_view::npos) name.erase(0, 1);
        name = std::string(trim(name));
        current.clear();
        if (name.empty()) return;
        const auto first = static_cast<unsigned char>(name[0]);
        if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') || first >= 0x80) aliases.push_back(name);
    };
    const auto words = split_on_spaces(rest);
    for (const auto& word : words) {
        if (word == "and" || word == "et" || word == "or" || word == "ou" || word == "/") {
            flush();
            continue;
        }
        const bool ends_item = word.back() == ',';
        current += (current.empty() ? "" : " ") + (ends_item ? word.substr(0, word.size() - 1) : word);
        if (ends_item) flush();
    }
    flush();
    return aliases;
}

std::vector<std::string_view> episodes_of(const ResolutionResult& result, const ResolvedEntity& entity) {
    // Mentions are in episode order, and an entity's mentions in mention order.
    std::vector<std::string_view> ids;
    for (const auto m : entity.mentions)
        if (ids.empty() || ids.back() != result.mentions.at(m).episode_id) ids.emplace_back(result.mentions[m].episode_id);
    return ids;
}

ResolutionResult resolve_entities(const std::vector<Episode>& episodes, const ResolveOptions& options) {
    return Resolver(episodes, options).run();
}

}  // namespace castgraph
