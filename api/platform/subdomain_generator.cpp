#include "api/platform/subdomain_generator.hpp"

#include <array>
#include <random>

namespace cohort::api::platform {

namespace {

// Twenty's word lists (generate-random-subdomain.ts): 55 adjectives, 50 colours, 50 animals.
constexpr std::array<std::string_view, 55> adjectives = {
    "bold",     "bouncy",  "brave",      "bright",    "calm",       "clever",    "colorful",
    "cool",     "eager",   "fast",       "fierce",    "funny",      "gentle",    "glad",
    "graceful", "happy",   "joyful",     "kind",      "lucky",      "mighty",    "noble",
    "quick",    "sharp",   "shiny",      "silent",    "smart",      "swift",     "wise",
    "witty",    "zany",    "agile",      "amazing",   "awesome",    "brilliant", "cheerful",
    "dashing",  "dynamic", "elegant",    "energetic", "excellent",  "fantastic", "friendly",
    "glorious", "grand",   "helpful",    "honest",    "innovative", "inspiring", "jolly",
    "lively",   "magical", "optimistic", "peaceful",  "powerful",   "radiant"};
constexpr std::array<std::string_view, 50> colors = {
    "almond",   "amber",    "azure",     "beige",  "black",    "blue",    "brown",   "crimson",
    "cyan",     "gold",     "gray",      "green",  "indigo",   "lime",    "magenta", "maroon",
    "mint",     "mustard",  "orange",    "peach",  "pink",     "purple",  "red",     "salmon",
    "silver",   "teal",     "turquoise", "violet", "white",    "yellow",  "aqua",    "bronze",
    "burgundy", "cerulean", "charcoal",  "coral",  "emerald",  "fuchsia", "garnet",  "jade",
    "lavender", "mauve",    "navy",      "olive",  "platinum", "plum",    "rose",    "ruby",
    "sapphire", "scarlet"};
constexpr std::array<std::string_view, 50> animals = {
    "bear",    "crocodile", "dolphin", "eagle",    "elephant", "falcon",  "fox",      "giraffe",
    "hawk",    "hedgehog",  "horse",   "kangaroo", "koala",    "lion",    "lynx",     "monkey",
    "moose",   "octopus",   "owl",     "panda",    "panther",  "penguin", "rabbit",   "raccoon",
    "seal",    "shark",     "sparrow", "tiger",    "whale",    "wolf",    "antelope", "badger",
    "buffalo", "camel",     "cheetah", "deer",     "dragon",   "gazelle", "gorilla",  "hippo",
    "jaguar",  "lemur",     "leopard", "llama",    "meerkat",  "otter",   "peacock",  "phoenix",
    "rhino",   "zebra"};

// Mailbox providers whose domain says nothing about the user's company.
constexpr std::array<std::string_view, 24> personal_domains = {
    "gmail.com",   "googlemail.com", "yahoo.com",      "yahoo.fr",   "hotmail.com", "hotmail.fr",
    "outlook.com", "live.com",       "msn.com",        "icloud.com", "me.com",      "mac.com",
    "aol.com",     "proton.me",      "protonmail.com", "gmx.com",    "gmx.de",      "web.de",
    "yandex.com",  "yandex.ru",      "mail.ru",        "orange.fr",  "free.fr",     "qq.com"};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& words) {
  thread_local std::mt19937 rng{std::random_device{}()};
  return words[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

}  // namespace

std::string random_subdomain() {
  return std::string(pick(adjectives)) + "-" + std::string(pick(colors)) + "-" +
         std::string(pick(animals));
}

std::optional<std::string> subdomain_from_work_email(std::string_view email) {
  auto at = email.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view domain = email.substr(at + 1);
  for (auto personal : personal_domains) {
    if (domain == personal) return std::nullopt;
  }
  std::string label(domain.substr(0, domain.find('.')));
  if (!is_valid_subdomain(label)) return std::nullopt;
  return label;
}

bool is_valid_subdomain(std::string_view s) {
  if (s.size() < 3 || s.size() > 30 || s.front() == '-' || s.back() == '-') return false;
  if (s.starts_with("api-")) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace cohort::api::platform
