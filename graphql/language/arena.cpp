#include "graphql/language/arena.hpp"

#include <algorithm>

namespace cohort::graphql::language {

void* arena::allocate_slow(std::size_t bytes, std::size_t align) {
  // Doubling keeps the number of blocks logarithmic in the document size.
  std::size_t size = std::max(next_block_bytes_, bytes + align);
  next_block_bytes_ = std::min<std::size_t>(size * 2, std::size_t{1} << 24);
  blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
  reserved_ += size;
  cursor_ = blocks_.back().get();
  limit_ = cursor_ + size;
  return allocate(bytes, align);
}

}  // namespace cohort::graphql::language
