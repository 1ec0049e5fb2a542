// An ordered parallel map: items are taken from a source in bounded batches,
// each batch is processed by up to N threads in any order, and the batch is
// then handed, whole and in input order, to a serial step (a writer, a dedup
// index). Memory stays bounded by one batch being processed plus one being
// read, and the output depends only on the items, never on the thread count.
//
//   struct Batch { std::vector<Page> items; };
//   saring::parallel::ordered_map<Batch>(
//       threads,
//       [&](Batch& b) { fill(b); },                      // serial; no items: the end
//       [&](Batch& b, size_t i, unsigned) { b.items[i].process(); },  // any thread
//       [&](Batch& b) { return write_in_order(b); });    // serial; false: stop
//
// With more than one thread, the next batch is read on its own thread while
// the current one is processed, so a serial reader (gunzip, WARC parsing)
// overlaps the work. `saring extract` and `saring run` both go through here.
#pragma once

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace saring::parallel {

// Calls process(i, worker) for every i in [0, n) on up to `threads` threads
// (at least one). The calling thread works too, as worker 0; the others are
// numbered from 1. Returns when every call has returned.
template <class Process>
void for_each_index(size_t n, unsigned threads, Process&& process) {
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) process(i, worker);
  };
  const size_t extra = std::min<size_t>(std::max(1u, threads), n > 0 ? n : 1) - 1;
  std::vector<std::thread> pool;
  pool.reserve(extra);
  for (unsigned t = 1; t <= extra; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
}

// Runs the loop described at the top of this file. `Batch` is default
// constructible, movable, and has a random-access `items` member.
//   read(Batch&)                     fills an empty batch; no items: the end
//   process(Batch&, size_t i, unsigned worker)   item i, on any thread;
//                                    worker 0 is the calling thread
//   deliver(Batch&) -> bool          each batch in input order, then the last,
//                                    empty one (what a reader noted at the
//                                    end travels with it); false stops
// Returns false when deliver stopped the loop.
template <class Batch, class Read, class Process, class Deliver>
bool ordered_map(unsigned threads, Read&& read, Process&& process, Deliver&& deliver) {
  threads = std::max(1u, threads);
  Batch current;
  read(current);
  while (!current.items.empty()) {
    Batch upcoming;
    std::thread prefetch;
    if (threads > 1) prefetch = std::thread([&] { read(upcoming); });
    // Joined on every way out, so `upcoming` is never written after it is gone.
    struct Joiner {
      std::thread& t;
      ~Joiner() {
        if (t.joinable()) t.join();
      }
    } joiner{prefetch};
    for_each_index(current.items.size(), threads,
                   [&](size_t i, unsigned worker) { process(current, i, worker); });
    if (!deliver(current)) return false;
    if (prefetch.joinable()) prefetch.join();
    else read(upcoming);
    current = std::move(upcoming);
  }
  return deliver(current);
}

}  // namespace saring::parallel
