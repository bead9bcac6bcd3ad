// Bump allocator that owns every node, list and unescaped string of one parsed document.
// Nodes are trivially destructible, so freeing a document is freeing a few blocks; blocks are
// heap-allocated, so pointers into them survive moving the arena.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cohort::graphql::language {

class arena {
 public:
  arena() = default;
  explicit arena(std::size_t first_block_bytes) : next_block_bytes_(first_block_bytes) {}
  arena(arena&& other) noexcept { take(other); }
  arena& operator=(arena&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  arena(const arena&) = delete;
  arena& operator=(const arena&) = delete;
  ~arena() { release(); }

  void* allocate(std::size_t bytes, std::size_t align) {
    auto p = (reinterpret_cast<std::uintptr_t>(cursor_) + (align - 1)) & ~(align - 1);
    if (p + bytes > reinterpret_cast<std::uintptr_t>(limit_)) return allocate_slow(bytes, align);
    cursor_ = reinterpret_cast<char*>(p + bytes);
    return reinterpret_cast<void*>(p);
  }

  template <class T>
  T* make() {
    static_assert(std::is_trivially_destructible_v<T>, "arena never runs destructors");
    return new (allocate(sizeof(T), alignof(T))) T;
  }

  // Copies n elements into the arena; the copy lives as long as the arena.
  template <class T>
  const T* copy(const T* items, std::size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (n == 0) return nullptr;
    void* p = allocate(sizeof(T) * n, alignof(T));
    std::memcpy(p, items, sizeof(T) * n);
    return static_cast<const T*>(p);
  }

  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    return {copy(text.data(), text.size()), text.size()};
  }

  // Bytes reserved from the heap, for cache accounting.
  std::size_t reserved_bytes() const { return reserved_; }

 private:
  // Blocks form a list through a header at their start: one heap allocation per block.
  struct block_header {
    block_header* next;
  };

  void* allocate_slow(std::size_t bytes, std::size_t align);
  void release();
  void take(arena& other) {
    blocks_ = std::exchange(other.blocks_, nullptr);
    cursor_ = std::exchange(other.cursor_, nullptr);
    limit_ = std::exchange(other.limit_, nullptr);
    next_block_bytes_ = other.next_block_bytes_;
    reserved_ = std::exchange(other.reserved_, 0);
  }

  block_header* blocks_ = nullptr;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  std::size_t next_block_bytes_ = 1024;
  std::size_t reserved_ = 0;
};

}  // namespace cohort::graphql::language
