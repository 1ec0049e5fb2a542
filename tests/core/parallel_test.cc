// parallel::ordered_map: every item processed once, batches delivered in
// input order whatever the thread count, the last (empty) batch delivered,
// and a refusing deliver stops the loop.
#include "saring/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

struct Batch {
  std::vector<int> items;
};

// Squares 0..n-1 in batches of `batch` on `threads` threads; returns what was delivered.
std::vector<int> squares(int n, size_t batch, unsigned threads, int* empty_deliveries) {
  int next = 0;
  std::vector<int> out;
  saring::parallel::ordered_map<Batch>(
      threads,
      [&](Batch& b) {
        while (next < n && b.items.size() < batch) b.items.push_back(next++);
      },
      [](Batch& b, size_t i, unsigned) { b.items[i] *= b.items[i]; },
      [&](Batch& b) {
        if (b.items.empty()) ++*empty_deliveries;
        out.insert(out.end(), b.items.begin(), b.items.end());
        return true;
      });
  return out;
}

}  // namespace

TEST(OrderedMap, SameOrderForAnyThreadCount) {
  for (unsigned threads : {1u, 2u, 7u}) {
    int empty = 0;
    auto out = squares(1000, 33, threads, &empty);
    ASSERT_EQ(out.size(), 1000u) << threads;
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(out[static_cast<size_t>(i)], i * i) << threads;
    EXPECT_EQ(empty, 1) << "the end is delivered once";
  }
}

TEST(OrderedMap, NoItemsDeliversOnlyTheEnd) {
  int empty = 0;
  EXPECT_TRUE(squares(0, 8, 4, &empty).empty());
  EXPECT_EQ(empty, 1);
}

TEST(OrderedMap, DeliverCanStop) {
  int next = 0, delivered = 0;
  bool finished = saring::parallel::ordered_map<Batch>(
      3, [&](Batch& b) { while (b.items.size() < 4) b.items.push_back(next++); },
      [](Batch&, size_t, unsigned) {}, [&](Batch&) { return ++delivered < 3; });
  EXPECT_FALSE(finished);
  EXPECT_EQ(delivered, 3);
}

TEST(ForEachIndex, EveryIndexOnceAndWorkerZeroIsTheCaller) {
  std::vector<std::atomic<int>> seen(500);
  std::atomic<int> wrong_thread{0}, wrong_worker{0};
  const auto caller = std::this_thread::get_id();
  saring::parallel::for_each_index(seen.size(), 4, [&](size_t i, unsigned worker) {
    ++seen[i];
    if ((worker == 0) != (std::this_thread::get_id() == caller)) ++wrong_thread;
    if (worker >= 4) ++wrong_worker;
  });
  for (auto& s : seen) EXPECT_EQ(s.load(), 1);
  EXPECT_EQ(wrong_thread.load(), 0);
  EXPECT_EQ(wrong_worker.load(), 0);
}
