// A stand-in for libFuzzer where it is not available (g++ builds): runs a fuzz target's
// LLVMFuzzerTestOneInput on every seed file, then on mutations of them (byte flips, insertions of
// GraphQL/JSON punctuation and keywords, deletions, duplicated and spliced ranges) until a time or
// run budget is spent. Deterministic for a given -seed. Accepts libFuzzer's flag spelling:
//   fuzz_target [-max_total_time=S] [-runs=N] [-seed=N] [-max_len=N] <seed file or dir>...
// A crash or abort in the target is the failure; the input is written to ./crash-input first.
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::string current;  // the input being run, saved by the signal handler

extern "C" void on_crash(int sig) {
  if (FILE* f = std::fopen("crash-input", "wb")) {
    std::fwrite(current.data(), 1, current.size(), f);
    std::fclose(f);
  }
  std::fprintf(stderr, "fuzz: signal %d; input saved to ./crash-input (%zu bytes)\n", sig,
               current.size());
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void run_one(const std::string& input) {
  current = input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* const tokens[] = {
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "$",
    "@",
    "!",
    "=",
    "|",
    "&",
    "...",
    "\"",
    "\"\"\"",
    "\\u",
    "\\",
    "#",
    ",",
    "\n",
    " ",
    "0",
    "-1.5e3",
    "query",
    "mutation",
    "subscription",
    "fragment",
    "on",
    "true",
    "null",
    "__typename",
    "__schema",
    "__type",
    "@include(if: $v)",
    "@skip(if: true)",
    "type",
    "input",
    "extend",
    "directive",
    "schema",
    "{\"a\":",
    "[1,",
    "\"x\"",
    "\xc3\xa9",
    "\xff",
    "\0",
};

std::string mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng,
                   std::size_t max_len) {
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  int steps = 1 + static_cast<int>(pick(4));
  for (int i = 0; i < steps; ++i) {
    std::size_t pos = pick(s.size() + 1);
    switch (pick(6)) {
      case 0:  // flip a byte
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1: {  // insert a token
        const char* t = tokens[pick(std::size(tokens))];
        s.insert(pos, t, std::strlen(t) == 0 ? 1 : std::strlen(t));
        break;
      }
      case 2:  // delete a range
        if (!s.empty()) s.erase(pos, 1 + pick(16));
        break;
      case 3: {  // duplicate a range (deep nesting, long lists)
        if (s.empty()) break;
        std::size_t from = pick(s.size()),
                    len = 1 + pick(std::min<std::size_t>(32, s.size() - from));
        std::string chunk = s.substr(from, len);
        for (std::size_t k = 1 + pick(8); k > 0; --k) s.insert(pos, chunk);
        break;
      }
      case 4: {  // splice from another seed
        const auto& other = seeds[pick(seeds.size())];
        if (other.empty()) break;
        std::size_t from = pick(other.size());
        s.insert(pos, other.substr(from, 1 + pick(64)));
        break;
      }
      default:  // a random byte
        s.insert(pos, 1, static_cast<char>(pick(256)));
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double max_seconds = 10;
  std::uint64_t max_runs = UINT64_MAX, seed = 1;
  std::size_t max_len = 4096;
  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* flag) { return arg.substr(std::strlen(flag)); };
    if (arg.rfind("-max_total_time=", 0) == 0) {
      max_seconds = std::atof(value("-max_total_time=").c_str());
    } else if (arg.rfind("-runs=", 0) == 0) {
      max_runs = std::strtoull(value("-runs=").c_str(), nullptr, 10);
    } else if (arg.rfind("-seed=", 0) == 0) {
      seed = std::strtoull(value("-seed=").c_str(), nullptr, 10);
    } else if (arg.rfind("-max_len=", 0) == 0) {
      max_len = std::strtoull(value("-max_len=").c_str(), nullptr, 10);
    } else if (arg.rfind("-", 0) == 0) {
      continue;  // other libFuzzer flags
    } else if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file()) seeds.push_back(slurp(entry.path()));
    } else {
      seeds.push_back(slurp(arg));
    }
  }
  if (seeds.empty()) seeds.emplace_back();
  for (int sig : {SIGSEGV, SIGABRT, SIGFPE, SIGILL, SIGBUS}) std::signal(sig, on_crash);

  auto start = std::chrono::steady_clock::now();
  std::uint64_t runs = 0;
  for (const auto& s : seeds) {
    run_one(s);
    ++runs;
  }
  std::mt19937_64 rng(seed);
  std::vector<std::string> pool = seeds;
  while (runs < max_runs) {
    if ((runs & 63) == 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
            max_seconds)
      break;
    std::string input = mutate(pool[rng() % pool.size()], seeds, rng, max_len);
    run_one(input);
    ++runs;
    // Keep some mutants as parents, so that mutations accumulate (bounded pool).
    if (rng() % 8 == 0) {
      if (pool.size() < 512) {
        pool.push_back(std::move(input));
      } else {
        pool[rng() % pool.size()] = std::move(input);
      }
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("fuzz: %llu inputs (%zu seeds) in %.1f s, no crash\n",
              static_cast<unsigned long long>(runs), seeds.size(), seconds);
  return 0;
}
