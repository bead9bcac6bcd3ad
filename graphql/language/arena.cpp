#include "graphql/language/arena.hpp"

#include <algorithm>

namespace cohort::graphql::language {

void* arena::allocate_slow(std::size_t bytes, std::size_t align) {
  // Doubling keeps the number of blocks logarithmic in the document size.
  std::size_t size = std::max(next_block_bytes_, bytes + align + sizeof(block_header));
  next_block_bytes_ = std::min<std::size_t>(size * 2, std::size_t{1} << 24);
  auto* header = static_cast<block_header*>(::operator new(size));
  header->next = blocks_;
  blocks_ = header;
  reserved_ += size;
  cursor_ = reinterpret_cast<char*>(header + 1);
  limit_ = reinterpret_cast<char*>(header) + size;
  return allocate(bytes, align);
}

void arena::release() {
  while (blocks_ != nullptr) {
    block_header* next = blocks_->next;
    ::operator delete(blocks_);
    blocks_ = next;
  }
  cursor_ = limit_ = nullptr;
  reserved_ = 0;
}

}  // namespace cohort::graphql::language
